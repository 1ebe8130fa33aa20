import { employerLinker } from './employers.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { questionKey, starterBank } from '../../shared/domain/question-bank.js';
import { fullName } from '../../shared/domain/names.js';
import { meetingEnd } from '../../shared/domain/meeting-times.js';
import { isFollowUpKind, thankYouDeadline } from '../../shared/domain/reminder-policy.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type {
  Attachment,
  BankQuestion,
  Contact,
  Meeting,
  MeetingRecord,
} from '../../shared/schema/entities.js';
import {
  attachmentsOf,
  emptyPrep,
  joinMeeting,
  putMeeting,
  readMeeting,
} from './meeting-records.js';
import {
  MeetingPatch,
  SaveBankQuestionInput,
  ScheduleMeetingInput,
  SuggestedContactInput,
  type MarkHeldResult,
  type MeetingChange,
  type MeetingDetail,
  type MeetingSummary,
} from '../../shared/schema/meetings.js';
import type { Clock, Dialogs, FileFilter, ItemReader, Storage } from './types.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';
import { safeFileName } from './documents/file-names.js';
import {
  follow,
  gone,
  invalid,
  parseInput,
  requireOwn,
  runWork,
  type Work,
} from './unit-of-work.js';

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
  /** Planned; the contact moves to Scheduled (never backwards); reported in `effects`. */
  schedule(input: z.input<typeof ScheduleMeetingInput>): MeetingChange;
  update(id: string, patch: z.input<typeof MeetingPatch>): Meeting;
  /** Cancelled; `didNotHappen` logs that a meeting whose time has passed did not take place. */
  cancel(id: string, options?: { didNotHappen?: boolean }): Meeting;
  /** Held, contact to Met, a thank-you reminder 24 hours after the end. Safe to call twice. */
  markHeld(id: string): MarkHeldResult;
  addSuggestedContact(input: z.input<typeof SuggestedContactInput>): Contact;
  /** Asks for files with the native dialog; null when the user cancelled it. */
  attach(id: string, role: AttachmentRole): Promise<MeetingDetail | null>;
  /** A file dropped on the prep page (its bytes): copied in by hash and linked as "other". */
  attachDropped(id: string, fileName: string, bytes: Uint8Array): MeetingDetail;
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

export { meetingEnd };

const byStartAsc = (a: MeetingSummary, b: MeetingSummary) =>
  time(a.meeting.start) - time(b.meeting.start) || (a.meeting.id < b.meeting.id ? -1 : 1);

