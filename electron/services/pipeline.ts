import { employerLinker } from './employers.js';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contactSummary } from '../../shared/domain/contact-summary.js';
import { findDuplicates, type DuplicateProbe } from '../../shared/domain/duplicates.js';
import { isLocalDate } from '../../shared/domain/business-days.js';
import { isPending, onDate, thankYouDeadline } from '../../shared/domain/reminder-policy.js';
import {
  isCurmudgeon,
  planFollowUpSent,
  planOutreach,
  planReply,
} from '../../shared/domain/three-b-seven.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type {
  Activity,
  Contact,
  MeetingPrep,
  MeetingRecord,
  Reminder,
  Stage,
  ThankYouNote,
  OutreachDraft,
} from '../../shared/schema/entities.js';
import { removeMeeting } from './meeting-records.js';
import {
  ContactInput,
  CustomReminderInput,
  LogActivityInput,
  PromiseTaskInput,
  type ContactDetail,
  type ContactChange,
  type ContactSummary,
  type DeletionImpact,
  type DuplicateMatch,
  type LogActivityResult,
  type PromiseTaskChange,
  type ReminderChange,
  type TodayRequest,
  type TodayView,
} from '../../shared/schema/pipeline.js';
import {
  buildTodayView,
  compareContactsByName,
  completeReminder,
  nextPeopleAtCompany,
  snoozeReminder,
} from './reminders.js';
import { dropOutreachDrafts } from './outreach-drafts.js';
import type { Clock, Storage } from './types.js';
import {
  follow,
  gone,
  invalid,
  itemsOf,
  parseInput,
  requireOwn,
  runWork,
  type Work,
} from './unit-of-work.js';

/**
 * Contacts, their timeline and their reminders: every `contacts:*`, `activities:log` and
 * `reminders:*` channel is one method here. The clock and the id maker are passed in so the 3B7
 * dates can be tested on fixed days; the storage is the only thing that touches disk.
 */
export interface PipelineService {
  /**
   * Every contact without notes, sorted by name. Labels overdue Curmudgeons first (writes only if
   * one changed).
   */
  list(): ContactSummary[];
  get(id: string): ContactDetail;
  /** Lenient on purpose: the add form asks while the user is still typing. */
  findDuplicates(input: Partial<DuplicateProbe>, ignoreId?: string): DuplicateMatch[];
  create(input: ContactInput): Contact;
  /** Saves the form; a stage picked there is a manual move (reported in `effects`). */
  update(id: string, input: ContactInput): ContactChange;
  setStage(id: string, stage: Stage): ContactChange;
  /** Deletes the contact with everything of theirs; says what went with them. */
  delete(id: string): { undoToken: string; impact: DeletionImpact };
  undoDelete(undoToken: string): Contact;
  logActivity(input: z.input<typeof LogActivityInput>): LogActivityResult;
  /** Today's view, its long lists a page at a time (`shown` rows of each). */
  today(shown?: TodayRequest): TodayView;
  snooze(id: string, until: string): ReminderChange;
  done(id: string): ReminderChange;
  /** The user's own reminder on a contact, due at 09:00 on the chosen day. */
  addReminder(input: z.input<typeof CustomReminderInput>): ReminderChange;
  /** A promise from a meeting as a task with a date; a null date removes the task. */
  setPromiseTask(input: z.input<typeof PromiseTaskInput>): PromiseTaskChange;
  /** Labels contacts who never answered; returns how many changed. list() and today() call it. */
  sweepCurmudgeons(): number;
}

