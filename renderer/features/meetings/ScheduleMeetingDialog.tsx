import { useId, useRef, useState, type FormEvent } from 'react';
import { DateTimeField } from '../../components/DateTimeField.js';
import { useModalDialog } from '../../components/use-modal-dialog.js';
import { MEETING_MODES, MODE_LABELS, PLACE_LABELS } from '../../../shared/domain/arrival.js';
import { HttpUrl } from '../../../shared/schema/common.js';
import type { Contact, Meeting, MeetingMode } from '../../../shared/schema/entities.js';
import type { ScheduleMeetingInput } from '../../../shared/schema/meetings.js';
import { TextField } from '../../components/Field.js';
import { ErrorMessage } from '../../components/Messages.js';
import { fullName } from '../pipeline/labels.js';
import { fromLocalInput, toLocalInput } from './format.js';

interface ScheduleMeetingDialogProps {
  contact: Contact;
  /** Settings' default meeting length. */
  defaultMinutes: number;
  /** The clock, for the suggested start (tomorrow at 10:00); tests pass a fixed one. */
  now?: () => Date;
  /** Saves; resolves with the meeting, or throws an error whose message is shown. */
  onSchedule(input: ScheduleMeetingInput): Promise<Meeting>;
  errorText(error: unknown): string;
  onScheduled(meeting: Meeting): void;
  onClose(): void;
}

type Key = 'start' | 'minutes' | 'place' | 'link';

/** The place field's hint per mode; a video call shows the link field instead. */
const placeHints: Record<Exclude<MeetingMode, 'video'>, string> = {
  'in-person': 'An address, a café or an office.',
  phone: 'Optional: the number to call, or who calls whom.',
};

const tomorrowAtTen = (now: Date) =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0);

/** Checks the form as main will, in the words the user reads; only the mode's own fields count. */
function validate(values: Record<Key, string>, mode: MeetingMode): Partial<Record<Key, string>> {
  const errors: Partial<Record<Key, string>> = {};
  if (values.start.trim() === '') errors.start = 'Choose the date and time of the meeting.';
  else if (!fromLocalInput(values.start))
    errors.start = 'Enter a date and time like 2025-06-10 14:00.';
  const minutes = Number(values.minutes);
  if (values.minutes.trim() === '' || !Number.isInteger(minutes)) {
    errors.minutes = 'Enter the length in whole minutes.';
  } else if (minutes < 5 || minutes > 480) {
    errors.minutes = 'Enter a length between 5 and 480 minutes.';
  }
  if (mode !== 'video' && values.place.trim().length > 500)
    errors.place = 'Keep this under 500 characters.';
  const link = values.link.trim();
  if (mode === 'video' && link !== '' && !HttpUrl.safeParse(link).success) {
    errors.link = 'Enter a web address that starts with https://';
  }
  return errors;
}

/**
 * Schedules a meeting with one contact: date and time in the user's own time zone (sent to main
 * as an ISO instant), length, how they meet (in person, video or phone), and the place or the
 * video link that mode needs. A native modal <dialog>.
 */
export function ScheduleMeetingDialog({
  contact,
  defaultMinutes,
  now = () => new Date(),
  onSchedule,
  errorText,
  onScheduled,
  onClose,
}: ScheduleMeetingDialogProps) {
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    start: toLocalInput(tomorrowAtTen(now())),
    minutes: String(defaultMinutes),
    place: '',
    link: '',
  }));
  const [mode, setMode] = useState<MeetingMode>('in-person');
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const startRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog(startRef);
  const titleId = useId();
  const modeName = useId();
  const name = fullName(contact);

  const change = (key: Key, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key])
      setErrors((e) => ({
        ...e,
        [key]: validate({ ...values, [key]: value }, mode)[key],
      }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const form = event.currentTarget;
    const found = validate(values, mode);
    setErrors(found);
    const first = (['start', 'minutes', 'place', 'link'] as const).find((k) => found[k]);
    if (first) {
      form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const start = fromLocalInput(values.start);
    if (!start) return;
    setSaving(true);
    setProblem(null);
    try {
      const meeting = await onSchedule({
        contactId: contact.id,
        start: start.toISOString(),
        minutes: Number(values.minutes),
        mode,
        // Only what the mode uses: a link typed before switching to "In person" is not sent.
        place: mode === 'video' ? '' : values.place.trim(),
        link: mode === 'video' ? values.link.trim() : '',
      });
      onScheduled(meeting);
    } catch (error) {
      setProblem(`The meeting was not scheduled. ${errorText(error)}`);
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog schedule-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Schedule a meeting with {name}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <div className="form-grid">
          <DateTimeField
            label="Date and time"
            name="start"
            inputRef={startRef}
            value={values.start}
            error={errors.start}
            onChange={(value) => change('start', value)}
          />
          <TextField
            label="Length (minutes)"
            name="minutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            narrow
            value={values.minutes}
            error={errors.minutes}
            onChange={(v) => change('minutes', v)}
          />
          <fieldset className="kind-choice">
            <legend className="field-label">How you meet</legend>
            {MEETING_MODES.map((option) => (
              <label key={option} className="radio">
                <input
                  type="radio"
                  name={modeName}
                  value={option}
                  checked={mode === option}
                  onChange={() => {
                    setMode(option);
                    setErrors((e) => ({ ...e, place: undefined, link: undefined }));
                  }}
                />
                <span>{MODE_LABELS[option]}</span>
              </label>
            ))}
          </fieldset>
          {mode === 'video' ? (
            <TextField
              label="Video link"
              name="link"
              type="url"
              hint="Optional, e.g. https://meet.example.com/abc"
              value={values.link}
              error={errors.link}
              onChange={(v) => change('link', v)}
            />
          ) : (
            <TextField
              label={PLACE_LABELS[mode]}
              name="place"
              hint={placeHints[mode]}
              value={values.place}
              error={errors.place}
              onChange={(v) => change('place', v)}
            />
          )}
        </div>
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
            {saving ? 'Scheduling…' : 'Schedule'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
