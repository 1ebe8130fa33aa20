import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { Contact, Stage } from '../../../shared/schema/entities.js';
import type { ContactDetail, ContactInput } from '../../../shared/schema/pipeline.js';
import { errorMessage } from '../../api.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { Loading } from '../../components/Loading.js';
import { useFocusOnNavigate, useFocusTarget } from '../../components/use-focus-on-navigate.js';
import { useContactDetailStore } from '../../stores/contact-detail-store.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { onUndone } from '../../stores/undo-store.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { ScheduleMeetingDialog } from '../meetings/ScheduleMeetingDialog.js';
import { whereText } from '../meetings/format.js';
import { useMeetingsStore } from '../../stores/meetings-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { OutreachComposer } from '../outreach/OutreachComposer.js';
import { OutreachDraftNotice } from '../outreach/OutreachDraftNotice.js';
import { NoteEntryButtons } from '../thanks/NoteEntryButtons.js';
import {
  allStages,
  fullName,
  responsivenessLabels,
  sourceLabels,
  stageLabels,
  titleAtCompany,
} from '../pipeline/labels.js';
import { activityIcons, activityLabels, formatWhen } from './activity.js';
import { ContactForm } from './ContactForm.js';
import { ContactReminders } from './ContactReminders.js';
import { describeEffects, describeReminders } from '../../effects.js';
import { LogActivityForm } from './LogActivityForm.js';

/** Container: the new-contact form, or one contact's page (and its edit form). */
export function ContactPage() {
  const contactId = useUiStore((s) => s.contactId);
  useEffect(() => {
    if (!useContactsStore.getState().loaded) void useContactsStore.getState().load();
  }, []);
  return contactId === null ? <NewContact /> : <ExistingContact key={contactId} id={contactId} />;
}

function useHeadingFocus() {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  return heading;
}

function NewContact() {
  const heading = useHeadingFocus();
  const navigate = useUiStore((s) => s.navigate);
  const contacts = useContactsStore((s) => s.contacts);
  const readOnly = useStorageStore(selectReadOnly);
  const save = async (input: ContactInput) => {
    try {
      const contact = await useContactsStore.getState().create(input);
      navigate(`contacts/${contact.id}`);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  };
  return (
    <div className="page contact-page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          New contact
        </h1>
      </header>
      <ContactForm
        contact={null}
        contacts={contacts}
        readOnlyReason={readOnly?.reason ?? null}
        findDuplicates={useContactsStore.getState().findDuplicates}
        onSave={save}
        onCancel={() => navigate('pipeline')}
        onOpenContact={(id) => navigate(`contacts/${id}`)}
      />
    </div>
  );
}

function ExistingContact({ id }: { id: string }) {
  const heading = useHeadingFocus();
  const navigate = useUiStore((s) => s.navigate);
  const detail = useContactDetailStore((s) => (s.id === id ? s.detail : null));
  const error = useContactDetailStore((s) => (s.id === id ? s.error : null));
  // Today's "Write to …" lands on "Write outreach e-mail" once the contact is drawn.
  useFocusTarget(detail !== null);
  const contacts = useContactsStore((s) => s.contacts);
  const readOnly = useStorageStore(selectReadOnly);
  const keepInTouchDefault = useSettingsStore((s) => s.settings?.keepInTouchDays);
  const [editing, setEditing] = useState(false);
  /** What the last save did besides saving (reminders moved), from main's effects. */
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void useContactDetailStore.getState().load(id);
  }, [id]);

  if (!detail) {
    return (
      <div className="page contact-page">
        <header className="page-header">
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            Contact
          </h1>
        </header>
        {error ? (
          <ErrorMessage>
            <p>This contact could not be shown. {error}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                onClick={() => navigate('pipeline')}
              >
                Back to the pipeline
              </button>
            </div>
          </ErrorMessage>
        ) : (
          <Loading label="Loading the contact…" size="page" />
        )}
      </div>
    );
  }

  const name = fullName(detail.contact);
  if (editing) {
    const save = async (input: ContactInput) => {
      try {
        const change = await useContactsStore.getState().update(id, input);
        await useContactDetailStore.getState().load(id);
        const said = describeEffects(change.effects, () => change.contact.firstName);
        setSaved(`Saved.${said ? ` ${said}` : ''}`);
        setEditing(false);
        return null;
      } catch (caught) {
        return errorMessage(caught);
      }
    };
    return (
      <div className="page contact-page">
        <header className="page-header">
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            Edit {name}
          </h1>
        </header>
        <ContactForm
          contact={detail.contact}
          contacts={contacts}
          readOnlyReason={readOnly?.reason ?? null}
          findDuplicates={useContactsStore.getState().findDuplicates}
          onSave={save}
          onCancel={() => setEditing(false)}
          onOpenContact={(other) => navigate(`contacts/${other}`)}
          {...(keepInTouchDefault === undefined ? {} : { keepInTouchDefault })}
        />
      </div>
    );
  }

  return (
    <ContactDetailView
      detail={detail}
      headingRef={heading}
      readOnly={readOnly !== null}
      message={saved}
      onEdit={() => {
        setSaved(null);
        setEditing(true);
      }}
    />
  );
}

