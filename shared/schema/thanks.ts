import { z } from 'zod';
import { Id } from './common.js';
import type { Contact, Meeting, Reminder, Template, ThankYouNote } from './entities.js';

/** A user's own template (built-in ones come from code and cannot be edited). */
export const SaveTemplateInput = z.object({
  id: Id.optional(),
  name: z.string().trim().min(1, 'Give the template a name.').max(200),
  purpose: z.enum(['thank-you', 'report-back', 'referrer-thanks', 'outreach']),
  subject: z.string().trim().max(300),
  body: z.string().trim().min(1, 'Write the template text.').max(20_000),
});

/** Create (no id) or update a draft note; sent notes can still be edited and exported again. */
export const SaveThankYouInput = z.object({
  id: Id.optional(),
  contactId: Id,
  meetingId: Id.nullable(),
  templateId: Id.nullable(),
  subject: z.string().trim().max(300),
  body: z.string().max(20_000),
});

/** Everything merge fields can draw from; empty strings are shown as missing before export. */
export interface MergeContext {
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
  contact: Contact;
  meeting: Meeting | null;
}

export interface MarkSentResult {
  note: ThankYouNote;
  contact: Contact;
  /** The report-back reminder that replaces the thank-you reminder. */
  reportBack: Reminder;
}

export type { Template };
