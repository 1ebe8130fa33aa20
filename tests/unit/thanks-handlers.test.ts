process.env.TZ = 'America/New_York';
import { noEffects } from '../../shared/schema/effects.js';

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import type { Storage } from '../../electron/services/types.js';
import type { Meeting, Template, ThankYouNote } from '../../shared/schema/entities.js';
import type { MarkSentResult, MergeContext, ThankYouSummary } from '../../shared/schema/thanks.js';
import {
  makeContact,
  makeTempDir,
  manualClock,
  open,
  snapshotStore,
} from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let handlers: Handlers;
let saveAnswer: string | null;

beforeEach(() => {
  temp = makeTempDir('rapport-thanks-ipc-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  saveAnswer = null;
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => saveAnswer) },
    now: clock.now,
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  handlers = createHandlers(deps);
  storage.transact((tx) => {
    tx.put('contacts', makeContact('jo', { firstName: 'Jo', lastName: 'Lind', stage: 'met' }));
    tx.put(
      'contacts',
      makeContact('maya', {
        firstName: 'Maya',
        lastName: 'Okafor',
        stage: 'contacted',
        referredById: 'jo',
      }),
    );
    tx.put('contacts', makeContact('ana', { stage: 'keeping-in-touch' }));
  });
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

const body =
  'Dear Maya, thank you. Your point that hospitals hire analysts who know SQL changed my plan.';

/** Maya's meeting on 2026-12-03 10:00-10:30 New York, held, with takeaways. */
async function heldMeeting(contactId = 'maya'): Promise<Meeting> {
  const { meeting } = await value<{ meeting: Meeting }>('meetings:schedule', {
    contactId,
    start: '2026-12-03T15:00:00.000Z',
    place: 'Northwind Health',
  });
  await value('meetings:update', {
    id: meeting.id,
    patch: { takeaways: 'Hospitals hire analysts who know SQL', advice: 'Take a SQL course' },
  });
  await value('meetings:markHeld', { id: meeting.id });
  return meeting;
}

const saveNote = (meetingId: string | null, text = body, contactId = 'maya') =>
  value<ThankYouNote>('thanks:save', {
    contactId,
    meetingId,
    templateId: 'builtin-thank-you',
    subject: 'Thank you',
    body: text,
  });

describe('marking a thank-you note sent', () => {
  it('moves the contact to Thanked, closes the 24-hour reminder and schedules the report-back', async () => {
    const meeting = await heldMeeting();
    const note = await saveNote(meeting.id);
    clock.advance(2 * 60 * 60 * 1000);
    const sent = await value<MarkSentResult>('thanks:markSent', { id: note.id });

    expect(sent.note.sentAt).toBe('2026-12-03T18:00:00.000Z');
    expect(sent.contact.stage).toBe('thanked');
    // 14 days later at 09:00 New York (EST, UTC-5).
    expect(sent.effects.reminders.created).toHaveLength(1);
    expect(sent.effects.reminders.created[0]).toMatchObject({
      kind: 'report-back',
      status: 'open',
      due: '2026-12-17T14:00:00.000Z',
      contactId: 'maya',
      createdBy: note.id,
    });
    const data = storage.read();
    const reminders = Object.values(data.reminders).filter((r) => r.contactId === 'maya');
    expect(reminders.map((r) => [r.kind, r.status]).sort()).toEqual([
      ['report-back', 'open'],
      ['thank-you-due', 'done'],
    ]);
    const activities = Object.values(data.activities)
      .filter((a) => a.contactId === 'maya' && a.at === '2026-12-03T18:00:00.000Z')
      .map((a) => [a.kind, a.summary, a.meetingId]);
    expect(activities).toEqual(
      expect.arrayContaining([
        ['thank-you-sent', 'Sent Maya Okafor a thank-you note', meeting.id],
        ['stage-change', expect.stringMatching(/Thanked/), meeting.id],
      ]),
    );
    expect(activities).toHaveLength(2);
  });

  it('changes nothing the second time', async () => {
    const meeting = await heldMeeting();
    const note = await saveNote(meeting.id);
    const first = await value<MarkSentResult>('thanks:markSent', { id: note.id });
    const before = snapshotStore(temp.dir);
    clock.advance(24 * 60 * 60 * 1000);
    const again = await value<MarkSentResult>('thanks:markSent', { id: note.id });
    expect(again.note).toEqual(first.note);
    expect(again.contact).toEqual(first.contact);
    expect(again.effects).toEqual(noEffects());
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it('follows the report-back setting and keeps a keeping-in-touch contact where it is', async () => {
    await value('settings:update', { reportBackDays: 30 });
    const note = await saveNote(null, 'Thanks, Ana.', 'ana');
    const sent = await value<MarkSentResult>('thanks:markSent', { id: note.id });
    expect(sent.contact.stage).toBe('keeping-in-touch');
    const reportBack = sent.effects.reminders.created.find((r) => r.kind === 'report-back');
    expect(reportBack?.due).toBe('2027-01-02T14:00:00.000Z');
    expect(Object.values(storage.read().activities).map((a) => a.kind)).toEqual(['thank-you-sent']);
  });

  it.each([
    ['an empty field', 'Dear {{firstName}}, thank you.', /empty field \(first name\)/],
    [
      'two fields, one unknown',
      '{{takeaway}} and {{shoeSize}} and {{takeaway}}',
      /empty fields \(a takeaway and “shoeSize”\)/,
    ],
    ['nothing but spaces', '   ', /The note is empty/],
  ])('refuses a note with %s and writes nothing', async (_case, text, message) => {
    const meeting = await heldMeeting();
    const note = await saveNote(meeting.id, text);
    const before = snapshotStore(temp.dir);
    const result = await call('thanks:markSent', { id: note.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(snapshotStore(temp.dir)).toEqual(before);
  });
});

describe('thank-you notes over IPC', () => {
  it('gives the merge context of a held meeting, with the referrer and a due time 24 hours after its end', async () => {
    const meeting = await heldMeeting();
    await value('settings:updateProfile', {
      ...storage.read().settings.profile,
      name: 'Alex Kim',
      signature: 'Alex Kim\nData analyst',
    });
    const context = await value<MergeContext>('thanks:context', {
      contactId: 'maya',
      meetingId: meeting.id,
    });
    expect(context).toMatchObject({
      contact: { id: 'maya' },
      meeting: { id: meeting.id, takeaways: 'Hospitals hire analysts who know SQL' },
      referrer: { id: 'jo' },
      myName: 'Alex Kim',
      mySignature: 'Alex Kim\nData analyst',
      dueAt: '2026-12-04T15:30:00.000Z',
    });
    expect(
      (await value<MergeContext>('thanks:context', { contactId: 'ana', meetingId: null })).dueAt,
    ).toBeNull();
  });

  it('lists notes newest first, per contact, and updates a note without losing when it was sent', async () => {
    const meeting = await heldMeeting();
    const first = await saveNote(meeting.id);
    clock.advance(60_000);
    const second = await saveNote(null, 'Thanks, Ana.', 'ana');
    const all = await value<ThankYouSummary[]>('thanks:list', undefined);
    expect(all.map((s) => [s.note.id, s.contact.id, s.meeting?.id ?? null])).toEqual([
      [second.id, 'ana', null],
      [first.id, 'maya', meeting.id],
    ]);
    expect(
      (await value<ThankYouSummary[]>('thanks:list', { contactId: 'maya' })).map((s) => s.note.id),
    ).toEqual([first.id]);
    const sent = await value<MarkSentResult>('thanks:markSent', { id: first.id });
    const edited = await value<ThankYouNote>('thanks:save', {
      id: first.id,
      contactId: 'maya',
      meetingId: meeting.id,
      templateId: null,
      subject: 'Thanks again',
      body: 'Edited after sending.',
    });
    expect(edited).toMatchObject({
      sentAt: sent.note.sentAt,
      createdAt: first.createdAt,
      body: 'Edited after sending.',
    });
    expect(await value<ThankYouNote>('thanks:get', { id: first.id })).toEqual(edited);
  });

  it.each([
    [
      'a meeting with someone else',
      (m: Meeting) => ({ contactId: 'ana', meetingId: m.id, templateId: null }),
      'invalid-args',
    ],
    [
      'an unknown meeting',
      () => ({ contactId: 'maya', meetingId: 'nope', templateId: null }),
      'not-found',
    ],
    [
      'an unknown contact',
      () => ({ contactId: 'nobody', meetingId: null, templateId: null }),
      'not-found',
    ],
    [
      'an unknown template',
      () => ({ contactId: 'maya', meetingId: null, templateId: 'gone' }),
      'invalid-args',
    ],
    [
      'an id that is no note',
      () => ({ id: 'nope', contactId: 'maya', meetingId: null, templateId: null }),
      'not-found',
    ],
    [
      'a body far too long',
      () => ({ contactId: 'maya', meetingId: null, templateId: null, body: 'x'.repeat(20_001) }),
      'invalid-args',
    ],
    [
      'a prototype key as contact',
      () => ({ contactId: '__proto__', meetingId: null, templateId: null }),
      'not-found',
    ],
  ])('refuses to save a note for %s', async (_case, make, code) => {
    const meeting = await heldMeeting();
    const before = snapshotStore(temp.dir);
    const result = await call('thanks:save', { subject: '', body: 'Hi', ...make(meeting) });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it('refuses to move a note to another contact', async () => {
    const note = await saveNote(null);
    const result = await call('thanks:save', {
      id: note.id,
      contactId: 'ana',
      meetingId: null,
      templateId: null,
      subject: '',
      body: 'Hi',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it.each([
    ['thanks:get', { id: 'nope' }, 'not-found'],
    ['thanks:markSent', { id: 'nope' }, 'not-found'],
    ['thanks:context', { contactId: 'maya', meetingId: 'nope' }, 'not-found'],
    ['thanks:context', { contactId: 'constructor', meetingId: null }, 'not-found'],
    ['thanks:list', { contactId: '' }, 'invalid-args'],
  ])('answers %s with %o as %s', async (channel, args, code) => {
    expect(await call(channel, args)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('exporting a note', () => {
  it('remembers where the letter was saved, and nothing when the dialog is cancelled', async () => {
    const note = await saveNote(null, 'Dear Maya, thank you for your time.');
    expect(await value('thanks:exportDocx', { id: note.id })).toBeNull();
    expect((await value<ThankYouNote>('thanks:get', { id: note.id })).exportedFile).toBe('');
    saveAnswer = path.join(temp.dir, 'Thank you - Maya Okafor.docx');
    expect(await value('thanks:exportDocx', { id: note.id })).toEqual({ path: saveAnswer });
    expect(fs.statSync(saveAnswer).size).toBeGreaterThan(1000);
    expect((await value<ThankYouNote>('thanks:get', { id: note.id })).exportedFile).toBe(
      saveAnswer,
    );
  });
});

describe('templates over IPC', () => {
  it('lists built-ins first, then the user’s by name; saves, updates and deletes the user’s', async () => {
    const zeta = await value<Template>('templates:save', {
      name: 'Zeta',
      purpose: 'thank-you',
      subject: 'Hi',
      body: 'Dear {{firstName}}',
    });
    const alpha = await value<Template>('templates:save', {
      name: 'alpha',
      purpose: 'outreach',
      subject: '',
      body: 'Hello',
    });
    expect(zeta.builtIn).toBe(false);
    const ids = (await value<Template[]>('templates:list', undefined)).map((t) => t.id);
    expect(ids).toEqual([
      'builtin-thank-you',
      'builtin-report-back',
      'builtin-referrer-thanks',
      alpha.id,
      zeta.id,
    ]);
    const updated = await value<Template>('templates:save', {
      ...zeta,
      name: 'Zeta 2',
      builtIn: true,
    });
    expect(updated).toMatchObject({ id: zeta.id, name: 'Zeta 2', builtIn: false });
    expect(await value('templates:delete', { id: zeta.id })).toBeNull();
    expect(await value('templates:delete', { id: zeta.id })).toBeNull();
    expect((await value<Template[]>('templates:list', undefined)).map((t) => t.id)).toHaveLength(4);
  });

  it.each([
    [
      'templates:save',
      { id: 'builtin-thank-you', name: 'Mine', purpose: 'thank-you', subject: '', body: 'x' },
      'forbidden',
    ],
    ['templates:delete', { id: 'builtin-report-back' }, 'forbidden'],
    [
      'templates:save',
      { id: 'gone', name: 'Mine', purpose: 'thank-you', subject: '', body: 'x' },
      'not-found',
    ],
    [
      'templates:save',
      { name: '   ', purpose: 'thank-you', subject: '', body: 'x' },
      'invalid-args',
    ],
    [
      'templates:save',
      { name: 'Mine', purpose: 'love-letter', subject: '', body: 'x' },
      'invalid-args',
    ],
    [
      'templates:save',
      { name: 'Mine', purpose: 'thank-you', subject: '', body: '' },
      'invalid-args',
    ],
  ])('refuses %s with %o as %s, writing nothing', async (channel, args, code) => {
    const before = snapshotStore(temp.dir);
    expect(await call(channel, args)).toMatchObject({ ok: false, error: { code } });
    expect(snapshotStore(temp.dir)).toEqual(before);
  });
});