interface DetailViewProps {
  detail: ContactDetail;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  readOnly: boolean;
  /** What the last edit did, as main reported it. */
  message?: string | null;
  onEdit(): void;
}

function ContactDetailView({ detail, headingRef, readOnly, message, onEdit }: DetailViewProps) {
  const navigate = useUiStore((s) => s.navigate);
  const { contact } = detail;
  const name = fullName(contact);
  /** The composer, for the first e-mail or for the day-7 follow-up. */
  const [composing, setComposing] = useState<false | 'outreach' | 'follow-up'>(false);
  const writeOutreachRef = useRef<HTMLButtonElement>(null);
  const wasComposing = useRef(false);
  useEffect(() => {
    // The composer gives focus back to its opener; "Continue writing" is gone with the draft.
    if (wasComposing.current && !composing && document.activeElement === document.body)
      writeOutreachRef.current?.focus();
    wasComposing.current = composing !== false;
  }, [composing]);
  const [scheduling, setScheduling] = useState(false);
  const meetingMinutes = useSettingsStore((s) => s.settings?.meetingMinutes ?? 30);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = () => useContactDetailStore.getState().load(contact.id);
  const link = (other: Contact) => (
    <a
      href={`#contacts/${other.id}`}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        event.preventDefault();
        navigate(`contacts/${other.id}`);
      }}
    >
      <bdi>{fullName(other)}</bdi>
    </a>
  );

  /** What this page's own last action did (from main's effects); until then, the edit's. */
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => onUndone(() => setSaid(null)), []);

  const changeStage = async (stage: Stage) => {
    setProblem(null);
    setSaid('');
    const store = useContactsStore.getState();
    if (!store.contacts.some((c) => c.id === contact.id)) store.upsert(contact);
    const change = await store.setStage(contact.id, stage);
    const notice = useContactsStore.getState().notice;
    if (change === null && notice?.kind === 'error') {
      setProblem(notice.text);
      store.clearNotice();
    } else if (change !== null) {
      // Said here, on this page; the pipeline's own notice would be stale by the time it shows.
      store.clearNotice();
      setSaid(describeEffects(change.effects, () => contact.firstName));
    }
    await reload();
  };

  /** No confirm: the toast on the pipeline says what went with them and offers Undo. */
  const doDelete = async () => {
    setProblem(null);
    setDeleting(true);
    try {
      await useContactsStore.getState().remove(contact.id, name);
      navigate('pipeline');
    } catch (error) {
      setDeleting(false);
      setProblem(`${name} was not deleted. ${errorMessage(error)}`);
    }
  };

  // The latest held meeting is what a thank-you note is about; without one it goes to the contact.
  const lastHeld =
    [...detail.meetings]
      .filter((m) => m.status === 'held')
      .sort((a, b) => b.start.localeCompare(a.start))[0] ?? null;
  const canThank =
    lastHeld !== null ||
    contact.stage === 'met' ||
    contact.stage === 'thanked' ||
    contact.stage === 'keeping-in-touch';
  // A thank-you sent (a note marked sent, or one logged by hand) makes a report-back possible.
  const thanked = detail.activities.some((a) => a.kind === 'thank-you-sent');

  const badge = responsivenessLabels[contact.responsiveness];
  const openReminders = detail.reminders.filter(
    (r) => r.status === 'open' || r.status === 'snoozed',
  );
  // Day 7 of 3B7 without a reply: the follow-up to the first e-mail, which it answers.
  const followUpDue = openReminders.some((r) => r.kind === 'follow-up-7');
  const lastOutreach = detail.activities
    .filter((a) => a.kind === 'outreach-sent')
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  const details: [string, ReactNode][] = [
    ['E-mail', contact.email],
    ['Phone', contact.phone],
    ['LinkedIn', contact.linkedinUrl],
    ['Industry', contact.industry],
    ['Location', contact.location],
    [
      'Source',
      `${sourceLabels[contact.source.kind]}${contact.source.detail ? ` (${contact.source.detail})` : ''}`,
    ],
    ['Tags', contact.tags.join(', ')],
  ];

  return (
    <div className="page contact-page">
      <header className="page-header contact-header">
        <div>
          <h1 className="page-title" ref={headingRef} tabIndex={-1} dir="auto">
            {name}
          </h1>
          <p className="page-lead">
            {titleAtCompany(contact) || 'No title or company yet'}
            {badge ? (
              <span className={`badge badge-${contact.responsiveness}`}>{badge}</span>
            ) : null}
          </p>
        </div>
        <div className="button-row contact-actions">
          <button type="button" className="button" onClick={onEdit} disabled={readOnly}>
            Edit
          </button>
          {followUpDue ? (
            <button
              id="write-follow-up"
              type="button"
              className="button button-primary"
              onClick={() => setComposing('follow-up')}
            >
              Write follow-up e-mail
            </button>
          ) : null}
          <button
            id="write-outreach"
            type="button"
            className="button"
            ref={writeOutreachRef}
            onClick={() => setComposing('outreach')}
          >
            Write outreach e-mail
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setScheduling(true)}
            disabled={readOnly}
          >
            Schedule meeting
          </button>
          <NoteEntryButtons
            contact={contact}
            referrer={detail.referredBy}
            meetingId={lastHeld?.id ?? null}
            canThank={canThank}
            thanked={thanked}
            onOpen={() => navigate('thanks')}
          />
          <button
            type="button"
            className="button button-danger"
            onClick={() => void doDelete()}
            disabled={readOnly || deleting}
          >
            Delete contact
          </button>
        </div>
      </header>

      {problem ? (
        <ErrorMessage>
          <p>{problem}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>{said ?? message ?? null}</StatusMessage>

      <OutreachDraftNotice
        contact={contact}
        onContinue={() => setComposing(followUpDue ? 'follow-up' : 'outreach')}
      />

      <div className="contact-grid">
        <section className="card contact-section" aria-labelledby="contact-details-title">
          <h2 className="card-title" id="contact-details-title">
            Details
          </h2>
          <div className="field contact-stage">
            <label className="field-label" htmlFor="contact-stage">
              Stage
            </label>
            <select
              id="contact-stage"
              className="input input-select"
              value={contact.stage}
              disabled={readOnly}
              onChange={(event) => void changeStage(event.target.value as Stage)}
            >
              {allStages.map((s) => (
                <option key={s} value={s}>
                  {stageLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <dl className="contact-details">
            {details
              .filter(([, value]) => value !== '')
              .map(([label, value]) => (
                <div key={label} className="contact-detail-row">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          {detail.referredBy ? (
            <p className="contact-referral">Referred by {link(detail.referredBy)}</p>
          ) : null}
          {detail.referrals.length > 0 ? (
            <p className="contact-referral">
              Referred{' '}
              {detail.referrals.map((other, index) => (
                <span key={other.id}>
                  {index > 0 ? (index === detail.referrals.length - 1 ? ' and ' : ', ') : ''}
                  {link(other)}
                </span>
              ))}
            </p>
          ) : null}
          {contact.notes ? (
            <p className="contact-notes" dir="auto">
              {contact.notes}
            </p>
          ) : null}
        </section>

        <section className="card contact-section" aria-labelledby="contact-reminders-title">
          <ContactReminders
            firstName={contact.firstName}
            reminders={openReminders}
            readOnly={readOnly}
            errorText={errorMessage}
            onDone={async (reminder) => {
              const { effects } = await useContactDetailStore.getState().doneReminder(reminder.id);
              const next = describeReminders({
                ...effects,
                reminders: { ...effects.reminders, completed: [] },
              });
              return `Done: ${reminder.title}.${next ? ` ${next}` : ''}`;
            }}
            onAdd={async (title, date) => {
              const { reminder } = await useContactDetailStore
                .getState()
                .addReminder({ contactId: contact.id, title, date });
              return `Reminder added for ${formatWhen(reminder.due)}; it shows on Today that day.`;
            }}
          />
          <h2 className="card-title contact-subtitle">Meetings</h2>
          {detail.meetings.length === 0 ? (
            <p className="muted">No meetings with {contact.firstName} yet.</p>
          ) : (
            <ul className="plain-list">
              {detail.meetings.map((m) => (
                <li key={m.id}>
                  <a
                    href={`#meetings/${m.id}`}
                    onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                      event.preventDefault();
                      navigate(`meetings/${m.id}`);
                    }}
                  >
                    {formatWhen(m.start)}
                  </a>{' '}
                  · {m.minutes} min
                  {whereText(m) ? ` · ${whereText(m)}` : ''}{' '}
                  <span className="muted">({m.status})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card contact-section" aria-labelledby="contact-timeline-title">
        <h2 className="card-title" id="contact-timeline-title">
          Timeline
        </h2>
        <LogActivityForm
          contactId={contact.id}
          name={name}
          disabled={readOnly}
          onLog={(input) => useContactDetailStore.getState().logActivity(input)}
          errorText={errorMessage}
        />
        {detail.activities.length === 0 ? (
          <p className="muted">Nothing logged yet.</p>
        ) : (
          <ol className="timeline" aria-label="Timeline entries, newest first">
            {detail.activities.map((a) => (
              <li key={a.id} className="timeline-item">
                <span className="timeline-icon" aria-hidden="true">
                  {activityIcons[a.kind]}
                </span>
                <div>
                  <p className="timeline-head">
                    <strong>{activityLabels[a.kind]}</strong>{' '}
                    <time dateTime={a.at} className="muted">
                      {formatWhen(a.at)}
                    </time>
                  </p>
                  {a.summary ? (
                    <p className="timeline-summary" dir="auto">
                      {a.summary}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      {composing ? (
        <OutreachComposer
          contact={contact}
          followUp={
            composing === 'follow-up' ? { lastSubject: lastOutreach?.summary ?? '' } : undefined
          }
          onClose={() => setComposing(false)}
          onSent={() => {
            setComposing(false);
            void reload();
          }}
        />
      ) : null}

      {scheduling ? (
        <ScheduleMeetingDialog
          contact={contact}
          defaultMinutes={meetingMinutes}
          onSchedule={(input) =>
            useMeetingsStore
              .getState()
              .schedule(input)
              .then((change) => change.meeting)
          }
          errorText={errorMessage}
          onClose={() => setScheduling(false)}
          onScheduled={(meeting) => {
            setScheduling(false);
            navigate(`meetings/${meeting.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
