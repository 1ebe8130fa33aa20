import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { questionKey, starterBank } from '../../shared/domain/question-bank.js';
import { stageChangeSummary } from '../../shared/domain/stages.js';
import { isFollowUp } from '../../shared/domain/three-b-seven.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type {
  Attachment,
  BankQuestion,
  Contact,
  Meeting,
  Reminder,
  Stage,
} from '../../shared/schema/entities.js';
import {
  MeetingPatch,
  SaveBankQuestionInput,
  ScheduleMeetingInput,
  SuggestedContactInput,
  type MarkHeldResult,
  type MeetingDetail,
  type MeetingSummary,
} from '../../shared/schema/meetings.js';
import type { Dialogs, FileFilter } from '../handlers.js';
import { cancelPending, newReminder } from './reminders.js';
import type { Clock, Storage, Transaction } from './types.js';

type AttachmentRole = Attachment['role'];

/**
 * Meetings, the prep workspace and the question bank: every `meetings:*` and `questions:*`
 * channel is one method here. Stage moves, timeline entries and reminders that a meeting causes
 * are written in the same transaction as the meeting, so a crash never leaves half of them.
 */
export interface MeetingService {
  /** Planned meetings first, soonest first; then held and cancelled ones, most recent first. */
  list(): MeetingSummary[];
  get(id: string): MeetingDetail;
  schedule(input: z.input<typeof ScheduleMeetingInput>): Meeting;
  update(id: string, patch: z.input<typeof MeetingPatch>): Meeting;
  cancel(id: string): Meeting;
  /** Held, contact to Met, a thank-you reminder 24 hours after the end. Safe to call twice. */
  markHeld(id: string): MarkHeldResult;
  addSuggestedContact(input: z.input<typeof SuggestedContactInput>): Contact;
  /** Asks for files with the native dialog; null when the user cancelled it. */
  attach(id: string, role: AttachmentRole): Promise<MeetingDetail | null>;
  /** Unlinks only: the file stays in the data folder (other meetings or Settings may use it). */
  detach(id: string, attachmentId: string): MeetingDetail;
  /** The user's saved questions (most used first), then the built-in starter bank. */
  bank(): BankQuestion[];
  saveQuestion(input: z.input<typeof SaveBankQuestionInput>): BankQuestion;
}

export interface MeetingServiceOptions {
  storage: Storage;
  now: Clock;
  dialogs: Pick<Dialogs, 'showOpen'>;
  /** Ids for meetings, contacts, activities, reminders and questions; randomUUID by default. */
  newId?: () => string;
}

/** Stages past Scheduled: scheduling another meeting must not move such a contact backwards. */
const pastScheduled: ReadonlySet<Stage> = new Set(['met', 'thanked', 'keeping-in-touch']);
/** Stages past Met: marking a later meeting held must not move such a contact backwards. */
const pastMet: ReadonlySet<Stage> = new Set(['thanked', 'keeping-in-touch']);

const THANK_YOU_AFTER_MS = 24 * 60 * 60 * 1000;
const EARLIEST_MEETING = Date.parse('2000-01-01T00:00:00.000Z');

/** What the Files section may attach, by role (the dialog filters; the OS may still let others by). */
export const attachFilters: Readonly<Record<AttachmentRole, FileFilter[]>> = {
  resume: [{ name: 'Resume (PDF or Word)', extensions: ['pdf', 'docx'] }],
  portfolio: [
    {
      name: 'Portfolio (PDF, Word or image)',
      extensions: ['pdf', 'docx', 'png', 'jpg', 'jpeg'],
    },
  ],
  other: [
    {
      name: 'Documents and images',
      extensions: ['pdf', 'docx', 'png', 'jpg', 'jpeg'],
    },
  ],
};

const attachTitles: Readonly<Record<AttachmentRole, string>> = {
  resume: 'Attach your resume',
  portfolio: 'Attach portfolio files',
  other: 'Attach files',
};

const time = (iso: string) => Date.parse(iso);

const invalid = (field: string, message: string) =>
  new UserFacingError('invalid-args', `${field}: ${message}`);

const meetingGone = () =>
  new UserFacingError(
    'not-found',
    'This meeting no longer exists; it may have been deleted with its contact. Reload the Meetings list.',
  );

const contactGone = () =>
  new UserFacingError(
    'not-found',
    'This contact no longer exists; it may have been deleted. Reload the list and try again.',
  );

