// Due dates are 09:00 local: fix the zone before any Date is used.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import {
  curmudgeonFrom,
  followUpTitle,
  isCurmudgeon,
  planFollowUpSent,
  planOutreach,
  planReply,
} from '../../shared/domain/three-b-seven.js';
import type { Activity, Contact, Reminder } from '../../shared/schema/entities.js';
import { makeActivity, makeContact } from './helpers/storage-fixtures.js';

// Outreach on Thursday 2026-12-03 at 10:00 New York time.
const SENT = '2026-12-03T15:00:00.000Z';
const DAY3 = '2026-12-08T14:00:00.000Z';
const DAY7 = '2026-12-14T14:00:00.000Z';

const maya = makeContact('maya', { firstName: 'Maya', company: 'Northwind Health' });
const outreach = makeActivity('out-1', 'maya', { kind: 'outreach-sent', at: SENT });

function reminder(id: string, overrides: Partial<Reminder> = {}): Reminder {
  return {
    id,
    contactId: 'maya',
    kind: 'follow-up-3',
    due: DAY3,
    status: 'open',
    snoozedUntil: null,
    createdBy: 'out-1',
    title: 'x',
    ...overrides,
  };
}

const day3 = reminder('r3');
const day7 = reminder('r7', { kind: 'follow-up-7', due: DAY7 });

function ids(n = 0) {
  return () => `id-${(n += 1)}`;
}

describe('follow-up titles', () => {
  it.each([
    [
      'follow-up-3',
      'Maya',
      'Northwind Health',
      'No reply from Maya yet: contact the next person at Northwind Health',
    ],
    ['follow-up-3', 'Maya', '', 'No reply from Maya yet: contact the next person on your list'],
    ['follow-up-7', 'Maya', 'Northwind Health', 'Send Maya one follow-up'],
    ['follow-up-7', '  ', 'Acme', 'Send this contact one follow-up'],
  ] as const)('%s for %j at %j reads %j', (kind, firstName, company, title) => {
    expect(followUpTitle(kind, { firstName, company })).toBe(title);
  });
});

describe('planning the follow-ups of an outreach', () => {
  it('sets the day-3 and day-7 reminders at 09:00 on the right business days', () => {
    const plan = planOutreach({ outreach, contact: maya, reminders: [], newId: ids() });
    expect(plan.cancel).toEqual([]);
    expect(plan.create).toEqual([
      {
        id: 'id-1',
        contactId: 'maya',
        kind: 'follow-up-3',
        due: DAY3,
        status: 'open',
        snoozedUntil: null,
        createdBy: 'out-1',
        title: 'No reply from Maya yet: contact the next person at Northwind Health',
      },
      {
        id: 'id-2',
        contactId: 'maya',
        kind: 'follow-up-7',
        due: DAY7,
        status: 'open',
        snoozedUntil: null,
        createdBy: 'out-1',
        title: 'Send Maya one follow-up',
      },
    ]);
  });

  it('skips the holidays in the settings', () => {
    const plan = planOutreach({
      outreach,
      contact: maya,
      reminders: [],
      holidays: ['2026-12-08', '2026-12-11'],
      newId: ids(),
    });
    expect(plan.create.map((r) => r.due)).toEqual([
      '2026-12-09T14:00:00.000Z',
      '2026-12-16T14:00:00.000Z',
    ]);
  });

  it('replaces the pending follow-ups of an earlier outreach, and only those', () => {
    const earlier = [
      reminder('old-3', { createdBy: 'out-0' }),
      reminder('old-7', {
        kind: 'follow-up-7',
        createdBy: 'out-0',
        status: 'snoozed',
        snoozedUntil: DAY7,
      }),
      reminder('old-done', { createdBy: 'out-0', status: 'done' }),
      reminder('thanks', { kind: 'thank-you-due', createdBy: 'meeting-1' }),
    ];
    const plan = planOutreach({ outreach, contact: maya, reminders: earlier, newId: ids() });
    expect(plan.cancel.map((r) => [r.id, r.status, r.snoozedUntil])).toEqual([
      ['old-3', 'cancelled', null],
      ['old-7', 'cancelled', null],
    ]);
  });
});

