import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { FOCUS_SIZE, MOTIVATION_LABELS, POSTING_LABELS } from '../../../shared/domain/employers.js';
import type { EmployerRow } from '../../../shared/schema/employers.js';
import { call, errorMessage } from '../../api.js';
import { TextField } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { ScrollArea } from '../../components/ScrollArea.js';
import { focusWasLost, useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useEmployersStore } from '../../stores/employers-store.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { useUiStore } from '../../stores/ui-store.js';

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : n % 10 === 1
        ? 'st'
        : n % 10 === 2
          ? 'nd'
          : n % 10 === 3
            ? 'rd'
            : 'th';
  return `${n}${suffix}`;
};

/**
 * The LAMP list (Dalton): the employers the user wants to learn about, in the book's order
 * (Motivation, then Posting, then Advocacy), scored inline from the keyboard; "Work on these
 * five" marks the top few as the current focus.
 */
export function EmployersPage() {
  const rows = useEmployersStore((s) => s.rows);
  const loaded = useEmployersStore((s) => s.loaded);
  const error = useEmployersStore((s) => s.error);
  const readOnly = useStorageStore(selectReadOnly) !== null;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void useEmployersStore.getState().load();
  }, []);

  /** Runs an edit; says what main did, or why it did not; keeps the focus on the same control. */
  const run = async (controlId: string | null, action: () => Promise<string>) => {
    setFailure(null);
    try {
      const said = await action();
      setStatus(said);
    } catch (caught) {
      setStatus(null);
      setFailure(errorMessage(caught));
    }
    // A row that moved in the order is re-rendered elsewhere: its control keeps the focus.
    if (controlId !== null && focusWasLost()) document.getElementById(controlId)?.focus();
  };

  const position = (id: string) => {
    const index = useEmployersStore.getState().rows.findIndex((row) => row.id === id);
    return index < 0
      ? ''
      : ` It is ${ordinal(index + 1)} of ${useEmployersStore.getState().rows.length}.`;
  };

  const score = (row: EmployerRow, key: 'motivation' | 'posting', value: number) =>
    run(`lamp-${key}-${row.id}`, async () => {
      const saved = await useEmployersStore.getState().update(row.id, { [key]: value });
      await useEmployersStore.getState().load();
      return `Saved ${saved.name}: ${key === 'motivation' ? 'Motivation' : 'Posting'} ${saved[key]}.${position(saved.id)}`;
    });

  const setFocus = (row: EmployerRow, focus: boolean) =>
    run(`lamp-focus-${row.id}`, async () => {
      const saved = await useEmployersStore.getState().update(row.id, { focus });
      await useEmployersStore.getState().load();
      return saved.focus
        ? `Working on ${saved.name} now.`
        : `${saved.name} is off your focus list.`;
    });

  const focusTopFive = () =>
    run('lamp-focus-five', async () => {
      const top = new Set(rows.slice(0, FOCUS_SIZE).map((row) => row.id));
      const changes = rows.filter((row) => row.focus !== top.has(row.id));
      for (const row of changes)
        await useEmployersStore.getState().update(row.id, { focus: top.has(row.id) });
      await useEmployersStore.getState().load();
      const names = rows.slice(0, FOCUS_SIZE).map((row) => row.name);
      return changes.length === 0
        ? `You are already working on ${names.join(', ')}.`
        : `Working on ${names.join(', ')} now.`;
    });

  const focused = rows.filter((row) => row.focus).length;

  return (
    <div className="page employers-page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Employers
        </h1>
        <p className="page-lead">
          Your LAMP list: the employers you want to learn about, sorted by Motivation, then Posting,
          then Advocacy. Work on the top {FOCUS_SIZE} at a time.
        </p>
      </header>
      {error ? (
        <ErrorMessage>
          <p>Your employers could not be loaded. {error}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => void useEmployersStore.getState().load()}
            >
              Try again
            </button>
          </div>
        </ErrorMessage>
      ) : null}
      <AddEmployer
        disabled={readOnly}
        onAdded={(said) =>
          void run(null, async () => {
            await useEmployersStore.getState().load();
            return said;
          })
        }
      />
      <div className="button-row employers-files">
        <button
          type="button"
          id="employers-import"
          className="button"
          disabled={readOnly}
          onClick={() =>
            void run('employers-import', async () => {
              const result = await call('employers:importCsv');
              if (result === null) return '';
              await useEmployersStore.getState().load();
              const skipped = result.skipped
                .slice(0, 5)
                .map((s) => `row ${s.row} (${s.reason})`)
                .join(', ');
              const more =
                result.skipped.length > 5 ? ` and ${result.skipped.length - 5} more` : '';
              return `Imported employers: ${result.added} added, ${result.updated} updated${
                result.skipped.length > 0 ? `; left out ${skipped}${more}` : ''
              }.`;
            })
          }
        >
          Import from CSV…
        </button>
        <button
          type="button"
          id="employers-export"
          className="button"
          disabled={rows.length === 0}
          onClick={() =>
            void run('employers-export', async () => {
              const result = await call('employers:exportCsv');
              return result === null
                ? ''
                : `Exported ${result.count} ${result.count === 1 ? 'employer' : 'employers'} to ${result.path}.`;
            })
          }
        >
          Export as CSV…
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>
      {failure ? (
        <ErrorMessage>
          <p>{failure}</p>
        </ErrorMessage>
      ) : null}
      {!loaded && !error ? <Loading label="Loading your employers…" size="page" /> : null}
      {loaded && rows.length === 0 ? (
        <p className="muted employers-empty">
          No employers yet. Add the ones you would like to learn about; a company you type on a
          contact is added here too.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <section className="employers-list" aria-labelledby="lamp-title">
          <div className="employers-list-head">
            <h2 className="section-title" id="lamp-title">
              LAMP list
            </h2>
            <p className="muted">
              {rows.length} {rows.length === 1 ? 'employer' : 'employers'}
              {focused > 0 ? `, ${focused} in focus` : ''}
            </p>
            <button
              type="button"
              id="lamp-focus-five"
              className="button"
              disabled={readOnly}
              onClick={() => void focusTopFive()}
            >
              Work on these {Math.min(FOCUS_SIZE, rows.length)}
            </button>
          </div>
          <ScrollArea label="LAMP list">
            <table className="table lamp-table" aria-labelledby="lamp-title">
              <thead>
                <tr>
                  <th scope="col">Employer</th>
                  <th scope="col">Advocacy</th>
                  <th scope="col">Motivation</th>
                  <th scope="col">Posting</th>
                  <th scope="col">Focus</th>
                  <th scope="col" className="numeric">
                    Contacts
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <LampRow
                    key={row.id}
                    row={row}
                    disabled={readOnly}
                    onScore={(key, value) => void score(row, key, value)}
                    onFocus={(focus) => void setFocus(row, focus)}
                  />
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </section>
      ) : null}
    </div>
  );
}

