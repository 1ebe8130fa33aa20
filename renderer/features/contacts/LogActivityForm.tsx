import { useId, useState, type FormEvent } from 'react';
import type { LogActivityResult } from '../../../shared/schema/pipeline.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { describeEffects } from '../../effects.js';
import { activityLabels, loggableKinds, toLocalInput } from './activity.js';

type Kind = (typeof loggableKinds)[number];

interface LogActivityFormProps {
  contactId: string;
  name: string;
  disabled: boolean;
  onLog(input: {
    contactId: string;
    kind: Kind;
    at: string;
    summary: string;
  }): Promise<LogActivityResult>;
  errorText(error: unknown): string;
}

/** Logs one timeline entry; says which follow-up reminders it set or cancelled. */
export function LogActivityForm({
  contactId,
  name,
  disabled,
  onLog,
  errorText,
}: LogActivityFormProps) {
  const ids = useId();
  const [kind, setKind] = useState<Kind>('outreach-sent');
  const [when, setWhen] = useState(() => toLocalInput(new Date()));
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || disabled) return;
    const at = new Date(when);
    if (Number.isNaN(at.getTime())) {
      setError('Enter the date and time it happened.');
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await onLog({ contactId, kind, at: at.toISOString(), summary });
      const reminders = describeEffects(result.effects, () => name);
      const label = result.contact.responsiveness;
      const labelled =
        kind === 'reply-received' && label !== 'unknown'
          ? ` ${name} is now labelled ${label[0]!.toUpperCase()}${label.slice(1)}.`
          : '';
      setDone(`${activityLabels[kind]} logged.${reminders ? ` ${reminders}` : ''}${labelled}`);
      setSummary('');
    } catch (caught) {
      setError(`The activity was not logged. ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="log-activity" onSubmit={submit} noValidate aria-label="Log activity">
      <div className="log-activity-row">
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-kind`}>
            Activity
          </label>
          <select
            id={`${ids}-kind`}
            className="input input-select"
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            {loggableKinds.map((k) => (
              <option key={k} value={k}>
                {activityLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-when`}>
            When
          </label>
          <input
            id={`${ids}-when`}
            type="datetime-local"
            className="input"
            value={when}
            onChange={(event) => setWhen(event.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-summary`}>
          Summary
        </label>
        <input
          id={`${ids}-summary`}
          type="text"
          className="input"
          value={summary}
          maxLength={5000}
          onChange={(event) => setSummary(event.target.value)}
        />
      </div>
      <div className="form-actions">
        {/* Not disabled while busy (submit ignores a second press): a disabled button drops the
            keyboard focus to the page. */}
        <button
          type="submit"
          className="button button-primary"
          disabled={disabled}
          aria-busy={busy || undefined}
        >
          Log activity
        </button>
        <StatusMessage>{done}</StatusMessage>
      </div>
      {error ? (
        <ErrorMessage>
          <p>{error}</p>
        </ErrorMessage>
      ) : null}
    </form>
  );
}
