import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { MeetingSummary } from '../../../shared/schema/meetings.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { isPastMeeting, useMeetingsStore } from '../../stores/meetings-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { fullName } from '../pipeline/labels.js';
import { formatMeetingTime, minutesLabel, statusLabels, whereText } from './format.js';

interface MeetingsPageProps {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

const systemNow = () => new Date();

/** Container: every meeting, upcoming first (soonest on top), then past ones (latest on top). */
export function MeetingsPage({ now = systemNow }: MeetingsPageProps) {
  const meetings = useMeetingsStore((s) => s.meetings);
  const loaded = useMeetingsStore((s) => s.loaded);
  const error = useMeetingsStore((s) => s.error);
  const load = useMeetingsStore((s) => s.load);
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);

  useEffect(() => {
    void load();
  }, [load]);

  const { upcoming, past } = useMemo(() => {
    const at = now().getTime();
    const byStart = (a: MeetingSummary, b: MeetingSummary) =>
      a.meeting.start.localeCompare(b.meeting.start);
    return {
      upcoming: meetings.filter((m) => !isPastMeeting(m.meeting, at)).sort(byStart),
      past: meetings.filter((m) => isPastMeeting(m.meeting, at)).sort((a, b) => byStart(b, a)),
    };
  }, [meetings, now]);

  const open = (id: string) => navigate(`meetings/${id}`);

  return (
    <div className="page meetings-page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Meetings
        </h1>
        <p className="page-lead">
          Open a meeting to prepare for it, take notes and print your packet.
        </p>
      </header>
      {error ? (
        <ErrorMessage>
          <p>Your meetings could not be loaded. {error}</p>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => void load()}>
              Try again
            </button>
          </div>
        </ErrorMessage>
      ) : null}
      {!loaded && !error ? <Loading label="Loading your meetings…" size="page" /> : null}
      {loaded && meetings.length === 0 ? (
        <section className="card meetings-empty">
          <h2 className="card-title">No meetings yet</h2>
          <p className="card-text">
            When someone agrees to talk with you, open them from the pipeline and choose{' '}
            <strong>Schedule meeting</strong>. The meeting shows up here with its own prep
            workspace.
          </p>
          <button type="button" className="button" onClick={() => navigate('pipeline')}>
            Go to the pipeline
          </button>
        </section>
      ) : null}
      {loaded && meetings.length > 0 ? (
        <>
          <MeetingSection
            id="meetings-upcoming"
            title="Upcoming"
            empty="Nothing scheduled. Schedule a meeting from a contact’s page."
            meetings={upcoming}
            onOpen={open}
          />
          <MeetingSection
            id="meetings-past"
            title="Past"
            empty="No past meetings yet."
            meetings={past}
            onOpen={open}
          />
        </>
      ) : null}
    </div>
  );
}

interface MeetingSectionProps {
  id: string;
  title: string;
  empty: string;
  meetings: MeetingSummary[];
  onOpen(id: string): void;
}

/** One list of meetings; each row opens the meeting's prep workspace. */
export function MeetingSection({ id, title, empty, meetings, onOpen }: MeetingSectionProps) {
  return (
    <section className="meetings-section" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title} <span className="meetings-count">({meetings.length})</span>
      </h2>
      {meetings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="meeting-list" aria-labelledby={id}>
          {meetings.map(({ meeting, contact }) => (
            <li key={meeting.id} className={`meeting-row meeting-row-${meeting.status}`}>
              <a
                className="meeting-row-name"
                href={`#meetings/${encodeURIComponent(meeting.id)}`}
                onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                  event.preventDefault();
                  onOpen(meeting.id);
                }}
              >
                <bdi>{fullName(contact)}</bdi>
              </a>
              <time className="meeting-row-time" dateTime={meeting.start}>
                {formatMeetingTime(meeting.start)}
              </time>
              <span className="meeting-row-length">{minutesLabel(meeting.minutes)}</span>
              <span className="meeting-row-place">
                {whereText(meeting) || <span className="muted">No place yet</span>}
              </span>
              <span className={`meeting-status meeting-status-${meeting.status}`}>
                {statusLabels[meeting.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
