import type { Activity, Contact, Reminder } from '../schema/entities.js';
import {
  addBusinessDays,
  addCalendarDays,
  localDateOf,
  reminderInstant,
  type LocalDate,
} from './business-days.js';
import { isFollowUpKind, isPending } from './reminder-policy.js';

/**
 * The 3B7 routine (Steve Dalton, The 2-Hour Job Search): after an outreach e-mail, wait 3
 * working days, then try the next person at the same employer; after 7, send the first person one
 * follow-up. How and when someone answers says how to treat them later: Boosters reply before
 * day 3, Obligates reply late, Curmudgeons never do. Everything here is pure: the clock, the
 * holidays and the id maker come in as arguments, so every rule is testable on fixed dates.
 */

export type FollowUpKind = 'follow-up-3' | 'follow-up-7';

/** Working days after the outreach at which each follow-up falls due. */
export const followUpDays: Readonly<Record<FollowUpKind, number>> = Object.freeze({
  'follow-up-3': 3,
  'follow-up-7': 7,
});

const followUpKinds = Object.keys(followUpDays) as FollowUpKind[];

/** Stages in which a silent contact is still someone we are waiting for. */
const waitingStages: ReadonlySet<Contact['stage']> = new Set(['prospect', 'contacted', 'no-reply']);

export const isFollowUp = (reminder: Pick<Reminder, 'kind'>): boolean =>
  isFollowUpKind(reminder.kind);

export { isPending };

const time = (iso: string) => Date.parse(iso);

/** The Today-view line for a follow-up, naming the person and, on day 3, the employer. */
export function followUpTitle(
  kind: FollowUpKind,
  contact: Pick<Contact, 'firstName' | 'company'>,
): string {
  const name = contact.firstName.trim() || 'this contact';
  if (kind === 'follow-up-7') return `Send ${name} one follow-up`;
  const company = contact.company.trim();
  return company === ''
    ? `No reply from ${name} yet: contact the next person on your list`
    : `No reply from ${name} yet: contact the next person at ${company}`;
}

/** When the follow-ups of an outreach sent at `sentAt` fall due: 09:00 local, N working days on. */
export function followUpDueDates(
  sentAt: Date,
  holidays: Iterable<LocalDate> = [],
): Record<FollowUpKind, Date> {
  const sentOn = localDateOf(sentAt);
  const list = [...holidays];
  return {
    'follow-up-3': reminderInstant(addBusinessDays(sentOn, followUpDays['follow-up-3'], list)),
    'follow-up-7': reminderInstant(addBusinessDays(sentOn, followUpDays['follow-up-7'], list)),
  };
}

export interface OutreachPlan {
  /** The day-3 and day-7 reminders for this outreach. */
  create: Reminder[];
  /** Follow-ups of earlier outreaches still pending, now cancelled: the new e-mail replaces them. */
  cancel: Reminder[];
}

/**
 * What an `outreach-sent` activity sets up. `reminders` are the contact's reminders (any kind);
 * only pending follow-ups of outreaches sent earlier are superseded.
 */
export function planOutreach(input: {
  outreach: Pick<Activity, 'id' | 'at'>;
  contact: Pick<Contact, 'id' | 'firstName' | 'company'>;
  reminders: Iterable<Reminder>;
  holidays?: Iterable<LocalDate>;
  newId: () => string;
}): OutreachPlan {
  const { outreach, contact } = input;
  const due = followUpDueDates(new Date(outreach.at), input.holidays ?? []);
  const create = followUpKinds.map((kind): Reminder => ({
    id: input.newId(),
    contactId: contact.id,
    kind,
    due: due[kind].toISOString(),
    status: 'open',
    snoozedUntil: null,
    createdBy: outreach.id,
    title: followUpTitle(kind, contact),
  }));
  const cancel: Reminder[] = [];
  for (const reminder of input.reminders) {
    if (reminder.contactId !== contact.id || !isFollowUp(reminder) || !isPending(reminder))
      continue;
    if (reminder.createdBy === outreach.id) continue;
    cancel.push({ ...reminder, status: 'cancelled', snoozedUntil: null });
  }
  return { create, cancel };
}

/** The latest outreach sent at or before `at`, or null. */
export function outreachBefore(activities: Iterable<Activity>, at: string): Activity | null {
  let latest: Activity | null = null;
  const limit = time(at);
  for (const activity of activities) {
    if (activity.kind !== 'outreach-sent' || time(activity.at) > limit) continue;
    if (latest === null || time(activity.at) > time(latest.at)) latest = activity;
  }
  return latest;
}

