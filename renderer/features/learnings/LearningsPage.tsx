import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { learningsTitle, type LearningsFilter } from '../../../shared/domain/learnings.js';
import { call, errorMessage } from '../../api.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useLearningsStore } from '../../stores/learnings-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { formatMeetingTime } from '../meetings/format.js';

const day = (iso: string) => formatMeetingTime(iso).replace(/,? \d{1,2}:\d{2}.*$/, '');

/**
 * What the interviews taught, side by side: the answers of every meeting held, by question topic,
 * then each meeting's takeaways and advice; filtered by employer or industry to compare careers,
 * and saved as a .docx summary.
 */
export function LearningsPage() {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  const learnings = useLearningsStore((s) => s.learnings);
  const error = useLearningsStore((s) => s.error);
  const filter = useLearningsStore((s) => s.filter);
  const navigate = useUiStore((s) => s.navigate);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useLearningsStore.getState().load();
  }, []);

  const choose = (key: keyof LearningsFilter) => (value: string) => {
    const next: LearningsFilter = { ...filter };
    if (value === '') delete next[key];
    else next[key] = value;
    setStatus(null);
    void useLearningsStore.getState().load(next);
  };

  const exportDocx = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('learnings:exportDocx', filter);
      setStatus(
        result === null ? null : `Saved “${learningsTitle(result.meetings)}” to ${result.path}.`,
      );
    } catch (caught) {
      setStatus(null);
      setFailure(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const openMeeting = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(`meetings/${id}`);
  };

  return (
    <div className="page learnings-page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          What you have learned
        </h1>
        <p className="page-lead">
          {learnings && learnings.meetingCount > 0
            ? `${learningsTitle(learnings.meetingCount).replace('What I learned from', 'Answers from')}, side by side by topic, then each meeting’s takeaways and advice.`
            : 'Answers from the meetings you held, side by side by topic, then each meeting’s takeaways and advice.'}
        </p>
      </header>
      {error ? (
        <ErrorMessage>
          <p>What you learned could not be loaded. {error}</p>
        </ErrorMessage>
      ) : null}
      {learnings === null && !error ? (
        <Loading label="Gathering your answers…" size="page" />
      ) : null}
      {learnings ? (
        <>
          <div className="learnings-toolbar">
            <label className="learnings-filter">
              <span className="field-label">Employer</span>
              <select
                className="input"
                value={filter.employer ?? ''}
                onChange={(event) => choose('employer')(event.target.value)}
              >
                <option value="">All employers</option>
                {learnings.employers.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className="learnings-filter">
              <span className="field-label">Industry</span>
              <select
                className="input"
                value={filter.industry ?? ''}
                onChange={(event) => choose('industry')(event.target.value)}
              >
                <option value="">All industries</option>
                {learnings.industries.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || learnings.meetingCount === 0}
              onClick={() => void exportDocx()}
            >
              {busy ? 'Exporting…' : 'Export summary (.docx)…'}
            </button>
          </div>
          <StatusMessage>{status}</StatusMessage>
          {failure ? (
            <ErrorMessage>
              <p>{failure}</p>
            </ErrorMessage>
          ) : null}
          {learnings.meetingCount === 0 ? (
            <p className="muted learnings-empty">
              Nothing to compare yet. Answers you write under “During the meeting”, and the
              takeaways and advice after it, come together here once the meeting is marked held.
            </p>
          ) : null}
          {learnings.topics.map((topic) => (
            <section
              key={topic.category}
              className="learnings-topic"
              aria-labelledby={`learn-${topic.category}`}
            >
              <h2 className="section-title" id={`learn-${topic.category}`}>
                {topic.label}
              </h2>
              <ul className="learnings-grid">
                {topic.entries.map((entry, index) => (
                  <li key={`${entry.meetingId}-${index}`} className="card learnings-card">
                    <p className="learnings-who">
                      <a
                        href={`#meetings/${entry.meetingId}`}
                        onClick={openMeeting(entry.meetingId)}
                      >
                        {entry.contactName}
                      </a>
                      {entry.company ? <span className="muted"> · {entry.company}</span> : null}
                      <span className="muted"> · {day(entry.start)}</span>
                    </p>
                    <p className="learnings-question" dir="auto">
                      {entry.question}
                    </p>
                    <p className="learnings-answer" dir="auto">
                      {entry.answer}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {learnings.meetings.length > 0 ? (
            <section className="learnings-topic" aria-labelledby="learn-takeaways">
              <h2 className="section-title" id="learn-takeaways">
                Takeaways and advice
              </h2>
              <ul className="learnings-grid">
                {learnings.meetings.map((meeting) => (
                  <li key={meeting.meetingId} className="card learnings-card">
                    <p className="learnings-who">
                      <a
                        href={`#meetings/${meeting.meetingId}`}
                        onClick={openMeeting(meeting.meetingId)}
                      >
                        {meeting.contactName}
                      </a>
                      {meeting.company ? <span className="muted"> · {meeting.company}</span> : null}
                      <span className="muted"> · {day(meeting.start)}</span>
                    </p>
                    {meeting.takeaways ? (
                      <>
                        <p className="learnings-label">Takeaways</p>
                        <p className="learnings-answer" dir="auto">
                          {meeting.takeaways}
                        </p>
                      </>
                    ) : null}
                    {meeting.advice ? (
                      <>
                        <p className="learnings-label">Advice</p>
                        <p className="learnings-answer" dir="auto">
                          {meeting.advice}
                        </p>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
