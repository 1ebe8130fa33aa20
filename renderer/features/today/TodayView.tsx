import { useEffect, useRef, type MouseEvent, type ReactNode, type Ref } from 'react';
import { fullName } from '../../../shared/domain/names.js';
import { reminderNoun } from '../../../shared/domain/reminder-policy.js';
import { TODAY_PAGE_SIZE } from '../../../shared/domain/today-pages.js';
import type {
  ContactSummary,
  TodayItem,
  TodaySection,
  TodayView as TodayData,
} from '../../../shared/schema/pipeline.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { Loading } from '../../components/Loading.js';
import { whereText } from '../meetings/format.js';
import { SnoozeMenu } from './SnoozeMenu.js';
import {
  calendarDaysBetween,
  formatLongDate,
  formatShortDate,
  formatShortDateTime,
  type SnoozeOption,
} from './snooze.js';

/** The contact's name as every screen writes it. */
export const contactName = fullName;

/** "follow-up", "thank-you note"...: used in the buttons' accessible names. */
export { reminderNoun };

export interface TodayViewProps {
  headingRef?: Ref<HTMLHeadingElement>;
  /** The day shown: the view's own date once loaded, the local clock before. */
  today: Date;
  view: TodayData | null;
  loading: boolean;
  error: string | null;
  /** True once contacts are loaded and there are none: the first-run welcome replaces the lists. */
  firstRun: boolean;
  needsProfile: boolean;
  busy: readonly string[];
  feedback: { kind: 'success' | 'error'; text: string } | null;
  onRetry(): void;
  onOpenContact(id: string): void;
  onAddContact(): void;
  onImport(): void;
  onSetUpProfile(): void;
  onDone(item: TodayItem): void;
  onSnooze(item: TodayItem, option: SnoozeOption): void;
  /** Opens the composer for a thank-you or report-back reminder. */
  onWrite?(item: TodayItem): void;
  /** "Did it happen?" answers for a planned meeting whose end has passed. */
  onHeld(outcome: MeetingOutcome): void;
  onReschedule(outcome: MeetingOutcome): void;
  onDidNotHappen(outcome: MeetingOutcome): void;
  /** Asks main for the next page of a long list. */
  onShowMore(section: TodaySection): void;
  /** Opens a contact's page ready to write the first e-mail (Today's next step). */
  onWriteTo(contactId: string): void;
  /** Opens a contact's page on "Write follow-up e-mail" (day 7 of 3B7). */
  onWriteFollowUp(contactId: string): void;
  /** A coming meeting's prep workspace. */
  onPrepare(meetingId: string): void;
  /** Opens a video meeting's link in the browser (through main's allowlist). */
  onJoin(link: string): void;
}

export type MeetingOutcome = TodayData['outcomes'][number];

/** "Did your meeting with Maya Okafor happen?": held, rescheduled or not, one question per meeting. */
function OutcomeRow({
  outcome,
  busy,
  onOpen,
  onHeld,
  onReschedule,
  onDidNotHappen,
}: {
  outcome: MeetingOutcome;
  busy: boolean;
  onOpen(id: string): void;
  onHeld(outcome: MeetingOutcome): void;
  onReschedule(outcome: MeetingOutcome): void;
  onDidNotHappen(outcome: MeetingOutcome): void;
}) {
  const { meeting, contact } = outcome;
  const name = contactName(contact);
  const questionId = `outcome-${meeting.id}`;
  return (
    <li className="today-item today-outcome">
      <div className="today-item-main">
        <p className="today-outcome-question" id={questionId}>
          Did your meeting with <ContactLink contact={contact} onOpen={onOpen} /> happen?
        </p>
        <p className="muted">
          Planned for {formatShortDateTime(new Date(meeting.start))}, {meeting.minutes} minutes. The
          thank-you note is due 24 hours after it ended.
        </p>
      </div>
      <div className="today-item-actions" role="group" aria-labelledby={questionId}>
        <button
          type="button"
          className="button button-small button-primary"
          aria-label={`Yes, I met ${name}: mark the meeting held`}
          disabled={busy}
          onClick={() => onHeld(outcome)}
        >
          Held
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`Reschedule the meeting with ${name}`}
          disabled={busy}
          onClick={() => onReschedule(outcome)}
        >
          Reschedule
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={`The meeting with ${name} didn’t happen`}
          disabled={busy}
          onClick={() => onDidNotHappen(outcome)}
        >
          Didn’t happen
        </button>
      </div>
    </li>
  );
}

