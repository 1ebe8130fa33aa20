import { useId, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { MIN_OPEN_QUESTIONS, openQuestionCount } from '../../../shared/domain/questions.js';
import type { Attachment, Contact, Meeting } from '../../../shared/schema/entities.js';
import { TextField } from '../../components/Field.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { formatBytes } from '../../format.js';
import type { EditableKey, Feedback, PrepTask } from '../../stores/prep-store.js';
import { fullName } from '../pipeline/labels.js';
import { GettingThere } from './GettingThere.js';
import { NumberField } from './NumberField.js';

export type Edit = <K extends EditableKey>(key: K, value: Meeting[K]) => void;

/**
 * The workspace's sections in page order: the four that prepare, then the meeting itself (an answer
 * box under each question), what came after it, and the documents.
 */
export const prepSections: readonly { id: string; label: string; short?: string }[] = [
  { id: 'prep-research', label: 'Research' },
  { id: 'prep-questions', label: 'Questions' },
  { id: 'prep-checklist', label: 'Checklist' },
  { id: 'prep-files', label: 'Files' },
  { id: 'prep-during', label: 'During the meeting', short: 'During' },
  { id: 'prep-after', label: 'After the meeting', short: 'After' },
  { id: 'prep-documents', label: 'Documents' },
];

const goTo = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
  event.preventDefault();
  const heading = document.getElementById(id);
  heading?.scrollIntoView?.({ block: 'start' }); // (not in jsdom)
  heading?.focus({ preventScroll: true });
};

/**
 * "On this page": a link to each section, which scrolls to its heading and gives it the focus,
 * so a long workspace is one keystroke from any part. The first four are the preparing.
 */
