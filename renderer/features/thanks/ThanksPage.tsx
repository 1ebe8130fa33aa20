import { TemplatesSection } from './TemplatesSection.js';
import { useEffect, useId, useRef } from 'react';
import type { ThankYouSummary } from '../../../shared/schema/thanks.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useThanksStore, type ComposeTarget } from '../../stores/thanks-store.js';
import { fullName } from '../pipeline/labels.js';
import { ThankYouComposer } from './ThankYouComposer.js';

interface ThanksPageProps {
  /** The clock for the due indicator; tests pass a fixed one. */
  now?: () => Date;
}

const systemNow = () => new Date();

const shortDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
};

/** Container: the composer (when a note is being written) above the history of every note. */
export function ThanksPage({ now = systemNow }: ThanksPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  const target = useThanksStore((s) => s.target);
  const history = useThanksStore((s) => s.history);
  const loaded = useThanksStore((s) => s.historyLoaded);
  const error = useThanksStore((s) => s.historyError);
  const composeId = useId();

  useEffect(() => {
    void useThanksStore.getState().loadHistory();
  }, []);

  return (
    <div className="page thanks-page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Thank-you notes
        </h1>
        <p className="page-lead">
          Send a thank-you within 24 hours of each meeting, and name one thing you learned.
        </p>
      </header>
      {target ? (
        <section className="card thanks-compose" aria-labelledby={composeId}>
          <ComposerHeading id={composeId} target={target} />
          <ThankYouComposer
            key={`${target.contactId}|${target.meetingId ?? ''}|${target.noteId ?? ''}`}
            target={target}
            now={now}
          />
        </section>
      ) : null}
      <HistorySection history={history} loaded={loaded} error={error} />
      <TemplatesSection />
    </div>
  );
}

/** "Thank-you note to Maya Okafor", once the composer's context call named the contact. */
function ComposerHeading({ id, target }: { id: string; target: ComposeTarget }) {
  const name = useThanksStore(
    (s) =>
      s.names[target.contactId] ??
      s.history.find((h) => h.contact.id === target.contactId)?.contact ??
      null,
  );
  const shown = name === null ? null : typeof name === 'string' ? name : fullName(name);
  return (
    <div className="thanks-compose-header">
      <h2 className="section-title" id={id}>
        {shown ? `Thank-you note to ${shown}` : 'Thank-you note'}
      </h2>
      <button
        type="button"
        className="button button-small"
        onClick={() => useThanksStore.getState().closeComposer()}
      >
        Close note
      </button>
    </div>
  );
}

function HistorySection({
  history,
  loaded,
  error,
}: {
  history: ThankYouSummary[];
  loaded: boolean;
  error: string | null;
}) {
  const titleId = useId();
  const sorted = [...history].sort((a, b) => b.note.createdAt.localeCompare(a.note.createdAt));
  const reopen = (row: ThankYouSummary) =>
    useThanksStore.getState().compose({
      contactId: row.contact.id,
      meetingId: row.note.meetingId,
      noteId: row.note.id,
    });
  return (
    <section className="thanks-history" aria-labelledby={titleId}>
      <h2 className="section-title" id={titleId}>
        Your notes
      </h2>
      {error ? (
        <ErrorMessage>
          <p>Your notes could not be loaded. {error}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => void useThanksStore.getState().loadHistory()}
            >
              Try again
            </button>
          </div>
        </ErrorMessage>
      ) : null}
      {!loaded && !error ? <Loading label="Loading your notes…" /> : null}
      {loaded && history.length === 0 ? (
        <p className="muted">
          No thank-you notes yet. After a meeting, open it and choose Write thank-you note.
        </p>
      ) : null}
      {loaded && history.length > 0 ? (
        <table className="table thanks-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Meeting</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => {
              const name = fullName(row.contact);
              const created = shortDate(row.note.createdAt);
              return (
                <tr key={row.note.id}>
                  <th scope="row">{name}</th>
                  <td>{row.meeting ? shortDate(row.meeting.start) : 'No meeting'}</td>
                  <td>{created}</td>
                  <td>
                    {row.note.sentAt ? (
                      <span className="thanks-status thanks-status-sent">
                        Sent {shortDate(row.note.sentAt)}
                      </span>
                    ) : (
                      <span className="thanks-status thanks-status-draft">Draft</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Open the note to ${name} created ${created}`}
                      onClick={() => reopen(row)}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