function ContactLink({ contact, onOpen }: { contact: ContactSummary; onOpen(id: string): void }) {
  return (
    <a
      href={`#contacts/${encodeURIComponent(contact.id)}`}
      className="contact-link"
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        event.preventDefault();
        onOpen(contact.id);
      }}
    >
      <bdi>{contactName(contact)}</bdi>
    </a>
  );
}

function lateness(item: TodayItem, today: Date): string {
  const due = new Date(item.reminder.snoozedUntil ?? item.reminder.due);
  if (Number.isNaN(due.getTime())) return 'Overdue';
  const days = calendarDaysBetween(due, today);
  if (days <= 0) return 'Overdue since earlier today';
  return `${days} ${days === 1 ? 'day' : 'days'} late (due ${formatShortDate(due)})`;
}

function Hint({ item, onOpen }: { item: TodayItem; onOpen(id: string): void }) {
  const { reminder, contact, suggestions } = item;
  const company = contact.company.trim();
  if (reminder.kind === 'follow-up-3') {
    if (suggestions.length === 0) {
      return (
        <p className="today-hint">
          No reply yet? The 3B7 routine says: contact the next person
          {company ? ` at ${company}` : ' at the same employer'}. There is no one else there in your
          contacts yet.
        </p>
      );
    }
    return (
      <div className="today-hint">
        <p>No reply yet? Contact the next person{company ? ` at ${company}` : ''}:</p>
        <ul className="suggestions" aria-label={`Next people${company ? ` at ${company}` : ''}`}>
          {suggestions.map((next) => (
            <li key={next.id}>
              <ContactLink contact={next} onOpen={onOpen} />
              {next.title ? <span className="muted">, {next.title}</span> : null}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (reminder.kind === 'follow-up-7') {
    return (
      <p className="today-hint">
        <strong>Write follow-up:</strong> one short, friendly note to {contact.firstName}, repeating
        your question.
      </p>
    );
  }
  return null;
}

/** Reminders that are about writing a note open the composer for it (the note is the work). */
const writeLabels: Partial<
  Record<TodayItem['reminder']['kind'], { short: string; label: string }>
> = {
  'thank-you-due': { short: 'Write note', label: 'Write thank-you note' },
  'report-back': { short: 'Write', label: 'Write report-back' },
};

function ReminderRow({
  item,
  today,
  busy,
  onOpen,
  onDone,
  onSnooze,
  onWrite,
  onWriteTo,
  onWriteFollowUp,
}: {
  item: TodayItem;
  today: Date;
  busy: boolean;
  onOpen(id: string): void;
  onDone(item: TodayItem): void;
  onSnooze(item: TodayItem, option: SnoozeOption): void;
  onWrite?(item: TodayItem): void;
  /** Opens a contact's page on "Write outreach e-mail". */
  onWriteTo?(contactId: string): void;
  onWriteFollowUp?(contactId: string): void;
}) {
  const name = contactName(item.contact);
  const noun = reminderNoun(item.reminder.kind);
  const write = writeLabels[item.reminder.kind];
  // Day 3 of 3B7 with no reply: the next step is writing to the next person at the employer.
  const next = item.reminder.kind === 'follow-up-3' ? item.suggestions[0] : undefined;
  return (
    <li className={item.overdue ? 'today-item today-item-overdue' : 'today-item'}>
      <div className="today-item-main">
        <p className="today-item-title">
          <ContactLink contact={item.contact} onOpen={onOpen} />
          <span className="today-item-reminder" dir="auto">
            {item.reminder.title}
          </span>
        </p>
        {item.overdue ? <p className="overdue-badge">{lateness(item, today)}</p> : null}
        <Hint item={item} onOpen={onOpen} />
      </div>
      <div className="today-item-actions">
        {write && onWrite ? (
          <button
            type="button"
            className="button button-small button-primary"
            aria-label={`${write.label} to ${name}`}
            disabled={busy}
            onClick={() => onWrite(item)}
          >
            {write.short}
          </button>
        ) : null}
        {item.reminder.kind === 'follow-up-7' && onWriteFollowUp ? (
          <button
            type="button"
            className="button button-small button-primary"
            aria-label={`Write follow-up e-mail to ${name}`}
            disabled={busy}
            onClick={() => onWriteFollowUp(item.contact.id)}
          >
            Write e-mail
          </button>
        ) : null}
        {next && onWriteTo ? (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            onClick={() => onWriteTo(next.id)}
          >
            Write to {contactName(next)}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small"
          aria-label={`Mark ${noun} for ${name} done`}
          disabled={busy}
          onClick={() => onDone(item)}
        >
          Done
        </button>
        <SnoozeMenu
          label={`Snooze ${noun} for ${name}`}
          disabled={busy}
          onChoose={(option) => onSnooze(item, option)}
        />
      </div>
    </li>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="today-section">
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

const ideas = [
  {
    title: 'Start warm',
    text: 'Alumni, professional groups, former colleagues, family and friends answer far more often than strangers.',
  },
  {
    title: 'Ask for advice, not a job',
    text: 'An informational interview is a short conversation to learn how someone got where they are, and whom else to meet.',
  },
  {
    title: 'Follow up with 3B7',
    text: 'After each outreach e-mail Rapport reminds you after 3 business days to try the next person at that company, and after 7 to follow up once.',
  },
];

function FirstRun({
  needsProfile,
  onAddContact,
  onImport,
  onSetUpProfile,
}: Pick<TodayViewProps, 'needsProfile' | 'onAddContact' | 'onImport' | 'onSetUpProfile'>) {
  return (
    <>
      <section aria-labelledby="first-run-heading" className="card card-accent first-run">
        <h2 id="first-run-heading" className="card-title">
          Who would you like to learn from?
        </h2>
        <p className="card-text">
          Rapport helps you plan, prepare and follow up informational interviews: short
          conversations with people whose work interests you. Begin with a few people you already
          share something with.
        </p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={onAddContact}>
            Add a contact
          </button>
          <button type="button" className="button" onClick={onImport}>
            Import LinkedIn connections
          </button>
        </div>
      </section>
      <section aria-labelledby="how-heading" className="home-section">
        <h2 id="how-heading" className="section-title">
          How it works
        </h2>
        <ol className="steps">
          {ideas.map((idea, index) => (
            <li key={idea.title} className="step">
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <div>
                <h3 className="step-title">{idea.title}</h3>
                <p className="step-text">{idea.text}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
      {needsProfile ? (
        <p className="section-intro">
          Your name and contact details go on thank-you notes and prep sheets.{' '}
          <button type="button" className="link-button" onClick={onSetUpProfile}>
            Set up your profile
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * A long list a page at a time: main sends the first rows and the total (a backlog of thousands in
 * a large imported network would take seconds to send and draw, and is no use on one screen).
 * "Show more" asks main for the next page; the first new row then takes the focus.
 */
function ShownInPages<T>({
  items,
  total,
  what,
  render,
  onMore,
}: {
  /** The rows main sent. */
  items: readonly T[];
  /** How many the list has in all. */
  total: number;
  /** e.g. "overdue reminders", for the button's name. */
  what: string;
  render(item: T): ReactNode;
  onMore(): void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null || items.length <= focusRow.current) return;
    // The first row just shown takes the focus: the button may be gone (nothing left to show).
    const row = list.current?.children[focusRow.current];
    focusRow.current = null;
    row?.querySelector<HTMLElement>('a, button')?.focus();
  }, [items.length]);
  const shown = Math.min(items.length, total);
  const next = Math.min(total - shown, TODAY_PAGE_SIZE);
  return (
    <>
      <ul className="today-list" ref={list}>
        {items.map(render)}
      </ul>
      {next > 0 ? (
        <p className="today-more">
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              focusRow.current = shown;
              onMore();
            }}
          >
            Show {next} more {what}
          </button>{' '}
          <span className="muted">
            {shown.toLocaleString()} of {total.toLocaleString()} shown
          </span>
        </p>
      ) : null}
    </>
  );
}

/** The home screen: what is due today, what is late, what is coming up. */
export function TodayView(props: TodayViewProps) {
  const { headingRef, today, view, loading, error, firstRun, busy, feedback } = props;
  const due = view?.items.filter((item) => !item.overdue) ?? [];
  const overdue = view?.items.filter((item) => item.overdue) ?? [];
  const meetings = view?.upcomingMeetings ?? [];

  let body: ReactNode;
  if (firstRun) {
    body = <FirstRun {...props} />;
  } else if (!view && error) {
    body = (
      <ErrorMessage>
        <p>Today’s reminders could not be loaded. {error}</p>
        <button type="button" className="button button-small" onClick={props.onRetry}>
          Try again
        </button>
      </ErrorMessage>
    );
  } else if (!view) {
    body = loading ? <Loading label="Loading today’s reminders…" size="page" /> : null;
  } else {
    const next = view.prospects.next;
    const rows = (items: TodayItem[], section: 'overdue' | 'due', what: string) => (
      <ShownInPages
        items={items}
        total={view.totals[section]}
        what={what}
        onMore={() => props.onShowMore(section)}
        render={(item) => (
          <ReminderRow
            key={item.reminder.id}
            item={item}
            today={today}
            busy={busy.includes(item.reminder.id)}
            onOpen={props.onOpenContact}
            onDone={props.onDone}
            onSnooze={props.onSnooze}
            onWrite={props.onWrite}
            onWriteTo={props.onWriteTo}
            onWriteFollowUp={props.onWriteFollowUp}
          />
        )}
      />
    );
    body = (
      <>
        {view.outcomes.length > 0 ? (
          <Section id="today-outcomes" title="Did it happen?">
            <ShownInPages
              items={view.outcomes}
              total={view.totals.outcomes}
              what="meetings to answer for"
              onMore={() => props.onShowMore('outcomes')}
              render={(outcome) => (
                <OutcomeRow
                  key={outcome.meeting.id}
                  outcome={outcome}
                  busy={busy.includes(outcome.meeting.id)}
                  onOpen={props.onOpenContact}
                  onHeld={props.onHeld}
                  onReschedule={props.onReschedule}
                  onDidNotHappen={props.onDidNotHappen}
                />
              )}
            />
          </Section>
        ) : null}
        {view.items.length === 0 && view.outcomes.length === 0 ? (
          <div className="caught-up" role="note">
            <p className="caught-up-title">You’re all caught up</p>
            {next ? (
              <>
                <p className="muted">
                  No reminders are due. Next step:{' '}
                  {view.prospects.count === 1
                    ? 'write to the one contact you have found but not written to yet.'
                    : `write to one of the ${view.prospects.count.toLocaleString()} contacts you have found but not written to yet.`}
                </p>
                <p className="caught-up-action">
                  <button
                    type="button"
                    className="button button-small button-primary"
                    onClick={() => props.onWriteTo(next.id)}
                  >
                    Write to {contactName(next)}
                  </button>
                </p>
              </>
            ) : (
              <p className="muted">
                No reminders are due. A good moment to find someone new to learn from, or to prepare
                for your next conversation.
              </p>
            )}
          </div>
        ) : null}
        {overdue.length > 0 ? (
          <Section id="today-overdue" title="Overdue">
            {rows(overdue, 'overdue', 'overdue reminders')}
          </Section>
        ) : null}
        {due.length > 0 ? (
          <Section id="today-due" title="Due today">
            {rows(due, 'due', 'reminders due today')}
          </Section>
        ) : null}
        <Section id="today-coming-up" title="Coming up">
          {meetings.length === 0 ? (
            <p className="muted">No meetings scheduled.</p>
          ) : (
            <ul className="today-list">
              {meetings.map(({ meeting, contact }) => (
                <li key={meeting.id} className="today-item">
                  <div className="today-item-main">
                    <p className="today-item-title">
                      <ContactLink contact={contact} onOpen={props.onOpenContact} />
                      <span className="today-item-reminder">
                        {formatShortDateTime(new Date(meeting.start))}, {meeting.minutes} minutes
                      </span>
                    </p>
                    {whereText(meeting) ? <p className="muted">{whereText(meeting)}</p> : null}
                  </div>
                  <div className="today-item-actions">
                    <button
                      type="button"
                      className="button button-small button-primary"
                      aria-label={`Prepare for the meeting with ${contactName(contact)}`}
                      onClick={() => props.onPrepare(meeting.id)}
                    >
                      Prepare
                    </button>
                    {meeting.mode === 'video' && meeting.link ? (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Join the video call with ${contactName(contact)}`}
                        onClick={() => props.onJoin(meeting.link)}
                      >
                        Join
                      </button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </>
    );
  }

  return (
    <div className="page page-today">
      <header className="page-header">
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          Today
        </h1>
        <p className="page-lead">{formatLongDate(today)}</p>
      </header>
      {feedback?.kind === 'error' ? (
        <ErrorMessage>
          <p>{feedback.text}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>{feedback?.kind === 'success' ? feedback.text : null}</StatusMessage>
      {body}
    </div>
  );
}