export interface ReplyPlan {
  /** The outreach being answered (the latest one sent before the reply), or null if none. */
  outreach: Activity | null;
  /** Pending follow-ups of that outreach and of earlier ones, now cancelled. */
  cancel: Reminder[];
  /** Booster if the reply came before the day-3 reminder fell due, Obligate if later. */
  responsiveness: 'booster' | 'obligate' | null;
}

/**
 * What a `reply-received` activity changes. A reply dated before any outreach answers nothing we
 * sent, so it neither cancels nor labels.
 */
export function planReply(input: {
  reply: Pick<Activity, 'at'>;
  activities: Iterable<Activity>;
  reminders: Iterable<Reminder>;
  holidays?: Iterable<LocalDate>;
}): ReplyPlan {
  const activities = [...input.activities];
  const outreach = outreachBefore(activities, input.reply.at);
  if (outreach === null) return { outreach: null, cancel: [], responsiveness: null };
  const answered = new Set(
    activities
      .filter((a) => a.kind === 'outreach-sent' && time(a.at) <= time(input.reply.at))
      .map((a) => a.id),
  );
  const cancel: Reminder[] = [];
  let day3: Reminder | undefined;
  for (const reminder of input.reminders) {
    if (!isFollowUp(reminder) || reminder.createdBy === null || !answered.has(reminder.createdBy))
      continue;
    if (reminder.createdBy === outreach.id && reminder.kind === 'follow-up-3') day3 = reminder;
    if (isPending(reminder)) cancel.push({ ...reminder, status: 'cancelled', snoozedUntil: null });
  }
  // The stored due date wins (it was computed with the holidays of the day); recompute only if
  // the reminder is gone.
  const day3Due =
    day3 !== undefined
      ? time(day3.due)
      : followUpDueDates(new Date(outreach.at), input.holidays ?? [])['follow-up-3'].getTime();
  return {
    outreach,
    cancel,
    responsiveness: time(input.reply.at) < day3Due ? 'booster' : 'obligate',
  };
}

/**
 * Logging the one follow-up e-mail closes the pending day-7 reminder of the outreach it follows.
 * Returns those reminders marked done.
 */
export function planFollowUpSent(input: {
  sent: Pick<Activity, 'at'>;
  activities: Iterable<Activity>;
  reminders: Iterable<Reminder>;
}): Reminder[] {
  const outreach = outreachBefore(input.activities, input.sent.at);
  if (outreach === null) return [];
  const done: Reminder[] = [];
  for (const reminder of input.reminders) {
    if (
      reminder.kind === 'follow-up-7' &&
      reminder.createdBy === outreach.id &&
      isPending(reminder)
    )
      done.push({ ...reminder, status: 'done', snoozedUntil: null });
  }
  return done;
}

/** The moment a silent contact becomes a Curmudgeon: `waitDays` calendar days after day 7, 09:00. */
export function curmudgeonFrom(day7Due: Date, waitDays: number): Date {
  return reminderInstant(addCalendarDays(localDateOf(day7Due), waitDays));
}

/**
 * True when the contact never answered the latest outreach and the waiting period after its
 * day-7 follow-up has run out. Contacts already labelled, and contacts past the waiting stages (a
 * meeting was set up, or they declined) are left alone. Whether the day-7 reminder was done,
 * snoozed or cancelled does not matter: only a reply does.
 */
export function isCurmudgeon(input: {
  contact: Pick<Contact, 'stage' | 'responsiveness'>;
  activities: Iterable<Activity>;
  reminders: Iterable<Reminder>;
  now: Date;
  waitDays: number;
  holidays?: Iterable<LocalDate>;
}): boolean {
  const { contact } = input;
  if (contact.responsiveness !== 'unknown' || !waitingStages.has(contact.stage)) return false;
  const activities = [...input.activities];
  let latest: Activity | null = null;
  for (const activity of activities) {
    if (activity.kind !== 'outreach-sent') continue;
    if (latest === null || time(activity.at) > time(latest.at)) latest = activity;
  }
  if (latest === null) return false;
  const sentAt = time(latest.at);
  if (activities.some((a) => a.kind === 'reply-received' && time(a.at) >= sentAt)) return false;
  let day7Due: Date | null = null;
  for (const reminder of input.reminders) {
    if (reminder.kind === 'follow-up-7' && reminder.createdBy === latest.id)
      day7Due = new Date(reminder.due);
  }
  // The stored due date wins; recompute only when the reminder is gone.
  day7Due ??= followUpDueDates(new Date(latest.at), input.holidays ?? [])['follow-up-7'];
  return input.now.getTime() >= curmudgeonFrom(day7Due, input.waitDays).getTime();
}
