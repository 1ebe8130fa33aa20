process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import type { Storage } from '../../electron/services/types.js';
import type { DataChange } from '../../shared/contract.js';
import type { Meeting, Reminder, ThankYouNote } from '../../shared/schema/entities.js';
import type { MarkHeldResult, MeetingChange, MeetingDetail } from '../../shared/schema/meetings.js';
import type {
  ContactChange,
  ContactDetail,
  LogActivityResult,
  PromiseTaskChange,
  ReminderChange,
  TodayView,
} from '../../shared/schema/pipeline.js';
import type { MarkSentResult } from '../../shared/schema/thanks.js';
import { makeContact, makeTempDir, manualClock, open } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let handlers: Handlers;
let emitted: DataChange[];

beforeEach(() => {
  temp = makeTempDir('rapport-after-meeting-');
  storage = open(temp.dir);
  // Thursday 3 December 2026, 11:00 in New York.
  clock = manualClock('2026-12-03T16:00:00.000Z');
  emitted = [];
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => null) },
    now: clock.now,
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn((event: string, payload: unknown) => {
      if (event === 'data:changed') emitted.push(payload as DataChange);
    }),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  handlers = createHandlers(deps);
  storage.transact((tx) => {
    tx.put('contacts', makeContact('ana', { firstName: 'Ana', lastName: 'Lind', stage: 'met' }));
    tx.put(
      'contacts',
      makeContact('maya', {
        firstName: 'Maya',
        lastName: 'Okafor',
        stage: 'contacted',
        referredById: 'ana',
      }),
    );
  });
  emitted.length = 0;
});
afterEach(() => temp.cleanup());

const call = (channel: string, args: unknown) =>
  dispatch(handlers, channel, args, () => {
    throw new Error('an unexpected error reached the log');
  });

