import type { Contact, Meeting, Reminder } from '../schema/entities.js';
import type { Settings } from '../schema/settings.js';
import { addCalendarDays, localDateOf, reminderInstant, type LocalDate } from './business-days.js';
import { meetingEnd } from './meeting-times.js';
import { firstNameOf } from './names.js';
import type { Stage } from '../schema/entities.js';

/**
 * The reminder policy: for each kind of reminder, what creates it, what completes it and what
 * cancels it. Main's services follow it through one helper (electron/services/unit-of-work.ts),
 * the Today view and the contact page label reminders with it, and the property tests check its
 * promises (never two open reminders of a unique kind for one contact).
 */

export type ReminderKind = Reminder['kind'];

export interface ReminderKindPolicy {
  /** The noun used in buttons and messages: "Mark thank-you note for Zoë done". */
  noun: string;
  /** Who or what creates it. */
  createdBy: string;
  /** What marks it done (besides the user's own "Done"). */
  completedBy: string;
  /** What cancels it. */
  cancelledBy: string;
  /**
   * At most one open reminder of this kind per contact. `replace`: a new one cancels the old
   * (a new outreach, a later meeting, a rescheduled keep-in-touch); `keep`: the open one stays.
   */
  unique: 'replace' | 'keep' | false;
}

export const reminderPolicy: Readonly<Record<ReminderKind, ReminderKindPolicy>> = Object.freeze({
  'follow-up-3': {
    noun: 'follow-up',
    createdBy: 'An outreach e-mail logged as sent: 09:00 on the 3rd business day after it.',
    completedBy: 'Only the user (Done), after trying the next person at the same employer.',
    cancelledBy:
      'A reply, a newer outreach to the same person, a meeting scheduled or held, or a move out of Prospect/Contacted.',
    unique: 'replace',
  },
  'follow-up-7': {
    noun: 'follow-up',
    createdBy: 'An outreach e-mail logged as sent: 09:00 on the 7th business day after it.',
    completedBy: 'Logging the one follow-up e-mail, or the user (Done).',
    cancelledBy:
      'A reply, a newer outreach to the same person, a meeting scheduled or held, or a move out of Prospect/Contacted.',
    unique: 'replace',
  },
  'thank-you-due': {
    noun: 'thank-you note',
    createdBy: 'A meeting marked held: due 24 hours after the meeting ended.',
    completedBy: 'The thank-you note for that meeting marked sent (not a referrer thank-you).',
    cancelledBy: 'A later meeting held with the same person, which carries its own deadline.',
    unique: 'replace',
  },
  'report-back': {
    noun: 'report-back',
    createdBy:
      'A thank-you note after an interview marked sent: 09:00, the report-back days of Settings later.',
    completedBy: 'A report-back note marked sent.',
    cancelledBy: 'A move to Declined or No reply.',
    unique: 'keep',
  },
  'keep-in-touch': {
    noun: 'keep-in-touch note',
    createdBy:
      'A contact reaching Keeping in touch: 09:00, N days after their last activity (Settings, or the contact’s own N).',
    completedBy:
      'The user (Done), which starts the next one N days later; any logged activity moves it out instead.',
    cancelledBy: 'Leaving Keeping in touch, or keep-in-touch turned off for the contact.',
    unique: 'replace',
  },
  custom: {
    noun: 'reminder',
    createdBy: 'The user, on the contact page (text and date).',
    completedBy: 'The user (Done).',
    cancelledBy: 'Only deleting the contact (it goes with them).',
    unique: false,
  },
  promise: {
    noun: 'promise',
    createdBy: 'A promise made in a meeting given a due date ("Promises to follow up").',
    completedBy: 'The user (Done).',
    cancelledBy: 'Removing the due date from the promise.',
    unique: false,
  },
} satisfies Record<ReminderKind, ReminderKindPolicy>);

/** The noun for a kind, in messages and accessible names. */
export const reminderNoun = (kind: ReminderKind): string => reminderPolicy[kind].noun;

export const isFollowUpKind = (kind: ReminderKind) =>
  kind === 'follow-up-3' || kind === 'follow-up-7';

/** Open or snoozed: it will still come back to the Today view. */
export const isPending = (reminder: Pick<Reminder, 'status'>): boolean =>
  reminder.status === 'open' || reminder.status === 'snoozed';

/** The thank-you is due this long after the meeting ends ("within 24 hours"). */
export const THANK_YOU_WINDOW_HOURS = 24;

/** When the thank-you note for a held meeting is due. */
export function thankYouDeadline(meeting: Pick<Meeting, 'start' | 'minutes'>): Date {
  return new Date(meetingEnd(meeting).getTime() + THANK_YOU_WINDOW_HOURS * 3_600_000);
}

/** `days` calendar days after `from` (local), at the reminder hour. */
export function daysLater(from: Date, days: number): Date {
  return reminderInstant(addCalendarDays(localDateOf(from), days));
}

/** A reminder the user sets for a date: 09:00 that day. */
export function onDate(date: LocalDate): Date {
  return reminderInstant(date);
}

/** Default days between keep-in-touch notes: a light touch every few months. */
export const DEFAULT_KEEP_IN_TOUCH_DAYS = 90;

/** How often to get in touch with this contact, or null when keep-in-touch is off for them. */
export function keepInTouchDays(
  contact: Pick<Contact, 'keepInTouch'>,
  settings: Pick<Settings, 'keepInTouchDays'>,
): number | null {
  if (contact.keepInTouch.off) return null;
  return contact.keepInTouch.days ?? settings.keepInTouchDays;
}

/** Reminder titles, in one place so Today, the contact page and the documents agree. */
export const reminderTitles = {
  thankYou: (contact: Pick<Contact, 'firstName'>) =>
    `Send ${firstNameOf(contact)} a thank-you note`,
  reportBack: (contact: Pick<Contact, 'firstName'>) =>
    `Tell ${firstNameOf(contact)} how their advice worked out`,
  keepInTouch: (contact: Pick<Contact, 'firstName'>) =>
    `Get back in touch with ${firstNameOf(contact)}`,
};

/** What a stage change does to the contact's pending reminders. */
export interface StageReminderPlan {
  /** Kinds whose pending reminders are cancelled. */
  cancel: ReminderKind[];
  /** True when the keep-in-touch cycle starts (the contact arrived in Keeping in touch). */
  startKeepInTouch: boolean;
}

const followUpStages: ReadonlySet<Stage> = new Set(['prospect', 'contacted']);

/**
 * Follow-ups only make sense while waiting for an answer (Prospect, Contacted); keep-in-touch
 * only in Keeping in touch; closing the pipeline (Declined, No reply) also drops the report-back.
 */
export function remindersOnStageChange(from: Stage, to: Stage): StageReminderPlan {
  if (from === to) return { cancel: [], startKeepInTouch: false };
  const cancel: ReminderKind[] = [];
  if (!followUpStages.has(to)) cancel.push('follow-up-3', 'follow-up-7');
  if (from === 'keeping-in-touch') cancel.push('keep-in-touch');
  if (to === 'declined' || to === 'no-reply') cancel.push('report-back');
  return { cancel, startKeepInTouch: to === 'keeping-in-touch' };
}