export function PrepNav() {
  const [prepare, rest] = [prepSections.slice(0, 4), prepSections.slice(4)];
  return (
    <nav className="prep-nav" aria-label="Sections of this meeting">
      <ul>
        <li className="prep-nav-group">
          <span className="prep-nav-label">Prepare:</span>
          <ul>
            {prepare.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} onClick={goTo(section.id)}>
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </li>
        {rest.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`} onClick={goTo(section.id)}>
              {section.short ?? section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A card with its level-2 heading, labelled by it. */
export function PrepSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card prep-section" aria-labelledby={id}>
      <h2 className="card-title prep-section-title" id={id} tabIndex={-1}>
        {title}
      </h2>
      {intro ? <p className="card-text prep-section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}

/** A success as a polite status, an error as an alert: the pattern every action here uses. */
export function FeedbackLine({ feedback }: { feedback: Feedback | undefined }) {
  if (feedback?.kind === 'error') {
    return (
      <ErrorMessage>
        <p>{feedback.text}</p>
      </ErrorMessage>
    );
  }
  return <StatusMessage>{feedback?.text ?? null}</StatusMessage>;
}

const researchFields = [
  ['industry', 'Industry'],
  ['company', 'Company'],
  ['position', 'Position'],
  ['person', 'The person'],
] as const;

export function ResearchSection({
  research,
  employer,
  disabled,
  edit,
}: {
  research: Meeting['research'];
  /** The contact's employer, whose company research an earlier meeting there may have written. */
  employer?: { name: string; research: string } | null;
  disabled: boolean;
  edit: Edit;
}) {
  const offered =
    employer && research.company.trim() === '' && employer.research.trim() !== '' ? employer : null;
  /** Using the offer takes its button away: the focus goes to the field it filled. */
  const company = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  return (
    <PrepSection
      id="prep-research"
      title="Research"
      intro="One point per line; start a line with “- ” for a bullet. Links are fine."
    >
      <div className="prep-research-grid">
        {researchFields.map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            multiline
            rows={5}
            value={research[key]}
            disabled={disabled}
            onChange={(value) => edit('research', { ...research, [key]: value })}
            {...(key === 'company' ? { inputRef: company } : {})}
            {...(key === 'company' && employer
              ? { hint: `Kept with ${employer.name} for your next meeting there.` }
              : {})}
          />
        ))}
      </div>
      {offered ? (
        <div className="prep-research-offer">
          <p className="card-text">
            You wrote about {offered.name} before:{' '}
            <span className="muted">
              “
              {offered.research.length > 160
                ? `${offered.research.slice(0, 160).trimEnd()}…`
                : offered.research}
              ”
            </span>
          </p>
          <button
            type="button"
            className="button button-small"
            disabled={disabled}
            onClick={() => {
              edit('research', { ...research, company: offered.research });
              company.current?.focus();
            }}
          >
            Use research on {offered.name}
          </button>
        </div>
      ) : null}
    </PrepSection>
  );
}

const checks = [
  ['portfolio', 'Portfolio'],
  ['businessCards', 'Business cards'],
  ['outfit', 'Outfit ready'],
  ['researchDone', 'Research done'],
] as const;

export { openQuestionCount };

export function ChecklistSection({
  meeting,
  arriveEarlyMinutes,
  disabled,
  edit,
}: {
  meeting: Meeting;
  arriveEarlyMinutes: number;
  disabled: boolean;
  edit: Edit;
}) {
  const { checklist } = meeting;
  const open = openQuestionCount(meeting.questions);
  const ready = open >= MIN_OPEN_QUESTIONS;
  const noteId = useId();
  return (
    <PrepSection id="prep-checklist" title="Checklist">
      <div className="prep-checklist">
        <NumberField
          label="Resume copies"
          value={checklist.resumeCopies}
          min={0}
          max={50}
          disabled={disabled}
          onCommit={(n) => edit('checklist', { ...checklist, resumeCopies: n })}
        />
        <ul className="prep-checks">
          {checks.map(([key, label]) => (
            <li key={key}>
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={checklist[key]}
                  disabled={disabled}
                  onChange={(event) =>
                    edit('checklist', {
                      ...checklist,
                      [key]: event.target.checked,
                    })
                  }
                />
                {label}
              </label>
            </li>
          ))}
          <li>
            <label className="check-row check-row-auto">
              <input type="checkbox" checked={ready} disabled aria-describedby={noteId} readOnly />
              At least {MIN_OPEN_QUESTIONS} open questions ready
            </label>
            <p className="field-hint prep-auto-note" id={noteId}>
              {ready
                ? `Ticked automatically: ${open} open questions.`
                : `Ticked automatically at ${MIN_OPEN_QUESTIONS}: ${open} open ${open === 1 ? 'question' : 'questions'} so far (yes/no questions don’t count).`}
            </p>
          </li>
        </ul>
        <GettingThere
          meeting={meeting}
          arriveEarlyMinutes={arriveEarlyMinutes}
          disabled={disabled}
          edit={edit}
        />
      </div>
    </PrepSection>
  );
}

const roleLabels: Record<Attachment['role'], string> = {
  resume: 'Resume',
  portfolio: 'Portfolio',
  other: 'Other',
};

export function FilesSection({
  attachments,
  busy,
  disabled,
  feedback,
  onAttach,
  onDetach,
}: {
  attachments: Attachment[];
  busy: PrepTask | null;
  disabled: boolean;
  feedback: Feedback | undefined;
  onAttach(role: 'resume' | 'portfolio'): void;
  onDetach(attachment: Attachment): void;
}) {
  return (
    <PrepSection
      id="prep-files"
      title="Files"
      intro="Files are copied into Rapport’s data folder, so moving the original later is fine."
    >
      {attachments.length === 0 ? (
        <p className="muted">No files attached yet. A PDF resume can be printed in the packet.</p>
      ) : (
        <ul className="prep-files" aria-label="Attached files">
          {attachments.map((a) => (
            <li key={a.id} className="prep-file">
              <span className="prep-file-name">{a.originalName}</span>
              <span className="muted">{formatBytes(a.size)}</span>
              <span className="prep-file-role">{roleLabels[a.role]}</span>
              <button
                type="button"
                className="button button-small"
                aria-label={`Remove ${a.originalName}`}
                disabled={disabled || busy !== null}
                onClick={() => onDetach(a)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row prep-file-actions">
        <button
          type="button"
          className="button"
          disabled={disabled || busy !== null}
          onClick={() => onAttach('resume')}
        >
          Attach resume…
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled || busy !== null}
          onClick={() => onAttach('portfolio')}
        >
          Attach portfolio…
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </PrepSection>
  );
}

export function AfterSection({
  meeting,
  contact,
  disabled,
  busy,
  edit,
  feedback,
  suggested,
  onAddSuggested,
  onOpenContact,
  promiseTasks,
}: {
  meeting: Meeting;
  contact: Contact;
  disabled: boolean;
  busy: PrepTask | null;
  edit: Edit;
  feedback: Feedback | undefined;
  suggested: Contact | null;
  onAddSuggested(input: { firstName: string; lastName: string; company: string }): Promise<boolean>;
  onOpenContact(id: string): void;
  /** The promises as tasks with dates, shown under the promises field. */
  promiseTasks?: ReactNode;
}) {
  const [person, setPerson] = useState({
    firstName: '',
    lastName: '',
    company: '',
  });
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (person.firstName.trim() === '') {
      setNameError('Enter a first name.');
      form.querySelector<HTMLElement>('[name="firstName"]')?.focus();
      return;
    }
    setNameError(null);
    const ok = await onAddSuggested({
      firstName: person.firstName.trim(),
      lastName: person.lastName.trim(),
      company: person.company.trim(),
    });
    if (ok) setPerson({ firstName: '', lastName: '', company: '' });
  };

  const text = (
    key: 'takeaways' | 'advice' | 'namesSuggested' | 'promises',
    label: string,
    hint?: string,
  ) => (
    <TextField
      label={label}
      multiline
      rows={4}
      value={meeting[key]}
      disabled={disabled}
      onChange={(value) => edit(key, value)}
      {...(hint ? { hint } : {})}
    />
  );

  return (
    <PrepSection
      id="prep-after"
      title="After the meeting"
      intro="What you take away from the conversation, and who and what comes next."
    >
      <div className="prep-after-grid">
        {text('takeaways', 'Key takeaways')}
        {text('advice', 'Advice received')}
        {text(
          'namesSuggested',
          'Names suggested',
          `People ${contact.firstName} suggested you talk to.`,
        )}
        {text('promises', 'Promises to follow up', 'What you said you would send or do.')}
      </div>
      {promiseTasks}
      <form
        className="prep-suggest"
        noValidate
        onSubmit={submit}
        aria-labelledby="prep-suggest-title"
      >
        <h3 className="subsection-title" id="prep-suggest-title">
          Add a suggested contact
        </h3>
        <div className="prep-suggest-row">
          <TextField
            label="First name"
            name="firstName"
            value={person.firstName}
            error={nameError}
            disabled={disabled}
            onChange={(firstName) => {
              setPerson((p) => ({ ...p, firstName }));
              if (nameError && firstName.trim()) setNameError(null);
            }}
          />
          <TextField
            label="Last name"
            value={person.lastName}
            disabled={disabled}
            onChange={(lastName) => setPerson((p) => ({ ...p, lastName }))}
          />
          <TextField
            label="Company"
            value={person.company}
            disabled={disabled}
            onChange={(company) => setPerson((p) => ({ ...p, company }))}
          />
          <button type="submit" className="button" disabled={disabled || busy !== null}>
            Create contact
          </button>
        </div>
        {feedback?.kind === 'error' ? (
          <FeedbackLine feedback={feedback} />
        ) : (
          <p
            className={suggested ? 'status-message status-message-visible' : 'status-message'}
            role="status"
          >
            {suggested && feedback ? (
              <span>
                Added{' '}
                <a
                  href={`#contacts/${encodeURIComponent(suggested.id)}`}
                  onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                    event.preventDefault();
                    onOpenContact(suggested.id);
                  }}
                >
                  <bdi>{fullName(suggested)}</bdi>
                </a>{' '}
                to your pipeline (referred by {contact.firstName}).
              </span>
            ) : null}
          </p>
        )}
      </form>
    </PrepSection>
  );
}

