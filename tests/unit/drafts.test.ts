process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import {
  createOutreachDraftsService,
  type OutreachDraftsService,
} from '../../electron/services/outreach-drafts.js';
import type { Storage } from '../../electron/services/types.js';
import type { OutreachDraft, ThankYouNote } from '../../shared/schema/entities.js';
import type { OutreachDraftSummary } from '../../shared/schema/outreach.js';
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
let drafts: OutreachDraftsService;
let handlers: Handlers;
let emitted: unknown[];

beforeEach(() => {
  temp = makeTempDir('rapport-drafts-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  let n = 0;
  drafts = createOutreachDraftsService({ storage, now: clock.now, newId: () => `draft-${++n}` });
  emitted = [];
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => null) },
    now: clock.now,
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: (_event, payload) => void emitted.push(payload),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  handlers = createHandlers(deps);
  storage.transact((tx) => {
    tx.put('contacts', makeContact('maya', { firstName: 'Maya', lastName: 'Okafor' }));
    tx.put('contacts', makeContact('ana', { firstName: 'Ana', lastName: 'Lind' }));
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

const draftsOf = (contactId: string) =>
  Object.values(storage.read().outreach).filter((d) => d.contactId === contactId);

describe('the outreach drafts service', () => {
  it('has no draft for a contact until one is saved', () => {
    expect(drafts.get('maya')).toBeNull();
    expect(drafts.list()).toEqual([]);
  });

  it('keeps one draft per contact: a second save replaces the text of the first', () => {
    const first = drafts.save({ contactId: 'maya', subject: 'Hello', body: 'Hi Maya,' });
    clock.advance(60_000);
    const second = drafts.save({
      contactId: 'maya',
      subject: 'Hello',
      body: 'Hi Maya, a question?',
    });
    expect(second).toEqual({
      id: first.id,
      contactId: 'maya',
      subject: 'Hello',
      body: 'Hi Maya, a question?',
      updatedAt: '2026-12-03T16:01:00.000Z',
    });
    expect(draftsOf('maya')).toEqual([second]);
    expect(drafts.get('maya')).toEqual(second);
  });

  it('writes nothing when the text did not change', () => {
    drafts.save({ contactId: 'maya', subject: 'Hello', body: 'Hi Maya,' });
    const before = snapshotStore(temp.dir);
    clock.advance(60_000);
    const again = drafts.save({ contactId: 'maya', subject: 'Hello', body: 'Hi Maya,' });
    expect(again.updatedAt).toBe('2026-12-03T16:00:00.000Z');
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it('lists drafts with their contact, most recently edited first, and drops extra drafts on save', () => {
    drafts.save({ contactId: 'maya', subject: 'To Maya', body: 'Hi' });
    clock.advance(60_000);
    drafts.save({ contactId: 'ana', subject: 'To Ana', body: 'Hi' });
    expect(drafts.list().map((row) => [row.contact.firstName, row.draft.subject])).toEqual([
      ['Ana', 'To Ana'],
      ['Maya', 'To Maya'],
    ]);
    // An imported file could hold two drafts for one person: the newest is the one shown.
    storage.transact((tx) =>
      tx.put('outreach', {
        id: 'older',
        contactId: 'maya',
        subject: 'Old',
        body: 'Old',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(drafts.get('maya')?.subject).toBe('To Maya');
    expect(drafts.list()).toHaveLength(2);
    drafts.save({ contactId: 'maya', subject: 'New', body: 'New' });
    expect(draftsOf('maya').map((d) => d.subject)).toEqual(['New']);
  });

  it('discards the draft, and discarding again is harmless', () => {
    drafts.save({ contactId: 'maya', subject: 'Hello', body: 'Hi' });
    expect(drafts.discard('maya')).toBeNull();
    expect(drafts.get('maya')).toBeNull();
    const before = snapshotStore(temp.dir);
    expect(drafts.discard('maya')).toBeNull();
    expect(drafts.discard('nobody')).toBeNull();
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it.each([
    ['an unknown contact', { contactId: 'nobody', subject: '', body: '' }, /no longer exists/],
    ['no contact id', { subject: '', body: '' }, /^contactId:/],
    [
      'a subject that is too long',
      { contactId: 'maya', subject: 'x'.repeat(301), body: '' },
      /subject/,
    ],
    [
      'a body that is too long',
      { contactId: 'maya', subject: '', body: 'x'.repeat(20_001) },
      /body/,
    ],
    ['a body that is not text', { contactId: 'maya', subject: '', body: 42 }, /body/],
    [
      'a prototype key as contact',
      { contactId: '__proto__', subject: '', body: '' },
      /no longer exists/,
    ],
  ])('refuses to save a draft with %s and writes nothing', (_case, input, message) => {
    const before = snapshotStore(temp.dir);
    expect(() => drafts.save(input as never)).toThrow(message);
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it('says the contact is gone when asked for the draft of someone deleted', () => {
    expect(() => drafts.get('nobody')).toThrow(/no longer exists/);
  });
});

describe('outreach drafts over IPC', () => {
  it('saves, reads, lists and discards a draft, and tells the renderer each change', async () => {
    const saved = await value<OutreachDraft>('outreach:saveDraft', {
      contactId: 'maya',
      subject: 'Fellow alum',
      body: 'Hi Maya, could we talk?',
    });
    expect(await value('outreach:draft', { contactId: 'maya' })).toEqual(saved);
    const list = await value<OutreachDraftSummary[]>('outreach:drafts');
    expect(list.map((row) => [row.contact.id, row.draft.id])).toEqual([['maya', saved.id]]);
    expect(emitted).toContainEqual(expect.objectContaining({ collections: ['outreach'] }));
    emitted = [];
    expect(await value('outreach:discardDraft', { contactId: 'maya' })).toBeNull();
    expect(await value('outreach:draft', { contactId: 'maya' })).toBeNull();
    expect(emitted).toEqual([expect.objectContaining({ collections: ['outreach'] })]);
  });

  it.each([
    ['outreach:draft', { contactId: '' }],
    ['outreach:draft', undefined],
    ['outreach:saveDraft', { contactId: 'maya', subject: 'x' }],
    ['outreach:saveDraft', { contactId: 'maya', subject: 'x', body: 'x'.repeat(20_001) }],
    ['outreach:discardDraft', { contactId: 7 }],
    ['outreach:drafts', { all: true }],
    ['thanks:discardDraft', { id: '' }],
  ])('refuses %s with malformed arguments %j', async (channel, args) => {
    const before = snapshotStore(temp.dir);
    expect(await call(channel, args)).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(snapshotStore(temp.dir)).toEqual(before);
  });

  it('removes the draft in the same change that logs the outreach e-mail as sent', async () => {
    await value('outreach:saveDraft', { contactId: 'maya', subject: 'Hello', body: 'Hi' });
    await value('outreach:saveDraft', { contactId: 'ana', subject: 'Hello', body: 'Hi' });
    emitted = [];
    await value('activities:log', {
      contactId: 'maya',
      kind: 'outreach-sent',
      at: '2026-12-03T15:30:00.000Z',
      summary: 'Hello',
    });
    expect(draftsOf('maya')).toEqual([]);
    // Someone else's draft stays, and so does a draft when something else is logged.
    expect(draftsOf('ana')).toHaveLength(1);
    expect(emitted).toHaveLength(1);
    expect((emitted[0] as { collections: string[] }).collections).toContain('outreach');
    await value('activities:log', {
      contactId: 'ana',
      kind: 'call',
      at: '2026-12-03T15:30:00.000Z',
      summary: 'Chatted',
    });
    expect(draftsOf('ana')).toHaveLength(1);
  });

  it('removes a contact’s draft with the contact, and undo brings it back', async () => {
    await value('outreach:saveDraft', { contactId: 'maya', subject: 'Hello', body: 'Hi' });
    const { undoToken } = await value<{ undoToken: string }>('contacts:delete', { id: 'maya' });
    expect(await value('outreach:drafts')).toEqual([]);
    expect(await call('outreach:draft', { contactId: 'maya' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await value('contacts:undoDelete', { undoToken });
    expect(await value<OutreachDraft>('outreach:draft', { contactId: 'maya' })).toMatchObject({
      subject: 'Hello',
    });
  });
});

describe('discarding a thank-you draft', () => {
  const save = () =>
    value<ThankYouNote>('thanks:save', {
      contactId: 'maya',
      meetingId: null,
      templateId: null,
      subject: 'Thank you',
      body: 'Dear Maya, thank you for the advice about SQL.',
    });

  it('removes a note that was never sent; a note already gone is harmless', async () => {
    const note = await save();
    expect(await value('thanks:discardDraft', { id: note.id })).toBeNull();
    expect(await value('thanks:list', { contactId: 'maya' })).toEqual([]);
    expect(await value('thanks:discardDraft', { id: note.id })).toBeNull();
  });

  it('refuses to discard a sent note and keeps it', async () => {
    const note = await save();
    await value('thanks:markSent', { id: note.id });
    const before = snapshotStore(temp.dir);
    const result = await call('thanks:discardDraft', { id: note.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && result.error.message).toMatch(/already sent/);
    expect(snapshotStore(temp.dir)).toEqual(before);
  });
});
