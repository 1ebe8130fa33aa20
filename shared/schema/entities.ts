import { z } from 'zod';
import { bounded, Email, Id, IsoDateTime, optionalEmail, optionalHttpUrl, text } from './common.js';
import { LinkedInUrl, Phone } from './settings.js';

export const SourceKind = z.enum([
  'alumni',
  'professional-org',
  'former-colleague',
  'family-friends',
  'referral',
  'other',
]);
export type SourceKind = z.infer<typeof SourceKind>;

export const Stage = z.enum([
  'prospect',
  'contacted',
  'scheduled',
  'met',
  'thanked',
  'keeping-in-touch',
  'declined',
  'no-reply',
]);
export type Stage = z.infer<typeof Stage>;

export const Responsiveness = z.enum(['unknown', 'booster', 'obligate', 'curmudgeon']);

/**
 * Keeping in touch with this person: off, or every `days` days after the last activity (null:
 * the default from Settings).
 */
export const KeepInTouch = z.object({
  off: z.boolean(),
  days: z
    .number()
    .int()
    .min(7, 'Choose 7 days or more.')
    .max(730, 'Choose 730 days or fewer.')
    .nullable(),
});
export type KeepInTouch = z.infer<typeof KeepInTouch>;

export const Contact = z.object({
  id: Id,
  firstName: text(100).min(1, 'Enter a first name.'),
  lastName: text(100),
  title: text(200),
  company: text(200),
  industry: text(200),
  location: text(200),
  email: optionalEmail,
  phone: Phone,
  linkedinUrl: LinkedInUrl,
  source: z.object({ kind: SourceKind, detail: text(200) }),
  referredById: Id.nullable(),
  /** The employer record the contact works at (linked from `company`; see services/employers.ts). */
  employerId: Id.nullable(),
  tags: z.array(text(50)).max(50),
  notes: text(20_000),
  stage: Stage,
  responsiveness: Responsiveness,
  keepInTouch: KeepInTouch,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Contact = z.infer<typeof Contact>;

/** Motivation on the LAMP list: 0 (none) to 3 (a dream employer), the user's gut interest. */
export const Motivation = z.number().int().min(0).max(3);
/** Posting on the LAMP list: 1 no openings, 2 some, 3 relevant openings. */
export const Posting = z.number().int().min(1).max(3);

/**
 * A target employer of the LAMP list (Dalton): Advocacy is computed from the contacts linked to it;
 * Motivation and Posting are the user's. `aliases` are the folded names of employers merged into
 * this one, so a contact typed with the old name links here. `research` is the company research,
 * written in a meeting's prep and offered to the next meeting there.
 */
export const Employer = z.object({
  id: Id,
  name: text(200).min(1, 'Enter the employer’s name.'),
  aliases: z.array(text(200)).max(50),
  website: optionalHttpUrl,
  location: text(200),
  notes: text(20_000),
  motivation: Motivation,
  posting: Posting,
  postingUrl: optionalHttpUrl,
  research: text(20_000),
  /** One of the few the user is working on now ("work on these five"). */
  focus: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Employer = z.infer<typeof Employer>;

export const ActivityKind = z.enum([
  'outreach-sent',
  'reply-received',
  'follow-up-sent',
  'call',
  'meeting-held',
  'thank-you-sent',
  'report-back-sent',
  'referrer-thanks-sent',
  'stage-change',
  'note',
]);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const Activity = z.object({
  id: Id,
  contactId: Id,
  kind: ActivityKind,
  at: IsoDateTime,
  summary: text(5_000),
  meetingId: Id.nullable(),
});
export type Activity = z.infer<typeof Activity>;

export const ReminderKind = z.enum([
  'follow-up-3',
  'follow-up-7',
  'thank-you-due',
  'report-back',
  'keep-in-touch',
  'custom',
  'promise',
]);

export const Reminder = z.object({
  id: Id,
  contactId: Id,
  kind: ReminderKind,
  due: IsoDateTime,
  status: z.enum(['open', 'done', 'snoozed', 'cancelled']),
  snoozedUntil: IsoDateTime.nullable(),
  /** The activity or meeting that created it, so cancelling follows the cause. */
  createdBy: Id.nullable(),
  title: text(300),
});
export type Reminder = z.infer<typeof Reminder>;

export const QuestionCategory = z.enum([
  'typical-day',
  'advancement',
  'education',
  'rewards-challenges',
  'trends',
  'insights',
  'advice',
  'resources',
  'assignments',
  'other',
]);
export type QuestionCategory = z.infer<typeof QuestionCategory>;

export const MeetingQuestion = z.object({
  id: Id,
  text: text(1_000),
  category: QuestionCategory,
  minutes: z.number().min(0).max(60),
  answer: text(20_000),
});

export const MeetingNote = z.object({
  id: Id,
  at: IsoDateTime,
  phase: z.enum(['during', 'after']),
  text: text(20_000),
});

/** In person (travel, arrive early), or a video or phone call (join early, test the link). */
export const MeetingMode = z.enum(['in-person', 'video', 'phone']);
export type MeetingMode = z.infer<typeof MeetingMode>;

/**
 * A meeting as the store keeps it: what lists, Today and the calendar need (small, always in
 * memory). Its preparation and notes are a `MeetingPrep` under the same id, loaded on demand.
 */
export const MeetingRecord = z.object({
  id: Id,
  contactId: Id,
  start: IsoDateTime,
  minutes: z.number().int().min(5).max(480),
  mode: MeetingMode,
  place: text(500),
  link: optionalHttpUrl,
  status: z.enum(['planned', 'held', 'cancelled']),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

/**
 * The prep workspace of a meeting (research, questions and answers, checklist, notes during and
 * after): most of the bytes of a heavy user's store, so it is its own record, read only when a
 * meeting is opened, and an autosave rewrites only its file.
 */
export const MeetingPrep = z.object({
  /** The meeting's id. */
  id: Id,
  research: z.object({
    industry: text(20_000),
    company: text(20_000),
    position: text(20_000),
    person: text(20_000),
  }),
  questions: z.array(MeetingQuestion).max(200),
  notes: z.array(MeetingNote).max(500),
  checklist: z.object({
    resumeCopies: z.number().int().min(0).max(50),
    portfolio: z.boolean(),
    businessCards: z.boolean(),
    outfit: z.boolean(),
    researchDone: z.boolean(),
  }),
  travelMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  takeaways: text(20_000),
  advice: text(20_000),
  namesSuggested: text(5_000),
  promises: text(5_000),
  attachmentIds: z.array(Id).max(50),
  updatedAt: IsoDateTime,
});
export type MeetingPrep = z.infer<typeof MeetingPrep>;

/** A whole meeting, record and prep together: what the workspace, documents and notes use. */
export const Meeting = MeetingRecord.extend(MeetingPrep.omit({ id: true, updatedAt: true }).shape);
export type Meeting = z.infer<typeof Meeting>;

export const BankQuestion = z.object({
  id: Id,
  text: text(1_000).min(1),
  category: QuestionCategory,
  builtIn: z.boolean(),
  timesUsed: z.number().int().min(0),
});
export type BankQuestion = z.infer<typeof BankQuestion>;

export const Template = z.object({
  id: Id,
  name: text(200).min(1),
  purpose: z.enum(['thank-you', 'report-back', 'referrer-thanks', 'outreach']),
  subject: text(300),
  body: text(20_000),
  builtIn: z.boolean(),
});
export type Template = z.infer<typeof Template>;

/** Which note it is: each is addressed and followed up differently (see DOMAIN.md). */
export const NotePurpose = z.enum(['thank-you', 'report-back', 'referrer-thanks']);
export type NotePurpose = z.infer<typeof NotePurpose>;

export const ThankYouNote = z.object({
  id: Id,
  purpose: NotePurpose,
  /** Who the note is addressed to (for a referrer thank-you: the referrer). */
  contactId: Id,
  /** For a referrer thank-you: the person they introduced the user to; otherwise null. */
  aboutContactId: Id.nullable(),
  meetingId: Id.nullable(),
  templateId: Id.nullable(),
  subject: text(300),
  body: text(20_000),
  createdAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
  exportedFile: text(4_000),
});
export type ThankYouNote = z.infer<typeof ThankYouNote>;

/** An outreach e-mail being written, autosaved per contact until it is logged as sent. */
export const OutreachDraft = z.object({
  id: Id,
  contactId: Id,
  subject: text(300),
  body: text(20_000),
  updatedAt: IsoDateTime,
});
export type OutreachDraft = z.infer<typeof OutreachDraft>;

export const Attachment = z.object({
  /** The SHA-256 of the content: the same file attached twice is stored once. */
  id: Id,
  sha256: bounded(64).regex(/^[0-9a-f]{64}$/),
  originalName: text(255).min(1),
  mimeType: text(100),
  size: z.number().int().min(0),
  role: z.enum(['resume', 'portfolio', 'other']),
  /** File name inside the attachments folder: `<sha256><ext>`, never a user-chosen path. */
  fileName: bounded(73).regex(/^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/),
  addedAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;

export { Email };
