process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMeeting } from '../../electron/services/meeting-records.js';
import { createMeetingService, type MeetingService } from '../../electron/services/meetings.js';
import type { Storage } from '../../electron/services/types.js';
import { starterBank } from '../../shared/domain/question-bank.js';
import { UserFacingError } from '../../shared/result.js';
import type { Attachment, Stage } from '../../shared/schema/entities.js';
import {
  makeContact,
  makeTempDir,
  manualClock,
  open,
  snapshotStore,
  makeReminder,
} from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let showOpen: ReturnType<typeof vi.fn<() => Promise<string[] | null>>>;
let service: MeetingService;

const START = '2026-12-10T15:00:00.000Z';

beforeEach(() => {
  temp = makeTempDir('rapport-meetings-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  showOpen = vi.fn(async () => null);
  service = createMeetingService({
    storage,
    now: clock.now,
    dialogs: { showOpen },
  });
  storage.transact((tx) => {
    tx.put('contacts', makeContact('maya', { firstName: 'Maya', lastName: 'Okafor' }));
  });
});
afterEach(() => temp.cleanup());

function caught(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('Expected a UserFacingError, but nothing was thrown.');
}

/** Schedules through the service and returns the meeting (the effects are checked where it matters). */
const schedule = (input: Parameters<MeetingService['schedule']>[0]) =>
  service.schedule(input).meeting;

const setStage = (stage: Stage) =>
  storage.transact((tx) => {
    const maya = tx.data.contacts.maya;
    if (maya === undefined) throw new Error('the fixture contact is missing');
    tx.put('contacts', { ...maya, stage });
  });

const activitiesOf = (kind: string) =>
  Object.values(storage.read().activities).filter((a) => a.kind === kind);

const attachment = (id: string, role: Attachment['role'] = 'resume'): Attachment => ({
  id,
  sha256: id,
  originalName: 'Resume.pdf',
  mimeType: 'application/pdf',
  size: 10,
  role,
  fileName: `${id}.pdf`,
  addedAt: '2026-12-01T00:00:00.000Z',
});

describe('scheduling a meeting', () => {
  it('moves a contacted person to Scheduled, logs it and cancels their open 3B7 follow-ups', () => {
    setStage('contacted');
    storage.transact((tx) => {
      for (const kind of ['follow-up-3', 'follow-up-7', 'report-back'] as const)
        tx.put(
          'reminders',
          makeReminder({
            id: kind,
            contactId: 'maya',
            kind,
            due: new Date('2026-12-08T14:00:00.000Z'),
            title: kind,
            createdBy: null,
          }),
        );
    });
    const meeting = schedule({
      contactId: 'maya',
      start: START,
      place: 'Cafe',
    });
    const data = storage.read();
    expect(data.contacts.maya?.stage).toBe('scheduled');
    expect(activitiesOf('stage-change')).toMatchObject([
      {
        contactId: 'maya',
        summary: 'Stage: Contacted → Scheduled',
        meetingId: meeting.id,
      },
    ]);
    expect(
      Object.values(data.reminders)
        .map((r) => [r.id, r.status])
        .sort(),
    ).toEqual([
      ['follow-up-3', 'cancelled'],
      ['follow-up-7', 'cancelled'],
      ['report-back', 'open'],
    ]);
    expect(readMeeting(storage, meeting.id)).toEqual(meeting);
  });

  it.each<Stage>(['met', 'thanked', 'keeping-in-touch'])(
    'leaves a contact who is already %s where they are, without a stage-change entry',
    (stage) => {
      setStage(stage);
      schedule({ contactId: 'maya', start: START });
      expect(storage.read().contacts.maya?.stage).toBe(stage);
      expect(activitiesOf('stage-change')).toEqual([]);
    },
  );

  it('takes its length from Settings unless one is given, and starts with an empty workspace', () => {
    storage.transact((tx) => tx.setSettings({ ...tx.data.settings, meetingMinutes: 45 }));
    const meeting = schedule({
      contactId: 'maya',
      start: '2026-12-10T10:00:00-05:00',
    });
    expect(meeting).toMatchObject({
      start: START,
      minutes: 45,
      status: 'planned',
      place: '',
      link: '',
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
      attachmentIds: [],
      createdAt: '2026-12-03T16:00:00.000Z',
    });
    expect(schedule({ contactId: 'maya', start: START, minutes: 20 }).minutes).toBe(20);
  });

  it('links the default resume from Settings, but not one that is no longer stored', () => {
    storage.transact((tx) => {
      tx.put('attachments', attachment('a'.repeat(64)));
      tx.setSettings({ ...tx.data.settings, defaultResumeId: 'a'.repeat(64) });
    });
    const first = schedule({ contactId: 'maya', start: START });
    expect(first.attachmentIds).toEqual(['a'.repeat(64)]);
    expect(service.get(first.id).attachments.map((a) => a.id)).toEqual(['a'.repeat(64)]);
    storage.transact((tx) => tx.setSettings({ ...tx.data.settings, defaultResumeId: 'gone' }));
    expect(schedule({ contactId: 'maya', start: START }).attachmentIds).toEqual([]);
  });

  it('refuses an unknown contact and a date before 2000, writing nothing', () => {
    const before = snapshotStore(temp.dir);
    expect(caught(() => schedule({ contactId: 'nobody', start: START })).code).toBe('not-found');
    expect(
      caught(() =>
        schedule({
          contactId: 'maya',
          start: '1999-12-31T00:00:00.000Z',
        }),
      ).message,
    ).toBe('start: Enter a date in the year 2000 or later.');
    expect(snapshotStore(temp.dir)).toEqual(before);
  });
});

describe('the Meetings list', () => {
  it('shows planned meetings soonest first, then held and cancelled ones, most recent first', () => {
    const late = schedule({
      contactId: 'maya',
      start: '2026-12-20T15:00:00.000Z',
    });
    const soon = schedule({
      contactId: 'maya',
      start: '2026-12-05T15:00:00.000Z',
    });
    const heldOld = schedule({
      contactId: 'maya',
      start: '2026-11-01T15:00:00.000Z',
    });
    const cancelled = schedule({
      contactId: 'maya',
      start: '2026-11-20T15:00:00.000Z',
    });
    service.markHeld(heldOld.id);
    service.cancel(cancelled.id);
    const list = service.list();
    expect(list.map((s) => s.meeting.id)).toEqual([soon.id, late.id, cancelled.id, heldOld.id]);
    expect(list[0]?.contact.firstName).toBe('Maya');
  });
});

describe('updating the prep workspace', () => {
  it('saves the fields it is given, keeps question ids and does not add questions to the bank', () => {
    const meeting = schedule({ contactId: 'maya', start: START });
    clock.advance(60_000);
    const questions = [
      {
        id: 'q2',
        text: 'What does a typical day involve?',
        category: 'typical-day',
        minutes: 3,
        answer: '',
      },
      {
        id: 'q1',
        text: '  How did you get started?  ',
        category: 'insights',
        minutes: 2,
        answer: '',
      },
    ] as const;
    const updated = service.update(meeting.id, {
      questions: [...questions],
      travelMinutes: 25,
      research: {
        industry: 'Health tech',
        company: '',
        position: '',
        person: '',
      },
    });
    expect(updated.questions.map((q) => [q.id, q.text])).toEqual([
      ['q2', 'What does a typical day involve?'],
      ['q1', 'How did you get started?'],
    ]);
    expect(updated).toMatchObject({
      travelMinutes: 25,
      place: meeting.place,
      status: 'planned',
      createdAt: meeting.createdAt,
      updatedAt: '2026-12-03T16:01:00.000Z',
    });
    expect(readMeeting(storage, meeting.id)).toEqual(updated);
    expect(storage.read().questions).toEqual({});
  });

  const hostile: Array<[string, () => unknown, RegExp]> = [
    ['negative travel time', () => ({ travelMinutes: -5 }), /^patch\.travelMinutes: /],
    ['a length of 1000 minutes', () => ({ minutes: 1000 }), /^patch\.minutes: /],
    ['a status (not editable here)', () => ({ status: 'held' }), /^patch: /],
    ['a javascript: link', () => ({ link: 'javascript:alert(1)' }), /^patch\.link: /],
    ['a start that is not a date', () => ({ start: 'tomorrow' }), /^patch\.start: /],
    [
      'a question with an unknown category',
      () => ({
        questions: [{ id: 'q', text: 'Why?', category: 'gossip', minutes: 2, answer: '' }],
      }),
      /^patch\.questions\.0\.category: /,
    ],
    [
      'two questions with one id',
      () => ({
        questions: [
          { id: 'q', text: 'Why?', category: 'other', minutes: 2, answer: '' },
          { id: 'q', text: 'How?', category: 'other', minutes: 2, answer: '' },
        ],
      }),
      /^patch\.questions\.1\.id: Two questions have the same id/,
    ],
    [
      'an attachment that is not stored',
      () => ({ attachmentIds: ['ghost'] }),
      /^patch\.attachmentIds: /,
    ],
    [
      'takeaways longer than 20,000 characters',
      () => ({ takeaways: 'x'.repeat(20_001) }),
      /^patch\.takeaways: Keep this under 20000 characters\./,
    ],
  ];

  it.each(hostile)('refuses %s, naming the field and changing nothing', (_case, patch, message) => {
    const meeting = schedule({ contactId: 'maya', start: START });
    const before = snapshotStore(temp.dir);
    const error = caught(() => service.update(meeting.id, patch() as never));
    expect(error.code).toBe('invalid-args');
    expect(error.message).toMatch(message);
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it('refuses a meeting that does not exist', () => {
    expect(caught(() => service.update('nope', { notes: [] })).code).toBe('not-found');
  });
});

describe('marking a meeting held', () => {
  it('moves the contact to Met and sets a thank-you reminder 24 hours after the meeting ends', () => {
    setStage('contacted');
    const meeting = schedule({
      contactId: 'maya',
      start: START,
      minutes: 45,
    });
    clock.advance(8 * 24 * 60 * 60 * 1000);
    const result = service.markHeld(meeting.id);
    expect(result.meeting.status).toBe('held');
    expect(result.contact.stage).toBe('met');
    expect(result.reminder).toMatchObject({
      kind: 'thank-you-due',
      contactId: 'maya',
      status: 'open',
      due: '2026-12-11T15:45:00.000Z',
      title: 'Send Maya a thank-you note',
      createdBy: meeting.id,
    });
    expect(activitiesOf('meeting-held')).toMatchObject([
      { at: '2026-12-10T15:45:00.000Z', meetingId: meeting.id },
    ]);
    expect(
      activitiesOf('stage-change')
        .map((a) => a.summary)
        .sort(),
    ).toEqual(['Stage: Contacted → Scheduled', 'Stage: Scheduled → Met']);
  });

  it('adds no second reminder or activity when called twice', () => {
    const meeting = schedule({ contactId: 'maya', start: START });
    const first = service.markHeld(meeting.id);
    const before = snapshotStore(temp.dir);
    const second = service.markHeld(meeting.id);
    expect(second.reminder).toEqual(first.reminder);
    expect(snapshotStore(temp.dir)).toEqual(before);
    expect(Object.values(storage.read().reminders)).toHaveLength(1);
    expect(activitiesOf('meeting-held')).toHaveLength(1);
  });

  it('does not move a thanked contact back to Met', () => {
    const meeting = schedule({ contactId: 'maya', start: START });
    setStage('thanked');
    expect(service.markHeld(meeting.id).contact.stage).toBe('thanked');
  });

  it('keeps a held meeting from being cancelled', () => {
    const meeting = schedule({ contactId: 'maya', start: START });
    service.markHeld(meeting.id);
    expect(caught(() => service.cancel(meeting.id)).code).toBe('conflict');
    expect(service.get(meeting.id).meeting.status).toBe('held');
  });
});

describe('names suggested in the meeting', () => {
  it('creates a prospect referred by the interviewee and notes the name once', () => {
    const meeting = schedule({ contactId: 'maya', start: START });
    service.update(meeting.id, {
      namesSuggested: 'Ashlee from the design team',
    });
    const lee = service.addSuggestedContact({
      meetingId: meeting.id,
      firstName: 'Lee',
      company: 'Contoso',
    });
    expect(lee).toMatchObject({
      firstName: 'Lee',
      lastName: '',
      company: 'Contoso',
      stage: 'prospect',
      referredById: 'maya',
      source: { kind: 'referral', detail: 'Suggested by Maya Okafor' },
    });
    expect(storage.read().contacts[lee.id]).toEqual(lee);
    expect(service.get(meeting.id).meeting.namesSuggested).toBe('Ashlee from the design team\nLee');
    service.addSuggestedContact({ meetingId: meeting.id, firstName: 'LEE' });
    expect(service.get(meeting.id).meeting.namesSuggested).toBe('Ashlee from the design team\nLee');
  });
});

describe('files', () => {
  it('unlinks a file on detach but leaves it in the data folder', () => {
    const id = 'b'.repeat(64);
    storage.transact((tx) => tx.put('attachments', attachment(id)));
    const meeting = schedule({ contactId: 'maya', start: START });
    service.update(meeting.id, { attachmentIds: [id, id] });
    expect(service.get(meeting.id).meeting.attachmentIds).toEqual([id]);
    expect(service.detach(meeting.id, id).attachments).toEqual([]);
    expect(storage.read().attachments[id]).toBeDefined();
  });

  it('asks for files with the filters of the role and answers null when cancelled', async () => {
    const meeting = schedule({ contactId: 'maya', start: START });
    expect(await service.attach(meeting.id, 'portfolio')).toBeNull();
    expect(showOpen).toHaveBeenCalledWith(
      expect.objectContaining({
        filters: [
          expect.objectContaining({
            extensions: ['pdf', 'docx', 'png', 'jpg', 'jpeg'],
          }),
        ],
      }),
    );
    await service.attach(meeting.id, 'resume');
    expect(showOpen).toHaveBeenLastCalledWith(
      expect.objectContaining({
        filters: [expect.objectContaining({ extensions: ['pdf', 'docx'] })],
      }),
    );
  });
});

describe('the question bank', () => {
  it('lists the user’s questions, most used first, before the starter bank', () => {
    const a = service.saveQuestion({
      text: 'How did you   pick your team?',
      category: 'insights',
    });
    const b = service.saveQuestion({
      text: 'Why health care?',
      category: 'other',
    });
    const again = service.saveQuestion({
      text: '  why HEALTH   care? ',
      category: 'trends',
    });
    expect(a).toMatchObject({
      text: 'How did you pick your team?',
      builtIn: false,
      timesUsed: 1,
    });
    expect(again).toMatchObject({
      id: b.id,
      text: 'Why health care?',
      category: 'other',
      timesUsed: 2,
    });
    const bank = service.bank();
    expect(bank.slice(0, 2).map((q) => q.id)).toEqual([b.id, a.id]);
    expect(bank.slice(2)).toEqual(starterBank);
    expect(Object.values(storage.read().questions).every((q) => !q.builtIn)).toBe(true);
  });

  it('stores nothing for a question that is already in the starter bank', () => {
    const before = snapshotStore(temp.dir);
    const builtIn = starterBank[0];
    const saved = service.saveQuestion({
      text: ` ${builtIn?.text.toUpperCase()}`,
      category: 'other',
    });
    expect(saved.id).toBe(builtIn?.id);
    expect(snapshotStore(temp.dir)).toEqual(before);
  });
});
