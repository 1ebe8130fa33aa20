import { MODE_LABELS, meetingWhere } from '../../../shared/domain/arrival.js';
import { THANK_YOU_WINDOW_HOURS } from '../../../shared/domain/reminder-policy.js';
import { stageAfterEvent } from '../../../shared/domain/stage-machine.js';
import { stageLabel } from '../../../shared/domain/stages.js';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import {
  focusWasLost,
  useFocusOnNavigate,
  useFocusTarget,
} from '../../components/use-focus-on-navigate.js';
import { usePrepStore, type AutosaveState } from '../../stores/prep-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { useTodayStore } from '../../stores/today-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { MeetingNoteEntries } from '../thanks/NoteEntryButtons.js';
import { formatMeetingTime, minutesLabel, shortLink, statusLabels } from '../meetings/format.js';
import { fullName, titleAtCompany } from '../pipeline/labels.js';
import {
  AfterSection,
  ChecklistSection,
  DocumentsSection,
  FeedbackLine,
  FilesSection,
  PrepSection,
  ResearchSection,
  PrepNav,
} from './PrepSections.js';
import { DuringSection } from './DuringSection.js';
import { beforeMeetingOnScreen } from './GettingThere.js';
import { QuestionsEditor } from './questions/QuestionsEditor.js';
import { PromiseTasks } from './PromiseTasks.js';
import { errorMessage } from '../../api.js';

/** Container: the prep workspace of the meeting in the route. */
export function PrepWorkspacePage() {
  const meetingId = useUiStore((s) => s.meetingId);
  if (!meetingId) return <MissingMeeting />;
  return <Workspace key={meetingId} id={meetingId} />;
}

function MissingMeeting() {
  const navigate = useUiStore((s) => s.navigate);
  return (
    <div className="page prep-page">
      <header className="page-header">
        <h1 className="page-title">Prep workspace</h1>
      </header>
      <p className="muted">Choose a meeting first.</p>
      <button type="button" className="button" onClick={() => navigate('meetings')}>
        Go to Meetings
      </button>
    </div>
  );
}

/** The quiet line that says whether what the user typed is saved. */
function SaveStatus({ autosave, pending }: { autosave: AutosaveState; pending: boolean }) {
  const text =
    autosave.state === 'saving' || (pending && autosave.state !== 'error')
      ? 'Saving…'
      : autosave.state === 'saved'
        ? 'All changes saved'
        : '';
  return (
    <p className="prep-save-status" role="status">
      {text}
    </p>
  );
}

