import { useId, useRef, useState, type FormEvent } from 'react';
import { IsoDate } from '../../../shared/schema/common.js';
import { Settings } from '../../../shared/schema/settings.js';
import { CheckboxField, SelectField, TextField } from '../../components/Field.js';
import { FormFooter } from '../../components/FormFooter.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { formatBytes } from '../../format.js';
import {
  fieldError,
  focusField,
  parseNumber,
  validateForm,
  type FieldErrors,
} from '../../validation.js';
import type { Preferences, SaveState } from '../../stores/settings-store.js';

const PreferencesSchema = Settings.pick({
  meetingMinutes: true,
  arriveEarlyMinutes: true,
  paperSize: true,
  printGroupedByTopic: true,
  holidays: true,
  curmudgeonWaitDays: true,
  keepInTouchDays: true,
  notifications: true,
  textSize: true,
  weeklyOutreachGoal: true,
  weeklyMeetingGoal: true,
});

/** The fields typed as text; holidays are a list and the print order and notifications boxes. */
type Key = Exclude<keyof Preferences, 'holidays' | 'printGroupedByTopic' | 'notifications'>;
type Draft = Record<Key, string>;

const order: readonly Key[] = [
  'textSize',
  'meetingMinutes',
  'arriveEarlyMinutes',
  'paperSize',
  'curmudgeonWaitDays',
  'keepInTouchDays',
  'weeklyOutreachGoal',
  'weeklyMeetingGoal',
];

const goalFields: ReadonlySet<Key> = new Set(['weeklyOutreachGoal', 'weeklyMeetingGoal']);

const dayFields: ReadonlySet<Key> = new Set(['curmudgeonWaitDays', 'keepInTouchDays']);

const toDraft = (p: Preferences): Draft => ({
  textSize: p.textSize,
  meetingMinutes: String(p.meetingMinutes),
  arriveEarlyMinutes: String(p.arriveEarlyMinutes),
  paperSize: p.paperSize,
  curmudgeonWaitDays: String(p.curmudgeonWaitDays),
  keepInTouchDays: String(p.keepInTouchDays),
  weeklyOutreachGoal: String(p.weeklyOutreachGoal),
  weeklyMeetingGoal: String(p.weeklyMeetingGoal),
});

/** The two check boxes, saved with the rest. */
interface Boxes {
  printGroupedByTopic: boolean;
  notifications: boolean;
}

const fromDraft = (d: Draft, holidays: readonly string[], boxes: Boxes) => ({
  ...boxes,
  meetingMinutes: parseNumber(d.meetingMinutes),
  arriveEarlyMinutes: parseNumber(d.arriveEarlyMinutes),
  paperSize: d.paperSize,
  textSize: d.textSize,
  curmudgeonWaitDays: parseNumber(d.curmudgeonWaitDays),
  keepInTouchDays: parseNumber(d.keepInTouchDays),
  weeklyOutreachGoal: parseNumber(d.weeklyOutreachGoal),
  weeklyMeetingGoal: parseNumber(d.weeklyMeetingGoal),
  holidays: [...holidays],
});

function messageFor(key: Key, draft: Draft): string | null {
  if (key !== 'paperSize' && key !== 'textSize' && Number.isNaN(parseNumber(draft[key]))) {
    return dayFields.has(key)
      ? 'Enter a number of days.'
      : goalFields.has(key)
        ? 'Enter a number.'
        : 'Enter a number of minutes.';
  }
  return fieldError(
    PreferencesSchema.shape[key],
    fromDraft(draft, [], { printGroupedByTopic: false, notifications: true })[key],
  );
}

