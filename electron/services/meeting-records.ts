import type {
  Attachment,
  Meeting,
  MeetingPrep,
  MeetingRecord,
} from '../../shared/schema/entities.js';
import type { ItemReader, Transaction } from './types.js';

/**
 * A meeting is stored as two records under one id: the `MeetingRecord` (when, where, with whom,
 * status) that lists and Today read, and the `MeetingPrep` (research, questions, notes) that only
 * the workspace, documents and notes need. Services work with the whole `Meeting`; these helpers
 * are the only place that knows how it is split.
 */

const RECORD_FIELDS = [
  'id',
  'contactId',
  'start',
  'minutes',
  'mode',
  'place',
  'link',
  'status',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof MeetingRecord)[];

/** An empty workspace for a new meeting (the default resume attached if there is one). */
export function emptyPrep(id: string, at: string, attachmentIds: string[] = []): MeetingPrep {
  return {
    id,
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
    attachmentIds,
    updatedAt: at,
  };
}

/** The whole meeting; a record whose prep is missing gets an empty one (never fails a screen). */
export function joinMeeting(record: MeetingRecord, prep: MeetingPrep | undefined): Meeting {
  const { id: _id, updatedAt, ...rest } = prep ?? emptyPrep(record.id, record.updatedAt);
  return {
    ...record,
    ...rest,
    updatedAt: updatedAt > record.updatedAt ? updatedAt : record.updatedAt,
  };
}

/** The two records a whole meeting is stored as. */
export function splitMeeting(meeting: Meeting): { record: MeetingRecord; prep: MeetingPrep } {
  const record = Object.fromEntries(
    RECORD_FIELDS.map((field) => [field, meeting[field]]),
  ) as MeetingRecord;
  const prep: MeetingPrep = {
    id: meeting.id,
    research: meeting.research,
    questions: meeting.questions,
    notes: meeting.notes,
    checklist: meeting.checklist,
    travelMinutes: meeting.travelMinutes,
    takeaways: meeting.takeaways,
    advice: meeting.advice,
    namesSuggested: meeting.namesSuggested,
    promises: meeting.promises,
    attachmentIds: meeting.attachmentIds,
    updatedAt: meeting.updatedAt,
  };
  return { record, prep };
}

/** The whole meeting with this id, reading its prep (and only its prep file) on demand. */
export function readMeeting(reader: ItemReader, id: string): Meeting | undefined {
  const record = reader.get('meetings', id);
  return record === undefined ? undefined : joinMeeting(record, reader.get('preps', id));
}

const PREP_FIELDS = [
  'research',
  'questions',
  'notes',
  'checklist',
  'travelMinutes',
  'takeaways',
  'advice',
  'namesSuggested',
  'promises',
  'attachmentIds',
] as const satisfies readonly (keyof MeetingPrep)[];

/**
 * Saves a whole meeting, writing only the half that changed: an autosave of notes rewrites the
 * prep's file, a new time the record's (each half keeps its own `updatedAt`).
 */
export function putMeeting(tx: Transaction, meeting: Meeting): void {
  const { record, prep } = splitMeeting(meeting);
  const oldRecord = tx.get('meetings', meeting.id);
  const oldPrep = tx.get('preps', meeting.id);
  const recordChanged =
    oldRecord === undefined ||
    RECORD_FIELDS.some((field) => field !== 'updatedAt' && oldRecord[field] !== record[field]);
  const prepChanged =
    oldPrep === undefined ||
    PREP_FIELDS.some((field) => JSON.stringify(oldPrep[field]) !== JSON.stringify(prep[field]));
  if (recordChanged) tx.put('meetings', record);
  if (prepChanged) tx.put('preps', prep);
}

/** Removes both halves. */
export function removeMeeting(tx: Transaction, id: string): void {
  tx.remove('meetings', id);
  tx.remove('preps', id);
}

/** The meeting's attached files that still exist. */
export function attachmentsOf(
  meeting: Pick<Meeting, 'attachmentIds'>,
  attachments: Readonly<Record<string, Attachment>>,
): Attachment[] {
  return meeting.attachmentIds.flatMap((id) => {
    const attachment = Object.hasOwn(attachments, id) ? attachments[id] : undefined;
    return attachment === undefined ? [] : [attachment];
  });
}
