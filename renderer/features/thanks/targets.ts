import { fullName } from '../../../shared/domain/names.js';
import type {
  Contact,
  Meeting,
  NotePurpose,
  ThankYouNote,
} from '../../../shared/schema/entities.js';
import type { ThankYouSummary } from '../../../shared/schema/thanks.js';
import type { ComposeTarget } from '../../stores/thanks-store.js';

/** A compose target with every field decided: what the composer saves the note as. */
export interface NoteTarget {
  purpose: NotePurpose;
  /** The recipient (for a referrer thank-you: the referrer). */
  contactId: string;
  /** For a referrer thank-you: the person introduced; otherwise null. */
  aboutContactId: string | null;
  meetingId: string | null;
}

/** What the user calls each kind of note. */
export const purposeLabels: Readonly<Record<NotePurpose, string>> = {
  'thank-you': 'Thank-you note',
  'report-back': 'Report-back',
  'referrer-thanks': 'Referrer thank-you',
};

/** The same kinds in the middle of a sentence ("Open the report-back to …"). */
export const purposeNouns: Readonly<Record<NotePurpose, string>> = {
  'thank-you': 'thank-you note',
  'report-back': 'report-back',
  'referrer-thanks': 'referrer thank-you',
};

/**
 * The target a note is saved as. A saved note decides for itself; otherwise the target does. A
 * note opened without a meeting (Today's reminders do not know it) is about the meeting of the
 * latest thank-you sent to the contact (a report-back), else the latest held meeting with the
 * person met (`held`, latest first), else none.
 */
export function resolveTarget(
  target: ComposeTarget,
  notes: readonly ThankYouSummary[],
  note: ThankYouNote | null,
  held: readonly Pick<Meeting, 'id'>[] = [],
): NoteTarget {
  if (note !== null)
    return {
      purpose: note.purpose,
      contactId: note.contactId,
      aboutContactId: note.aboutContactId,
      meetingId: note.meetingId,
    };
  const purpose = target.purpose ?? 'thank-you';
  let meetingId = target.meetingId;
  if (meetingId === null && purpose === 'report-back') {
    const thanked = notes.find(
      (row) =>
        row.note.purpose === 'thank-you' &&
        row.note.contactId === target.contactId &&
        row.note.sentAt !== null &&
        row.note.meetingId !== null,
    );
    meetingId = thanked?.note.meetingId ?? null;
  }
  meetingId ??= held[0]?.id ?? null;
  return {
    purpose,
    contactId: target.contactId,
    aboutContactId: purpose === 'referrer-thanks' ? (target.aboutContactId ?? null) : null,
    meetingId,
  };
}

/** The unsent note already written for this target (the newest), so a second one is not started. */
export function findDraft(
  notes: readonly ThankYouSummary[],
  target: NoteTarget,
): ThankYouNote | undefined {
  return notes
    .map((row) => row.note)
    .filter(
      (note) =>
        note.sentAt === null &&
        note.purpose === target.purpose &&
        note.contactId === target.contactId &&
        (note.aboutContactId ?? null) === target.aboutContactId &&
        note.meetingId === target.meetingId,
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** Where the autosave keeps a draft's text: one draft per purpose, recipient and meeting. */
export const draftKey = (target: NoteTarget) =>
  `thanks:draft:${target.purpose}|${target.contactId}|${target.aboutContactId ?? ''}|${target.meetingId ?? ''}`;

/** Where the autosave keeps the text of a note already sent (edited again after sending). */
export const sentNoteKey = (id: string) => `thanks:note:${id}`;

/**
 * "Thank-you note to Ana Lind for introducing Maya Okafor", "Report-back to Maya Okafor"; without
 * names (still loading) just the kind of note.
 */
export function noteHeading(
  purpose: NotePurpose,
  recipient: Contact | null,
  about: Contact | null,
): string {
  if (recipient === null)
    return purpose === 'referrer-thanks'
      ? 'Thank-you note for an introduction'
      : purposeLabels[purpose];
  const to = fullName(recipient);
  if (purpose === 'report-back') return `Report-back to ${to}`;
  if (purpose === 'referrer-thanks')
    return about === null
      ? `Thank-you note to ${to} for an introduction`
      : `Thank-you note to ${to} for introducing ${fullName(about)}`;
  return `Thank-you note to ${to}`;
}

/**
 * Whether a thank-you was sent to the contact for this meeting (or without a meeting): the point
 * from which a report-back makes sense.
 */
export function thankYouSent(
  notes: readonly ThankYouSummary[],
  contactId: string,
  meetingId: string | null,
): boolean {
  return notes.some(
    ({ note }) =>
      note.purpose === 'thank-you' &&
      note.contactId === contactId &&
      note.sentAt !== null &&
      (meetingId === null || note.meetingId === null || note.meetingId === meetingId),
  );
}