export function DocumentsSection({
  meeting,
  hasPdfResume,
  busy,
  feedback,
  onPrepSheet,
  onPacket,
  onPrint,
  onCalendar,
}: {
  meeting: Meeting;
  hasPdfResume: boolean;
  busy: PrepTask | null;
  feedback: Feedback | undefined;
  onPrepSheet(): void;
  onPacket(copies: number): void;
  onPrint(copies: number): void;
  onCalendar(): void;
}) {
  const [chosen, setChosen] = useState<number | null>(null);
  const copies = chosen ?? Math.min(20, meeting.checklist.resumeCopies);
  // Documents only read the meeting, so they work even when Rapport opened the data read-only.
  const off = busy !== null;
  return (
    <PrepSection id="prep-documents" title="Documents">
      <div className="prep-documents">
        <div className="prep-document">
          <h3 className="subsection-title">Prep sheet</h3>
          <p className="muted">
            A Word document with the meeting, your research and your questions.
          </p>
          <button type="button" className="button" disabled={off} onClick={onPrepSheet}>
            {busy === 'prepSheet' ? 'Exporting…' : 'Export prep sheet…'}
          </button>
        </div>
        <div className="prep-document">
          <h3 className="subsection-title">Printed packet</h3>
          <p className="muted">
            A meeting card, your questions with room for notes, then your resume.
            {hasPdfResume ? '' : ' Attach a PDF resume to include it.'}
          </p>
          <NumberField
            label="Resume copies in packet"
            value={copies}
            min={0}
            max={20}
            onCommit={setChosen}
          />
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={off}
              onClick={() => onPacket(copies)}
            >
              {busy === 'packet' ? 'Saving…' : 'Save packet as PDF…'}
            </button>
            <button type="button" className="button" disabled={off} onClick={() => onPrint(copies)}>
              {busy === 'print' ? 'Preparing…' : 'Print packet…'}
            </button>
          </div>
        </div>
        <div className="prep-document">
          <h3 className="subsection-title">Calendar</h3>
          <p className="muted">An .ics event with the place, the link and when to leave.</p>
          <button type="button" className="button" disabled={off} onClick={onCalendar}>
            {busy === 'calendar' ? 'Saving…' : 'Add to calendar…'}
          </button>
        </div>
      </div>
      <FeedbackLine feedback={feedback} />
    </PrepSection>
  );
}