/** "Dec 25, 2025" or "25 Dec 2025": a holiday as the user's locale writes it. */
export function formatHoliday(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

interface PreferencesFormProps {
  preferences: Preferences;
  revision: number;
  saveState: SaveState;
  readOnlyReason: string | null;
  onSave(preferences: Preferences): Promise<boolean>;
}

/**
 * Meeting defaults, printed documents (paper size, question order), the 3B7 follow-up settings
 * (holidays, Curmudgeon waiting period) and the keep-in-touch interval, validated with the fields
 * of the shared `Settings` schema.
 */
export function PreferencesForm({
  preferences,
  revision,
  saveState,
  readOnlyReason,
  onSave,
}: PreferencesFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(preferences));
  const [holidays, setHolidays] = useState<string[]>(() => [...preferences.holidays].sort());
  const [grouped, setGrouped] = useState(preferences.printGroupedByTopic);
  const [notify, setNotify] = useState(preferences.notifications);
  const [newHoliday, setNewHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [seenRevision, setSeenRevision] = useState(revision);
  const submitRef = useRef<HTMLButtonElement>(null);
  const holidayInputRef = useRef<HTMLInputElement>(null);
  const holidayId = useId();

  if (revision !== seenRevision) {
    setSeenRevision(revision);
    setDraft(toDraft(preferences));
    setHolidays([...preferences.holidays].sort());
    setGrouped(preferences.printGroupedByTopic);
    setNotify(preferences.notifications);
    setErrors({});
  }

  const saved = toDraft(preferences);
  const dirty =
    order.some((key) => draft[key].trim() !== saved[key]) ||
    grouped !== preferences.printGroupedByTopic ||
    notify !== preferences.notifications ||
    !sameList(holidays, [...preferences.holidays].sort());

  const addHoliday = () => {
    const value = newHoliday.trim();
    let message: string | null = null;
    if (value === '') message = 'Choose a date first.';
    else if (!IsoDate.safeParse(value).success) message = 'Enter a date like 2025-12-25.';
    else if (holidays.includes(value)) message = `${formatHoliday(value)} is already in the list.`;
    else if (holidays.length >= 366) message = 'The list is full: remove a past holiday first.';
    setHolidayError(message);
    if (message) {
      holidayInputRef.current?.focus();
      return;
    }
    setHolidays((list) => [...list, value].sort());
    setNewHoliday('');
  };

  const removeHoliday = (value: string, index: number) => {
    setHolidays((list) => list.filter((h) => h !== value));
    // Keep the keyboard in the list: the next Remove button, or the date field when it empties.
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(
        `[data-holiday-list="${holidayId}"] button`,
      );
      const next = buttons[Math.min(index, buttons.length - 1)];
      if (next) next.focus();
      else holidayInputRef.current?.focus();
    });
  };
  const saving = saveState.state === 'saving';

  const check = (key: Key) => {
    const message = messageFor(key, draft);
    setErrors((current) => ({ ...current, [key]: message ?? undefined }));
  };

  const change = (key: Key, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (errors[key] || key === 'paperSize') {
      const message = messageFor(key, next);
      setErrors((current) => ({ ...current, [key]: message ?? undefined }));
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (saving || readOnlyReason) return;
    const nextErrors: FieldErrors<Key> = {};
    for (const key of order) {
      const message = messageFor(key, draft);
      if (message) nextErrors[key] = message;
    }
    const result = validateForm(
      PreferencesSchema,
      fromDraft(draft, holidays, { printGroupedByTopic: grouped, notifications: notify }),
    );
    const firstInvalid = order.find((key) => nextErrors[key]);
    if (firstInvalid || !result.ok) {
      setErrors(result.ok ? nextErrors : { ...result.errors, ...nextErrors });
      const key = firstInvalid ?? order.find((k) => !result.ok && result.errors[k]);
      if (key) focusField(form, key);
      return;
    }
    setErrors({});
    const ok = await onSave(result.data);
    if (ok) {
      setDraft(toDraft(result.data));
      setHolidays([...result.data.holidays].sort());
      setGrouped(result.data.printGroupedByTopic);
      setNotify(result.data.notifications);
    }
    if (document.activeElement === document.body) submitRef.current?.focus();
  };

  const bind = (key: Key) => ({
    value: draft[key],
    error: errors[key],
    name: key,
    onChange: (value: string) => change(key, value),
    onBlur: () => check(key),
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="section-intro">
        Defaults for new meetings, the documents Rapport prints, and reminders to follow up and to
        keep in touch.
      </p>
      <div className="form-grid">
        <SelectField
          {...bind('textSize')}
          label="Text size"
          hint="For every screen of Rapport. Your system's zoom (Ctrl and + or −) works on top of it."
          options={[
            { value: 'small', label: 'Small' },
            { value: 'normal', label: 'Normal' },
            { value: 'large', label: 'Large' },
          ]}
        />
        <TextField
          {...bind('meetingMinutes')}
          label="Default meeting length (minutes)"
          type="number"
          inputMode="numeric"
          min={10}
          max={240}
          narrow
          hint="Most informational interviews take 20 to 30 minutes."
        />
        <TextField
          {...bind('arriveEarlyMinutes')}
          label="Arrive early (minutes)"
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          narrow
          hint="For meetings in person; 10 to 15 minutes gives you time to settle in without making your host rush. Video and phone calls ask you to join 5 minutes early instead."
        />
        <SelectField
          {...bind('paperSize')}
          label="Paper size"
          hint="Used for prep sheets, thank-you letters and printed packets."
          options={[
            { value: 'A4', label: 'A4' },
            { value: 'Letter', label: 'Letter' },
          ]}
        />
        <CheckboxField
          label="Group questions by topic on printed documents"
          name="printGroupedByTopic"
          checked={grouped}
          onChange={setGrouped}
          hint="Off: prep sheets and packets list your questions in the order you will ask them, as in the prep workspace. On: under topic headings such as “A typical day” or “Trends”."
        />
      </div>
      <h2 className="subsection-title">Follow-up reminders</h2>
      <p className="section-intro">
        After an outreach e-mail Rapport reminds you after 3 and 7 business days. Weekends are
        skipped, and so are the holidays below.
      </p>
      <div className="form-grid">
        <TextField
          {...bind('curmudgeonWaitDays')}
          label="Mark as Curmudgeon after (days without reply)"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          narrow
          hint="Days after the day-7 follow-up before a contact who never replied is marked Curmudgeon."
        />
        <fieldset className="holidays">
          <legend className="field-label">Holidays</legend>
          <p className="field-hint" id={`${holidayId}-hint`}>
            Dates skipped by follow-up reminders, like public holidays or days off.
          </p>
          <div className="holiday-add">
            <div className="field">
              <label className="field-label" htmlFor={`${holidayId}-date`}>
                Holiday date
              </label>
              <input
                ref={holidayInputRef}
                id={`${holidayId}-date`}
                type="date"
                className={`input input-date${holidayError ? ' input-invalid' : ''}`}
                value={newHoliday}
                aria-invalid={holidayError ? true : undefined}
                aria-describedby={holidayError ? `${holidayId}-error` : `${holidayId}-hint`}
                onChange={(event) => {
                  setNewHoliday(event.target.value);
                  setHolidayError(null);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    addHoliday();
                  }
                }}
              />
            </div>
            <button type="button" className="button" onClick={addHoliday}>
              Add holiday
            </button>
          </div>
          {holidayError ? (
            <p className="field-error" id={`${holidayId}-error`}>
              {holidayError}
            </p>
          ) : null}
          {holidays.length === 0 ? (
            <p className="muted">No holidays yet: only weekends are skipped.</p>
          ) : (
            <ul className="holiday-list" aria-label="Holidays" data-holiday-list={holidayId}>
              {holidays.map((holiday, index) => (
                <li key={holiday} className="holiday">
                  <span>{formatHoliday(holiday)}</span>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Remove ${formatHoliday(holiday)}`}
                    onClick={() => removeHoliday(holiday, index)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </div>
      <h2 className="subsection-title">Keeping in touch</h2>
      <p className="section-intro">
        After a meeting, a light touch every few months keeps the connection warm. Rapport reminds
        you when it is time.
      </p>
      <div className="form-grid">
        <TextField
          {...bind('keepInTouchDays')}
          label="Get back in touch every (days)"
          type="number"
          inputMode="numeric"
          min={7}
          max={730}
          narrow
          hint="Counted from your last activity with a contact: any e-mail, call or note you log starts the count again. A contact can have its own interval, set on the contact."
        />
      </div>
      <h2 className="subsection-title">Weekly goals</h2>
      <p className="section-intro">
        Insights shows each week’s outreach e-mails and meetings held against these.
      </p>
      <div className="form-grid">
        <TextField
          {...bind('weeklyOutreachGoal')}
          label="Outreach messages a week"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          narrow
        />
        <TextField
          {...bind('weeklyMeetingGoal')}
          label="Meetings a week"
          type="number"
          inputMode="numeric"
          min={0}
          max={50}
          narrow
        />
      </div>
      <h2 className="subsection-title">Notifications</h2>
      <div className="form-grid">
        <CheckboxField
          label="Notify me when a reminder falls due"
          name="notifications"
          checked={notify}
          onChange={setNotify}
          hint="While Rapport is open, a system notification tells you when a follow-up, a thank-you or another reminder falls due; at start, one notification groups everything already due. Click it to open the contact. The count of what is due today shows on the app icon either way."
        />
      </div>
      <FormFooter
        subject="preferences"
        saveLabel="Save preferences"
        savedMessage="Preferences saved."
        saveState={saveState}
        dirty={dirty}
        readOnlyReason={readOnlyReason}
        submitRef={submitRef}
      />
    </form>
  );
}

interface DefaultResumeProps {
  /** The chosen file, null when none is set; `name` is null when the file's details are unknown. */
  resume: { id: string; name: string | null; size: number | null } | null;
  busy: boolean;
  feedback: { kind: 'success' | 'error'; text: string } | null;
  readOnlyReason: string | null;
  onChoose(): void;
  onClear(): void;
}

/**
 * Settings > Preferences > Default resume: the file attached to new meetings and printed in
 * packets. Saved at once (it is a file choice, not a draft), apart from the form above.
 */
export function DefaultResume({
  resume,
  busy,
  feedback,
  readOnlyReason,
  onChoose,
  onClear,
}: DefaultResumeProps) {
  return (
    <section className="default-resume" aria-labelledby="default-resume-title">
      <h2 className="subsection-title" id="default-resume-title">
        Default resume
      </h2>
      <p className="section-intro">
        Attached to new meetings and printed in packets. A PDF prints as it is; a Word file is kept
        but cannot go in the packet.
      </p>
      <p className="default-resume-file">
        {resume ? (
          <>
            <strong>{resume.name ?? 'A resume is chosen'}</strong>
            {resume.size !== null ? (
              <span className="muted"> ({formatBytes(resume.size)})</span>
            ) : null}
          </>
        ) : (
          <span className="muted">No default resume yet.</span>
        )}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={onChoose}
          disabled={busy || readOnlyReason !== null}
        >
          {resume ? 'Choose another resume…' : 'Choose resume…'}
        </button>
        {resume ? (
          <button
            type="button"
            className="button"
            onClick={onClear}
            disabled={busy || readOnlyReason !== null}
          >
            Remove default resume
          </button>
        ) : null}
      </div>
      {feedback?.kind === 'error' ? (
        <ErrorMessage>
          <p>{feedback.text}</p>
        </ErrorMessage>
      ) : (
        <StatusMessage>{feedback?.text ?? null}</StatusMessage>
      )}
    </section>
  );
}
