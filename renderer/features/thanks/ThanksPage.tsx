import { TemplatesSection } from './TemplatesSection.js';
import { useEffect, useId, useRef, useState } from 'react';
import type { ThankYouSummary } from '../../../shared/schema/thanks.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useThanksStore } from '../../stores/thanks-store.js';
import { fullName } from '../pipeline/labels.js';
import { ThankYouComposer } from './ThankYouComposer.js';
import { purposeLabels, purposeNouns } from './targets.js';

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

  const closed = () => heading.current?.focus();
  // Opened from the history below: focus moves up to the note, not left on the table.
  const [focusComposer, setFocusComposer] = useState(false);
  const open = (row: ThankYouSummary) => {
    setFocusComposer(true);
    useThanksStore.getState().compose({
      purpose: row.note.purpose,
      contactId: row.note.contactId,
      aboutContactId: row.note.aboutContactId,
      meetingId: row.note.meetingId,
      noteId: row.note.id,
    });
  };

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
          <ThankYouComposer
            key={[
              target.purpose ?? 'thank-you',
              target.contactId,
              target.aboutContactId ?? '',
              target.meetingId ?? '',
              target.noteId ?? '',
            ].join('|')}
            target={target}
            now={now}
            headingId={composeId}
            focusOnOpen={focusComposer}
            onClosed={closed}
          />
        </section>
      ) : null}
      <HistorySection history={history} loaded={loaded} error={error} onOpen={open} />
      <TemplatesSection />
    </div>
  );
}

/** "Thank-you note to Ana Lind (for introducing Maya Okafor)": the kind, then who it is to. */
function NoteCell({ row }: { row: ThankYouSummary }) {
  return (
    <>
      <span className="thanks-kind">{purposeLabels[row.note.purpose]}</span>{' '}
      <span>
        to <bdi>{fullName(row.contact)}</bdi>
      </span>
      {row.note.purpose === 'referrer-thanks' && row.about ? (
        <span className="muted">
          {' '}
          (for introducing <bdi>{fullName(row.about)}</bdi>)
        </span>
      ) : null}
    </>
  );
}

/** Drafts first (unfinished work on top), each group newest first. */
const historyOrder = (a: ThankYouSummary, b: ThankYouSummary) =>
  Number(a.note.sentAt !== null) - Number(b.note.sentAt !== null) ||
  b.note.createdAt.localeCompare(a.note.createdAt);

function HistorySection({
  history,
  loaded,
  error,
  onOpen,
}: {
  history: ThankYouSummary[];
  loaded: boolean;
  error: string | null;
  onOpen(row: ThankYouSummary): void;
}) {
  const titleId = useId();
  const sorted = [...history].sort(historyOrder);
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
          No notes yet. After a meeting, open it and choose Write thank-you note.
        </p>
      ) : null}
      {loaded && history.length > 0 ? (
        <table className="table thanks-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Note</th>
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
              const draft = row.note.sentAt === null;
              return (
                <tr key={row.note.id}>
                  <th scope="row">
                    <NoteCell row={row} />
                  </th>
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
                      aria-label={`${draft ? 'Continue the draft' : 'Open the'} ${purposeNouns[row.note.purpose]} to ${name} created ${created}`}
                      onClick={() => onOpen(row)}
                    >
                      {draft ? 'Continue' : 'Open'}
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