export interface PipelineServiceOptions {
  storage: Storage;
  now: Clock;
  /** Ids for new contacts, activities and reminders; crypto.randomUUID unless a test fixes them. */
  newId?: () => string;
  /** How many deletions can be undone (the oldest token is forgotten first); default 20. */
  undoLimit?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Everything one deletion removed or changed, kept in memory until undone or forgotten. */
interface Removed {
  contact: Contact;
  activities: Activity[];
  reminders: Reminder[];
  meetings: MeetingRecord[];
  preps: MeetingPrep[];
  notes: ThankYouNote[];
  outreach: OutreachDraft[];
  /** Contacts this person had referred, as they were before their link was cleared. */
  referrals: Contact[];
}

/** Activities may be logged a little ahead (a time zone slip), never days into the future. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
const EARLIEST_ACTIVITY = Date.parse('2000-01-01T00:00:00.000Z');

const time = (iso: string) => Date.parse(iso);

/** Newest first; a stage change caused by an activity at the same instant reads above it. */
const newestFirst = (a: Activity, b: Activity) =>
  time(b.at) - time(a.at) ||
  Number(b.kind === 'stage-change') - Number(a.kind === 'stage-change') ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Promises are compared without case, spacing or a closing full stop. */
const promiseKey = (text: string) =>
  text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .toLocaleLowerCase();

/** The contact form's input, parsed again, with tags cleaned. */
function parseContactInput(input: unknown) {
  const value = parseInput(ContactInput, input, 'contact');
  // Tags: no blanks, no case-only duplicates ("Fintech" and "fintech" are one tag).
  const seen = new Set<string>();
  const tags = value.tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...value, tags };
}

