import { z } from 'zod';
import type { Effects } from './effects.js';
import { Id, IsoDate, IsoDateTime, trimmed } from './common.js';
import type { MeetingRecord } from './entities.js';
import { Activity, Contact, KeepInTouch, Reminder, Stage } from './entities.js';

/** What the contact form sends: everything the user edits (ids and timestamps come from main). */
export const ContactInput = Contact.omit({
  id: true,
  createdAt: true,
  updatedAt: true,
  responsiveness: true,
}).extend({
  stage: Stage.default('prospect'),
  keepInTouch: KeepInTouch.default({ off: false, days: null }),
  /**
   * Left out: main links the contact to the employer its company names (and adds that employer
   * when there is none); null: no employer; an id: that employer.
   */
  employerId: Id.nullable().optional(),
});
export type ContactInput = z.input<typeof ContactInput>;

export const duplicateReasons = ['linkedin', 'email', 'name-company'] as const;
export interface DuplicateMatch {
  contact: Contact;
  reason: (typeof duplicateReasons)[number];
}

/** Everything the contact page shows, in one call. */
export interface ContactDetail {
  contact: Contact;
  /** Newest first. */
  activities: Activity[];
  reminders: Reminder[];
  /** Their meetings (records: when, where, status), newest first. */
  meetings: MeetingRecord[];
  referredBy: Contact | null;
  referrals: Contact[];
}

/** Activities a user logs by hand (stage changes are logged by main). */
export const LoggableActivityKind = z.enum([
  'outreach-sent',
  'reply-received',
  'follow-up-sent',
  'call',
  'meeting-held',
  'thank-you-sent',
  'report-back-sent',
  'note',
]);

export const LogActivityInput = z.object({
  contactId: Id,
  kind: LoggableActivityKind,
  at: IsoDateTime,
  summary: trimmed(5_000),
});

export interface LogActivityResult {
  activity: Activity;
  contact: Contact;
  /** Stage moves and reminders created (3B7 follow-ups) or closed (a reply cancels them). */
  effects: Effects;
}

/** A contact as saved, with what saving it moved or scheduled. */
export interface ContactChange {
  contact: Contact;
  effects: Effects;
}

/** A reminder as saved (done, snoozed), with what that started (the next keep-in-touch). */
export interface ReminderChange {
  reminder: Reminder;
  effects: Effects;
}

/** What deleting a contact takes with it, for the confirm dialog (and what Undo brings back). */
export interface DeletionImpact {
  meetings: number;
  activities: number;
  reminders: number;
  /** Thank-you, report-back and referrer notes addressed to them. */
  notes: number;
  /** People they referred: they stay, only the link goes. */
  referrals: number;
}

/**
 * A contact as the board, the list and the pickers show it: everything but the notes (the bulk of a
 * contact's bytes, read only on the contact page; `contacts:searchNotes` searches them in main).
 */
export type ContactSummary = Omit<Contact, 'notes'>;

/** Notes search: ids of the contacts the query matches only with their notes (in no set order). */
export interface NotesSearchResult {
  ids: string[];
  /** True when more contacts matched than the result carries (`NOTES_SEARCH_LIMIT`). */
  truncated: boolean;
}

/** One row of the Today view: the reminder, its contact, and what to do next. */
export interface TodayItem {
  reminder: Reminder;
  contact: ContactSummary;
  overdue: boolean;
  /** Day 3: others at the same company not contacted yet (the 3B7 "next person"). */
  suggestions: ContactSummary[];
}

/** Today's lists that can grow long, each shown a page at a time. */
export const TodaySection = z.enum(['outcomes', 'overdue', 'due']);
export type TodaySection = z.infer<typeof TodaySection>;

/**
 * Rows of each list Today asks for: `TODAY_PAGE_SIZE` (shared/domain/today-pages.ts) at first, a page more on "Show more". A
 * backlog of thousands (a large imported network) is counted in main, never sent whole.
 */
export const TodayRequest = z
  .object({
    outcomes: z.number().int().min(0).max(1_000_000),
    overdue: z.number().int().min(0).max(1_000_000),
    due: z.number().int().min(0).max(1_000_000),
  })
  .partial();
export type TodayRequest = z.infer<typeof TodayRequest>;

