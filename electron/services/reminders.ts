import {
  addCalendarDays,
  localDateOf,
  startOfLocalDay,
} from '../../shared/domain/business-days.js';
import { companyKey } from '../../shared/domain/contact-keys.js';
import { compareContactsByName } from '../../shared/domain/contact-order.js';
import { contactSummary } from '../../shared/domain/contact-summary.js';
import { needsOutcome } from '../../shared/domain/meeting-times.js';
import { isPending } from '../../shared/domain/reminder-policy.js';
import { firstRowsOfToday } from '../../shared/domain/today-pages.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type { Effects } from '../../shared/schema/effects.js';
import type { Contact, MeetingRecord, Reminder } from '../../shared/schema/entities.js';
import type { ReminderChange, TodayRequest, TodayView } from '../../shared/schema/pipeline.js';
import { gone, own, type Work } from './unit-of-work.js';

/**
 * The one reminder engine's read side and the user's own actions on a reminder (snooze, done).
 * Reminders are created, completed and cancelled by the unit of work (unit-of-work.ts) as the
 * policy in shared/domain/reminder-policy.ts says; the Today view lists every kind the same way.
 */

/** Meetings within this window show on the Today view. */
export const UPCOMING_MEETINGS_MS = 14 * 24 * 60 * 60 * 1000;
const LONGEST_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;
const MAX_SUGGESTIONS = 5;

const time = (iso: string) => Date.parse(iso);

/** Last name, first name, company, ignoring case and accents (one copy, shared with the renderer). */
export { compareContactsByName };

/**
 * Day 3 of 3B7: "contact the next person at the same employer". Other people linked to the same
 * employer (the LAMP list's records, so a merged "Contoso Ltd" is Contoso), or, for contacts with
 * no employer, at the same company by `companyKey` ("Acme Inc." is "ACME"), still prospects.
 */
export function nextPeopleAtCompany(
  contacts: Readonly<Record<string, Contact>>,
): (contact: Contact) => Contact[] {
  let byCompany: Map<string, Contact[]> | null = null;
  const groupOf = (contact: Contact) => {
    if (contact.employerId !== null) return `employer:${contact.employerId}`;
    const key = companyKey(contact.company);
    return key === '' ? '' : `company:${key}`;
  };
  return (contact) => {
    const key = groupOf(contact);
    if (key === '') return [];
    if (byCompany === null) {
      byCompany = new Map();
      for (const other of Object.values(contacts)) {
        if (other.stage !== 'prospect') continue;
        const otherKey = groupOf(other);
        if (otherKey === '') continue;
        const list = byCompany.get(otherKey);
        if (list === undefined) byCompany.set(otherKey, [other]);
        else list.push(other);
      }
    }
    return (byCompany.get(key) ?? [])
      .filter((other) => other.id !== contact.id)
      .sort(compareContactsByName)
      .slice(0, MAX_SUGGESTIONS);
  };
}

export interface TodayOptions {
  /** Contacts to suggest next to a reminder (day 3: the next person at the company). */
  suggest?: (reminder: Reminder, contact: Contact) => Contact[];
  /** Rows of each long list to send (`TODAY_PAGE_SIZE` unless said). */
  shown?: TodayRequest;
}

/** A reminder Today lists: when it fell or falls due (`at`, ms) and whether that was before today. */
export interface DueReminder {
  reminder: Reminder;
  contact: Contact;
  overdue: boolean;
  at: number;
}

/** The local day of `now`, as the bounds the due rule compares with (ms). */
export function dayBounds(now: Date): { startOfToday: number; startOfTomorrow: number } {
  const date = localDateOf(now);
  return {
    startOfToday: startOfLocalDay(date).getTime(),
    startOfTomorrow: startOfLocalDay(addCalendarDays(date, 1)).getTime(),
  };
}

/**
 * The rule of what is due today, for one reminder: when it fell or falls due (ms), or null when it
 * is not due today. Open reminders are due from their due time until done (due before tomorrow,
 * local time); snoozed ones once their snooze has run out. Today's list (`dueToday`) and the
 * notifications and badge (services/due-alerts.ts) both ask it.
 */
export function dueTime(reminder: Reminder, nowMs: number, startOfTomorrow: number): number | null {
  if (reminder.status === 'open') {
    const at = parsedTime(reminder, reminder.due);
    return at < startOfTomorrow ? at : null;
  }
  if (reminder.status === 'snoozed' && reminder.snoozedUntil !== null) {
    const at = parsedTime(reminder, reminder.snoozedUntil);
    return at <= nowMs ? at : null;
  }
  return null;
}

/**
 * The time a reminder's rule reads (its due time, or the end of its snooze), parsed once per
 * record: records are replaced, never changed, when saved, so the object is the key. With tens of
 * thousands of reminders, parsing each date at every check would be most of the work.
 */
const parsedTimes = new WeakMap<Reminder, number>();
function parsedTime(reminder: Reminder, iso: string): number {
  let at = parsedTimes.get(reminder);
  if (at === undefined) parsedTimes.set(reminder, (at = time(iso)));
  return at;
}

/**
 * What is due today, oldest first; a reminder whose contact is gone is left out. Today's list
 * comes from here.
 */