function Workspace({ id }: { id: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  /** After an action whose button went away, focus goes to the heading rather than the page. */
  const keepFocus = () => {
    if (focusWasLost()) heading.current?.focus();
  };
  useFocusTarget(usePrepStore((s) => s.id === id && s.detail !== null));
  const navigate = useUiStore((s) => s.navigate);
  const shown = usePrepStore((s) => s.id === id);
  const detail = usePrepStore((s) => (s.id === id ? s.detail : null));
  const draft = usePrepStore((s) => (s.id === id ? s.draft : null));
  const loadError = usePrepStore((s) => (s.id === id ? s.loadError : null));
  const autosave = usePrepStore((s) => s.autosave);
  const pending = usePrepStore((s) => s.pending.length > 0);
  const busy = usePrepStore((s) => s.busy);
  /** When the page was opened: a meeting begun by then puts "Mark meeting as held" first. */
  const [openedAt] = useState(() => Date.now());
  const feedback = usePrepStore((s) => s.feedback);
  const suggested = usePrepStore((s) => s.suggested);
  const arriveEarly = useSettingsStore((s) => s.settings?.arriveEarlyMinutes ?? 15);
  const readOnly = useStorageStore(selectReadOnly) !== null;
  const [confirm, setConfirm] = useState<'held' | 'cancel' | null>(null);

  useEffect(() => {
    const store = usePrepStore.getState();
    void store.load(id);
    // Leaving the page (or the window closing) saves what is still waiting for the idle timer.
    const flush = () => void usePrepStore.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [id]);

  if (!shown || !detail || !draft) {
    return (
      <div className="page prep-page">
        <header className="page-header">
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            Prep workspace
          </h1>
        </header>
        {loadError ? (
          <ErrorMessage>
            <p>This meeting could not be opened. {loadError}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                onClick={() => void usePrepStore.getState().load(id)}
              >
                Try again
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => navigate('meetings')}
              >
                Back to Meetings
              </button>
            </div>
          </ErrorMessage>
        ) : (
          <Loading label="Opening the meeting…" size="page" />
        )}
      </div>
    );
  }

  const store = usePrepStore.getState();
  const { contact, attachments } = detail;
  const name = fullName(contact);
  const role = titleAtCompany(contact);
  const disabled = readOnly;
  const status = draft.status;
  const hasPdfResume = attachments.some((a) => a.role === 'resume' && /\.pdf$/i.test(a.fileName));
  const openContact = (contactId: string) => navigate(`contacts/${contactId}`);
  const where = meetingWhere(draft);
  const started = Date.parse(draft.start) <= openedAt;
  const before = status === 'planned' ? beforeMeetingOnScreen(draft, arriveEarly) : null;

  return (
    <div className="page prep-page">
      <header className="page-header prep-header">
        <div className="prep-header-main">
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            Prepare for <bdi>{name}</bdi>
          </h1>
          <p className="page-lead prep-facts">
            <time dateTime={draft.start}>{formatMeetingTime(draft.start)}</time>
            <span aria-hidden="true"> · </span>
            <span>{minutesLabel(draft.minutes)}</span>
            <span aria-hidden="true"> · </span>
            <span>{MODE_LABELS[draft.mode]}</span>
            {where.place ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>{where.place}</span>
              </>
            ) : null}
            {where.link ? (
              <>
                <span aria-hidden="true"> · </span>
                <button
                  type="button"
                  className="link-button"
                  title={where.link}
                  onClick={() =>
                    void useTodayStore
                      .getState()
                      .openExternal(where.link)
                      .catch(() => undefined)
                  }
                >
                  {shortLink(where.link)}
                </button>
              </>
            ) : null}
            {before ? (
              <>
                <span aria-hidden="true"> · </span>
                <strong>{before.headline}</strong>
              </>
            ) : null}{' '}
            <span className={`meeting-status meeting-status-${status}`}>
              {statusLabels[status]}
            </span>
          </p>
          <p className="prep-with">
            With{' '}
            <a
              href={`#contacts/${encodeURIComponent(contact.id)}`}
              onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                event.preventDefault();
                openContact(contact.id);
              }}
            >
              {name}
            </a>
            {role ? <span className="muted"> · {role}</span> : null}
          </p>
        </div>
        <div className="prep-header-side">
          {status === 'planned' ? (
            <div className="button-row">
              {/* Before the meeting, preparing is what comes next; once it has begun, saying how
                  it went. */}
              {started ? null : (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy !== null}
                  onClick={() => void store.exportPrepSheet()}
                >
                  {busy === 'prepSheet' ? 'Exporting…' : 'Export prep sheet…'}
                </button>
              )}
              <button
                type="button"
                className={started ? 'button button-primary' : 'button'}
                disabled={disabled || busy !== null}
                onClick={() => setConfirm('held')}
              >
                Mark meeting as held
              </button>
              <button
                type="button"
                className="button"
                disabled={disabled || busy !== null}
                onClick={() => setConfirm('cancel')}
              >
                Cancel meeting
              </button>
            </div>
          ) : null}
          {status === 'held' ? (
            <div className="button-row">
              <MeetingNoteEntries
                contact={contact}
                meetingId={id}
                onOpen={() => navigate('thanks')}
              />
            </div>
          ) : null}
          <SaveStatus autosave={autosave} pending={pending} />
        </div>
      </header>

      {autosave.state === 'error' ? (
        <ErrorMessage>
          <p>
            Your latest changes were not saved. {autosave.message} What you typed is still here;
            Rapport tries again when you keep typing.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => void store.flush()}
            >
              Try again now
            </button>
          </div>
        </ErrorMessage>
      ) : null}
      <FeedbackLine feedback={feedback.status} />
      {readOnly ? (
        <p className="read-only-explainer">
          Editing is turned off because Rapport opened your data read-only. You can still export
          documents.
        </p>
      ) : null}

      <PrepNav />
      <ResearchSection
        research={draft.research}
        employer={detail.employer}
        disabled={disabled}
        edit={store.edit}
      />
      <PrepSection id="prep-questions" title="Questions">
        <QuestionsEditor
          questions={draft.questions}
          meetingMinutes={draft.minutes}
          onChange={(questions) => store.edit('questions', questions)}
        />
      </PrepSection>
      <ChecklistSection
        meeting={draft}
        arriveEarlyMinutes={arriveEarly}
        disabled={disabled}
        edit={store.edit}
      />
      <FilesSection
        attachments={attachments}
        busy={busy}
        disabled={disabled}
        feedback={feedback.files}
        onAttach={(kind) => void store.attach(kind)}
        onDetach={(a) => void store.detach(a.id, a.originalName)}
      />
      <DuringSection
        questions={draft.questions}
        disabled={disabled}
        onChange={(questions) => store.edit('questions', questions)}
      />
      <AfterSection
        meeting={draft}
        contact={contact}
        disabled={disabled}
        busy={busy}
        edit={store.edit}
        feedback={feedback.suggested}
        suggested={suggested}
        onAddSuggested={store.addSuggestedContact}
        onOpenContact={openContact}
        promiseTasks={
          <PromiseTasks
            promises={draft.promises}
            tasks={detail.tasks}
            disabled={disabled}
            errorText={errorMessage}
            onSet={store.setPromiseTask}
          />
        }
      />
      <DocumentsSection
        meeting={draft}
        hasPdfResume={hasPdfResume}
        busy={busy}
        feedback={feedback.documents}
        onPrepSheet={() => void store.exportPrepSheet()}
        onPacket={(copies) => void store.exportPacket(copies)}
        onPrint={(copies) => void store.printPacket(copies)}
        onCalendar={() => void store.exportCalendar()}
      />

      {confirm === 'held' ? (
        <ConfirmDialog
          title="Mark this meeting as held?"
          confirmLabel="Mark as held"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            // The button that opened the dialog goes away once the meeting is held: the focus
            // goes to the page's heading (the message under it says what happened).
            void store.markHeld().then(keepFocus);
          }}
        >
          <p>
            {stageAfterEvent(contact.stage, 'meeting-held') !== contact.stage
              ? `${contact.firstName} moves to ${stageLabel(stageAfterEvent(contact.stage, 'meeting-held'))}, and Rapport`
              : 'Rapport'}{' '}
            reminds you to send a thank-you note within {THANK_YOU_WINDOW_HOURS} hours of the
            meeting’s end.
          </p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'cancel' ? (
        <ConfirmDialog
          title="Cancel this meeting?"
          confirmLabel="Cancel meeting"
          cancelLabel="Keep meeting"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void store.cancelMeeting().then(keepFocus);
          }}
        >
          <p>The meeting is marked cancelled. Your research, questions and notes are kept.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