export interface TodayView {
  /** Local calendar date the view was computed for, YYYY-MM-DD. */
  date: string;
  /** The first rows asked for of the overdue reminders, then of those due today, oldest first. */
  items: TodayItem[];
  /**
   * Meetings still marked planned although their end has passed, oldest first: "Did your meeting
   * with X happen?" (held, rescheduled or did not happen). The first rows asked for.
   */
  outcomes: { meeting: MeetingRecord; contact: ContactSummary }[];
  upcomingMeetings: { meeting: MeetingRecord; contact: ContactSummary }[];
  /** How many rows each list has in all (the view carries the first ones). */
  totals: Record<TodaySection, number>;
  /**
   * Contacts found but not written to yet (stage Prospect), and the one waiting longest: when
   * nothing is due, Today suggests writing to them.
   */
  prospects: { count: number; next: ContactSummary | null };
  /** How many contacts there are: none means the first-run welcome instead of the reminders. */
  contactCount: number;
}

/** A reminder the user sets on a contact: what to do, and the day (due at 09:00 that day). */
export const CustomReminderInput = z.object({
  contactId: Id,
  title: trimmed(300, 'Keep this under 300 characters.').min(1, 'Say what to do.'),
  date: IsoDate,
});

/**
 * A promise made in a meeting ("I'll send you my portfolio") as a task: a date makes it a
 * reminder on Today and the contact page; no date takes the task away again.
 */
export const PromiseTaskInput = z.object({
  meetingId: Id,
  text: trimmed(300, 'Keep this under 300 characters.').min(1, 'Write the promise first.'),
  date: IsoDate.nullable(),
});

/** A promise task as saved (null once its date was removed), with what changed. */
export interface PromiseTaskChange {
  reminder: Reminder | null;
  effects: Effects;
}

export const ImportKind = z.enum(['linkedin', 'csv', 'vcard']);
export type ImportKind = z.infer<typeof ImportKind>;

/** Contact fields a CSV column can be mapped to. */
export const MappableField = z.enum([
  'firstName',
  'lastName',
  'fullName',
  'title',
  'company',
  'industry',
  'location',
  'email',
  'phone',
  'linkedinUrl',
  'tags',
  'notes',
  'ignore',
]);
export type MappableField = z.infer<typeof MappableField>;

export interface ImportRowIssue {
  /** 1-based line or card number in the file, as a user would count. */
  row: number;
  /** A whole sentence that names the row or card: "Row 8 is empty.", "Card 2 has no name, ...". */
  reason: string;
}

/** Text encodings the user may choose for a file that is not valid UTF-8. */
export const ImportEncoding = z.enum(['utf-8', 'windows-1252', 'iso-8859-1']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

/** How the bytes of an import file were read as text. */
export interface ImportEncodingInfo {
  /** The encoding the preview was decoded with. */
  used: ImportEncoding | 'utf-16le' | 'utf-16be';
  /** True when the file is not valid UTF-8, so the preview offers the choice (with `note`). */
  choosable: boolean;
  /** Why the choice is offered and what it did, in plain words; null when there is nothing to say. */
  note: string | null;
}

export interface ImportPreview {
  /**
   * This preview's own token: committing it saves exactly what this preview shows. A remap or a
   * change of encoding gives a new preview with a new token; the old one can no longer be saved.
   */
  token: string;
  fileName: string;
  kind: ImportKind;
  /** CSV only: the header row and the mapping in use (guessed, or the user's). */
  headers: string[];
  mapping: MappableField[];
  /**
   * `rejected`: rows or cards that will be skipped (empty ones included); `warnings`: notes about
   * rows that will be imported, but not exactly as the file has them. Both count every one, even
   * beyond the listed ones.
   */
  counts: {
    new: number;
    merge: number;
    unchanged: number;
    rejected: number;
    total: number;
    warnings: number;
  };
  /** The first rows as they would be saved, for a look before committing. */
  sample: { action: 'new' | 'merge' | 'unchanged'; contact: ContactInput }[];
  /** Rows or cards that will NOT be imported, each with why (the first 1,000, in file order). */
  rejected: ImportRowIssue[];
  /** Rows or cards that WILL be imported with something left out, cut or combined (first 1,000). */
  warnings: ImportRowIssue[];
  encoding: ImportEncodingInfo;
  /**
   * The employers the rows' companies link to once saved: how many are on the LAMP list already,
   * and how many are new (with the first few of their names).
   */
  employers: { existing: number; added: number; newNames: string[] };
}

export interface ImportProgress {
  token: string | null;
  phase: 'reading' | 'parsing' | 'matching' | 'saving';
  done: number;
  total: number;
}

export const ContactsQuery = z.object({}).optional();
export { Activity, Contact, Reminder };