async function value<T>(channel: string, args?: unknown): Promise<T> {
  const result = await call(channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const reminders = (contactId: string, kind?: Reminder['kind']) =>
  Object.values(storage.read().reminders).filter(
    (r) => r.contactId === contactId && (kind === undefined || r.kind === kind),
  );

const pending = (contactId: string, kind?: Reminder['kind']) =>
  reminders(contactId, kind).filter((r) => r.status === 'open' || r.status === 'snoozed');

/** Maya's meeting, Thursday 10:00-10:30 New York. */
async function meetingWithMaya(start = '2026-12-03T15:00:00.000Z'): Promise<Meeting> {
  const { meeting } = await value<MeetingChange>('meetings:schedule', {
    contactId: 'maya',
    start,
    place: 'Northwind Health',
  });
  return meeting;
}

async function sendNote(
  input: {
    purpose: ThankYouNote['purpose'];
    contactId: string;
    aboutContactId?: string | null;
    meetingId: string | null;
  },
  body = 'Thank you for your time and the advice about SQL.',
): Promise<MarkSentResult> {
  const note = await value<ThankYouNote>('thanks:save', {
    ...input,
    templateId: null,
    subject: 'Thanks',
    body,
  });
  return value<MarkSentResult>('thanks:markSent', { id: note.id });
}

describe('did the meeting happen?', () => {
  it('asks on Today once a planned meeting has ended, and not before', async () => {
    const meeting = await meetingWithMaya('2026-12-03T17:00:00.000Z');
    expect((await value<TodayView>('reminders:today')).outcomes).toEqual([]);
    clock.set('2026-12-03T17:31:00.000Z');
    const today = await value<TodayView>('reminders:today');
    expect(today.outcomes.map((o) => [o.meeting.id, o.contact.id])).toEqual([[meeting.id, 'maya']]);
    expect(today.upcomingMeetings).toEqual([]);
  });

  it('held: Met, and the thank-you is due 24 hours after the meeting ended, not after the click', async () => {
    const meeting = await meetingWithMaya();
    clock.set('2026-12-04T13:00:00.000Z');
    const held = await value<MarkHeldResult>('meetings:markHeld', { id: meeting.id });
    expect(held.effects.stageMoves).toEqual([
      { contactId: 'maya', from: 'scheduled', to: 'met', cause: 'meeting-held' },
    ]);
    expect(held.reminder.due).toBe('2026-12-04T15:30:00.000Z');
    expect((await value<TodayView>('reminders:today')).outcomes).toEqual([]);
  });

  it('did not happen: cancelled, said on the timeline, no thank-you reminder, stage kept', async () => {
    const meeting = await meetingWithMaya();
    const cancelled = await value<Meeting>('meetings:cancel', {
      id: meeting.id,
      didNotHappen: true,
    });
    expect(cancelled.status).toBe('cancelled');
    const detail = await value<ContactDetail>('contacts:get', { id: 'maya' });
    expect(detail.contact.stage).toBe('scheduled');
    expect(detail.activities.map((a) => a.summary)).toContain('The meeting did not happen');
    expect(reminders('maya', 'thank-you-due')).toEqual([]);
    expect((await value<TodayView>('reminders:today')).outcomes).toEqual([]);
  });

  it('rescheduled: a new start takes it off the question and back to Coming up', async () => {
    const meeting = await meetingWithMaya();
    await value<Meeting>('meetings:update', {
      id: meeting.id,
      patch: { start: '2026-12-08T15:00:00.000Z' },
    });
    const today = await value<TodayView>('reminders:today');
    expect(today.outcomes).toEqual([]);
    expect(today.upcomingMeetings.map((m) => m.meeting.id)).toEqual([meeting.id]);
  });
});

describe('who gets which note', () => {
  it('a referrer thank-you goes on the referrer’s timeline and changes nothing for the person met', async () => {
    const meeting = await meetingWithMaya();
    await value('meetings:markHeld', { id: meeting.id });
    const before = pending('maya');
    const sent = await sendNote({
      purpose: 'referrer-thanks',
      contactId: 'ana',
      aboutContactId: 'maya',
      meetingId: meeting.id,
    });
    expect(sent.effects.stageMoves).toEqual([]);
    expect(sent.effects.reminders).toEqual({ created: [], completed: [], cancelled: [] });
    expect(pending('maya')).toEqual(before);
    expect(storage.read().contacts.maya?.stage).toBe('met');
    const ana = await value<ContactDetail>('contacts:get', { id: 'ana' });
    expect(ana.activities.map((a) => [a.kind, a.summary])).toEqual([
      ['referrer-thanks-sent', 'Thanked Ana Lind for the introduction to Maya Okafor'],
    ]);
  });

  it('refuses a referrer thank-you about nobody, or addressed to the person met', async () => {
    const base = { purpose: 'referrer-thanks', templateId: null, subject: '', body: 'x' };
    const nobody = await call('thanks:save', { ...base, contactId: 'ana', meetingId: null });
    expect(nobody.ok ? null : nobody.error.message).toMatch(/^aboutContactId: Choose the person/);
    const self = await call('thanks:save', {
      ...base,
      contactId: 'maya',
      aboutContactId: 'maya',
      meetingId: null,
    });
    expect(self.ok ? null : self.error.message).toMatch(/not to the person you met/);
  });

  it('only a thank-you after an interview sets the report-back; sending the report-back closes it and keeps in touch', async () => {
    const meeting = await meetingWithMaya();
    await value('meetings:markHeld', { id: meeting.id });
    const thanks = await sendNote({
      purpose: 'thank-you',
      contactId: 'maya',
      meetingId: meeting.id,
    });
    expect(thanks.effects.reminders.created.map((r) => [r.kind, r.due])).toEqual([
      // 14 days later, 09:00 New York.
      ['report-back', '2026-12-17T14:00:00.000Z'],
    ]);
    expect(thanks.effects.reminders.completed.map((r) => r.kind)).toEqual(['thank-you-due']);
    clock.set('2026-12-18T15:00:00.000Z');
    const report = await sendNote(
      { purpose: 'report-back', contactId: 'maya', meetingId: meeting.id },
      'I joined the society you mentioned and met two analysts there.',
    );
    expect(report.effects.stageMoves).toEqual([
      { contactId: 'maya', from: 'thanked', to: 'keeping-in-touch', cause: 'report-back-sent' },
    ]);
    expect(report.effects.reminders.completed.map((r) => r.kind)).toEqual(['report-back']);
    // No loop: no new report-back; instead the keep-in-touch cycle starts (90 days, 09:00).
    expect(report.effects.reminders.created.map((r) => [r.kind, r.due])).toEqual([
      ['keep-in-touch', '2027-03-18T13:00:00.000Z'],
    ]);
    expect(pending('maya', 'report-back')).toEqual([]);
  });
});

describe('keeping in touch', () => {
  async function keptInTouch() {
    const change = await value<ContactChange>('contacts:setStage', {
      id: 'maya',
      stage: 'keeping-in-touch',
    });
    return change;
  }

  it('starts N days after the last activity, and any activity logged moves it out', async () => {
    await value<LogActivityResult>('activities:log', {
      contactId: 'maya',
      kind: 'call',
      at: '2026-12-01T15:00:00.000Z',
      summary: 'Caught up',
    });
    const moved = await keptInTouch();
    expect(moved.effects.reminders.created.map((r) => [r.kind, r.due])).toEqual([
      // 90 days after 1 Dec 2026, 09:00 New York.
      ['keep-in-touch', '2027-03-01T14:00:00.000Z'],
    ]);
    clock.set('2027-01-10T16:00:00.000Z');
    const logged = await value<LogActivityResult>('activities:log', {
      contactId: 'maya',
      kind: 'note',
      at: '2027-01-10T16:00:00.000Z',
      summary: 'Liked her post',
    });
    expect(logged.effects.reminders.cancelled.map((r) => r.kind)).toEqual(['keep-in-touch']);
    expect(logged.effects.reminders.created.map((r) => [r.kind, r.due])).toEqual([
      ['keep-in-touch', '2027-04-10T13:00:00.000Z'],
    ]);
    expect(pending('maya', 'keep-in-touch')).toHaveLength(1);
  });

  it('shows on Today when due; done starts the next one N days later', async () => {
    await keptInTouch();
    clock.set('2027-03-03T15:00:00.000Z');
    const today = await value<TodayView>('reminders:today');
    const item = today.items.find((i) => i.reminder.kind === 'keep-in-touch');
    expect(item?.reminder.title).toBe('Get back in touch with Maya');
    const done = await value<ReminderChange>('reminders:done', { id: item!.reminder.id });
    expect(done.reminder.status).toBe('done');
    expect(done.effects.reminders.created.map((r) => [r.kind, r.due])).toEqual([
      ['keep-in-touch', '2027-06-01T13:00:00.000Z'],
    ]);
  });

  it('follows the contact’s own interval, turns off per contact, and stops when they leave the stage', async () => {
    await value('settings:update', { keepInTouchDays: 60 });
    await keptInTouch();
    expect(pending('maya', 'keep-in-touch').map((r) => r.due)).toEqual([
      '2027-02-01T14:00:00.000Z',
    ]);
    const maya = storage.read().contacts.maya!;
    const edit = (keepInTouch: { off: boolean; days: number | null }) => {
      const { id: _i, responsiveness: _r, createdAt: _c, updatedAt: _u, ...input } = maya;
      return value<ContactChange>('contacts:update', {
        id: 'maya',
        contact: { ...input, stage: 'keeping-in-touch', keepInTouch },
      });
    };
    await edit({ off: false, days: 30 });
    expect(pending('maya', 'keep-in-touch').map((r) => r.due)).toEqual([
      '2027-01-02T14:00:00.000Z',
    ]);
    const off = await edit({ off: true, days: 30 });
    expect(off.effects.reminders.cancelled.map((r) => r.kind)).toEqual(['keep-in-touch']);
    expect(pending('maya', 'keep-in-touch')).toEqual([]);
    await edit({ off: false, days: null });
    expect(pending('maya', 'keep-in-touch')).toHaveLength(1);
    const left = await value<ContactChange>('contacts:setStage', { id: 'maya', stage: 'met' });
    expect(left.effects.reminders.cancelled.map((r) => r.kind)).toEqual(['keep-in-touch']);
    expect(pending('maya', 'keep-in-touch')).toEqual([]);
  });

  it('refuses an interval under a week', async () => {
    const maya = storage.read().contacts.maya!;
    const { id: _i, responsiveness: _r, createdAt: _c, updatedAt: _u, ...input } = maya;
    const result = await call('contacts:update', {
      id: 'maya',
      contact: { ...input, keepInTouch: { off: false, days: 3 } },
    });
    expect(result.ok ? null : result.error.message).toBe(
      'contact.keepInTouch.days: Choose 7 days or more.',
    );
  });
});

describe('custom reminders and promises', () => {
  it('adds the user’s own reminder at 09:00 on the chosen day, shown on Today that day', async () => {
    const added = await value<ReminderChange>('reminders:add', {
      contactId: 'maya',
      title: 'Send the hospital analytics article',
      date: '2026-12-07',
    });
    expect(added.reminder).toMatchObject({
      kind: 'custom',
      due: '2026-12-07T14:00:00.000Z',
      title: 'Send the hospital analytics article',
    });
    expect((await value<TodayView>('reminders:today')).items).toEqual([]);
    clock.set('2026-12-07T15:00:00.000Z');
    const items = (await value<TodayView>('reminders:today')).items;
    expect(items.map((i) => i.reminder.title)).toEqual(['Send the hospital analytics article']);
    // Two of the user's own reminders can coexist: they are not one-per-contact.
    await value('reminders:add', { contactId: 'maya', title: 'Second', date: '2026-12-08' });
    expect(pending('maya', 'custom')).toHaveLength(2);
  });

  it.each([
    ['an empty text', { contactId: 'maya', title: '  ', date: '2026-12-07' }, /^title: Say what/],
    ['a day that does not exist', { contactId: 'maya', title: 'x', date: '2026-02-30' }, /date/],
    [
      'an unknown contact',
      { contactId: 'nobody', title: 'x', date: '2026-12-07' },
      /no longer exists/,
    ],
  ])('refuses a custom reminder with %s and writes nothing', async (_label, args, message) => {
    const result = await call('reminders:add', args);
    expect(result.ok ? null : result.error.message).toMatch(message);
    expect(reminders('maya', 'custom')).toEqual([]);
  });

  it('turns a promise into a task, moves it, and takes it away again', async () => {
    const meeting = await meetingWithMaya();
    const set = (text: string, date: string | null) =>
      value<PromiseTaskChange>('reminders:promise', { meetingId: meeting.id, text, date });
    const first = await set('Send my portfolio', '2026-12-05');
    expect(first.reminder).toMatchObject({
      kind: 'promise',
      title: 'Send my portfolio',
      due: '2026-12-05T14:00:00.000Z',
      createdBy: meeting.id,
    });
    // The same promise, typed a little differently, on the same day: nothing changes.
    const again = await set('send my portfolio.', '2026-12-05');
    expect(again.effects.reminders.created).toEqual([]);
    const moved = await set('Send my portfolio', '2026-12-09');
    expect(moved.effects.reminders.cancelled).toHaveLength(1);
    expect(pending('maya', 'promise').map((r) => r.due)).toEqual(['2026-12-09T14:00:00.000Z']);
    const detail = await value<MeetingDetail>('meetings:get', { id: meeting.id });
    expect(detail.tasks.map((t) => t.title)).toEqual(['Send my portfolio']);
    const removed = await set('Send my portfolio', null);
    expect(removed.reminder).toBeNull();
    expect(pending('maya', 'promise')).toEqual([]);
  });
});

describe('main says what changed', () => {
  it('emits one data:changed event per committed change, naming the collections', async () => {
    const added = await value<ReminderChange>('reminders:add', {
      contactId: 'maya',
      title: 'x',
      date: '2026-12-07',
    });
    // With the ids written, so a cache can refresh just those.
    expect(emitted).toEqual([
      { collections: ['reminders'], ids: { reminders: [added.reminder.id] } },
    ]);
    emitted.length = 0;
    await meetingWithMaya();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.collections).toEqual(['contacts', 'activities', 'meetings', 'preps']);
  });

  it('emits nothing for a change that changed nothing', async () => {
    await value('contacts:setStage', { id: 'maya', stage: 'contacted' });
    expect(emitted).toEqual([]);
  });
});
