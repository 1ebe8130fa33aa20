process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import type { Storage } from '../../electron/services/types.js';
import type { Contact } from '../../shared/schema/entities.js';
import { makeTempDir, open, snapshotStore } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let handlers: Handlers;

beforeEach(() => {
  temp = makeTempDir('rapport-pipeline-ipc-');
  storage = open(temp.dir);
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => null) },
    now: () => new Date('2026-12-03T16:00:00.000Z'),
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  handlers = createHandlers(deps);
});
afterEach(() => temp.cleanup());

const call = (channel: string, args: unknown) =>
  dispatch(handlers, channel, args, () => {
    throw new Error('an unexpected error reached the log');
  });

const form = {
  firstName: 'Maya',
  lastName: 'Okafor',
  title: '',
  company: 'Northwind Health',
  industry: '',
  location: '',
  email: '',
  phone: '',
  linkedinUrl: '',
  source: { kind: 'alumni', detail: '' },
  referredById: null,
  tags: [],
  notes: '',
};

async function created(): Promise<Contact> {
  const result = await call('contacts:create', { contact: form });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Contact;
}

describe('the pipeline over IPC', () => {
  it('creates, logs an outreach and shows the follow-ups on the right days', async () => {
    const maya = await created();
    const logged = await call('activities:log', {
      contactId: maya.id,
      kind: 'outreach-sent',
      at: '2026-12-03T15:00:00.000Z',
      summary: 'Intro',
    });
    expect(logged).toMatchObject({ ok: true, value: { contact: { stage: 'contacted' } } });
    const detail = await call('contacts:get', { id: maya.id });
    expect(
      detail.ok && (detail.value as { reminders: { due: string }[] }).reminders.map((r) => r.due),
    ).toEqual(['2026-12-08T14:00:00.000Z', '2026-12-14T14:00:00.000Z']);
    expect(await call('reminders:today', undefined)).toEqual({
      ok: true,
      value: {
        date: '2026-12-03',
        items: [],
        outcomes: [],
        upcomingMeetings: [],
        totals: { outcomes: 0, overdue: 0, due: 0 },
        prospects: { count: 0, next: null },
        contactCount: 1,
      },
    });
    expect(await call('reminders:today', { overdue: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect(await call('contacts:list', undefined)).toMatchObject({
      ok: true,
      value: [{ id: maya.id }],
    });
  });

  it('deletes and undoes through the same table', async () => {
    const maya = await created();
    const deleted = await call('contacts:delete', { id: maya.id });
    expect(deleted).toMatchObject({
      ok: true,
      value: { impact: { meetings: 0, activities: 0, reminders: 0, notes: 0, referrals: 0 } },
    });
    const token = deleted.ok ? (deleted.value as { undoToken: string }).undoToken : '';
    expect(await call('contacts:undoDelete', { undoToken: token })).toEqual({
      ok: true,
      value: maya,
    });
  });
});

describe('hostile and mistaken requests change nothing', () => {
  const tables: Array<[string, string, (ids: { maya: string }) => unknown, string, RegExp]> = [
    [
      'an unknown contact id',
      'contacts:get',
      () => ({ id: 'nope' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'an unknown contact to update',
      'contacts:update',
      () => ({ id: 'nope', contact: form }),
      'not-found',
      /no longer exists/,
    ],
    [
      'an unknown contact to delete',
      'contacts:delete',
      () => ({ id: 'nope' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'an unknown contact to move',
      'contacts:setStage',
      () => ({ id: 'nope', stage: 'met' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'a stage that does not exist',
      'contacts:setStage',
      ({ maya }) => ({ id: maya, stage: 'archived' }),
      'invalid-args',
      /^stage: /,
    ],
    [
      'a self-referral',
      'contacts:update',
      ({ maya }) => ({ id: maya, contact: { ...form, referredById: maya } }),
      'invalid-args',
      /^contact\.referredById: A contact cannot be referred by themselves/,
    ],
    [
      'a referral to nobody',
      'contacts:create',
      () => ({ contact: { ...form, referredById: 'ghost' } }),
      'invalid-args',
      /^contact\.referredById: /,
    ],
    [
      'a blank first name',
      'contacts:create',
      () => ({ contact: { ...form, firstName: ' ' } }),
      'invalid-args',
      /^contact\.firstName: Enter a first name\./,
    ],
    [
      'a bad e-mail',
      'contacts:create',
      () => ({ contact: { ...form, email: 'maya@' } }),
      'invalid-args',
      /^contact\.email: /,
    ],
    [
      'a non-LinkedIn profile URL',
      'contacts:create',
      () => ({ contact: { ...form, linkedinUrl: 'javascript:alert(1)' } }),
      'invalid-args',
      /^contact\.linkedinUrl: /,
    ],
    [
      'an unknown source',
      'contacts:create',
      () => ({ contact: { ...form, source: { kind: 'hr', detail: '' } } }),
      'invalid-args',
      /^contact\.source\.kind: /,
    ],
    [
      'too many tags',
      'contacts:create',
      () => ({ contact: { ...form, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) } }),
      'invalid-args',
      /^contact\.tags: /,
    ],
    [
      'a made-up undo token',
      'contacts:undoDelete',
      () => ({ undoToken: 'x'.repeat(36) }),
      'not-found',
      /can no longer be undone/,
    ],
    [
      'an activity for nobody',
      'activities:log',
      () => ({ contactId: 'nope', kind: 'note', at: '2026-12-03T15:00:00.000Z', summary: '' }),
      'not-found',
      /no longer exists/,
    ],
    [
      'an activity with a date that is not a date',
      'activities:log',
      ({ maya }) => ({ contactId: maya, kind: 'note', at: 'yesterday', summary: '' }),
      'invalid-args',
      /^at: /,
    ],
    [
      'an activity on 30 February',
      'activities:log',
      ({ maya }) => ({ contactId: maya, kind: 'note', at: '2026-02-30T10:00:00Z', summary: '' }),
      'invalid-args',
      /^at: /,
    ],
    [
      'an activity in year 1',
      'activities:log',
      ({ maya }) => ({
        contactId: maya,
        kind: 'outreach-sent',
        at: '0001-01-01T00:00:00Z',
        summary: '',
      }),
      'invalid-args',
      /^at: Enter a date in the year 2000 or later/,
    ],
    [
      'an activity next week',
      'activities:log',
      ({ maya }) => ({
        contactId: maya,
        kind: 'outreach-sent',
        at: '2026-12-10T15:00:00.000Z',
        summary: '',
      }),
      'invalid-args',
      /^at: That date is in the future/,
    ],
    [
      'a stage change logged by hand',
      'activities:log',
      ({ maya }) => ({
        contactId: maya,
        kind: 'stage-change',
        at: '2026-12-03T15:00:00.000Z',
        summary: '',
      }),
      'invalid-args',
      /^kind: /,
    ],
    [
      'a snooze for an unknown reminder',
      'reminders:snooze',
      () => ({ id: 'nope', until: '2026-12-04T15:00:00.000Z' }),
      'not-found',
      /reminder no longer exists/,
    ],
    [
      'a snooze into the past',
      'reminders:snooze',
      () => ({ id: 'nope', until: '2026-12-01T15:00:00.000Z' }),
      'invalid-args',
      /^until: Choose a time later than now/,
    ],
    [
      'a snooze to the year 9999',
      'reminders:snooze',
      () => ({ id: 'nope', until: '9999-12-31T00:00:00.000Z' }),
      'invalid-args',
      /^until: Snooze for a year at most/,
    ],
    [
      'a snooze with a bad date',
      'reminders:snooze',
      () => ({ id: 'nope', until: '2026-13-01T00:00:00Z' }),
      'invalid-args',
      /^until: /,
    ],
    [
      'done for an unknown reminder',
      'reminders:done',
      () => ({ id: 'nope' }),
      'not-found',
      /reminder no longer exists/,
    ],
  ];

  it.each(tables)('%s (%s) answers %s', async (_case, channel, args, code, message) => {
    const maya = await created();
    const before = snapshotStore(temp.dir);
    const result = await call(channel, args({ maya: maya.id }));
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect(snapshotStore(temp.dir)).toEqual(before);
  });
});