export function createMeetingService(options: MeetingServiceOptions): MeetingService {
  const { storage, dialogs } = options;
  const newId = options.newId ?? randomUUID;
  const nowIso = () => options.now().toISOString();
  const data = (): Readonly<Dataset> => storage.read();

  const work = <T>(fn: (w: Work) => T) => runWork({ storage, now: options.now, newId }, fn);
  /** The meeting's record (no prep): for checks that only need who, when and the status. */
  const requireMeeting = (
    meetings: Readonly<Record<string, MeetingRecord>>,
    id: string,
  ): MeetingRecord => requireOwn(meetings, id, gone.meeting);
  /** The whole meeting, reading its prep file on demand. */
  const wholeMeeting = (reader: ItemReader, id: string): Meeting => {
    const meeting = readMeeting(reader, id);
    if (meeting === undefined) throw gone.meeting();
    return meeting;
  };
  const requireContact = (contacts: Readonly<Record<string, Contact>>, id: string): Contact =>
    requireOwn(contacts, id, gone.contact);

  const employerOf = (dataset: Readonly<Dataset>, contact: Contact) => {
    const employer =
      contact.employerId !== null && Object.hasOwn(dataset.employers, contact.employerId)
        ? dataset.employers[contact.employerId]!
        : null;
    return employer && { id: employer.id, name: employer.name, research: employer.research };
  };
  const detailOf = (dataset: Readonly<Dataset>, meeting: Meeting): MeetingDetail => ({
    meeting,
    contact: requireContact(dataset.contacts, meeting.contactId),
    employer: employerOf(dataset, requireContact(dataset.contacts, meeting.contactId)),
    tasks: Object.values(dataset.reminders)
      .filter((r) => r.kind === 'promise' && r.createdBy === meeting.id && r.status !== 'cancelled')
      .sort((a, b) => Date.parse(a.due) - Date.parse(b.due)),
    attachments: attachmentsOf(meeting, dataset.attachments),
  });

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

  /** Links attachments just copied in to the meeting, each once. */
  const link = (id: string, added: readonly Attachment[]): MeetingDetail =>
    storage.transact((tx) => {
      // The meeting may have gone while the dialog was open; the copied files stay, unlinked.
      const existing = wholeMeeting(tx, id);
      const ids = [...existing.attachmentIds];
      for (const attachment of added) if (!ids.includes(attachment.id)) ids.push(attachment.id);
      const meeting: Meeting = { ...existing, attachmentIds: ids, updatedAt: nowIso() };
      putMeeting(tx, meeting);
      return detailOf(tx.data, meeting);
    });

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
          contact: { id: contact.id, firstName: contact.firstName, lastName: contact.lastName },
        });
      }
      return [...planned.sort(byStartAsc), ...past.sort((a, b) => byStartAsc(b, a))];
    },

    get(id) {
      return detailOf(data(), wholeMeeting(storage, id));
    },

    schedule(raw) {
      const input = parseInput(ScheduleMeetingInput, raw);
      const start = checkStart(input.start, 'start');
      requireContact(data().contacts, input.contactId);
      const result = work((w) => {
        const contact = w.contact(input.contactId);
        const { settings, attachments } = w.data;
        const resumeId = settings.defaultResumeId;
        const at = w.nowIso();
        const id = newId();
        const meeting: Meeting = joinMeeting(
          {
            id,
            contactId: contact.id,
            start,
            minutes: input.minutes ?? settings.meetingMinutes,
            mode: input.mode ?? (input.link === '' ? 'in-person' : 'video'),
            place: input.place,
            link: input.link,
            status: 'planned',
            createdAt: at,
            updatedAt: at,
          },
          emptyPrep(
            id,
            at,
            resumeId !== null && Object.hasOwn(attachments, resumeId) ? [resumeId] : [],
          ),
        );
        putMeeting(w.tx, meeting);
        w.moveByEvent(contact, 'meeting-scheduled', at, meeting.id);
        // They answered: the 3B7 follow-ups have done their job, whatever the stage.
        w.cancelReminders(contact.id, (reminder) => isFollowUpKind(reminder.kind));
        return meeting;
      });
      return { meeting: result.value, effects: result.effects };
    },

    update(id, raw) {
      const patch = parseInput(MeetingPatch, raw, 'patch');
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
        const existing = wholeMeeting(tx, id);
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
        putMeeting(tx, meeting);
        // Company research is the employer's: kept with it for the next meeting there.
        const company = meeting.research.company;
        if (patch.research !== undefined && company !== existing.research.company) {
          const contact = tx.data.contacts[meeting.contactId];
          const employer = contact && employerOf(tx.data, contact);
          if (employer && company.trim() !== '' && company !== employer.research)
            tx.put('employers', {
              ...tx.data.employers[employer.id]!,
              research: company,
              updatedAt: meeting.updatedAt,
            });
        }
        return meeting;
      });
    },

    cancel(id, cancelOptions = {}) {
      const existing = requireMeeting(data().meetings, id);
      if (existing.status === 'cancelled') return wholeMeeting(storage, id);
      if (existing.status === 'held')
        throw new UserFacingError(
          'conflict',
          'This meeting is already marked as held, so it cannot be cancelled. Its notes are kept.',
        );
      return work((w) => {
        const meeting: Meeting = {
          ...wholeMeeting(w.tx, id),
          status: 'cancelled',
          updatedAt: w.nowIso(),
        };
        putMeeting(w.tx, meeting);
        if (cancelOptions.didNotHappen === true) {
          // On the timeline, but not as contact with the person: keep-in-touch does not count it.
          w.tx.put('activities', {
            id: w.newId(),
            contactId: meeting.contactId,
            kind: 'note',
            at: new Date(Math.min(Date.parse(meeting.start), w.now.getTime())).toISOString(),
            summary: 'The meeting did not happen',
            meetingId: meeting.id,
          });
        }
        return meeting;
      }).value;
    },

    markHeld(id) {
      const dataset = data();
      requireContact(dataset.contacts, requireMeeting(dataset.meetings, id).contactId);
      const result = work((w) => {
        const existing = wholeMeeting(w.tx, id);
        const contact = w.contact(existing.contactId);
        const previous = Object.values(w.data.reminders).find(
          (r) => r.kind === 'thank-you-due' && r.createdBy === existing.id,
        );
        if (existing.status === 'held' && previous !== undefined)
          return { meeting: existing, contact, reminder: previous };
        const end = meetingEnd(existing);
        // The timeline shows the meeting when it ended, unless it is marked held ahead of time.
        const at = new Date(Math.min(end.getTime(), w.now.getTime())).toISOString();
        const meeting: Meeting = { ...existing, status: 'held', updatedAt: w.nowIso() };
        putMeeting(w.tx, meeting);
        w.logActivity({
          id: w.newId(),
          contactId: contact.id,
          kind: 'meeting-held',
          at,
          summary: `Met ${fullName(contact)}`,
          meetingId: meeting.id,
        });
        const held = follow.meetingHeld(w, contact, {
          at,
          due: thankYouDeadline(existing),
          createdBy: meeting.id,
          meetingId: meeting.id,
        });
        return { meeting, contact: held.contact, reminder: held.reminder };
      });
      return { ...result.value, effects: result.effects };
    },

    addSuggestedContact(raw) {
      const input = parseInput(SuggestedContactInput, raw);
      const dataset = data();
      requireContact(dataset.contacts, requireMeeting(dataset.meetings, input.meetingId).contactId);
      return storage.transact((tx) => {
        const meeting = wholeMeeting(tx, input.meetingId);
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
          employerId: employerLinker(tx, () => at, newId).link(input, undefined, null),
          tags: [],
          notes: '',
          stage: 'prospect',
          responsiveness: 'unknown',
          keepInTouch: { off: false, days: null },
          createdAt: at,
          updatedAt: at,
        };
        tx.put('contacts', contact);
        const name = fullName(input);
        if (!mentions(meeting.namesSuggested, name)) {
          const namesSuggested =
            meeting.namesSuggested.trim() === ''
              ? name
              : `${meeting.namesSuggested.trimEnd()}\n${name}`;
          putMeeting(tx, { ...meeting, namesSuggested, updatedAt: at });
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
      return link(
        id,
        paths.map((path) => storage.addAttachment(path, role)),
      );
    },

    attachDropped(id, fileName, bytes) {
      requireMeeting(data().meetings, id);
      if (bytes.length > MAX_ATTACHMENT_BYTES)
        throw new UserFacingError(
          'invalid-file',
          `That file is over ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB; nothing was attached.`,
        );
      // Copied in from a folder of its own under the data folder, so it keeps its name.
      const folder = fs.mkdtempSync(path.join(storage.dataDir, 'incoming-'));
      try {
        const dot = fileName.lastIndexOf('.');
        const source = path.join(
          folder,
          dot > 0
            ? safeFileName(fileName.slice(0, dot), fileName.slice(dot + 1))
            : safeFileName(fileName, ''),
        );
        fs.writeFileSync(source, bytes);
        return link(id, [storage.addAttachment(source, 'other')]);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    },

    detach(id, attachmentId) {
      const existing = wholeMeeting(storage, id);
      if (!existing.attachmentIds.includes(attachmentId)) return detailOf(data(), existing);
      return storage.transact((tx) => {
        const current = wholeMeeting(tx, id);
        const meeting: Meeting = {
          ...current,
          attachmentIds: current.attachmentIds.filter((item) => item !== attachmentId),
          updatedAt: nowIso(),
        };
        putMeeting(tx, meeting);
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
      const input = parseInput(SaveBankQuestionInput, raw);
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
