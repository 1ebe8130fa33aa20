import type { z } from 'zod';
import {
  daysLater,
  isFollowUpKind,
  isPending,
  keepInTouchDays,
  reminderPolicy,
  reminderTitles,
  remindersOnStageChange,
} from '../../shared/domain/reminder-policy.js';
import {
  eventMove,
  manualMove,
  type StageEvent,
  type StageMove,
} from '../../shared/domain/stage-machine.js';
import { stageChangeSummary } from '../../shared/domain/stages.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import { noEffects, type Effects } from '../../shared/schema/effects.js';
import type {
  Activity,
  Contact,
  Meeting,
  Reminder,
  Stage,
  ThankYouNote,
} from '../../shared/schema/entities.js';
import { readMeeting } from './meeting-records.js';
import type { Clock, Storage, Transaction } from './types.js';

/**
 * The one helper every service changes data through. It owns the three things each service used
 * to write for itself: finding a record or saying it is gone, parsing input again (services are
 * called from outside IPC too), and moving a contact's stage with the timeline entry and the
 * reminder changes the policy in shared/domain attaches to it. Everything it does inside a
 * transaction is recorded as `Effects`, which the service returns so the renderer can say exactly
 * what happened.
 */

/** Messages for records that disappeared between a screen loading and the user acting. */
export const gone = {
  contact: () =>
    new UserFacingError(
      'not-found',
      'This contact no longer exists; it may have been deleted. Reload the list and try again.',
    ),
  meeting: () =>
    new UserFacingError(
      'not-found',
      'This meeting no longer exists; it may have been deleted with its contact. Reload the Meetings list.',
    ),
  note: () =>
    new UserFacingError(
      'not-found',
      'This thank-you note no longer exists; it may have been deleted with its contact. Reload the list.',
    ),
  reminder: () =>
    new UserFacingError(
      'not-found',
      'This reminder no longer exists; its contact may have been deleted. Reload the Today view.',
    ),
};

/** An own property of a record keyed by id (never one inherited from Object.prototype). */
export const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

/** The record with this id, or the "gone" error. */
export function requireOwn<T>(
  record: Readonly<Record<string, T>>,
  id: string,
  whenGone: () => Error,
): T {
  const item = own(record, id);
  if (item === undefined) throw whenGone();
  return item;
}

export const invalid = (field: string, message: string) =>
  new UserFacingError('invalid-args', `${field}: ${message}`);

/**
 * Parses with the contract's schema again: services are also called from outside IPC. The first
 * problem becomes "field.path: message", the same shape the IPC layer uses.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, prefix = ''): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = [prefix, ...(issue?.path ?? [])]
      .map(String)
      .filter((part) => part !== '')
      .join('.');
    throw invalid(field || 'request', issue?.message ?? 'This cannot be saved.');
  }
  return parsed.data;
}

/** Values of a record whose `contactId` is the given contact. */
export function itemsOf<T extends { contactId: string }>(
  record: Readonly<Record<string, T>>,
  contactId: string,
): T[] {
  const out: T[] = [];
  for (const item of Object.values(record)) if (item.contactId === contactId) out.push(item);
  return out;
}

/** Activities that are contact with the person (not the app's own stage bookkeeping). */
const isTouch = (activity: Pick<Activity, 'kind'>) => activity.kind !== 'stage-change';

export interface WorkOptions {
  storage: Storage;
  now: Clock;
  newId: () => string;
}

/** A change in progress: the transaction, plus the operations that keep the rules in one place. */
export class Work {
  readonly effects: Effects = noEffects();
  readonly now: Date;

  constructor(
    readonly tx: Transaction,
    private readonly options: WorkOptions,
  ) {
    this.now = options.now();
  }

  get data(): Readonly<Dataset> {
    return this.tx.data;
  }

  newId(): string {
    return this.options.newId();
  }

  nowIso(): string {
    return this.now.toISOString();
  }

  contact(id: string): Contact {
    return requireOwn(this.tx.data.contacts, id, gone.contact);
  }

  /** The whole meeting (record and prep, the prep read on demand). */
  meeting(id: string): Meeting {
    const meeting = readMeeting(this.tx, id);
    if (meeting === undefined) throw gone.meeting();
    return meeting;
  }

  note(id: string): ThankYouNote {
    const note = own(this.tx.data.notes, id);
    if (note === undefined || !Object.hasOwn(this.tx.data.contacts, note.contactId))
      throw gone.note();
    return note;
  }