/** Parses with the contract's schema again (services are called from outside IPC too). */
function parse<S extends z.ZodType>(schema: S, raw: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = [prefix, ...(issue?.path ?? [])].filter((part) => part !== '').join('.');
    throw invalid(field || 'request', issue?.message ?? 'This cannot be saved.');
  }
  return parsed.data;
}

function checkStart(iso: string, field: string): string {
  const at = time(iso);
  if (Number.isNaN(at)) throw invalid(field, 'Enter a date and time.');
  if (at < EARLIEST_MEETING) throw invalid(field, 'Enter a date in the year 2000 or later.');
  return new Date(at).toISOString();
}

/** True when `name` appears in `text` as whole words, ignoring case and spacing ("Lee" is not in "Ashlee"). */
function mentions(text: string, name: string): boolean {
  const escaped = questionKey(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(
    questionKey(text),
  );
}

const fullName = (contact: Contact) => `${contact.firstName} ${contact.lastName}`.trim();

/** When the meeting ends: its start plus its length. */
export function meetingEnd(meeting: Pick<Meeting, 'start' | 'minutes'>): Date {
  return new Date(time(meeting.start) + meeting.minutes * 60_000);
}

const byStartAsc = (a: MeetingSummary, b: MeetingSummary) =>
  time(a.meeting.start) - time(b.meeting.start) || (a.meeting.id < b.meeting.id ? -1 : 1);

export function createMeetingService(options: MeetingServiceOptions): MeetingService {
  const { storage, dialogs } = options;
  const newId = options.newId ?? randomUUID;
  const nowIso = () => options.now().toISOString();
  const data = (): Readonly<Dataset> => storage.read();

  const requireMeeting = (meetings: Readonly<Record<string, Meeting>>, id: string): Meeting => {
    const meeting = Object.hasOwn(meetings, id) ? meetings[id] : undefined;
    if (meeting === undefined) throw meetingGone();
    return meeting;
  };

  const requireContact = (contacts: Readonly<Record<string, Contact>>, id: string): Contact => {
    const contact = Object.hasOwn(contacts, id) ? contacts[id] : undefined;
    if (contact === undefined) throw contactGone();
    return contact;
  };

  const detailOf = (dataset: Readonly<Dataset>, meeting: Meeting): MeetingDetail => ({
    meeting,
    contact: requireContact(dataset.contacts, meeting.contactId),
    attachments: meeting.attachmentIds.flatMap((id) => {
      const attachment = Object.hasOwn(dataset.attachments, id)
        ? dataset.attachments[id]
        : undefined;
      return attachment === undefined ? [] : [attachment];
    }),
  });

  /** Moves the contact and logs it on the timeline; a no-op when the stage is already `to`. */
  const moveStage = (
    tx: Transaction,
    contact: Contact,
    to: Stage,
    at: string,
    meetingId: string,
  ): Contact => {
    if (contact.stage === to) return contact;
    const moved: Contact = { ...contact, stage: to, updatedAt: nowIso() };
    tx.put('contacts', moved);
    tx.put('activities', {
      id: newId(),
      contactId: contact.id,
      kind: 'stage-change',
      at,
      summary: stageChangeSummary(contact.stage, to),
      meetingId,
    });
    return moved;
  };

  const checkAttachmentIds = (ids: readonly string[], field: string): string[] => {
    const { attachments } = data();
    const unique = [...new Set(ids)];
    if (unique.some((id) => !Object.hasOwn(attachments, id)))
      throw invalid(
        field,
        'One of the files is no longer in Rapport. Reload the meeting and attach it again.',
      );
    return unique;
  };

  return {
    list() {
      const dataset = data();
      const planned: MeetingSummary[] = [];
      const past: MeetingSummary[] = [];
      for (const meeting of Object.values(dataset.meetings)) {
        const contact = dataset.contacts[meeting.contactId];
        if (contact === undefined) continue;
        (meeting.status === 'planned' ? planned : past).push({
          meeting,
          contact,
        });
      }
      return [...planned.sort(byStartAsc), ...past.sort((a, b) => byStartAsc(b, a))];
    },

    get(id) {
      const dataset = data();
      return detailOf(dataset, requireMeeting(dataset.meetings, id));
    },

    schedule(raw) {
      const input = parse(ScheduleMeetingInput, raw, '');
      const start = checkStart(input.start, 'start');
      requireContact(data().contacts, input.contactId);
      return storage.transact((tx) => {
        const contact = requireContact(tx.data.contacts, input.contactId);
        const { settings, attachments } = tx.data;
        const resumeId = settings.defaultResumeId;
        const at = nowIso();
        const meeting: Meeting = {
          id: newId(),
          contactId: contact.id,
          start,
          minutes: input.minutes ?? settings.meetingMinutes,
          place: input.place,
          link: input.link,
          status: 'planned',
          research: { industry: '', company: '', position: '', person: '' },
          questions: [],
          notes: [],
          checklist: {
            resumeCopies: 3,
            portfolio: false,
            businessCards: false,
            outfit: false,
            researchDone: false,
          },
          travelMinutes: 0,
          takeaways: '',
          advice: '',
          namesSuggested: '',
          promises: '',
          attachmentIds:
            resumeId !== null && Object.hasOwn(attachments, resumeId) ? [resumeId] : [],
          createdAt: at,
          updatedAt: at,
        };
        tx.put('meetings', meeting);
        if (!pastScheduled.has(contact.stage)) moveStage(tx, contact, 'scheduled', at, meeting.id);
        // They answered: the 3B7 follow-ups have done their job, as when moved to Scheduled by hand.
        cancelPending(tx, contact.id, isFollowUp);
        return meeting;
      });
    },

    update(id, raw) {
      const patch = parse(MeetingPatch, raw, 'patch');
      requireMeeting(data().meetings, id);
      const start = patch.start === undefined ? undefined : checkStart(patch.start, 'patch.start');
      if (patch.questions !== undefined) {
        const seen = new Set<string>();
        patch.questions.forEach((question, index) => {
          if (seen.has(question.id))
            throw invalid(
              `patch.questions.${index}.id`,
              'Two questions have the same id. Reload the meeting and try again.',
            );
          seen.add(question.id);
        });
      }
      const attachmentIds =
        patch.attachmentIds === undefined
          ? undefined
          : checkAttachmentIds(patch.attachmentIds, 'patch.attachmentIds');
      return storage.transact((tx) => {
        const existing = requireMeeting(tx.data.meetings, id);
        const meeting: Meeting = {
          ...existing,
          ...patch,
          ...(start === undefined ? {} : { start }),
          ...(attachmentIds === undefined ? {} : { attachmentIds }),
          id: existing.id,
          contactId: existing.contactId,
          status: existing.status,
          createdAt: existing.createdAt,
          updatedAt: nowIso(),
        };
        tx.put('meetings', meeting);
        return meeting;
      });
    },

    cancel(id) {
      const existing = requireMeeting(data().meetings, id);
      if (existing.status === 'cancelled') return existing;
      if (existing.status === 'held')
        throw new UserFacingError(
          'conflict',
          'This meeting is already marked as held, so it cannot be cancelled. Its notes are kept.',
        );
      return storage.transact((tx) => {
        const meeting: Meeting = {
          ...requireMeeting(tx.data.meetings, id),
          status: 'cancelled',
          updatedAt: nowIso(),
        };
        tx.put('meetings', meeting);
        return meeting;
      });
    },

    markHeld(id) {
      const dataset = data();
      requireContact(dataset.contacts, requireMeeting(dataset.meetings, id).contactId);
      return storage.transact((tx) => {
        const existing = requireMeeting(tx.data.meetings, id);
        let contact = requireContact(tx.data.contacts, existing.contactId);
        const previous = Object.values(tx.data.reminders).find(
          (r) => r.kind === 'thank-you-due' && r.createdBy === existing.id,
        );
        if (existing.status === 'held' && previous !== undefined)
          return { meeting: existing, contact, reminder: previous };
        const end = meetingEnd(existing);
        // The timeline shows the meeting when it ended, unless it is marked held ahead of time.
        const at = new Date(Math.min(end.getTime(), options.now().getTime())).toISOString();
        const meeting: Meeting = {
          ...existing,
          status: 'held',
          updatedAt: nowIso(),
        };
        tx.put('meetings', meeting);
        tx.put('activities', {
          id: newId(),
          contactId: contact.id,
          kind: 'meeting-held',
          at,
          summary: `Met ${fullName(contact)}`,
          meetingId: meeting.id,
        });
        if (!pastMet.has(contact.stage)) contact = moveStage(tx, contact, 'met', at, meeting.id);
        cancelPending(tx, contact.id, isFollowUp);
        let reminder: Reminder | undefined = previous;
        if (reminder === undefined) {
          reminder = newReminder({
            id: newId(),
            contactId: contact.id,
            kind: 'thank-you-due',
            due: new Date(end.getTime() + THANK_YOU_AFTER_MS),
            title: `Send ${contact.firstName} a thank-you note`,
            createdBy: meeting.id,
          });
          tx.put('reminders', reminder);
        }
        return { meeting, contact, reminder };
      });
    },

    addSuggestedContact(raw) {
      const input = parse(SuggestedContactInput, raw, '');
      const dataset = data();
      requireContact(dataset.contacts, requireMeeting(dataset.meetings, input.meetingId).contactId);
      return storage.transact((tx) => {
        const meeting = requireMeeting(tx.data.meetings, input.meetingId);
        const referrer = requireContact(tx.data.contacts, meeting.contactId);
        const at = nowIso();
        const contact: Contact = {
          id: newId(),
          firstName: input.firstName,
          lastName: input.lastName,
          title: input.title,
          company: input.company,
          industry: '',
          location: '',
          email: '',
          phone: '',
          linkedinUrl: '',
          source: {
            kind: 'referral',
            detail: `Suggested by ${fullName(referrer)}`.slice(0, 200),
          },
          referredById: referrer.id,
          tags: [],
          notes: '',
          stage: 'prospect',
          responsiveness: 'unknown',
          createdAt: at,
          updatedAt: at,
        };
        tx.put('contacts', contact);
        const name = `${input.firstName} ${input.lastName}`.trim();
        if (!mentions(meeting.namesSuggested, name)) {
          const namesSuggested =
            meeting.namesSuggested.trim() === ''
              ? name
              : `${meeting.namesSuggested.trimEnd()}\n${name}`;
          tx.put('meetings', { ...meeting, namesSuggested, updatedAt: at });
        }
        return contact;
      });
    },

    async attach(id, role) {
      requireMeeting(data().meetings, id);
      const paths = await dialogs.showOpen({
        title: attachTitles[role],
        filters: attachFilters[role],
        multiple: role !== 'resume',
      });
      if (paths === null || paths.length === 0) return null;
      const added = paths.map((path) => storage.addAttachment(path, role));
      return storage.transact((tx) => {
        // The meeting may have gone while the dialog was open; the copied files stay, unlinked.
        const existing = requireMeeting(tx.data.meetings, id);
        const ids = [...existing.attachmentIds];
        for (const attachment of added) if (!ids.includes(attachment.id)) ids.push(attachment.id);
        const meeting: Meeting = {
          ...existing,
          attachmentIds: ids,
          updatedAt: nowIso(),
        };
        tx.put('meetings', meeting);
        return detailOf(tx.data, meeting);
      });
    },

    detach(id, attachmentId) {
      const dataset = data();
      const existing = requireMeeting(dataset.meetings, id);
      if (!existing.attachmentIds.includes(attachmentId)) return detailOf(dataset, existing);
      return storage.transact((tx) => {
        const current = requireMeeting(tx.data.meetings, id);
        const meeting: Meeting = {
          ...current,
          attachmentIds: current.attachmentIds.filter((item) => item !== attachmentId),
          updatedAt: nowIso(),
        };
        tx.put('meetings', meeting);
        return detailOf(tx.data, meeting);
      });
    },

    bank() {
      const own = Object.values(data().questions)
        .filter((question) => !question.builtIn)
        .sort(
          (a, b) =>
            b.timesUsed - a.timesUsed ||
            a.text.localeCompare(b.text) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
      return [...own, ...starterBank];
    },

    saveQuestion(raw) {
      const input = parse(SaveBankQuestionInput, raw, '');
      const text = input.text.replace(/\s+/g, ' ');
      const key = questionKey(text);
      // Already in the starter bank: nothing to store (built-ins live in code).
      const builtIn = starterBank.find((question) => questionKey(question.text) === key);
      if (builtIn !== undefined) return builtIn;
      return storage.transact((tx) => {
        const same = Object.values(tx.data.questions).find(
          (question) => !question.builtIn && questionKey(question.text) === key,
        );
        const question: BankQuestion =
          same === undefined
            ? {
                id: newId(),
                text,
                category: input.category,
                builtIn: false,
                timesUsed: 1,
              }
            : { ...same, timesUsed: same.timesUsed + 1 };
        tx.put('questions', question);
        return question;
      });
    },
  };
}