export function createPipelineService(options: PipelineServiceOptions): PipelineService {
  const { storage } = options;
  const newId = options.newId ?? randomUUID;
  const undoLimit = options.undoLimit ?? 20;
  const log = options.log ?? ((message, error) => console.error(message, error));
  const undoable = new Map<string, Removed>();

  const data = (): Readonly<Dataset> => storage.read();
  const nowIso = () => options.now().toISOString();

  const work = <T>(fn: (w: Work) => T) => runWork({ storage, now: options.now, newId }, fn);
  const requireContact = (contacts: Readonly<Record<string, Contact>>, id: string): Contact =>
    requireOwn(contacts, id, gone.contact);

  const checkReferrer = (referredById: string | null, selfId: string | null) => {
    if (referredById === null) return;
    if (referredById === selfId)
      throw invalid(
        'contact.referredById',
        'A contact cannot be referred by themselves. Choose someone else or leave it empty.',
      );
    if (!Object.hasOwn(data().contacts, referredById))
      throw invalid(
        'contact.referredById',
        'The contact chosen as the referrer no longer exists. Choose someone else or leave it empty.',
      );
  };

  const sweepCurmudgeons = (): number => {
    if (storage.status().readOnly !== null) return 0;
    // Right after start the activities are still being read in the background: the labels can
    // wait for the next list or Today (reading them all now would hold up the first screen).
    if (storage.isLoaded?.('activities') === false) return 0;
    const dataset = data();
    const now = options.now();
    // Only contacts with a day-7 follow-up already due can have waited long enough.
    const candidates = new Set<string>();
    for (const reminder of Object.values(dataset.reminders)) {
      if (reminder.kind !== 'follow-up-7' || time(reminder.due) > now.getTime()) continue;
      const contact = dataset.contacts[reminder.contactId];
      if (contact !== undefined && contact.responsiveness === 'unknown') candidates.add(contact.id);
    }
    if (candidates.size === 0) return 0;
    const activities = new Map<string, Activity[]>();
    for (const activity of Object.values(dataset.activities)) {
      if (!candidates.has(activity.contactId)) continue;
      const list = activities.get(activity.contactId);
      if (list === undefined) activities.set(activity.contactId, [activity]);
      else list.push(activity);
    }
    const reminders = new Map<string, Reminder[]>();
    for (const reminder of Object.values(dataset.reminders)) {
      if (!candidates.has(reminder.contactId)) continue;
      const list = reminders.get(reminder.contactId);
      if (list === undefined) reminders.set(reminder.contactId, [reminder]);
      else list.push(reminder);
    }
    const silent = [...candidates].filter((id) =>
      isCurmudgeon({
        contact: dataset.contacts[id] as Contact,
        activities: activities.get(id) ?? [],
        reminders: reminders.get(id) ?? [],
        now,
        waitDays: dataset.settings.curmudgeonWaitDays,
        holidays: dataset.settings.holidays,
      }),
    );
    if (silent.length === 0) return 0;
    try {
      storage.transact((tx) => {
        for (const id of silent) {
          const contact = tx.data.contacts[id];
          if (contact !== undefined)
            tx.put('contacts', { ...contact, responsiveness: 'curmudgeon', updatedAt: nowIso() });
        }
      });
    } catch (error) {
      // A label is not worth failing the list for; the next sweep tries again.
      log('[pipeline] could not label silent contacts', error);
      return 0;
    }
    return silent.length;
  };

  const today = (shown?: TodayRequest): TodayView => {
    sweepCurmudgeons();
    const dataset = data();
    const nextAtCompany = nextPeopleAtCompany(dataset.contacts);
    return buildTodayView(dataset, options.now(), {
      suggest: (reminder, contact) =>
        reminder.kind === 'follow-up-3' ? nextAtCompany(contact) : [],
      ...(shown ? { shown } : {}),
    });
  };

  const logActivity = (raw: z.input<typeof LogActivityInput>): LogActivityResult => {
    const parsed = LogActivityInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(issue?.path.join('.') || 'activity', issue?.message ?? 'Invalid activity.');
    }
    const input = parsed.data;
    const when = time(input.at);
    if (when < EARLIEST_ACTIVITY) throw invalid('at', 'Enter a date in the year 2000 or later.');
    if (when > options.now().getTime() + FUTURE_SLACK_MS)
      throw invalid('at', 'That date is in the future. Log an activity once it has happened.');
    requireContact(data().contacts, input.contactId);
    const { value, effects } = work((w) => {
      let contact = w.contact(input.contactId);
      const activity: Activity = {
        id: w.newId(),
        contactId: contact.id,
        kind: input.kind,
        at: new Date(when).toISOString(),
        summary: input.summary,
        meetingId: null,
      };
      // The plans look at the timeline as it was before this activity.
      const activities = itemsOf(w.data.activities, contact.id);
      const reminders = itemsOf(w.data.reminders, contact.id);
      const holidays = w.data.settings.holidays;
      w.logActivity(activity);
      switch (input.kind) {
        case 'outreach-sent': {
          const plan = planOutreach({ outreach: activity, contact, reminders, holidays, newId });
          for (const reminder of [...plan.cancel, ...plan.create]) w.putReminder(reminder);
          contact = w.moveByEvent(contact, 'outreach-sent', activity.at, null);
          // The e-mail went out: its draft goes with this same transaction.
          dropOutreachDrafts(w.tx, contact.id);
          break;
        }
        case 'reply-received': {
          const plan = planReply({ reply: activity, activities, reminders, holidays });
          for (const reminder of plan.cancel) w.putReminder(reminder);
          if (plan.responsiveness !== null && plan.responsiveness !== contact.responsiveness) {
            contact = { ...contact, responsiveness: plan.responsiveness, updatedAt: w.nowIso() };
            w.tx.put('contacts', contact);
          }
          contact = w.moveByEvent(contact, 'reply-received', activity.at, null);
          break;
        }
        case 'follow-up-sent':
          for (const reminder of planFollowUpSent({ sent: activity, activities, reminders }))
            w.putReminder(reminder);
          break;
        case 'meeting-held':
          // Logged by hand (no meeting in Rapport): the same follow-through as marking one held.
          contact = follow.meetingHeld(w, contact, {
            at: activity.at,
            due: thankYouDeadline({ start: activity.at, minutes: 0 }),
            createdBy: activity.id,
            meetingId: null,
          }).contact;
          break;
        case 'thank-you-sent':
          contact = follow.thankYouSent(w, contact, {
            at: activity.at,
            meetingId: null,
            createdBy: activity.id,
          }).contact;
          break;
        case 'report-back-sent':
          contact = follow.reportBackSent(w, contact, { at: activity.at, meetingId: null });
          break;
        default:
          break;
      }
      return { activity, contact };
    });
    return { ...value, effects };
  };

  return {
    list() {
      sweepCurmudgeons();
      return Object.values(data().contacts).sort(compareContactsByName).map(contactSummary);
    },

    get(id) {
      const dataset = data();
      const contact = requireContact(dataset.contacts, id);
      const referredBy =
        contact.referredById === null ? null : (dataset.contacts[contact.referredById] ?? null);
      return {
        contact,
        activities: itemsOf(dataset.activities, id).sort(newestFirst),
        reminders: itemsOf(dataset.reminders, id).sort((a, b) => time(a.due) - time(b.due)),
        meetings: itemsOf(dataset.meetings, id).sort((a, b) => time(b.start) - time(a.start)),
        referredBy,
        referrals: Object.values(dataset.contacts)
          .filter((c) => c.referredById === id)
          .sort(compareContactsByName),
      };
    },

    findDuplicates(input, ignoreId) {
      return findDuplicates(input, Object.values(data().contacts), ignoreId);
    },

    create(input) {
      const { employerId: chosen, ...value } = parseContactInput(input);
      checkReferrer(value.referredById, null);
      const at = nowIso();
      return work((w) => {
        const contact: Contact = {
          ...value,
          id: newId(),
          employerId: employerLinker(w.tx, nowIso, newId).link(value, chosen, null),
          responsiveness: 'unknown',
          createdAt: at,
          updatedAt: at,
        };
        w.tx.put('contacts', contact);
        // A contact added straight into Keeping in touch starts the cycle at once.
        w.scheduleKeepInTouch(contact);
        return contact;
      }).value;
    },

    update(id, input) {
      const { employerId: chosen, ...value } = parseContactInput(input);
      requireContact(data().contacts, id);
      checkReferrer(value.referredById, id);
      const result = work((w) => {
        const existing = w.contact(id);
        // A stage picked in the form is the user's own move: logged, with its reminder changes.
        const moved = w.moveManually(existing, value.stage, w.nowIso());
        const contact: Contact = {
          ...value,
          id,
          employerId: employerLinker(w.tx, nowIso, newId).link(value, chosen, existing),
          responsiveness: moved.responsiveness,
          createdAt: existing.createdAt,
          updatedAt: w.nowIso(),
        };
        w.tx.put('contacts', contact);
        if (
          contact.keepInTouch.off !== existing.keepInTouch.off ||
          contact.keepInTouch.days !== existing.keepInTouch.days
        )
          w.scheduleKeepInTouch(contact);
        return contact;
      });
      return { contact: result.value, effects: result.effects };
    },

    setStage(id, stage) {
      requireContact(data().contacts, id);
      const result = work((w) => w.moveManually(w.contact(id), stage, w.nowIso()));
      return { contact: result.value, effects: result.effects };
    },

    delete(id) {
      const dataset = data();
      const contact = requireContact(dataset.contacts, id);
      const removed: Removed = {
        contact,
        activities: itemsOf(dataset.activities, id),
        reminders: itemsOf(dataset.reminders, id),
        meetings: itemsOf(dataset.meetings, id),
        preps: itemsOf(dataset.meetings, id).flatMap((meeting) => {
          const prep = storage.get('preps', meeting.id);
          return prep === undefined ? [] : [prep];
        }),
        notes: itemsOf(dataset.notes, id),
        outreach: itemsOf(dataset.outreach, id),
        referrals: Object.values(dataset.contacts).filter((c) => c.referredById === id),
      };
      storage.transact((tx) => {
        tx.remove('contacts', id);
        for (const item of removed.activities) tx.remove('activities', item.id);
        for (const item of removed.reminders) tx.remove('reminders', item.id);
        for (const item of removed.meetings) removeMeeting(tx, item.id);
        for (const item of removed.notes) tx.remove('notes', item.id);
        for (const item of removed.outreach) tx.remove('outreach', item.id);
        // Their referrals stay; only the link to someone who no longer exists goes.
        for (const item of removed.referrals) tx.put('contacts', { ...item, referredById: null });
      });
      const undoToken = newId();
      undoable.set(undoToken, removed);
      while (undoable.size > undoLimit) undoable.delete(undoable.keys().next().value as string);
      const impact: DeletionImpact = {
        meetings: removed.meetings.length,
        activities: removed.activities.length,
        reminders: removed.reminders.length,
        notes: removed.notes.length,
        referrals: removed.referrals.length,
      };
      return { undoToken, impact };
    },

    undoDelete(undoToken) {
      const removed = undoable.get(undoToken);
      if (removed === undefined)
        throw new UserFacingError(
          'not-found',
          `This deletion can no longer be undone: Rapport keeps the last ${undoLimit} deletions until it is closed. Add the contact again if you need it.`,
        );
      const { contact } = removed;
      if (Object.hasOwn(data().contacts, contact.id))
        throw new UserFacingError('conflict', 'This contact is already back in your list.');
      const restored = storage.transact((tx) => {
        // The referrer may have been deleted since; a link to nobody is dropped.
        const referredById =
          contact.referredById !== null && Object.hasOwn(tx.data.contacts, contact.referredById)
            ? contact.referredById
            : null;
        const back: Contact = { ...contact, referredById };
        tx.put('contacts', back);
        for (const item of removed.activities) tx.put('activities', item);
        for (const item of removed.reminders) tx.put('reminders', item);
        for (const item of removed.meetings) tx.put('meetings', item);
        for (const item of removed.preps) tx.put('preps', item);
        for (const item of removed.notes) tx.put('notes', item);
        for (const item of removed.outreach) tx.put('outreach', item);
        for (const item of removed.referrals) {
          const current = tx.data.contacts[item.id];
          // Relink only people still there and not linked to someone else in the meantime.
          if (current !== undefined && current.referredById === null)
            tx.put('contacts', { ...current, referredById: contact.id });
        }
        return back;
      });
      undoable.delete(undoToken);
      return restored;
    },

    logActivity,
    today,

    addReminder(raw) {
      const input = parseInput(CustomReminderInput, raw);
      if (!isLocalDate(input.date)) throw invalid('date', 'Choose a date that exists.');
      requireContact(data().contacts, input.contactId);
      const result = work((w) =>
        w.addReminder({
          contactId: w.contact(input.contactId).id,
          kind: 'custom',
          due: onDate(input.date),
          title: input.title,
          createdBy: null,
        }),
      );
      return { reminder: result.value, effects: result.effects };
    },

    setPromiseTask(raw) {
      const input = parseInput(PromiseTaskInput, raw);
      if (input.date !== null && !isLocalDate(input.date))
        throw invalid('date', 'Choose a date that exists.');
      const key = promiseKey(input.text);
      const result = work((w) => {
        const meeting = requireOwn(w.data.meetings, input.meetingId, gone.meeting);
        const contact = w.contact(meeting.contactId);
        // The same promise (whatever its spacing or case) is one task, moved rather than doubled.
        const existing = itemsOf(w.data.reminders, contact.id).filter(
          (r) =>
            r.kind === 'promise' &&
            r.createdBy === meeting.id &&
            isPending(r) &&
            promiseKey(r.title) === key,
        );
        if (input.date === null) {
          for (const reminder of existing) w.closeReminder(reminder, 'cancelled');
          return null;
        }
        const due = onDate(input.date);
        const same = existing.find((r) => Date.parse(r.due) === due.getTime());
        if (same !== undefined && existing.length === 1) return same;
        for (const reminder of existing) w.closeReminder(reminder, 'cancelled');
        return w.addReminder({
          contactId: contact.id,
          kind: 'promise',
          due,
          title: input.text,
          createdBy: meeting.id,
        });
      });
      return { reminder: result.value, effects: result.effects };
    },

    snooze: (id, until) => snoozeReminder(work, id, until),
    done: (id) => completeReminder(work, id),
    sweepCurmudgeons,
  };
}