  /** Moves the contact as an automatic event says (forward only); returns the contact as saved. */
  moveByEvent(contact: Contact, event: StageEvent, at: string, meetingId: string | null): Contact {
    return this.applyMove(contact, eventMove(contact.id, contact.stage, event), at, meetingId);
  }

  /** The user's own move: any stage, backwards included. */
  moveManually(contact: Contact, to: Stage, at: string): Contact {
    return this.applyMove(contact, manualMove(contact.id, contact.stage, to), at, null);
  }

  private applyMove(
    contact: Contact,
    move: StageMove | null,
    at: string,
    meetingId: string | null,
  ): Contact {
    if (move === null) return contact;
    const moved: Contact = { ...contact, stage: move.to, updatedAt: this.nowIso() };
    this.tx.put('contacts', moved);
    this.tx.put('activities', {
      id: this.newId(),
      contactId: contact.id,
      kind: 'stage-change',
      at,
      summary: stageChangeSummary(move.from, move.to),
      meetingId,
    });
    this.effects.stageMoves.push(move);
    const plan = remindersOnStageChange(move.from, move.to);
    if (plan.cancel.length > 0)
      this.cancelReminders(moved.id, (reminder) => plan.cancel.includes(reminder.kind));
    if (plan.startKeepInTouch) this.scheduleKeepInTouch(moved);
    return moved;
  }

  /**
   * Writes an activity to the timeline. Contact with the person (anything but a stage change)
   * moves the keep-in-touch reminder out: it counts from the last activity.
   */
  logActivity(activity: Activity): Activity {
    this.tx.put('activities', activity);
    if (isTouch(activity)) {
      const contact = own(this.tx.data.contacts, activity.contactId);
      if (contact?.stage === 'keeping-in-touch') this.scheduleKeepInTouch(contact);
    }
    return activity;
  }

  /** The latest activity with the person (not stage bookkeeping), or null. */
  lastTouch(contactId: string): Date | null {
    let latest: number | null = null;
    for (const activity of Object.values(this.tx.data.activities)) {
      if (activity.contactId !== contactId || !isTouch(activity)) continue;
      const at = Date.parse(activity.at);
      if (latest === null || at > latest) latest = at;
    }
    return latest === null ? null : new Date(latest);
  }

  /**
   * (Re)sets the contact's keep-in-touch reminder: N days after the last activity (or from now
   * when there is none, or when `from` is given), at 09:00. Cancels it when keep-in-touch is off
   * or the contact is not in Keeping in touch. A reminder already due then is left as it is.
   */
  scheduleKeepInTouch(contact: Contact, from?: Date): void {
    const days = keepInTouchDays(contact, this.tx.data.settings);
    if (days === null || contact.stage !== 'keeping-in-touch') {
      this.cancelReminders(contact.id, (reminder) => reminder.kind === 'keep-in-touch');
      return;
    }
    const base = from ?? this.lastTouch(contact.id) ?? this.now;
    const due = daysLater(base, days);
    const current = itemsOf(this.tx.data.reminders, contact.id).find(
      (reminder) => reminder.kind === 'keep-in-touch' && isPending(reminder),
    );
    if (
      current !== undefined &&
      current.status === 'open' &&
      Date.parse(current.due) === due.getTime()
    )
      return;
    this.addReminder({
      contactId: contact.id,
      kind: 'keep-in-touch',
      due,
      title: reminderTitles.keepInTouch(contact),
      createdBy: null,
    });
  }

  /**
   * Adds an open reminder, honouring the policy's "one open reminder of this kind per contact":
   * `replace` cancels the pending one first, `keep` returns it and adds nothing.
   */
  addReminder(input: {
    contactId: string;
    kind: Reminder['kind'];
    due: Date;
    title: string;
    createdBy: string | null;
  }): Reminder {
    const unique = reminderPolicy[input.kind].unique;
    if (unique !== false) {
      const pending = itemsOf(this.tx.data.reminders, input.contactId).filter(
        (reminder) => reminder.kind === input.kind && isPending(reminder),
      );
      if (unique === 'keep' && pending[0] !== undefined) return pending[0];
      for (const reminder of pending) this.closeReminder(reminder, 'cancelled');
    }
    const reminder: Reminder = {
      id: this.newId(),
      contactId: input.contactId,
      kind: input.kind,
      due: input.due.toISOString(),
      status: 'open',
      snoozedUntil: null,
      createdBy: input.createdBy,
      title: input.title.slice(0, 300),
    };
    this.tx.put('reminders', reminder);
    this.effects.reminders.created.push(reminder);
    return reminder;
  }

