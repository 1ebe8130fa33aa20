process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPipelineService, type PipelineService } from '../../electron/services/pipeline.js';
import { buildTodayView } from '../../electron/services/reminders.js';
import { runWork } from '../../electron/services/unit-of-work.js';
import type { Storage } from '../../electron/services/types.js';
import { reminderInstant } from '../../shared/domain/business-days.js';
import {
  makeContact,
  makeTempDir,
  manualClock,
  open,
  makeReminder,
} from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let pipeline: PipelineService;

beforeEach(() => {
  temp = makeTempDir('rapport-reminders-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  pipeline = createPipelineService({ storage, now: clock.now });
  storage.transact((tx) => {
    tx.put('contacts', makeContact('maya', { firstName: 'Maya', stage: 'contacted' }));
    tx.put('contacts', makeContact('lee', { firstName: 'Lee', stage: 'prospect' }));
  });
});
afterEach(() => temp.cleanup());

describe('the reminder engine beyond 3B7', () => {
  it('shows a reminder of another kind on Today, without day-3 suggestions', () => {
    storage.transact((tx) =>
      tx.put(
        'reminders',
        makeReminder({
          id: 'thanks',
          contactId: 'maya',
          kind: 'thank-you-due',
          due: reminderInstant('2026-12-03'),
          title: 'Send Maya a thank-you note',
          createdBy: 'meeting-1',
        }),
      ),
    );
    const view = pipeline.today();
    expect(
      view.items.map((i) => [i.reminder.id, i.reminder.title, i.overdue, i.suggestions]),
    ).toEqual([['thanks', 'Send Maya a thank-you note', false, []]]);
    expect(pipeline.done('thanks').reminder.status).toBe('done');
    expect(pipeline.today().items).toEqual([]);
  });

  it('cancels only the pending reminders a caller selects', () => {
    const make = (id: string, kind: 'report-back' | 'custom', status: 'open' | 'done') => ({
      ...makeReminder({ id, contactId: 'maya', kind, due: new Date(), title: id, createdBy: null }),
      status,
    });
    storage.transact((tx) => {
      tx.put('reminders', make('a', 'report-back', 'open'));
      tx.put('reminders', make('b', 'report-back', 'done'));
      tx.put('reminders', make('c', 'custom', 'open'));
    });
    const cancelled = runWork({ storage, now: clock.now, newId: () => 'unused' }, (work) =>
      work.cancelReminders('maya', (r) => r.kind === 'report-back'),
    ).value;
    expect(cancelled.map((r) => r.id)).toEqual(['a']);
    const statuses = Object.values(storage.read().reminders).map((r) => [r.id, r.status]);
    expect(statuses.sort()).toEqual([
      ['a', 'cancelled'],
      ['b', 'done'],
      ['c', 'open'],
    ]);
  });

  it('skips reminders whose contact is gone instead of failing the whole view', () => {
    const data = structuredClone(storage.read());
    data.reminders.orphan = makeReminder({
      id: 'orphan',
      contactId: 'deleted-contact',
      kind: 'custom',
      due: new Date('2026-12-01T14:00:00.000Z'),
      title: 'Orphan',
      createdBy: null,
    });
    expect(buildTodayView(data, clock.now()).items).toEqual([]);
  });
});

describe('Today a page at a time', () => {
  it('sends the first 50 rows of each list and the totals, contacts without their notes', () => {
    storage.transact((tx) => {
      tx.put('contacts', makeContact('noted', { firstName: 'Noted', notes: 'x'.repeat(5_000) }));
      for (let n = 0; n < 120; n += 1)
        tx.put(
          'reminders',
          makeReminder({
            id: `late-${String(n).padStart(3, '0')}`,
            contactId: 'noted',
            kind: 'custom',
            due: reminderInstant('2026-11-02'),
            title: `Late ${n}`,
            createdBy: null,
          }),
        );
      for (let n = 0; n < 3; n += 1)
        tx.put(
          'reminders',
          makeReminder({
            id: `due-${n}`,
            contactId: 'maya',
            kind: 'custom',
            due: reminderInstant('2026-12-03'),
            title: `Due ${n}`,
            createdBy: null,
          }),
        );
    });
    const first = pipeline.today();
    expect(first.totals).toEqual({ outcomes: 0, overdue: 120, due: 3 });
    expect(first.items.filter((i) => i.overdue).map((i) => i.reminder.id)).toEqual(
      Array.from({ length: 50 }, (_, n) => `late-${String(n).padStart(3, '0')}`),
    );
    expect(first.items.filter((i) => !i.overdue)).toHaveLength(3);
    expect(first.items.every((i) => !('notes' in i.contact))).toBe(true);
    const more = pipeline.today({ overdue: 100 });
    expect(more.items.filter((i) => i.overdue)).toHaveLength(100);
    expect(more.totals.overdue).toBe(120);
    expect(pipeline.today({ overdue: 500, due: 1 }).items).toHaveLength(121);
  });

  it('names the prospect waiting longest, for the next step when nothing is due', () => {
    storage.transact((tx) => {
      tx.put(
        'contacts',
        makeContact('old', {
          firstName: 'Olga',
          stage: 'prospect',
          createdAt: '2026-01-02T10:00:00.000Z',
        }),
      );
      tx.put(
        'contacts',
        makeContact('new', {
          firstName: 'Nia',
          stage: 'prospect',
          createdAt: '2026-11-02T10:00:00.000Z',
        }),
      );
    });
    // Lee (from beforeEach) is a prospect too; Maya was contacted.
    const { prospects } = pipeline.today();
    expect(prospects.count).toBe(3);
    expect(prospects.next).toMatchObject({ id: expect.any(String) });
    const all = Object.values(storage.read().contacts).filter((c) => c.stage === 'prospect');
    const oldest = all.reduce((a, b) => (a.createdAt <= b.createdAt ? a : b));
    expect(prospects.next?.id).toBe(oldest.id);
    expect(prospects.next && 'notes' in prospects.next).toBe(false);
  });
});

describe('moving a contact past waiting for a reply', () => {
  it.each(['scheduled', 'declined', 'no-reply'] as const)(
    'to %s cancels the pending follow-ups',
    (stage) => {
      const sent = pipeline.logActivity({
        contactId: 'maya',
        kind: 'outreach-sent',
        at: '2026-12-03T15:00:00.000Z',
        summary: '',
      });
      pipeline.setStage('maya', stage);
      const statuses = sent.effects.reminders.created.map(
        (r) => storage.read().reminders[r.id]?.status,
      );
      expect(statuses).toEqual(['cancelled', 'cancelled']);
      clock.advance(10 * 24 * 60 * 60 * 1000);
      expect(pipeline.today().items).toEqual([]);
    },
  );

  it('back to Prospect keeps them', () => {
    const sent = pipeline.logActivity({
      contactId: 'maya',
      kind: 'outreach-sent',
      at: '2026-12-03T15:00:00.000Z',
      summary: '',
    });
    pipeline.setStage('maya', 'prospect');
    expect(
      sent.effects.reminders.created.map((r) => storage.read().reminders[r.id]?.status),
    ).toEqual(['open', 'open']);
  });
});
