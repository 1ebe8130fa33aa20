import {
  addCalendarDays,
  localDateOf,
  startOfLocalDay,
} from '../../shared/domain/business-days.js';
import { companyKey } from '../../shared/domain/contact-keys.js';
import { isPending } from '../../shared/domain/three-b-seven.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type { Contact, Reminder } from '../../shared/schema/entities.js';
import type { TodayItem, TodayView } from '../../shared/schema/pipeline.js';
import type { Storage, Transaction } from './types.js';

/**
 * The one reminder engine. A reminder is generic (contact, kind, due instant, status, what created
 * it), so the 3B7 follow-ups of issue 3 and the thank-you / report-back reminders of later issues
 * share the Today view, snooze and done. Areas add reminders with `newReminder` inside their own
 * transaction and, if a kind needs them, Today suggestions through `TodayOptions.suggest`.
 */

/** Meetings within this window show on the Today view. */
export const UPCOMING_MEETINGS_MS = 14 * 24 * 60 * 60 * 1000;
const LONGEST_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;
const MAX_SUGGESTIONS = 5;

const time = (iso: string) => Date.parse(iso);

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Last name, first name, company, ignoring case and accents; the id keeps the order stable. */
export function compareContactsByName(a: Contact, b: Contact): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.company, b.company) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** An open reminder; `createdBy` is the activity or meeting whose fate it follows. */
export function newReminder(input: {
  id: string;
  contactId: string;
  kind: Reminder['kind'];
  due: Date;
  title: string;
  createdBy: string | null;
}): Reminder {
  return {
    id: input.id,
    contactId: input.contactId,
    kind: input.kind,
    due: input.due.toISOString(),
    status: 'open',
    snoozedUntil: null,
    createdBy: input.createdBy,
    title: input.title,
  };
}

/** Cancels the contact's open or snoozed reminders that `which` selects; returns them. */
export function cancelPending(
  tx: Transaction,
  contactId: string,
  which: (reminder: Reminder) => boolean,
): Reminder[] {
  const cancelled: Reminder[] = [];
  for (const reminder of Object.values(tx.data.reminders)) {
    if (reminder.contactId !== contactId || !isPending(reminder) || !which(reminder)) continue;
    const closed: Reminder = { ...reminder, status: 'cancelled', snoozedUntil: null };
    tx.put('reminders', closed);
    cancelled.push(closed);
  }
  return cancelled;
}

/**
 * Day 3 of 3B7: "contact the next person at the same employer". Other people at the same company
 * (compared with `companyKey`, so "Acme Inc." is "ACME") who are still prospects.
 */
export function nextPeopleAtCompany(
  contacts: Readonly<Record<string, Contact>>,
): (contact: Contact) => Contact[] {
  let byCompany: Map<string, Contact[]> | null = null;
  return (contact) => {
    const key = companyKey(contact.company);
    if (key === '') return [];
    if (byCompany === null) {
      byCompany = new Map();
      for (const other of Object.values(contacts)) {
        if (other.stage !== 'prospect') continue;
        const otherKey = companyKey(other.company);
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
}

/**
 * What is on the user's plate on the local day of `now`: open reminders due before tomorrow
 * (those of earlier days flagged overdue), snoozed ones whose time has come, oldest first; and the
 * planned meetings of the next 14 days, soonest first. Reminders of deleted contacts are skipped.
 */
export function buildTodayView(
  dataset: Readonly<Dataset>,
  now: Date,
  options: TodayOptions = {},
): TodayView {
  const date = localDateOf(now);
  const startOfToday = startOfLocalDay(date).getTime();
  const startOfTomorrow = startOfLocalDay(addCalendarDays(date, 1)).getTime();
  const items: Array<TodayItem & { at: number }> = [];
  for (const reminder of Object.values(dataset.reminders)) {
    let at: number;
    if (reminder.status === 'open') {
      at = time(reminder.due);
      if (at >= startOfTomorrow) continue;
    } else if (reminder.status === 'snoozed' && reminder.snoozedUntil !== null) {
      at = time(reminder.snoozedUntil);
      if (at > now.getTime()) continue;
    } else continue;
    const contact = dataset.contacts[reminder.contactId];
    if (contact === undefined) continue;
    items.push({
      reminder,
      contact,
      overdue: at < startOfToday,
      suggestions: options.suggest?.(reminder, contact) ?? [],
      at,
    });
  }
  items.sort(
    (a, b) =>
      a.at - b.at || (a.reminder.id < b.reminder.id ? -1 : +(a.reminder.id > b.reminder.id)),
  );
  const from = now.getTime();
  const until = from + UPCOMING_MEETINGS_MS;
  const upcomingMeetings = Object.values(dataset.meetings)
    .filter((m) => m.status === 'planned' && time(m.start) >= from && time(m.start) <= until)
    .flatMap((meeting) => {
      const contact = dataset.contacts[meeting.contactId];
      return contact === undefined ? [] : [{ meeting, contact }];
    })
    .sort((a, b) => time(a.meeting.start) - time(b.meeting.start));
  return { date, items: items.map(({ at: _at, ...item }) => item), upcomingMeetings };
}

const reminderGone = () =>
  new UserFacingError(
    'not-found',
    'This reminder no longer exists; its contact may have been deleted. Reload the Today view.',
  );

function requireReminder(storage: Storage, id: string): Reminder {
  const { reminders, contacts } = storage.read();
  const reminder = Object.hasOwn(reminders, id) ? reminders[id] : undefined;
  if (reminder === undefined || !Object.hasOwn(contacts, reminder.contactId)) throw reminderGone();
  return reminder;
}

/** Hides a reminder until `until` (later than now, at most a year ahead). */
export function snoozeReminder(storage: Storage, now: Date, id: string, until: string): Reminder {
  const at = time(until);
  if (Number.isNaN(at)) throw new UserFacingError('invalid-args', 'until: Enter a date and time.');
  if (at <= now.getTime())
    throw new UserFacingError('invalid-args', 'until: Choose a time later than now.');
  if (at > now.getTime() + LONGEST_SNOOZE_MS)
    throw new UserFacingError('invalid-args', 'until: Snooze for a year at most.');
  const reminder = requireReminder(storage, id);
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
  storage.transact((tx) => tx.put('reminders', snoozed));
  return snoozed;
}

/** Marks a reminder done; doing it twice is harmless, a cancelled one cannot be done. */
export function completeReminder(storage: Storage, id: string): Reminder {
  const reminder = requireReminder(storage, id);
  if (reminder.status === 'done') return reminder;
  if (reminder.status === 'cancelled')
    throw new UserFacingError(
      'conflict',
      'This reminder was cancelled (a reply or a stage change closed it); there is nothing left to do.',
    );
  const closed: Reminder = { ...reminder, status: 'done', snoozedUntil: null };
  storage.transact((tx) => tx.put('reminders', closed));
  return closed;
}
