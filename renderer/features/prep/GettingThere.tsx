import { useId, useState } from 'react';
import {
  MEETING_MODES,
  MODE_LABELS,
  PLACE_LABELS,
  beforeMeeting,
  describeBeforeMeeting,
  type BeforeMeetingText,
} from '../../../shared/domain/arrival.js';
import { HttpUrl } from '../../../shared/schema/common.js';
import type { Meeting } from '../../../shared/schema/entities.js';
import { formatClock, formatMeetingTime } from '../meetings/format.js';
import { NumberField } from './NumberField.js';
import type { Edit } from './PrepSections.js';

/**
 * The shared before-the-meeting rule in the words the workspace shows: clock times, or the date
 * as well when the time to leave falls on another day (an early meeting after a long trip).
 */
export function beforeMeetingOnScreen(
  meeting: Pick<Meeting, 'start' | 'mode' | 'travelMinutes'>,
  arriveEarlyMinutes: number,
): BeforeMeetingText | null {
  const plan = beforeMeeting(meeting, { arriveEarlyMinutes });
  if (!plan) return null;
  const day = plan.start.toDateString();
  return describeBeforeMeeting(plan, (date) =>
    date.toDateString() === day ? formatClock(date) : formatMeetingTime(date.toISOString()),
  );
}

/**
 * A text input that keeps what is typed on screen and passes on only what main accepts, so the
 * autosave never sends a half-typed link (the same idea as NumberField).
 */
function CheckedTextField({
  label,
  hint,
  value,
  type = 'text',
  disabled,
  check,
  onCommit,
}: {
  label: string;
  hint: string;
  value: string;
  type?: 'text' | 'url';
  disabled: boolean;
  /** The message for a value main would refuse, or null. */
  check(value: string): string | null;
  onCommit(value: string): void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (value !== seen) {
    setSeen(value);
    if (text.trim() !== value.trim()) setText(value);
  }
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        type={type}
        className={`input${error ? ' input-invalid' : ''}`}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const message = check(next);
          setError(message);
          if (message) return;
          setSeen(next);
          onCommit(next);
        }}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const checkPlace = (value: string) =>
  value.trim().length > 500 ? 'Keep this under 500 characters.' : null;
const checkLink = (value: string) =>
  value.trim() === '' || HttpUrl.safeParse(value.trim()).success
    ? null
    : 'Enter a web address that starts with https://';

/**
 * How the user meets the person and what to do before: in person, the place, the travel time and
 * when to leave; for a video call, the link and when to join; for a phone call, when to be ready.
 * Every field autosaves like the rest of the workspace; switching the mode keeps the other mode's
 * place, link and travel time, so switching back restores them.
 */
export function GettingThere({
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
  const modeName = useId();
  const text = beforeMeetingOnScreen(meeting, arriveEarlyMinutes);
  return (
    <div className="prep-travel">
      <fieldset className="kind-choice prep-mode" disabled={disabled}>
        <legend className="field-label">How you meet</legend>
        {MEETING_MODES.map((mode) => (
          <label key={mode} className="radio">
            <input
              type="radio"
              name={modeName}
              value={mode}
              checked={meeting.mode === mode}
              onChange={() => edit('mode', mode)}
            />
            <span>{MODE_LABELS[mode]}</span>
          </label>
        ))}
      </fieldset>
      {meeting.mode === 'video' ? (
        <CheckedTextField
          key="link"
          label="Video link"
          hint="The address you open to join, e.g. https://meet.example.com/abc"
          type="url"
          value={meeting.link}
          disabled={disabled}
          check={checkLink}
          onCommit={(value) => edit('link', value.trim())}
        />
      ) : (
        <CheckedTextField
          key="place"
          label={PLACE_LABELS[meeting.mode]}
          hint={
            meeting.mode === 'phone'
              ? 'Optional: the number to call, or who calls whom.'
              : 'An address, a café or an office.'
          }
          value={meeting.place}
          disabled={disabled}
          check={checkPlace}
          onCommit={(value) => edit('place', value)}
        />
      )}
      {meeting.mode === 'in-person' ? (
        <NumberField
          label="Travel time (minutes)"
          value={meeting.travelMinutes}
          min={0}
          max={24 * 60}
          unit="minutes"
          disabled={disabled}
          onCommit={(n) => edit('travelMinutes', n)}
        />
      ) : null}
      <p className="prep-leave-by">
        <strong>{text?.headline ?? '—'}</strong>{' '}
        {text ? <span className="muted">({text.note})</span> : null}
      </p>
    </div>
  );
}
