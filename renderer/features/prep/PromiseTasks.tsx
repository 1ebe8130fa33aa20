import { useId, useState } from 'react';
import type { Reminder } from '../../../shared/schema/entities.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { formatShortDay } from '../../effects.js';

interface PromiseTasksProps {
  /** The "Promises to follow up" text: one promise per line. */
  promises: string;
  /** Promises of this meeting already given a date (open, snoozed or done). */
  tasks: readonly Reminder[];
  disabled: boolean;
  /**
   * Gives a promise a day (it shows on Today and the contact page from 09:00 that day), or with
   * null takes the task away. Resolves with what to say, from main's result; throws on failure.
   */
  onSet(text: string, date: string | null): Promise<string>;
  errorText(error: unknown): string;
}

/** The lines of the promises field, without list markers or blanks. */
export function promiseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
        .trim()
        .slice(0, 300),
    )
    .filter((line) => line !== '');
}

/** The same rule main uses to find a promise's task: case, spacing and a final full stop ignored. */
const keyOf = (text: string) =>
  text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .toLocaleLowerCase();

const dayOf = (iso: string) => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

function PromiseRow({
  text,
  task,
  disabled,
  busy,
  onSet,
}: {
  text: string;
  task: Reminder | undefined;
  disabled: boolean;
  busy: boolean;
  onSet(date: string | null): void;
}) {
  const id = useId();
  const [date, setDate] = useState(() => (task ? dayOf(task.due) : ''));
  const done = task?.status === 'done';
  return (
    <li className="promise-task">
      <span className="promise-text" id={`${id}-text`}>
        {text}
      </span>
      {done ? (
        <span className="badge">Done</span>
      ) : (
        <>
          <label className="visually-hidden" htmlFor={`${id}-date`}>
            Due date for “{text}”
          </label>
          <input
            id={`${id}-date`}
            type="date"
            className="input input-date"
            value={date}
            disabled={disabled || busy}
            onChange={(event) => setDate(event.target.value)}
          />
          <button
            type="button"
            className="button button-small"
            disabled={disabled || busy || date === '' || (task && dayOf(task.due) === date)}
            aria-describedby={`${id}-text`}
            onClick={() => onSet(date)}
          >
            {task ? 'Move' : 'Add to Today'}
          </button>
          {task ? (
            <>
              <span className="muted">On Today from {formatShortDay(task.due)}</span>
              <button
                type="button"
                className="button button-small"
                disabled={disabled || busy}
                aria-label={`Remove the task “${text}”`}
                onClick={() => {
                  setDate('');
                  onSet(null);
                }}
              >
                Remove
              </button>
            </>
          ) : null}
        </>
      )}
    </li>
  );
}

/**
 * Promises made in the meeting, each of which can be given a day: it then shows on Today and the
 * contact page until done (DOMAIN.md: promises are tasks with a date).
 */
export function PromiseTasks({ promises, tasks, disabled, onSet, errorText }: PromiseTasksProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lines = promiseLines(promises);
  if (lines.length === 0 && tasks.length === 0) return null;
  const byKey = new Map(tasks.map((task) => [keyOf(task.title), task]));
  const set = async (text: string, date: string | null) => {
    setBusy(true);
    setStatus(null);
    setProblem(null);
    try {
      setStatus(await onSet(text, date));
    } catch (error) {
      setProblem(`The task was not changed. ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const orphaned = tasks.filter(
    (task) => task.status !== 'done' && !lines.some((line) => keyOf(line) === keyOf(task.title)),
  );
  return (
    <section className="promise-tasks" aria-labelledby="promise-tasks-title">
      <h3 className="subsection-title" id="promise-tasks-title">
        Promises as tasks
      </h3>
      <p className="field-hint">
        Give a promise a day and it shows on Today and on the contact page until it is done.
      </p>
      <ul className="plain-list">
        {lines.map((line) => (
          <PromiseRow
            key={keyOf(line)}
            text={line}
            task={byKey.get(keyOf(line))}
            disabled={disabled}
            busy={busy}
            onSet={(date) => void set(line, date)}
          />
        ))}
        {orphaned.map((task) => (
          <PromiseRow
            key={task.id}
            text={task.title}
            task={task}
            disabled={disabled}
            busy={busy}
            onSet={(date) => void set(task.title, date)}
          />
        ))}
      </ul>
      {problem ? (
        <ErrorMessage>
          <p>{problem}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}
