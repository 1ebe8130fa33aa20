import { z } from 'zod';
import { bounded, Id, trimmed } from './common.js';
import type { Effects } from './effects.js';
import { NotePurpose } from './entities.js';
import type { Contact, Meeting, MeetingRecord, Template, ThankYouNote } from './entities.js';

/** A user's own template (built-in ones come from code and cannot be edited). */
export const SaveTemplateInput = z.object({
  id: Id.optional(),
  name: trimmed(200).min(1, 'Give the template a name.'),
  purpose: z.enum(['thank-you', 'report-back', 'referrer-thanks', 'outreach']),
  subject: trimmed(300),
  body: trimmed(20_000).min(1, 'Write the template text.'),
});

/** Create (no id) or update a draft note; sent notes can still be edited and exported again. */
export const SaveThankYouInput = z.object({
  id: Id.optional(),
  purpose: NotePurpose.default('thank-you'),
  /** The recipient (for a referrer thank-you: the referrer). */
  contactId: Id,
  /** For a referrer thank-you: the person the referrer introduced; otherwise null. */
  aboutContactId: Id.nullable().default(null),
  meetingId: Id.nullable(),
  templateId: Id.nullable(),
  subject: trimmed(300),
  body: bounded(20_000),
});

/** Who a note is for and what it is about, for `thanks:context`. */
export const ThanksContextInput = z.object({
  purpose: NotePurpose.default('thank-you'),
  contactId: Id,
  aboutContactId: Id.nullable().default(null),
  meetingId: Id.nullable(),
});

/** Everything merge fields can draw from; empty strings are shown as missing before export. */
export interface MergeContext {
  purpose: NotePurpose;
  /** Who the note is addressed to: the letter's recipient block, the mail link, the salutation. */
  recipient: Contact;
  /** The person met (the recipient, except for a referrer thank-you). */
  contact: Contact;
  meeting: Meeting | null;
  /** Who referred the contact, for the referrer-thanks template. */
  referrer: Contact | null;
  myName: string;
  mySignature: string;
  myEmail: string;
  myAddress: string;
  /** When the thank-you is due: the meeting's end + 24 h, or null without a held meeting. */
  dueAt: string | null;
}

export interface ThankYouSummary {
  note: ThankYouNote;
  /** The recipient. */
  contact: Contact;
  /** For a referrer thank-you: the person they introduced. */
  about: Contact | null;
  /** The meeting's record (when, where), without its prep. */
  meeting: MeetingRecord | null;
}

export interface MarkSentResult {
  note: ThankYouNote;
  /** The recipient as saved. */
  contact: Contact;
  /** Stage moves and reminders (the report-back that replaces the thank-you reminder...). */
  effects: Effects;
}

export type { Template };