function LampRow({
  row,
  disabled,
  onScore,
  onFocus,
}: {
  row: EmployerRow;
  disabled: boolean;
  onScore(key: 'motivation' | 'posting', value: number): void;
  onFocus(focus: boolean): void;
}) {
  const navigate = useUiStore((s) => s.navigate);
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(`employers/${row.id}`);
  };
  const { advocacy } = row;
  return (
    <tr className={row.focus ? 'lamp-row-focus' : undefined}>
      <th scope="row" className="lamp-name">
        <a href={`#employers/${encodeURIComponent(row.id)}`} onClick={open}>
          <bdi>{row.name}</bdi>
        </a>
      </th>
      <td>
        {advocacy.warm ? (
          <span>
            Yes <span className="muted">· {advocacy.people.map((p) => p.name).join(', ')}</span>
          </span>
        ) : (
          <span className="muted">No</span>
        )}
      </td>
      <td>
        <select
          id={`lamp-motivation-${row.id}`}
          className="input"
          aria-label={`Motivation for ${row.name}`}
          value={row.motivation}
          disabled={disabled}
          onChange={(event) => onScore('motivation', Number(event.target.value))}
        >
          {[0, 1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {MOTIVATION_LABELS[n]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          id={`lamp-posting-${row.id}`}
          className="input"
          aria-label={`Posting for ${row.name}`}
          value={row.posting}
          disabled={disabled}
          onChange={(event) => onScore('posting', Number(event.target.value))}
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {POSTING_LABELS[n]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          id={`lamp-focus-${row.id}`}
          type="checkbox"
          className="checkbox"
          aria-label={`Work on ${row.name} now`}
          checked={row.focus}
          disabled={disabled}
          onChange={(event) => onFocus(event.target.checked)}
        />
      </td>
      <td className="numeric">{advocacy.contacts}</td>
    </tr>
  );
}

function AddEmployer({ disabled, onAdded }: { disabled: boolean; onAdded(said: string): void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Enter the employer’s name.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const employer = await useEmployersStore.getState().create(name.trim());
      setName('');
      setError(null);
      onAdded(`Added ${employer.name} to your list.`);
    } catch (caught) {
      setError(errorMessage(caught).replace(/^employer\.name: /, ''));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="employers-add" aria-labelledby={titleId} noValidate onSubmit={submit}>
      <h2 className="visually-hidden" id={titleId}>
        Add an employer
      </h2>
      <TextField
        label="Employer name"
        name="employer"
        value={name}
        onChange={setName}
        error={error ?? undefined}
        disabled={disabled}
        inputRef={input}
      />
      <button type="submit" className="button button-primary" disabled={disabled || busy}>
        Add employer
      </button>
    </form>
  );
}
