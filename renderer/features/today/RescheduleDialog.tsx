import { useId, useRef, useState, type FormEvent } from 'react';
import { DateTimeField } from '../../components/DateTimeField.js';
import { useModalDialog } from '../../components/use-modal-dialog.js';
import { ErrorMessage } from '../../components/Messages.js';
import { fromLocalInput, toLocalInput } from '../meetings/format.js';

interface RescheduleDialogProps {
  /** "Maya Okafor": who the meeting is with. */
  name: string;
  /** The meeting's current start, suggested as the starting point. */
  start: string;
  /** Saves the new start; throws an error whose message is shown (the date typed stays). */
  onReschedule(start: Date): Promise<void>;
  errorText(error: unknown): string;
  onClose(): void;
}

/**
 * Moves a meeting that did not take place at its time to a new date and time (the user's own
 * time zone, sent as an instant). A native modal <dialog>: Escape and Cancel close it, and a
 * failed save keeps what was typed and says why.
 */
export function RescheduleDialog({
  name,
  start,
  onReschedule,
  errorText,
  onClose,
}: RescheduleDialogProps) {
  const [value, setValue] = useState(() => toLocalInput(new Date(start)));
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog(inputRef);
  const titleId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const next = value.trim() === '' ? null : fromLocalInput(value);
    if (next === null) {
      setError(
        value.trim() === ''
          ? 'Choose the new date and time.'
          : 'Enter a date and time like 2025-06-10 14:00.',
      );
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setProblem(null);
    setSaving(true);
    try {
      await onReschedule(next);
      onClose();
    } catch (caught) {
      setProblem(`The meeting was not moved. ${errorText(caught)}`);
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Reschedule your meeting with {name}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <DateTimeField
          label="New date and time"
          name="start"
          inputRef={inputRef}
          value={value}
          error={error}
          onChange={(next) => {
            setValue(next);
            if (error) setError(null);
          }}
        />
        {problem ? (
          <ErrorMessage>
            <p>{problem}</p>
          </ErrorMessage>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Moving…' : 'Move meeting'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