describe('a reply', () => {
  it.each([
    ['the same afternoon', '2026-12-03T20:00:00.000Z', 'booster'],
    ['over the weekend', '2026-12-05T15:00:00.000Z', 'booster'],
    ['one minute before the day-3 reminder', '2026-12-08T13:59:00.000Z', 'booster'],
    ['exactly when the day-3 reminder falls due', DAY3, 'obligate'],
    ['between day 3 and day 7', '2026-12-10T15:00:00.000Z', 'obligate'],
    ['after the day-7 follow-up', '2026-12-20T15:00:00.000Z', 'obligate'],
  ] as const)('%s labels the contact %s and cancels the pending follow-ups', (_case, at, label) => {
    const plan = planReply({
      reply: { at },
      activities: [outreach],
      reminders: [day3, day7],
    });
    expect(plan.responsiveness).toBe(label);
    expect(plan.outreach?.id).toBe('out-1');
    expect(plan.cancel.map((r) => [r.id, r.status])).toEqual([
      ['r3', 'cancelled'],
      ['r7', 'cancelled'],
    ]);
  });

  it('leaves done follow-ups done and cancels only the pending ones', () => {
    const plan = planReply({
      reply: { at: '2026-12-10T15:00:00.000Z' },
      activities: [outreach],
      reminders: [
        { ...day3, status: 'done' },
        { ...day7, status: 'snoozed', snoozedUntil: DAY7 },
      ],
    });
    expect(plan.cancel.map((r) => [r.id, r.status, r.snoozedUntil])).toEqual([
      ['r7', 'cancelled', null],
    ]);
  });

  it('judges by the stored day-3 date, even if the holidays changed since', () => {
    const plan = planReply({
      reply: { at: '2026-12-08T15:00:00.000Z' },
      activities: [outreach],
      reminders: [{ ...day3, due: '2026-12-09T14:00:00.000Z' }],
      holidays: [],
    });
    expect(plan.responsiveness).toBe('booster');
  });

  it('computes the day-3 date when the reminder is gone', () => {
    const plan = planReply({
      reply: { at: '2026-12-08T15:00:00.000Z' },
      activities: [outreach],
      reminders: [],
      holidays: ['2026-12-08'],
    });
    expect(plan.responsiveness).toBe('booster');
    expect(plan.cancel).toEqual([]);
  });

  it('dated before any outreach changes nothing', () => {
    const plan = planReply({
      reply: { at: '2026-12-01T15:00:00.000Z' },
      activities: [outreach],
      reminders: [day3, day7],
    });
    expect(plan).toEqual({ outreach: null, cancel: [], responsiveness: null });
  });

  it('answers the latest outreach sent before it, not a later one', () => {
    const later = makeActivity('out-2', 'maya', {
      kind: 'outreach-sent',
      at: '2026-12-20T15:00:00.000Z',
    });
    const plan = planReply({
      reply: { at: '2026-12-04T15:00:00.000Z' },
      activities: [outreach, later],
      reminders: [
        day3,
        day7,
        reminder('r3-later', { createdBy: 'out-2', due: '2026-12-23T14:00:00.000Z' }),
      ],
    });
    expect(plan.outreach?.id).toBe('out-1');
    expect(plan.responsiveness).toBe('booster');
    expect(plan.cancel.map((r) => r.id)).toEqual(['r3', 'r7']);
  });
});

describe('logging the one follow-up e-mail', () => {
  it('closes the pending day-7 reminder of the outreach it follows, not the day-3 one', () => {
    const done = planFollowUpSent({
      sent: { at: '2026-12-14T16:00:00.000Z' },
      activities: [outreach],
      reminders: [day3, day7],
    });
    expect(done.map((r) => [r.id, r.status])).toEqual([['r7', 'done']]);
  });

  it('does nothing without an earlier outreach', () => {
    expect(
      planFollowUpSent({
        sent: { at: '2026-12-01T16:00:00.000Z' },
        activities: [outreach],
        reminders: [day7],
      }),
    ).toEqual([]);
  });
});

describe('curmudgeons', () => {
  const WAIT = 14;
  // Day 7 falls due Mon 2026-12-14 09:00; 14 days later is Mon 2026-12-28 09:00 EST.
  const THRESHOLD = '2026-12-28T14:00:00.000Z';
  const JUST_BEFORE = '2026-12-28T13:59:59.999Z';

  it('become due 09:00 local, the waiting days after the day-7 follow-up', () => {
    expect(curmudgeonFrom(new Date(DAY7), WAIT).toISOString()).toBe(THRESHOLD);
  });

  const base = {
    contact: { stage: 'contacted', responsiveness: 'unknown' } as Pick<
      Contact,
      'stage' | 'responsiveness'
    >,
    activities: [outreach] as Activity[],
    reminders: [day3, day7] as Reminder[],
    now: THRESHOLD,
  };
  const reply = makeActivity('reply', 'maya', {
    kind: 'reply-received',
    at: '2026-12-27T10:00:00.000Z',
  });
  const oldReply = makeActivity('old-reply', 'maya', {
    kind: 'reply-received',
    at: '2026-11-01T10:00:00.000Z',
  });
  const newer = makeActivity('out-2', 'maya', {
    kind: 'outreach-sent',
    at: '2026-12-20T15:00:00.000Z',
  });

  it.each([
    ['silent once the waiting period is over', {}, true],
    ['not yet, a moment before the waiting period ends', { now: JUST_BEFORE }, false],
    [
      'even if the day-7 follow-up was sent and marked done',
      { reminders: [day3, { ...day7, status: 'done' }] },
      true,
    ],
    [
      'when moved to No reply (follow-ups cancelled)',
      {
        contact: { stage: 'no-reply', responsiveness: 'unknown' },
        reminders: [
          { ...day3, status: 'cancelled' },
          { ...day7, status: 'cancelled' },
        ],
      },
      true,
    ],
    [
      'still a prospect (stage moved back by hand)',
      { contact: { stage: 'prospect', responsiveness: 'unknown' } },
      true,
    ],
    ['not after a reply, however late', { activities: [outreach, reply] }, false],
    ['even if they answered an older outreach', { activities: [oldReply, outreach] }, true],
    [
      'not when already labelled',
      { contact: { stage: 'contacted', responsiveness: 'obligate' } },
      false,
    ],
    [
      'not once a meeting is scheduled',
      { contact: { stage: 'scheduled', responsiveness: 'unknown' } },
      false,
    ],
    [
      'not when they declined',
      { contact: { stage: 'declined', responsiveness: 'unknown' } },
      false,
    ],
    ['not without any outreach', { activities: [] }, false],
    ['not while a newer outreach is still waiting', { activities: [outreach, newer] }, false],
    ['using the computed day 7 when its reminder is gone', { reminders: [] }, true],
  ] as const)('%s', (_case, overrides, expected) => {
    const input = { ...base, ...overrides } as typeof base;
    expect(
      isCurmudgeon({
        contact: input.contact,
        activities: input.activities,
        reminders: input.reminders,
        now: new Date(input.now),
        waitDays: WAIT,
      }),
    ).toBe(expected);
  });
});