  /** Saves a reminder another rule built (the 3B7 plans), recording what it amounts to. */
  putReminder(reminder: Reminder): void {
    const before = own(this.tx.data.reminders, reminder.id);
    this.tx.put('reminders', reminder);
    if (before === undefined) this.effects.reminders.created.push(reminder);
    else if (isPending(before) && reminder.status === 'done')
      this.effects.reminders.completed.push(reminder);
    else if (isPending(before) && reminder.status === 'cancelled')
      this.effects.reminders.cancelled.push(reminder);
  }

  /** Marks one pending reminder done or cancelled; a reminder already closed is left alone. */
  closeReminder(reminder: Reminder, status: 'done' | 'cancelled'): Reminder {
    if (!isPending(reminder)) return reminder;
    const closed: Reminder = { ...reminder, status, snoozedUntil: null };
    this.putReminder(closed);
    return closed;
  }

  /** Cancels the contact's pending reminders that `which` selects. */
  cancelReminders(contactId: string, which: (reminder: Reminder) => boolean): Reminder[] {
    return itemsOf(this.tx.data.reminders, contactId)
      .filter((reminder) => isPending(reminder) && which(reminder))
      .map((reminder) => this.closeReminder(reminder, 'cancelled'));
  }

  /** Marks done the contact's pending reminders that `which` selects. */
  completeReminders(contactId: string, which: (reminder: Reminder) => boolean): Reminder[] {
    return itemsOf(this.tx.data.reminders, contactId)
      .filter((reminder) => isPending(reminder) && which(reminder))
      .map((reminder) => this.closeReminder(reminder, 'done'));
  }
}

/**
 * The follow-through of the method's events, shared by the services that cause them and by
 * activities logged by hand, so a meeting marked held on the Meetings page and one logged on the
 * timeline set the same reminder.
 */
export const follow = {
  /** Met: the 3B7 follow-ups are over, a thank-you is due 24 hours after the meeting ended. */
  meetingHeld(
    work: Work,
    contact: Contact,
    input: { at: string; due: Date; createdBy: string; meetingId: string | null },
  ): { contact: Contact; reminder: Reminder } {
    const moved = work.moveByEvent(contact, 'meeting-held', input.at, input.meetingId);
    work.cancelReminders(moved.id, (reminder) => isFollowUpKind(reminder.kind));
    const reminder = work.addReminder({
      contactId: moved.id,
      kind: 'thank-you-due',
      due: input.due,
      title: reminderTitles.thankYou(moved),
      createdBy: input.createdBy,
    });
    return { contact: moved, reminder };
  },

  /**
   * Thanked: the 24-hour reminder of that meeting (or, without one, every pending thank-you
   * reminder of the contact) is done, and a report-back is due later (one at a time).
   */
  thankYouSent(
    work: Work,
    contact: Contact,
    input: { at: string; meetingId: string | null; createdBy: string },
  ): { contact: Contact; reportBack: Reminder } {
    const moved = work.moveByEvent(contact, 'thank-you-sent', input.at, input.meetingId);
    work.completeReminders(
      moved.id,
      (reminder) =>
        reminder.kind === 'thank-you-due' &&
        (input.meetingId === null || reminder.createdBy === input.meetingId),
    );
    const reportBack = work.addReminder({
      contactId: moved.id,
      kind: 'report-back',
      due: daysLater(new Date(input.at), work.data.settings.reportBackDays),
      title: reminderTitles.reportBack(moved),
      createdBy: input.createdBy,
    });
    return { contact: moved, reportBack };
  },

  /** Reported back: the report-back reminder is done and the contact is kept in touch with. */
  reportBackSent(work: Work, contact: Contact, input: { at: string; meetingId: string | null }) {
    work.completeReminders(contact.id, (reminder) => reminder.kind === 'report-back');
    return work.moveByEvent(contact, 'report-back-sent', input.at, input.meetingId);
  },
};

/**
 * Runs `fn` in one storage transaction and returns its value with the effects it had. Nothing is
 * written when `fn` throws.
 */
export function runWork<T>(
  options: WorkOptions,
  fn: (work: Work) => T,
): { value: T; effects: Effects } {
  return options.storage.transact((tx) => {
    const work = new Work(tx, options);
    const value = fn(work);
    return { value, effects: work.effects };
  });
}
