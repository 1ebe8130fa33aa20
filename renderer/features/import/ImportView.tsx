import { ScrollArea } from '../../components/ScrollArea.js';
import { useId, type MouseEvent, type ReactNode, type Ref } from 'react';
import {
  ImportEncoding,
  MappableField,
  type ImportKind,
  type ImportPreview,
  type ImportProgress,
  type ImportRowIssue,
} from '../../../shared/schema/pipeline.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import type { ImportFeedback, ImportStep } from '../../stores/import-store.js';
import { actionLabels, encodingLabels, fieldLabels, kindOptions, phaseLabels } from './labels.js';

export interface ImportViewProps {
  headingRef?: Ref<HTMLHeadingElement>;
  kind: ImportKind;
  step: ImportStep;
  preview: ImportPreview | null;
  progress: ImportProgress | null;
  feedback: ImportFeedback | null;
  /** True right after a commit: offers the way to the pipeline. */
  imported: boolean;
  exporting: 'csv' | 'vcard' | null;
  exportFeedback: ImportFeedback | null;
  readOnly: boolean;
  onKind(kind: ImportKind): void;
  onChoose(): void;
  onRemap(column: number, field: MappableField): void;
  onEncoding(encoding: ImportEncoding): void;
  onCommit(): void;
  onCancel(): void;
  onOpenPipeline(): void;
  onExport(format: 'csv' | 'vcard'): void;
}

const number = (n: number) => new Intl.NumberFormat().format(n);
/** Skipped rows and warnings listed one by one; beyond this each list says how many more. */
const MAX_ISSUES_SHOWN = 50;

/** Progress with a known total; without one the bar is indeterminate (no aria-valuenow). */
export function ProgressBar({
  progress,
  label,
}: {
  progress: ImportProgress | null;
  label: string;
}) {
  const total = progress?.total ?? 0;
  const percent =
    progress && total > 0
      ? Math.max(0, Math.min(100, Math.round((progress.done / total) * 100)))
      : null;
  const words = progress ? (phaseLabels[progress.phase] ?? 'Working') : 'Waiting for the file';
  return (
    <div className="progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? `${words}…` : `${words}: ${percent}%`}
        className={percent === null ? 'progress-track progress-indeterminate' : 'progress-track'}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
      </div>
      <p className="progress-label muted">
        {words}
        {progress && total > 0
          ? ` (${number(Math.min(progress.done, total))} of ${number(total)})`
          : '…'}
      </p>
    </div>
  );
}

function countsLine(counts: ImportPreview['counts']): string {
  return `${number(counts.new)} new, ${number(counts.merge)} to merge, ${number(counts.unchanged)} unchanged, ${number(counts.rejected)} rejected`;
}

