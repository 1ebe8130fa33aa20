process.env.TZ = 'America/New_York';

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import type { MeetingChange } from '../../shared/schema/meetings.js';
import type { Storage } from '../../electron/services/types.js';
import type { TodayView } from '../../shared/schema/pipeline.js';
import type { MarkHeldResult, MeetingDetail } from '../../shared/schema/meetings.js';
import type { Contact } from '../../shared/schema/entities.js';
import type { ContactDetail } from '../../shared/schema/pipeline.js';
import {
  makeContact,
  makeTempDir,
  manualClock,
  open,
  snapshotStore,
} from './helpers/storage-fixtures.js';

const sampleResume = fileURLToPath(new URL('../fixtures/sample-resume.pdf', import.meta.url));

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let handlers: Handlers;
/** Answers the next open dialogs in order; an empty queue means the user cancelled. */
let openAnswers: Array<string[] | null>;

beforeEach(() => {
  temp = makeTempDir('rapport-meetings-ipc-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  openAnswers = [];
  const deps: HandlerDeps = {
    storage,
    dialogs: {
      showOpen: vi.fn(async () => openAnswers.shift() ?? null),
      showSave: vi.fn(async () => null),
    },
    now: clock.now,
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  handlers = createHandlers(deps);
  storage.transact((tx) =>
    tx.put(
      'contacts',
      makeContact('maya', {
        firstName: 'Maya',
        lastName: 'Okafor',
        stage: 'contacted',
      }),
    ),
  );
});
afterEach(() => temp.cleanup());

const call = (channel: string, args: unknown) =>
  dispatch(handlers, channel, args, () => {
    throw new Error('an unexpected error reached the log');
  });

async function value<T>(channel: string, args: unknown): Promise<T> {
  const result = await call(channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const schedule = async () =>
  (
    await value<MeetingChange>('meetings:schedule', {
      contactId: 'maya',
      start: '2026-12-10T15:00:00.000Z',
      place: 'Northwind Health, 5th floor',
    })
  ).meeting;

describe('meetings over IPC', () => {
  it('lists a scheduled meeting on Today and in the Meetings list with its contact', async () => {
    const meeting = await schedule();
    expect(meeting.minutes).toBe(30);
    const today = await value<TodayView>('reminders:today', undefined);
    expect(today.upcomingMeetings.map((m) => m.meeting.id)).toEqual([meeting.id]);
    // A row of the Meetings page carries whom it is with by name only (no notes, no history).
    const listed = await call('meetings:list', undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ meeting: { id: meeting.id } }] });
    const [row] = (listed as { value: Array<{ contact: object }> }).value;
    expect(row?.contact).toEqual({ id: 'maya', firstName: 'Maya', lastName: 'Okafor' });
    expect(storage.read().contacts.maya?.stage).toBe('scheduled');
  });

  it('shows the thank-you reminder on Today the day after the meeting, not before', async () => {
    const meeting = await schedule();
    clock.advance(7 * 24 * 60 * 60 * 1000); // 2026-12-10 11:00 New York, during the meeting
    const held = await value<MarkHeldResult>('meetings:markHeld', {
      id: meeting.id,
    });
    expect(held.reminder.due).toBe('2026-12-11T15:30:00.000Z');
    expect((await value<TodayView>('reminders:today', undefined)).items).toEqual([]);
    clock.advance(24 * 60 * 60 * 1000);
    const nextDay = await value<TodayView>('reminders:today', undefined);
    expect(nextDay.date).toBe('2026-12-11');
    expect(nextDay.items.map((i) => [i.reminder.title, i.contact.stage, i.overdue])).toEqual([
      ['Send Maya a thank-you note', 'met', false],
    ]);
    await value('meetings:markHeld', { id: meeting.id });
    expect((await value<TodayView>('reminders:today', undefined)).items).toHaveLength(1);
  });

  it('creates a suggested contact that shows among the interviewee’s referrals', async () => {
    const meeting = await schedule();
    const lee = await value<Contact>('meetings:addSuggestedContact', {
      meetingId: meeting.id,
      firstName: ' Lee ',
      lastName: 'Chen',
    });
    const detail = await value<ContactDetail>('contacts:get', { id: 'maya' });
    expect(detail.referrals.map((c) => c.id)).toEqual([lee.id]);
    const leeDetail = await value<ContactDetail>('contacts:get', {
      id: lee.id,
    });
    expect(leeDetail.referredBy?.id).toBe('maya');
    expect(
      (await value<MeetingDetail>('meetings:get', { id: meeting.id })).meeting.namesSuggested,
    ).toBe('Lee Chen');
  });

  it('attaches the sample resume from the dialog: copied into the data folder by its hash', async () => {
    const meeting = await schedule();
    openAnswers.push([sampleResume, sampleResume]);
    const detail = await value<MeetingDetail>('meetings:attach', {
      id: meeting.id,
      role: 'resume',
    });
    const sha = createHash('sha256').update(fs.readFileSync(sampleResume)).digest('hex');
    expect(detail.meeting.attachmentIds).toEqual([sha]);
    expect(detail.attachments).toMatchObject([
      {
        id: sha,
        originalName: 'sample-resume.pdf',
        mimeType: 'application/pdf',
        role: 'resume',
      },
    ]);
    const copy = path.join(temp.dir, 'attachments', `${sha}.pdf`);
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(sampleResume));
    expect(await call('meetings:attach', { id: meeting.id, role: 'resume' })).toEqual({
      ok: true,
      value: null,
    });
    const detached = await value<MeetingDetail>('meetings:detach', {
      id: meeting.id,
      attachmentId: sha,
    });
    expect(detached.attachments).toEqual([]);
    expect(fs.existsSync(copy)).toBe(true);
  });

  it('saves a question to the bank once and counts its uses', async () => {
    await value('questions:save', {
      text: 'How did you choose health care?',
      category: 'insights',
    });
    await value('questions:save', {
      text: 'how did you choose  health care?',
      category: 'insights',
    });
    const bank = await value<Array<{ text: string; timesUsed: number; builtIn: boolean }>>(
      'questions:bank',
      undefined,
    );
    expect(bank[0]).toMatchObject({
      text: 'How did you choose health care?',
      timesUsed: 2,
      builtIn: false,
    });
    expect(bank.filter((q) => !q.builtIn)).toHaveLength(1);
  });
});