export function dueToday(dataset: Readonly<Dataset>, now: Date): DueReminder[] {
  const { startOfToday, startOfTomorrow } = dayBounds(now);
  const nowMs = now.getTime();
  const due: DueReminder[] = [];
  for (const reminder of Object.values(dataset.reminders)) {
    const at = dueTime(reminder, nowMs, startOfTomorrow);
    if (at === null) continue;
    const contact = dataset.contacts[reminder.contactId];
    if (contact === undefined) continue;
    due.push({ reminder, contact, overdue: at < startOfToday, at });
  }
  due.sort(
    (a, b) =>
      a.at - b.at || (a.reminder.id < b.reminder.id ? -1 : +(a.reminder.id > b.reminder.id)),
  );
  return due;
}

/**
 * What is on the user's plate on the local day of `now`: open reminders due before tomorrow
 * (those of earlier days flagged overdue), snoozed ones whose time has come, oldest first; and the
 * planned meetings of the next 14 days, soonest first; and the planned meetings whose end has
 * passed, which need an answer (held or not). Reminders of deleted contacts are skipped. The long
 * lists are counted whole but sent a page at a time, contacts without their notes; suggestions
 * are worked out for the rows sent only.
 */
export function buildTodayView(
  dataset: Readonly<Dataset>,
  now: Date,
  options: TodayOptions = {},
): TodayView {
  const date = localDateOf(now);
  const due = dueToday(dataset, now);
  const from = now.getTime();
  const until = from + UPCOMING_MEETINGS_MS;
  const withContact = (meeting: MeetingRecord) => {
    const contact = dataset.contacts[meeting.contactId];
    return contact === undefined ? [] : [{ meeting, contact: contactSummary(contact) }];
  };
  const byStart = (a: MeetingRecord, b: MeetingRecord) => time(a.start) - time(b.start);
  const needingOutcome = Object.values(dataset.meetings)
    .filter((m) => needsOutcome(m, from))
    .sort(byStart);
  const upcomingMeetings = Object.values(dataset.meetings)
    .filter((m) => m.status === 'planned' && time(m.start) >= from && time(m.start) <= until)
    .sort(byStart)
    .flatMap(withContact);
  const page = firstRowsOfToday(due, needingOutcome, options.shown);
  const outcomes = page.outcomes.flatMap(withContact);
  return {
    date,
    items: page.items.map(({ reminder, contact, overdue }) => ({
      reminder,
      contact: contactSummary(contact),
      overdue,
      suggestions: (options.suggest?.(reminder, contact) ?? []).map(contactSummary),
    })),
    outcomes,
    upcomingMeetings,
    // A meeting whose contact is gone is not shown, nor counted.
    totals: {
      ...page.totals,
      outcomes: page.totals.outcomes - (page.outcomes.length - outcomes.length),
    },
    prospects: waitingProspects(dataset.contacts),
    contactCount: Object.keys(dataset.contacts).length,
  };
}

/** How many contacts are still prospects, and the one added longest ago (then by name). */
function waitingProspects(contacts: Readonly<Record<string, Contact>>): TodayView['prospects'] {
  let count = 0;
  let next: Contact | null = null;
  for (const contact of Object.values(contacts)) {
    if (contact.stage !== 'prospect') continue;
    count += 1;
    if (
      next === null ||
      contact.createdAt < next.createdAt ||
      (contact.createdAt === next.createdAt && compareContactsByName(contact, next) < 0)
    )
      next = contact;
  }
  return { count, next: next === null ? null : contactSummary(next) };
}

type RunWork = <T>(fn: (work: Work) => T) => { value: T; effects: Effects };

/** The reminder, if it and its contact still exist. */
function requireReminder(work: Work, id: string): Reminder {
  const { reminders, contacts } = work.data;
  const reminder = own(reminders, id);
  if (reminder === undefined || !Object.hasOwn(contacts, reminder.contactId)) throw gone.reminder();
  return reminder;
}

/** Hides a reminder until `until` (later than now, at most a year ahead). */
export function snoozeReminder(run: RunWork, id: string, until: string): ReminderChange {
  const at = time(until);
  if (Number.isNaN(at)) throw new UserFacingError('invalid-args', 'until: Enter a date and time.');
  const { value, effects } = run((work) => {
    if (at <= work.now.getTime())
      throw new UserFacingError('invalid-args', 'until: Choose a time later than now.');
    if (at > work.now.getTime() + LONGEST_SNOOZE_MS)
      throw new UserFacingError('invalid-args', 'until: Snooze for a year at most.');
    const reminder = requireReminder(work, id);
    if (!isPending(reminder))
      throw new UserFacingError(
        'conflict',
        `This reminder is already ${reminder.status === 'done' ? 'done' : 'cancelled'}; there is nothing to snooze.`,
      );
    const snoozed: Reminder = {
      ...reminder,
      status: 'snoozed',
      snoozedUntil: new Date(at).toISOString(),
    };
    work.putReminder(snoozed);
    return snoozed;
  });
  return { reminder: value, effects };
}

/**
 * Marks a reminder done; doing it twice is harmless, a cancelled one cannot be done. A
 * keep-in-touch reminder done starts the next one, N days from now.
 */
export function completeReminder(run: RunWork, id: string): ReminderChange {
  const { value, effects } = run((work) => {
    const reminder = requireReminder(work, id);
    if (reminder.status === 'done') return reminder;
    if (reminder.status === 'cancelled')
      throw new UserFacingError(
        'conflict',
        'This reminder was cancelled (a reply or a stage change closed it); there is nothing left to do.',
      );
    const closed = work.closeReminder(reminder, 'done');
    if (reminder.kind === 'keep-in-touch')
      work.scheduleKeepInTouch(work.contact(reminder.contactId), work.now);
    return closed;
  });
  return { reminder: value, effects };
}