function Mapping({
  preview,
  disabled,
  onRemap,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onRemap(column: number, field: MappableField): void;
}) {
  const baseId = useId();
  return (
    <section aria-labelledby={`${baseId}-title`} className="import-mapping">
      <h3 id={`${baseId}-title`} className="subsection-title">
        Match the columns
      </h3>
      <p className="section-intro">
        Choose what each column of your file holds. Columns set to “Do not import” are left out.
      </p>
      <div className="mapping-grid">
        {preview.headers.map((header, column) => {
          const id = `${baseId}-col-${column}`;
          const label = header.trim() || `Column ${column + 1}`;
          return (
            <div className="field" key={id}>
              <label className="field-label" htmlFor={id}>
                {label}
              </label>
              <select
                id={id}
                className="input input-select"
                value={preview.mapping[column] ?? 'ignore'}
                disabled={disabled}
                onChange={(event) => onRemap(column, event.target.value as MappableField)}
              >
                {MappableField.options.map((field) => (
                  <option key={field} value={field}>
                    {fieldLabels[field]}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function Encoding({
  preview,
  disabled,
  onEncoding,
}: {
  preview: ImportPreview;
  disabled: boolean;
  onEncoding(encoding: ImportEncoding): void;
}) {
  const id = useId();
  const { encoding } = preview;
  return (
    <div className="field import-encoding">
      <label className="field-label" htmlFor={`${id}-select`}>
        Text encoding
      </label>
      <select
        id={`${id}-select`}
        className="input input-select"
        value={encoding.used}
        disabled={disabled}
        aria-describedby={encoding.note === null ? undefined : `${id}-note`}
        onChange={(event) => onEncoding(event.target.value as ImportEncoding)}
      >
        {ImportEncoding.options.map((value) => (
          <option key={value} value={value}>
            {encodingLabels[value]}
          </option>
        ))}
      </select>
      {encoding.note === null ? null : (
        <p id={`${id}-note`} className="field-hint">
          {encoding.note}
        </p>
      )}
    </div>
  );
}

/** One list of rows with reasons (skipped, or imported with warnings), under its own heading. */
function IssueList({
  className,
  title,
  intro,
  issues,
  total,
}: {
  className: string;
  title: string;
  intro?: string;
  issues: ImportRowIssue[];
  total: number;
}) {
  const id = useId();
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  return (
    <section aria-labelledby={id} className={`import-issues ${className}`}>
      <h3 id={id} className="subsection-title">
        {title}
      </h3>
      {intro ? <p className="section-intro">{intro}</p> : null}
      <ul className="issue-list">
        {shown.map((issue, index) => (
          <li key={`${issue.row}-${index}`}>{issue.reason}</li>
        ))}
      </ul>
      {total > shown.length ? (
        <p className="muted">And {number(total - shown.length)} more.</p>
      ) : null}
    </section>
  );
}

/** Where the companies go: employers already on the LAMP list, and the ones saving adds. */
function EmployersLine({ employers }: { employers: ImportPreview['employers'] }) {
  const { existing, added, newNames } = employers;
  if (existing === 0 && added === 0) return null;
  const more = added - newNames.length;
  const parts = [
    existing > 0
      ? `links contacts to ${number(existing)} ${existing === 1 ? 'employer' : 'employers'} on your LAMP list`
      : null,
    added > 0
      ? `adds ${number(added)} new ${added === 1 ? 'employer' : 'employers'} (${newNames.join(', ')}${more > 0 ? ` and ${number(more)} more` : ''})`
      : null,
  ].filter((part): part is string => part !== null);
  const text = parts.join(' and ');
  return <p className="import-employers">Saving {text}.</p>;
}

function Preview(props: ImportViewProps & { preview: ImportPreview }) {
  const { preview, step } = props;
  const baseId = useId();
  const importable = preview.counts.new + preview.counts.merge;
  const busy = step !== 'preview';
  const unit = preview.kind === 'vcard' ? 'card' : 'row';
  const units = (n: number) => `${number(n)} ${n === 1 ? unit : `${unit}s`}`;
  const skipped = preview.counts.rejected;
  const warnings = preview.counts.warnings;
  return (
    <section aria-labelledby={`${baseId}-title`} className="card import-preview">
      <h2 id={`${baseId}-title`} className="card-title" tabIndex={-1}>
        Preview of {preview.fileName}
      </h2>
      <p className="import-counts">{countsLine(preview.counts)}</p>
      <EmployersLine employers={preview.employers} />

      {preview.encoding.choosable ? (
        <Encoding preview={preview} disabled={busy} onEncoding={props.onEncoding} />
      ) : null}

      {preview.kind === 'csv' && preview.headers.length > 0 ? (
        <Mapping preview={preview} disabled={busy} onRemap={props.onRemap} />
      ) : null}

      {preview.sample.length > 0 ? (
        <ScrollArea label={`Preview of the first ${unit}s`}>
          <table className="table">
            <caption className="table-caption">
              {preview.sample.length === 1
                ? `The first ${unit}`
                : `The first ${preview.sample.length} ${unit}s`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Name</th>
                <th scope="col">Company</th>
                <th scope="col">Title</th>
                <th scope="col">E-mail</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map(({ action, contact }, index) => (
                <tr key={index}>
                  <td>
                    <span className={`action-badge action-${action}`}>{actionLabels[action]}</span>
                  </td>
                  <td dir="auto">{`${contact.firstName} ${contact.lastName ?? ''}`.trim()}</td>
                  <td dir="auto">{contact.company}</td>
                  <td dir="auto">{contact.title}</td>
                  <td>{contact.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      ) : (
        <p className="muted">No {unit}s could be read with this setup.</p>
      )}

      {skipped > 0 ? (
        <IssueList
          className="import-skipped"
          title={`${units(skipped)} will be skipped`}
          issues={preview.rejected}
          total={skipped}
        />
      ) : null}

      {warnings > 0 ? (
        <IssueList
          className="import-warnings"
          title={warnings === 1 ? '1 warning' : `${number(warnings)} warnings`}
          intro={`These ${unit}s will be imported, but not exactly as the file has them.`}
          issues={preview.warnings}
          total={warnings}
        />
      ) : null}

      {step === 'committing' || step === 'remapping' ? (
        <ProgressBar progress={props.progress} label="Import progress" />
      ) : null}

      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || importable === 0 || props.readOnly}
          aria-busy={step === 'committing' || undefined}
          onClick={props.onCommit}
        >
          {importable === 0
            ? 'Nothing to import'
            : `Import ${number(importable)} ${importable === 1 ? 'contact' : 'contacts'}`}
        </button>
        <button
          type="button"
          className="button"
          disabled={step === 'committing'}
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
    </section>
  );
}

function Feedback({
  feedback,
  children,
}: {
  feedback: ImportFeedback | null;
  children?: ReactNode;
}) {
  return (
    <>
      {feedback?.kind === 'error' ? (
        <ErrorMessage>
          <p>{feedback.text}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>
        {feedback?.kind === 'success' ? (
          <>
            {feedback.text} {children}
          </>
        ) : null}
      </StatusMessage>
    </>
  );
}

/** Import a file in steps (choose, preview and match columns, commit), and export contacts. */
export function ImportView({ headingRef, ...props }: ImportViewProps) {
  const { kind, step, preview } = props;
  const kindName = useId();
  const busy = step === 'choosing' || step === 'committing' || step === 'remapping';
  const selected = kindOptions.find((option) => option.value === kind);
  return (
    <div className="page page-import">
      <header className="page-header">
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          Import and export contacts
        </h1>
        <p className="page-lead">
          Bring in people you already know. Rapport shows what it found before anything is saved,
          and never adds the same person twice.
        </p>
      </header>

      <section aria-labelledby="import-heading" className="import-section">
        <h2 id="import-heading" className="section-title" tabIndex={-1}>
          Import
        </h2>
        <fieldset className="kind-choice" disabled={busy}>
          <legend className="field-label">What are you importing?</legend>
          {kindOptions.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={kindName}
                value={option.value}
                checked={kind === option.value}
                onChange={() => props.onKind(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
          {selected ? <p className="field-hint">{selected.hint}</p> : null}
        </fieldset>
        <div className="button-row">
          <button
            type="button"
            className={preview ? 'button' : 'button button-primary'}
            onClick={props.onChoose}
            disabled={busy || props.readOnly}
            aria-busy={step === 'choosing' || undefined}
          >
            Choose file…
          </button>
        </div>
        {props.readOnly ? (
          <p className="read-only-explainer">
            Importing is turned off because Rapport opened your data read-only.
          </p>
        ) : null}
        {step === 'choosing' ? (
          <div className="import-reading">
            <ProgressBar progress={props.progress} label="Import progress" />
            <button
              id="import-cancel-reading"
              type="button"
              className="button"
              onClick={props.onCancel}
            >
              Cancel
            </button>
          </div>
        ) : null}

        <Feedback feedback={props.feedback}>
          {props.imported ? (
            <a
              href="#pipeline"
              onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                event.preventDefault();
                props.onOpenPipeline();
              }}
            >
              Open the pipeline
            </a>
          ) : null}
        </Feedback>

        {preview && step !== 'choosing' ? <Preview {...props} preview={preview} /> : null}
      </section>

      <section aria-labelledby="export-heading" className="import-section">
        <h2 id="export-heading" className="section-title">
          Export
        </h2>
        <p className="section-intro">
          Save all your contacts as a CSV file for a spreadsheet, or as a vCard file for an address
          book.
        </p>
        <div className="button-row">
          <button
            id="export-contacts-csv"
            type="button"
            className="button"
            disabled={props.exporting !== null}
            aria-busy={props.exporting === 'csv' || undefined}
            onClick={() => props.onExport('csv')}
          >
            Export contacts as CSV…
          </button>
          <button
            id="export-contacts-vcard"
            type="button"
            className="button"
            disabled={props.exporting !== null}
            aria-busy={props.exporting === 'vcard' || undefined}
            onClick={() => props.onExport('vcard')}
          >
            Export contacts as vCard…
          </button>
        </div>
        <Feedback feedback={props.exportFeedback} />
      </section>
    </div>
  );
}
