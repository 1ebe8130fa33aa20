import { z } from 'zod';
import { Id, IsoDateTime, optionalHttpUrl, trimmed } from './common.js';
import type { Effects } from './effects.js';
import {
  Meeting,
  MeetingMode,
  MeetingNote,
  MeetingQuestion,
  QuestionCategory,
} from './entities.js';
import type { Attachment, Contact, MeetingRecord, Reminder } from './entities.js';

/** What the schedule form sends; minutes default to the length in Settings. */
export const ScheduleMeetingInput = z.object({
  contactId: Id,
  start: IsoDateTime,
  minutes: z.number().int().min(5).max(480).optional(),
  /** In person, video or phone; without it, a link means video. */
  mode: MeetingMode.optional(),
  place: trimmed(500).default(''),
  link: optionalHttpUrl.default(''),
});
export type ScheduleMeetingInput = z.input<typeof ScheduleMeetingInput>;

/**
 * The parts of a meeting the prep workspace edits and autosaves. Every field is optional: a save
 * sends only what changed.
 */
export const MeetingPatch = Meeting.pick({
  start: true,
  minutes: true,
  mode: true,
  place: true,
  link: true,
  research: true,
  questions: true,
  notes: true,
  checklist: true,
  travelMinutes: true,
  takeaways: true,
  advice: true,
  namesSuggested: true,
  promises: true,
  attachmentIds: true,
})
  .partial()
  .strict();
export type MeetingPatch = z.input<typeof MeetingPatch>;

/** One row of the Meetings list: the meeting's record (no prep) and its contact. */
/** A row of the Meetings page: the meeting's record and whom it is with (the name only). */
export interface MeetingSummary {
  meeting: MeetingRecord;
  contact: Pick<Contact, 'id' | 'firstName' | 'lastName'>;
}

/** Everything the prep workspace shows. */
export interface MeetingDetail {
  meeting: Meeting;
  contact: Contact;
  attachments: Attachment[];
  /** Promises from this meeting given a date (open, snoozed or done), soonest first. */
  tasks: Reminder[];
  /**
   * The employer the contact is linked to, with its company research (written in an earlier
   * meeting there, or on the employer's page), or null.
   */
  employer: { id: string; name: string; research: string } | null;
}

export interface MarkHeldResult {
  meeting: Meeting;
  contact: Contact;
  /** The thank-you reminder, due 24 hours after the meeting ended. */
  reminder: Reminder;
  /** What marking it held moved and scheduled (empty when it was already held). */
  effects: Effects;
}

/** A meeting as saved, with what saving it moved or scheduled. */
export interface MeetingChange {
  meeting: Meeting;
  effects: Effects;
}

export const SuggestedContactInput = z.object({
  meetingId: Id,
  firstName: trimmed(100).min(1, 'Enter a first name.'),
  lastName: trimmed(100).default(''),
  company: trimmed(200).default(''),
  title: trimmed(200).default(''),
});

export const SaveBankQuestionInput = z.object({
  text: trimmed(1_000).min(1, 'Write the question first.'),
  category: QuestionCategory,
});

export const PacketOptions = z.object({
  id: Id,
  /** Copies of the resume to print after the question sheet. */
  copies: z.number().int().min(0).max(20),
});

export { Meeting, MeetingNote, MeetingQuestion };
