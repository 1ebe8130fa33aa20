process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import { createUndoJournal } from '../../electron/services/undo.js';
import type { Storage } from '../../electron/services/types.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type { UndoTicket } from '../../shared/schema/effects.js';
import type { Meeting, ThankYouNote } from '../../shared/schema/entities.js';
import type { MeetingChange } from '../../shared/schema/meetings.js';
import type { ContactDetail } from '../../shared/schema/pipeline.js';
import { makeContact, makeTempDir, manualClock, open } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let handlers: Handlers;

beforeEach(() => {
  temp = makeTempDir('rapport-undo-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => null) },
    now: clock.now,
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  handlers = createHandlers(deps);
  storage.transact((tx) => {
    tx.put('contacts', makeContact('maya', { firstName: 'Maya', lastName: 'Okafor' }));
  });
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

/** Everything in the store, as plain data (activities and preps included). */
const everything = (): Dataset => structuredClone(storage.read()) as Dataset;

async function ticket(channel: string, args: unknown): Promise<UndoTicket> {
  const { undo } = await value<{ undo: UndoTicket | null }>(channel, args);
  if (undo === null) throw new Error(`${channel} gave no undo ticket`);
  return undo;
}

async function meetingWithMaya(): Promise<Meeting> {
  const { meeting } = await value<MeetingChange>('meetings:schedule', {
    contactId: 'maya',
    start: '2026-12-03T15:00:00.000Z',
    place: 'Northwind Health',
  });
  return meeting;
}

describe('undo of the quick actions', () => {
  it('puts a stage move back with its timeline entry and reminders, on disk too', async () => {
    await value('activities:log', {
      contactId: 'maya',
      kind: 'outreach-sent',
      at: '2026-12-03T15:00:00.000Z',
      summary: 'Intro',
    });
    const before = everything();
    const undo = await ticket('contacts:setStage', { id: 'maya', stage: 'declined' });
    expect(undo.label).toBe('Moved Maya Okafor to Declined');
    // Declining cancelled the 3B7 follow-ups and logged the move.
    expect(everything()).not.toEqual(before);

    expect(await value('app:undo', { token: undo.token })).toEqual({
      undone: 'Undone: Moved Maya Okafor to Declined.',
    });
    expect(everything()).toEqual(before);
    storage.close();
    const reopened = open(temp.dir);
    expect(structuredClone(reopened.read())).toEqual(before);
    reopened.close();
  });

  it('puts back Done and Snooze on a reminder', async () => {
    await value('activities:log', {
      contactId: 'maya',
      kind: 'outreach-sent',
      at: '2026-12-03T15:00:00.000Z',
      summary: 'Intro',
    });
    const { reminders } = await value<ContactDetail>('contacts:get', { id: 'maya' });
    const first = reminders[0]!;
    const before = everything();

    const done = await ticket('reminders:done', { id: first.id });
    expect(done.label).toBe(`Marked “${first.title}” for Maya Okafor done`);
    await value('app:undo', { token: done.token });
    expect(everything()).toEqual(before);

    const snoozed = await ticket('reminders:snooze', {
      id: first.id,
      until: '2026-12-20T14:00:00.000Z',
    });
    expect(snoozed.label).toBe(`Snoozed “${first.title}” for Maya Okafor`);
    await value('app:undo', { token: snoozed.token });
    expect(everything()).toEqual(before);
  });

  it('puts back marking a meeting held and a thank-you note sent', async () => {
    const meeting = await meetingWithMaya();
    clock.set('2026-12-03T18:00:00.000Z');
    const beforeHeld = everything();
    const held = await ticket('meetings:markHeld', { id: meeting.id });
    expect(held.label).toBe('Marked the meeting with Maya Okafor as held');

    const note = await value<ThankYouNote>('thanks:save', {
      purpose: 'thank-you',
      contactId: 'maya',
      meetingId: meeting.id,
      templateId: null,
      subject: 'Thanks',
      body: 'Thank you for your time and the advice about SQL.',
    });
    const beforeSent = everything();
    const sent = await ticket('thanks:markSent', { id: note.id });
    expect(sent.label).toBe('Marked the thank-you note to Maya Okafor as sent');
    await value('app:undo', { token: sent.token });
    expect(everything()).toEqual(beforeSent);

    await value('thanks:discardDraft', { id: note.id });
    await value('app:undo', { token: held.token });
    expect(everything()).toEqual(beforeHeld);
  });

  it('refuses, changing nothing, once something it touched was changed again', async () => {
    const undo = await ticket('contacts:setStage', { id: 'maya', stage: 'scheduled' });
    await value('contacts:setStage', { id: 'maya', stage: 'met' });
    const now = everything();
    const result = await call('app:undo', { token: undo.token });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/changed again since/) },
    });
    expect(everything()).toEqual(now);
  });

  it('gives no ticket when nothing changed or the action failed, and a plain message for an old one', async () => {
    expect(await value('contacts:setStage', { id: 'maya', stage: 'prospect' })).toMatchObject({
      undo: null,
    });
    const gone = await call('contacts:setStage', { id: 'nobody', stage: 'met' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const unknown = await call('app:undo', { token: 'no-such-token' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/can no longer be undone/) },
    });
    const undo = await ticket('contacts:setStage', { id: 'maya', stage: 'met' });
    await value('app:undo', { token: undo.token });
    expect(await call('app:undo', { token: undo.token })).toMatchObject({ ok: false });
  });

  it('keeps the last actions only, and records nothing outside an action', () => {
    let n = 0;
    const journal = createUndoJournal(storage, { limit: 2, newId: () => `t${(n += 1)}` });
    journal.storage.transact((tx) => tx.put('contacts', makeContact('lee')));
    const move = (stage: 'contacted' | 'met' | 'thanked') =>
      journal.record(
        () => {
          journal.storage.transact((tx) =>
            tx.put('contacts', { ...tx.get('contacts', 'lee')!, stage }),
          );
          return { stage };
        },
        () => `Moved Lee to ${stage}`,
      );
    const tickets = [move('contacted'), move('met'), move('thanked')].map((r) => r.undo!.token);
    expect(tickets).toEqual(['t1', 't2', 't3']);
    expect(() => journal.undo('t1')).toThrow(/last 2 actions/);
    expect(journal.undo('t3')).toEqual({ undone: 'Undone: Moved Lee to thanked.' });
    expect(storage.get('contacts', 'lee')?.stage).toBe('met');
    expect(() =>
      journal.record(
        () => Promise.resolve({}),
        () => '',
      ),
    ).toThrow(/synchronous/);
  });
});
