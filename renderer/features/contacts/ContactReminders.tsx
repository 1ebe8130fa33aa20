import { useId, useRef, useState, type FormEvent } from 'react';
import { isLocalDate } from '../../../shared/domain/business-days.js';
import { reminderNoun } from '../../../shared/domain/reminder-policy.js';
import type { Reminder } from '../../../shared/schema/entities.js';
import { TextField } from '../../components/Field.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { formatWhen } from './activity.js';

interface ContactRemindersProps {
  /** The contact's first name, for labels ("Mark reminder for Maya done"). */
  firstName: string;
  /** Open and snoozed reminders, soonest first. */
  reminders: readonly Reminder[];
  readOnly: boolean;
  /** Marks one done; resolves with what to say (from main's result) or throws. */
  onDone(reminder: Reminder): Promise<string>;
  /** Adds the user's own reminder; resolves with what to say or throws (the text is kept). */
  onAdd(title: string, date: string): Promise<string>;
  errorText(error: unknown): string;
}

const tomorrow = () => {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * The contact's reminders (3B7 follow-ups, thank-you and report-back, keep-in-touch, promises and
 * the user's own), each with Done, and a small form to add one: what to do and the day.
 */
export function ContactReminders({
  firstName,
  reminders,
  readOnly,
  onDone,
  onAdd,
  errorText,
}: ContactRemindersProps) {
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(tomorrow);
  const [errors, setErrors] = useState<{ title?: string; date?: string }>({});
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dateId = useId();

  const run = async (work: () => Promise<string>, failure: string) => {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    setStatus(null);
    try {
      setStatus(await work());
      return true;
    } catch (error) {
      setProblem(`${failure} ${errorText(error)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (title.trim() === '') found.title = 'Say what to do.';
    else if (title.trim().length > 300) found.title = 'Keep this under 300 characters.';
    if (!isLocalDate(date)) found.date = 'Choose a day.';
    setErrors(found);
    if (found.title || found.date) {
      formRef.current
        ?.querySelector<HTMLElement>(`[name="${found.title ? 'title' : 'date'}"]`)
        ?.focus();
      return;
    }
    const added = await run(() => onAdd(title.trim(), date), 'The reminder was not added.');
    if (added) setTitle('');
  };

  return (
    <>
      <h2 className="card-title" id="contact-reminders-title" ref={headingRef} tabIndex={-1}>
        Reminders
      </h2>
      {reminders.length === 0 ? (
        <p className="muted">No open reminders.</p>
      ) : (
        <ul className="plain-list contact-reminders">
          {reminders.map((r) => (
            <li key={r.id} className="contact-reminder">
              <span>
                <strong dir="auto">{r.title}</strong>{' '}
                <span className="muted">
                  {r.status === 'snoozed' && r.snoozedUntil
                    ? `snoozed until ${formatWhen(r.snoozedUntil)}`
                    : `due ${formatWhen(r.due)}`}
                </span>
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={readOnly || busy}
                aria-label={`Mark ${reminderNoun(r.kind)} “${r.title}” done`}
                onClick={() => {
                  // The row goes once main's change arrives: keep focus in this section.
                  headingRef.current?.focus();
                  void run(() => onDone(r), 'The reminder was not changed.');
                }}
              >
                Done
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={formRef}
        className="contact-reminder-form"
        noValidate
        onSubmit={submit}
        aria-label={`Add a reminder for ${firstName}`}
      >
        <h3 className="subsection-title contact-reminder-form-title">Add a reminder</h3>
        <TextField
          name="title"
          label="Reminder"
          value={title}
          error={errors.title}
          disabled={readOnly}
          onChange={(value) => {
            setTitle(value);
            if (errors.title) setErrors((e) => ({ ...e, title: undefined }));
          }}
        />
        <div className="field">
          <label className="field-label" htmlFor={dateId}>
            Day
          </label>
          <input
            id={dateId}
            name="date"
            type="date"
            className={`input input-date${errors.date ? ' input-invalid' : ''}`}
            value={date}
            disabled={readOnly}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${dateId}-error` : undefined}
            onChange={(event) => {
              setDate(event.target.value);
              if (errors.date) setErrors((e) => ({ ...e, date: undefined }));
            }}
          />
          {errors.date ? (
            <p className="field-error" id={`${dateId}-error`}>
              {errors.date}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={readOnly || busy}>
          Add reminder
        </button>
      </form>
      {problem ? (
        <ErrorMessage>
          <p>{problem}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}