describe('hostile and mistaken meeting requests change nothing', () => {
  const cases: Array<[string, string, (ids: { meeting: string }) => unknown, string, RegExp]> = [
    [
      'an unknown meeting',
      'meetings:get',
      () => ({ id: 'nope' }),
      'not-found',
      /meeting no longer exists/,
    ],
    [
      'a prototype key as id',
      'meetings:get',
      () => ({ id: '__proto__' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'a constructor key as id',
      'meetings:markHeld',
      () => ({ id: 'constructor' }),
      'not-found',
      /no longer exists/,
    ],
    ['an empty id', 'meetings:cancel', () => ({ id: '' }), 'invalid-args', /^id: /],
    [
      'an id of 10,000 characters',
      'meetings:get',
      () => ({ id: 'x'.repeat(10_000) }),
      'invalid-args',
      /^id: /,
    ],
    ['a number as id', 'meetings:update', () => ({ id: 7, patch: {} }), 'invalid-args', /^id: /],
    [
      'an update to nobody',
      'meetings:update',
      () => ({ id: 'nope', patch: { notes: [] } }),
      'not-found',
      /no longer exists/,
    ],
    [
      'a patch with a new contact',
      'meetings:update',
      ({ meeting }) => ({ id: meeting, patch: { contactId: 'x' } }),
      'invalid-args',
      /^patch: /,
    ],
    [
      'a meeting for nobody',
      'meetings:schedule',
      () => ({ contactId: 'ghost', start: '2026-12-10T15:00:00.000Z' }),
      'not-found',
      /contact no longer exists/,
    ],
    [
      'a meeting with no time zone',
      'meetings:schedule',
      () => ({ contactId: 'maya', start: '2026-12-10T15:00' }),
      'invalid-args',
      /^start: /,
    ],
    [
      'a meeting of 2 minutes',
      'meetings:schedule',
      () => ({ contactId: 'maya', start: '2026-12-10T15:00:00Z', minutes: 2 }),
      'invalid-args',
      /^minutes: /,
    ],
    [
      'a file: link',
      'meetings:schedule',
      () => ({
        contactId: 'maya',
        start: '2026-12-10T15:00:00Z',
        link: 'file:///etc/passwd',
      }),
      'invalid-args',
      /^link: /,
    ],
    [
      'a suggestion from an unknown meeting',
      'meetings:addSuggestedContact',
      () => ({ meetingId: 'nope', firstName: 'Lee' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'a suggestion with a blank name',
      'meetings:addSuggestedContact',
      ({ meeting }) => ({ meetingId: meeting, firstName: '  ' }),
      'invalid-args',
      /^firstName: Enter a first name\./,
    ],
    [
      'an attach to nobody',
      'meetings:attach',
      () => ({ id: 'nope', role: 'resume' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'an attach with a made-up role',
      'meetings:attach',
      ({ meeting }) => ({ id: meeting, role: 'script' }),
      'invalid-args',
      /^role: /,
    ],
    [
      'a detach from nobody',
      'meetings:detach',
      () => ({ id: 'nope', attachmentId: 'x' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'a blank bank question',
      'questions:save',
      () => ({ text: '   ', category: 'other' }),
      'invalid-args',
      /^text: Write the question first\./,
    ],
    [
      'a bank question in no category',
      'questions:save',
      () => ({ text: 'Why?', category: 'gossip' }),
      'invalid-args',
      /^category: /,
    ],
  ];

  it.each(cases)('%s (%s) answers %s', async (_case, channel, args, code, message) => {
    const meeting = await schedule();
    const before = snapshotStore(temp.dir);
    openAnswers.push([sampleResume]);
    const result = await call(channel, args({ meeting: meeting.id }));
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect(snapshotStore(temp.dir)).toEqual(before);
    expect(fs.existsSync(path.join(temp.dir, 'attachments'))).toBe(false);
  });
});
