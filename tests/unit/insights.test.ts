// Weeks start at local midnight on Monday: fix the zone (with a DST change) before any Date is used.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import {
  computeInsights,
  computeInsightsSliced,
  MAX_OPEN_WEEKS,
  type Insights,
  type InsightsInput,
  type InsightsOptions,
} from '../../shared/domain/insights.js';
import { THANK_YOU_WINDOW_HOURS } from '../../shared/domain/reminder-policy.js';
import {
  SourceKind,
  Stage,
  type Activity,
  type Contact,
  type MeetingRecord,
  type ThankYouNote,
} from '../../shared/schema/entities.js';
import { makeActivity, makeContact } from './helpers/storage-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GOAL = { outreach: 5, meetings: 1 };
const RESPONSIVENESS = ['booster', 'obligate', 'curmudgeon', 'unknown'] as const;

const empty = (): InsightsInput => ({ contacts: [], activities: [], meetings: [], notes: [] });

function meeting(id: string, contactId: string, overrides: Partial<MeetingRecord> = {}) {
  return {
    id,
    contactId,
    start: '2026-03-04T15:00:00.000Z',
    minutes: 30,
    mode: 'in-person',
    place: '',
    link: '',
    status: 'held',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  } satisfies MeetingRecord;
}

function note(id: string, contactId: string, overrides: Partial<ThankYouNote> = {}) {
  return {
    id,
    purpose: 'thank-you',
    contactId,
    aboutContactId: null,
    meetingId: null,
    templateId: null,
    subject: '',
    body: 'Thank you.',
    createdAt: '2026-01-01T00:00:00.000Z',
    sentAt: null,
    exportedFile: '',
    ...overrides,
  } satisfies ThankYouNote;
}

const options = (from: string | null, to: string): InsightsOptions => ({
  from: from === null ? null : new Date(from),
  to: new Date(to),
  weeklyGoal: GOAL,
});

// ---------------------------------------------------------------------------------------------
// A seeded dataset with the awkward cases mixed in: referrals to later contacts (loops), to
// deleted and to self; activities of deleted contacts; meeting-held echoes of records, by hand
// and naming deleted meetings; thank-yous linked, unlinked, on time, late and missing.

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Size {
  contacts: number;
  activities: number;
  meetings: number;
  notes: number;
}

const BASE = Date.parse('2026-01-05T05:00:00.000Z'); // Monday 00:00 in New York

function generate(size: Size, seed: number): InsightsInput {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const at = (ms: number) => new Date(ms).toISOString();
  const someTime = () => BASE + Math.floor(random() * 300 * DAY);

  const contacts: Contact[] = [];
  for (let n = 0; n < size.contacts; n += 1) {
    const roll = random();
    const referredById =
      n > 0 && roll < 0.15
        ? `c${int(0, n - 1)}`
        : roll < 0.18
          ? `c${int(0, size.contacts - 1)}` // may point forward: loops, and self
          : roll < 0.2
            ? `gone-${n}`
            : null;
    contacts.push(
      makeContact(`c${n}`, {
        firstName: pick(['Ana', 'Ben', 'Zoë', '']) || 'Kai',
        lastName: pick(['Garcia', 'Ångström', '']),
        source: { kind: pick(SourceKind.options), detail: '' },
        referredById,
        stage: pick(Stage.options),
        responsiveness: pick(RESPONSIVENESS),
        createdAt: at(BASE - int(0, 30) * DAY),
      }),
    );
  }
  // Loops on purpose: pairs referring each other, and triangles.
  const refer = (from: number, to: number) => {
    const contact = contacts[to];
    if (contact && from < size.contacts) contact.referredById = `c${from}`;
  };
  for (let n = 0; n + 3 < size.contacts; n += 97) {
    refer(n, n + 1);
    refer(n + 1, n);
    refer(n + 2, n + 3);
  }
  for (let n = 50; n + 2 < size.contacts; n += 131) {
    refer(n, n + 1);
    refer(n + 1, n + 2);
    refer(n + 2, n);
  }
  const contactId = () =>
    random() < 0.02 ? `gone-c${int(0, 50)}` : `c${int(0, size.contacts - 1)}`;

  const meetings: MeetingRecord[] = [];
  for (let n = 0; n < size.meetings; n += 1) {
    meetings.push(
      meeting(`m${n}`, contactId(), {
        start: at(someTime()),
        minutes: pick([20, 30, 45, 60]),
        status: pick(['planned', 'held', 'held', 'cancelled'] as const),
      }),
    );
  }
  const heldMeetings = meetings.filter((m) => m.status === 'held');

  const activities: Activity[] = [];
  const kinds: Activity['kind'][] = [
    'outreach-sent',
    'outreach-sent',
    'outreach-sent',
    'reply-received',
    'reply-received',
    'follow-up-sent',
    'meeting-held',
    'thank-you-sent',
    'note',
    'stage-change',
  ];
  for (let n = 0; n < size.activities; n += 1) {
    let kind = pick(kinds);
    let time = someTime();
    let owner = contactId();
    let meetingId: string | null = null;
    if (kind === 'meeting-held' && heldMeetings.length > 0 && random() < 0.6) {
      // The echo markHeld logs (and sometimes one naming a meeting that was since deleted).
      const held = pick(heldMeetings);
      owner = held.contactId;
      time = Date.parse(held.start) + held.minutes * 60_000;
      meetingId = random() < 0.9 ? held.id : `gone-m${n}`;
    } else if (kind === 'thank-you-sent' && heldMeetings.length > 0 && random() < 0.7) {
      const held = pick(heldMeetings);
      owner = held.contactId;
      time = Date.parse(held.start) + held.minutes * 60_000 + int(-1, 40) * HOUR;
      meetingId = random() < 0.5 ? held.id : null;
    } else if (kind === 'note' && random() < 0.1) {
      kind = 'thank-you-sent';
    }
    activities.push(makeActivity(`a${n}`, owner, { kind, at: at(time), summary: '', meetingId }));
  }

  const notes: ThankYouNote[] = [];
  for (let n = 0; n < size.notes; n += 1) {
    const held = heldMeetings.length > 0 && random() < 0.8 ? pick(heldMeetings) : undefined;
    const owner = held?.contactId ?? contactId();
    const sent =
      held === undefined
        ? someTime()
        : Date.parse(held.start) + held.minutes * 60_000 + int(0, 60) * HOUR;
    notes.push(
      note(`n${n}`, owner, {
        purpose: pick(['thank-you', 'thank-you', 'report-back', 'referrer-thanks'] as const),
        meetingId: held !== undefined && random() < 0.7 ? held.id : null,
        sentAt: random() < 0.6 ? at(sent) : null,
      }),
    );
  }
  return { contacts, activities, meetings, notes };
}

// ---------------------------------------------------------------------------------------------
// The same figures computed the slow, obvious way (filters over whole lists), without sharing
// code with the module under test.

function mondayKey(ms: number): string {
  const d = new Date(ms);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return [
    monday.getFullYear(),
    String(monday.getMonth() + 1).padStart(2, '0'),
    String(monday.getDate()).padStart(2, '0'),
  ].join('-');
}

/** A fixed order for lists compared as sets. */
const byKey = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));

function slowInsights(input: InsightsInput, from: number, to: number) {
  const { contacts, activities, meetings, notes } = input;
  const known = (id: string) => contacts.some((c) => c.id === id);
  const within = (ms: number) => ms >= from && ms <= to;
  const t = Date.parse;

  const held = [
    ...meetings
      .filter((m) => m.status === 'held' && known(m.contactId))
      .map((m) => ({
        id: m.id as string | null,
        contactId: m.contactId,
        at: t(m.start),
        end: t(m.start) + m.minutes * 60_000,
      })),
    ...activities
      .filter(
        (a) =>
          a.kind === 'meeting-held' &&
          known(a.contactId) &&
          (a.meetingId === null || !meetings.some((m) => m.id === a.meetingId)),
      )
      .map((a) => ({ id: null, contactId: a.contactId, at: t(a.at), end: t(a.at) })),
  ];

  const rows = contacts.map((contact) => {
    const mine = activities.filter((a) => a.contactId === contact.id);
    const outreach = mine.filter((a) => a.kind === 'outreach-sent').map((a) => t(a.at));
    const first = outreach.length === 0 ? NaN : Math.min(...outreach);
    const cohort = within(first);
    const after = (kind: Activity['kind']) => mine.some((a) => a.kind === kind && t(a.at) >= first);
    const replied = after('reply-received');
    const met = held.some((m) => m.contactId === contact.id && m.at >= first);
    const thanked =
      after('thank-you-sent') ||
      notes.some(
        (n) =>
          n.contactId === contact.id &&
          n.purpose === 'thank-you' &&
          n.sentAt !== null &&
          t(n.sentAt) >= first,
      );
    const referred = contacts.some((o) => o.referredById === contact.id && o.id !== contact.id);
    const level = !cohort ? 0 : referred ? 5 : thanked ? 4 : met ? 3 : replied ? 2 : 1;
    const meetingsHeld = held.filter((m) => m.contactId === contact.id && within(m.at)).length;
    return { contact, cohort, level, meetingsHeld };
  });

  const funnel = [1, 2, 3, 4, 5].map((step) => rows.filter((r) => r.level >= step).length);

  const group = (members: typeof rows) => ({
    contacts: members.length,
    outreach: members.filter((r) => r.cohort).length,
    replied: members.filter((r) => r.level >= 2).length,
    meetings: members.reduce((sum, r) => sum + r.meetingsHeld, 0),
  });

  const weekCounts = new Map<string, { outreach: number; meetings: number }>();
  const bump = (ms: number, field: 'outreach' | 'meetings') => {
    if (!within(ms)) return;
    const key = mondayKey(ms);
    const week = weekCounts.get(key) ?? { outreach: 0, meetings: 0 };
    week[field] += 1;
    weekCounts.set(key, week);
  };
  for (const a of activities)
    if (a.kind === 'outreach-sent' && known(a.contactId)) bump(t(a.at), 'outreach');
  for (const m of held) bump(m.at, 'meetings');
  const weekKeys: string[] = [];
  for (let day = new Date(from); day.getTime() <= to; day.setDate(day.getDate() + 1)) {
    const key = mondayKey(day.getTime());
    if (weekKeys[weekKeys.length - 1] !== key) weekKeys.push(key);
  }
  if (Number.isFinite(from) && weekKeys[weekKeys.length - 1] !== mondayKey(to))
    weekKeys.push(mondayKey(to));

  const sends = [
    ...activities
      .filter((a) => a.kind === 'thank-you-sent' && known(a.contactId))
      .map((a) => ({ contactId: a.contactId, at: t(a.at), meetingId: a.meetingId })),
    ...notes
      .filter((n) => n.purpose === 'thank-you' && n.sentAt !== null && known(n.contactId))
      .map((n) => ({ contactId: n.contactId, at: t(n.sentAt as string), meetingId: n.meetingId })),
  ];
  const namesHeldOf = (send: (typeof sends)[number]) =>
    held.some((m) => m.id !== null && m.id === send.meetingId && m.contactId === send.contactId);
  const thanks = held
    .filter((m) => within(m.at))
    .map((m) => {
      const credited = sends.filter((s) => {
        if (s.contactId !== m.contactId) return false;
        if (namesHeldOf(s)) return s.meetingId === m.id;
        // Unlinked: the latest held meeting of the contact at or before the send.
        const before = held.filter((o) => o.contactId === m.contactId && o.at <= s.at);
        const latest = Math.max(...before.map((o) => o.at));
        return before.length > 0 && latest === m.at;
      });
      const sent = credited.length === 0 ? null : Math.min(...credited.map((s) => s.at));
      const deadline = m.end + THANK_YOU_WINDOW_HOURS * HOUR;
      const state =
        sent !== null && sent <= deadline
          ? 'on time'
          : sent === null && deadline > to
            ? 'waiting'
            : 'late';
      return { ...m, sent, state };
    });

  // Referral network: a loop loses the referral of its earliest-created member.
  const parentOf = new Map<string, string>();
  for (const c of contacts)
    if (c.referredById !== null && c.referredById !== c.id && known(c.referredById))
      parentOf.set(c.id, c.referredById);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const onLoop = (id: string) => {
    let current = parentOf.get(id);
    for (let steps = 0; current !== undefined && steps <= contacts.length; steps += 1) {
      if (current === id) return true;
      current = parentOf.get(current);
    }
    return false;
  };
  const loops = new Map<string, string[]>();
  for (const c of contacts) {
    if (!onLoop(c.id)) continue;
    const members = [c.id];
    for (let p = parentOf.get(c.id) as string; p !== c.id; p = parentOf.get(p) as string)
      members.push(p);
    loops.set([...members].sort().join(','), members);
  }
  for (const members of loops.values()) {
    const root = [...members].sort((a, b) => {
      const ca = byId.get(a) as Contact;
      const cb = byId.get(b) as Contact;
      return ca.createdAt === cb.createdAt
        ? a < b
          ? -1
          : 1
        : ca.createdAt < cb.createdAt
          ? -1
          : 1;
    })[0] as string;
    parentOf.delete(root);
  }
  const edges = contacts
    .filter((c) => parentOf.has(c.id))
    .map((c) => ({ from: parentOf.get(c.id) as string, to: c.id }));
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));

  return {
    stages: Stage.options.map((stage) => contacts.filter((c) => c.stage === stage).length),
    funnel,
    bySource: SourceKind.options.map((kind) => ({
      ...group(rows.filter((r) => r.contact.source.kind === kind)),
      labels: RESPONSIVENESS.map(
        (label) =>
          contacts.filter((c) => c.source.kind === kind && c.responsiveness === label).length,
      ),
    })),
    byResponsiveness: RESPONSIVENESS.map((label) =>
      group(rows.filter((r) => r.contact.responsiveness === label)),
    ),
    weeks: weekKeys.map((key) => ({
      start: key,
      ...(weekCounts.get(key) ?? { outreach: 0, meetings: 0 }),
    })),
    thanks: {
      held: thanks.length,
      onTime: thanks.filter((m) => m.state === 'on time').length,
      waiting: thanks.filter((m) => m.state === 'waiting').length,
      late: thanks
        .filter((m) => m.state === 'late')
        .map((m) => ({ meetingId: m.id, contactId: m.contactId, sent: m.sent }))
        .sort(byKey),
    },
    loops: loops.size,
    edges,
    nodes: contacts.filter((c) => linked.has(c.id)).map((c) => c.id),
  };
}

function expectMatches(result: Insights, slow: ReturnType<typeof slowInsights>) {
  expect(result.stages.map((s) => s.count)).toEqual(slow.stages);
  expect(result.funnel.map((s) => s.contacts)).toEqual(slow.funnel);
  expect(result.replies.outreach).toBe(slow.funnel[0]);
  expect(result.replies.replied).toBe(slow.funnel[1]);
  expect(
    result.replies.bySource.map((r) => ({
      contacts: r.contacts,
      outreach: r.outreach,
      replied: r.replied,
      meetings: r.meetings,
      labels: RESPONSIVENESS.map((label) => r.responsiveness[label]),
    })),
  ).toEqual(slow.bySource);
  expect(
    result.replies.byResponsiveness.map((r) => ({
      contacts: r.contacts,
      outreach: r.outreach,
      replied: r.replied,
      meetings: r.meetings,
    })),
  ).toEqual(slow.byResponsiveness);
  expect(result.thanks.held).toBe(slow.thanks.held);
  expect(result.thanks.onTime).toBe(slow.thanks.onTime);
  expect(result.thanks.waiting).toBe(slow.thanks.waiting);
  expect(
    result.thanks.late
      .map((gap) => ({
        meetingId: gap.meetingId,
        contactId: gap.contactId,
        sent: gap.sentAt === null ? null : Date.parse(gap.sentAt),
      }))
      .sort(byKey),
  ).toEqual(slow.thanks.late);
  expect(result.network.brokenCycles).toBe(slow.loops);
  expect(result.network.edges).toEqual(slow.edges);
  expect(result.network.nodes.map((n) => n.id)).toEqual(slow.nodes);
}

describe('insights on a seeded dataset', () => {
  const data = generate({ contacts: 600, activities: 3_000, meetings: 250, notes: 150 }, 7);
  const from = '2026-03-02T10:30:00.000Z'; // a Monday morning, DST starts that Sunday week
  const to = '2026-08-20T16:00:00.000Z';
  const result = computeInsights(data, options(from, to));
  const slow = slowInsights(data, Date.parse(from), Date.parse(to));

  it('matches counts computed independently, the slow way', () => {
    expect(slow.funnel[0]).toBeGreaterThan(50);
    expect(slow.thanks.late.length).toBeGreaterThan(5);
    expect(slow.thanks.onTime).toBeGreaterThan(5);
    expect(slow.loops).toBeGreaterThan(0);
    expectMatches(result, slow);
    expect(
      result.weeks.map(({ start, outreach, meetings }) => ({ start, outreach, meetings })),
    ).toEqual(slow.weeks);
  });

  it('matches for several seeds and for all time', () => {
    for (const seed of [1, 2, 3]) {
      const other = generate({ contacts: 300, activities: 1_500, meetings: 120, notes: 80 }, seed);
      const allTime = computeInsights(other, options(null, to));
      expectMatches(allTime, slowInsights(other, -Infinity, Date.parse(to)));
    }
  });

  it('adds up: each meeting held is on time, waiting or late, once per week and per source', () => {
    const { thanks, weeks, replies } = result;
    expect(thanks.onTime + thanks.waiting + thanks.late.length).toBe(thanks.held);
    expect(weeks.reduce((sum, week) => sum + week.meetings, 0)).toBe(thanks.held);
    expect(replies.bySource.reduce((sum, row) => sum + row.meetings, 0)).toBe(thanks.held);
    expect(replies.byResponsiveness.reduce((sum, row) => sum + row.contacts, 0)).toBe(600);
    expect(replies.bySource.reduce((sum, row) => sum + row.outreach, 0)).toBe(replies.outreach);
  });

  it('never widens the funnel and gives conversions from the step before', () => {
    const [first, ...rest] = result.funnel;
    expect(first?.conversion).toBeNull();
    rest.forEach((step, i) => {
      const previous = result.funnel[i]!.contacts;
      expect(step.contacts).toBeLessThanOrEqual(previous);
      expect(step.conversion).toBe(Math.round((step.contacts / previous) * 1_000) / 10);
    });
  });

  it('is plain data that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('leaves its input untouched', () => {
    const copy = structuredClone(data);
    computeInsights(data, options(from, to));
    expect(data).toEqual(copy);
  });
});

describe('insights with nothing in them', () => {
  const result = computeInsights(empty(), options(null, '2026-03-04T17:00:00.000Z'));

  it('lists every stage at zero, in the board order', () => {
    expect(result.stages).toEqual(Stage.options.map((stage) => ({ stage, count: 0 })));
  });

  it('has an empty funnel without conversions', () => {
    expect(result.funnel.map((s) => [s.step, s.contacts, s.conversion])).toEqual([
      ['outreach', 0, null],
      ['reply', 0, null],
      ['meeting', 0, null],
      ['thank-you', 0, null],
      ['referral', 0, null],
    ]);
  });

  it('shows the current week against the goals', () => {
    expect(result.weeks).toEqual([{ start: '2026-03-02', outreach: 0, meetings: 0, goal: GOAL }]);
  });

  it('has no rates, no thank-yous and no network', () => {
    expect(result.replies.rate).toBeNull();
    expect(result.replies.bySource.map((r) => r.kind)).toEqual(SourceKind.options);
    expect(result.replies.byResponsiveness.map((r) => r.responsiveness)).toEqual(RESPONSIVENESS);
    expect(result.thanks).toEqual({
      held: 0,
      onTime: 0,
      waiting: 0,
      share: null,
      late: [],
      unconfirmed: 0,
    });
    expect(result.network).toEqual({ nodes: [], edges: [], brokenCycles: 0 });
  });

  it('gives an empty period when it starts after it ends', () => {
    const backwards = computeInsights(
      { ...empty(), contacts: [makeContact('c1')] },
      options('2026-03-05T00:00:00.000Z', '2026-03-04T00:00:00.000Z'),
    );
    expect(backwards.weeks).toEqual([]);
    expect(backwards.funnel[0]?.contacts).toBe(0);
    expect(backwards.stages.find((s) => s.stage === 'prospect')?.count).toBe(1);
  });

  it.each([
    ['an invalid end', null, 'nonsense'],
    ['an invalid start', 'nonsense', '2026-03-04T00:00:00.000Z'],
  ])('refuses %s', (_, from, to) => {
    expect(() => computeInsights(empty(), options(from, to))).toThrow(RangeError);
  });
});

describe('the period', () => {
  const FROM = '2026-03-02T05:00:00.000Z'; // Monday 2 March, 00:00 New York (EST)
  const TO = '2026-03-15T23:00:00.000Z';
  const contacts = ['in-at-from', 'before-from', 'at-to', 'after-to', 'second-only'].map((id) =>
    makeContact(id),
  );
  const activities = [
    makeActivity('a1', 'in-at-from', { at: FROM }),
    makeActivity('a2', 'before-from', { at: '2026-03-02T04:59:59.999Z' }),
    makeActivity('a3', 'at-to', { at: TO }),
    makeActivity('a4', 'after-to', { at: '2026-03-15T23:00:00.001Z' }),
    // First outreach before the period: the contact is not in the period's funnel, but this
    // e-mail still counts in its week.
    makeActivity('a5', 'second-only', { at: '2026-02-20T15:00:00.000Z' }),
    makeActivity('a6', 'second-only', { at: '2026-03-09T03:30:00.000Z' }), // Sun 23:30 EDT
    makeActivity('a8', 'second-only', { at: '2026-03-09T04:00:00.000Z' }), // Mon 00:00 EDT
    makeActivity('a7', 'ghost', { at: '2026-03-03T15:00:00.000Z' }), // a deleted contact
  ];
  const result = computeInsights({ ...empty(), contacts, activities }, options(FROM, TO));

  it('includes both ends and nothing beyond them', () => {
    expect(result.funnel[0]?.contacts).toBe(2);
    expect(result.replies.bySource.find((r) => r.kind === 'alumni')?.outreach).toBe(2);
  });

  it('puts events in local weeks from Monday, across the change to summer time', () => {
    // 8 March 2026 is the DST change; Monday 9 March starts at 04:00Z, not 05:00Z.
    expect(result.weeks).toEqual([
      { start: '2026-03-02', outreach: 2, meetings: 0, goal: GOAL },
      { start: '2026-03-09', outreach: 2, meetings: 0, goal: GOAL },
    ]);
  });

  it('goes back at most 26 weeks when the period is open', () => {
    const old = makeActivity('old', 'in-at-from', { at: '2024-01-10T15:00:00.000Z' });
    const open = computeInsights(
      { ...empty(), contacts, activities: [...activities, old] },
      options(null, TO),
    );
    expect(open.weeks).toHaveLength(MAX_OPEN_WEEKS);
    expect(open.weeks.at(-1)?.start).toBe('2026-03-09');
    expect(open.weeks[0]?.start).toBe('2025-09-15');
    // The funnel is not limited: everyone with an outreach up to `to` is in it.
    expect(open.funnel[0]?.contacts).toBe(4);
  });

  it('starts an open period at the first event when that is recent', () => {
    const open = computeInsights({ ...empty(), contacts, activities }, options(null, TO));
    expect(open.weeks.map((w) => w.start)).toEqual([
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
  });
});

describe('the funnel', () => {
  const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T15:00:00.000Z`;
  const contacts = [
    makeContact('replied'),
    makeContact('met-without-reply'),
    makeContact('reply-before-outreach'),
    makeContact('thanked'),
    makeContact('referrer'),
    makeContact('introduced', { referredById: 'referrer' }),
  ];
  const activities = [
    ...contacts.map((c, i) =>
      makeActivity(`out-${c.id}`, c.id, { at: at(c.id === 'introduced' ? 1 : 3 + i) }),
    ),
    makeActivity('r1', 'replied', { kind: 'reply-received', at: at(10) }),
    makeActivity('r2', 'reply-before-outreach', { kind: 'reply-received', at: at(1) }),
    makeActivity('t1', 'thanked', { kind: 'thank-you-sent', at: at(20) }),
  ];
  const meetings = [meeting('m1', 'met-without-reply', { start: at(12) })];
  const result = computeInsights(
    { contacts, activities, meetings, notes: [] },
    options(at(2), at(28)),
  );

  it('counts each contact at the furthest step reached, after the first outreach', () => {
    // introduced: outreach before the period. reply-before-outreach: only outreach.
    expect(result.funnel.map((s) => [s.step, s.contacts])).toEqual([
      ['outreach', 5],
      ['reply', 4],
      ['meeting', 3],
      ['thank-you', 2],
      ['referral', 1],
    ]);
    expect(result.funnel.map((s) => s.conversion)).toEqual([null, 80, 75, 66.7, 50]);
    expect(result.replies).toMatchObject({ outreach: 5, replied: 4, rate: 80 });
  });
});

describe('thank-yous', () => {
  const END = Date.parse('2026-03-04T15:30:00.000Z'); // m-* meetings: 15:00 + 30 minutes
  const sentAfter = (hours: number) => new Date(END + hours * HOUR).toISOString();
  const contacts = ['on-time', 'late', 'missing', 'waiting', 'by-note', 'two', 'by-hand'].map(
    (id) => makeContact(id, { firstName: id, lastName: 'Test' }),
  );
  const meetings = [
    meeting('m-on-time', 'on-time'),
    meeting('m-late', 'late'),
    meeting('m-missing', 'missing'),
    meeting('m-waiting', 'waiting', { start: '2026-03-10T13:00:00.000Z' }),
    meeting('m-by-note', 'by-note'),
    meeting('m-two-1', 'two'),
    meeting('m-two-2', 'two', { start: '2026-03-06T15:00:00.000Z' }),
    meeting('m-planned', 'missing', { status: 'planned', start: '2026-03-05T15:00:00.000Z' }),
    meeting('m-cancelled', 'missing', { status: 'cancelled' }),
  ];
  const activities = [
    // markHeld's echo of the record: not a second meeting.
    makeActivity('h1', 'on-time', {
      kind: 'meeting-held',
      at: sentAfter(0),
      meetingId: 'm-on-time',
    }),
    makeActivity('t1', 'on-time', {
      kind: 'thank-you-sent',
      at: sentAfter(THANK_YOU_WINDOW_HOURS),
    }),
    makeActivity('t2', 'late', {
      kind: 'thank-you-sent',
      at: sentAfter(26.5),
      meetingId: 'm-late',
    }),
    // Sent after the second meeting, unlinked: it thanks for the second, not the first.
    makeActivity('t3', 'two', { kind: 'thank-you-sent', at: '2026-03-06T18:00:00.000Z' }),
    // A meeting logged by hand, thanked two days later.
    makeActivity('h2', 'by-hand', { kind: 'meeting-held', at: '2026-03-07T15:00:00.000Z' }),
    makeActivity('t4', 'by-hand', { kind: 'thank-you-sent', at: '2026-03-09T16:00:00.000Z' }),
  ];
  const notes = [
    note('n1', 'by-note', { meetingId: 'm-by-note', sentAt: sentAfter(3) }),
    note('n2', 'missing', { purpose: 'report-back', sentAt: sentAfter(1) }),
    note('n3', 'missing', { meetingId: 'm-missing', sentAt: null }),
  ];
  const TO = '2026-03-10T20:00:00.000Z';
  const result = computeInsights(
    { contacts, activities, meetings, notes },
    options('2026-03-01T05:00:00.000Z', TO),
  );

  it('counts the meetings held and those thanked within the window', () => {
    expect(result.thanks).toMatchObject({ held: 8, onTime: 3, waiting: 1, unconfirmed: 1 });
    expect(result.thanks.share).toBe(42.9);
  });

  it('lists late and missing ones, most recent first, with hours past the deadline', () => {
    expect(result.thanks.late).toEqual([
      {
        meetingId: null,
        contactId: 'by-hand',
        contactName: 'by-hand Test',
        end: '2026-03-07T15:00:00.000Z',
        sentAt: '2026-03-09T16:00:00.000Z',
        hoursLate: 25,
      },
      {
        meetingId: 'm-late',
        contactId: 'late',
        contactName: 'late Test',
        end: '2026-03-04T15:30:00.000Z',
        sentAt: sentAfter(26.5),
        hoursLate: 2.5,
      },
      {
        meetingId: 'm-missing',
        contactId: 'missing',
        contactName: 'missing Test',
        end: '2026-03-04T15:30:00.000Z',
        sentAt: null,
        hoursLate: null,
      },
      {
        meetingId: 'm-two-1',
        contactId: 'two',
        contactName: 'two Test',
        end: '2026-03-04T15:30:00.000Z',
        sentAt: null,
        hoursLate: null,
      },
    ]);
  });

  it('counts the meetings per week and per source once each', () => {
    expect(result.weeks.map((w) => [w.start, w.meetings])).toEqual([
      ['2026-02-23', 0],
      ['2026-03-02', 7],
      ['2026-03-09', 1],
    ]);
    expect(result.replies.bySource.find((r) => r.kind === 'alumni')?.meetings).toBe(8);
  });
});

describe('the referral network', () => {
  const network = (contacts: Contact[]) =>
    computeInsights({ ...empty(), contacts }, options(null, '2026-03-04T00:00:00.000Z')).network;
  const created = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;

  it('joins referrers to the people they introduced, named in full, with their stage', () => {
    const result = network([
      makeContact('a', { firstName: 'Zoë', lastName: 'Ångström', stage: 'thanked' }),
      makeContact('b', { firstName: 'Ben', lastName: '', referredById: 'a' }),
      makeContact('c', { firstName: 'Cy', referredById: 'a' }),
      makeContact('loner'),
    ]);
    expect(result.nodes).toEqual([
      { id: 'a', name: 'Zoë Ångström', stage: 'thanked' },
      { id: 'b', name: 'Ben', stage: 'prospect' },
      { id: 'c', name: 'Cy Garcia', stage: 'prospect' },
    ]);
    expect(result.edges).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
    ]);
  });

  it.each([
    ['a deleted referrer', [makeContact('x', { referredById: 'deleted' })]],
    ['a contact referring themselves', [makeContact('x', { referredById: 'x' })]],
  ])('ignores %s', (_, contacts) => {
    expect(network(contacts)).toEqual({ nodes: [], edges: [], brokenCycles: 0 });
  });

  it('breaks a loop at its earliest-created member and keeps the tail', () => {
    // a -> b -> c -> a, and d hangs off c.
    const result = network([
      makeContact('a', { referredById: 'c', createdAt: created(3) }),
      makeContact('b', { referredById: 'a', createdAt: created(1) }),
      makeContact('c', { referredById: 'b', createdAt: created(2) }),
      makeContact('d', { referredById: 'c', createdAt: created(1) }),
    ]);
    expect(result.brokenCycles).toBe(1);
    expect(result.edges).toEqual([
      { from: 'c', to: 'a' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
    ]);
    expect(result.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('breaks a pair referring each other by id when created together', () => {
    const result = network([
      makeContact('q', { referredById: 'p' }),
      makeContact('p', { referredById: 'q' }),
    ]);
    expect(result).toMatchObject({ brokenCycles: 1, edges: [{ from: 'p', to: 'q' }] });
  });

  it('handles a long chain and many loops without recursion', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      makeContact(`k${i}`, { referredById: `k${(i + 1) % 20_000}` }),
    );
    const result = network(chain);
    expect(result.brokenCycles).toBe(1);
    expect(result.edges).toHaveLength(19_999);
  });

  it('still counts a referral dropped from a loop in the funnel', () => {
    const contacts = [
      makeContact('p', { referredById: 'q', createdAt: created(1) }),
      makeContact('q', { referredById: 'p', createdAt: created(2) }),
    ];
    const activities = contacts.map((c) =>
      makeActivity(`o-${c.id}`, c.id, { at: '2026-03-02T15:00:00.000Z' }),
    );
    const result = computeInsights(
      { ...empty(), contacts, activities },
      options(null, '2026-03-04T00:00:00.000Z'),
    );
    expect(result.funnel.at(-1)?.contacts).toBe(2);
    expect(result.network.edges).toEqual([{ from: 'p', to: 'q' }]);
  });
});

describe('in slices, as main computes them', () => {
  it('gives the same figures as in one go, pausing between slices of a large dataset', async () => {
    const data = generate({ contacts: 12_000, activities: 30_000, meetings: 2_000, notes: 800 }, 7);
    const period = options('2026-02-01T05:00:00.000Z', '2026-10-01T04:00:00.000Z');
    let pauses = 0;
    const sliced = await computeInsightsSliced(data, period, async () => {
      pauses += 1;
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(sliced).toEqual(computeInsights(data, period));
    // 30,000 activities in slices of 5,000, several passes over them, and the contacts too.
    expect(pauses).toBeGreaterThan(30);
  });

  it('does not pause for a small dataset more than between its phases', async () => {
    const data = generate({ contacts: 50, activities: 200, meetings: 10, notes: 5 }, 3);
    const period = options('2026-02-01T05:00:00.000Z', '2026-10-01T04:00:00.000Z');
    let pauses = 0;
    const sliced = await computeInsightsSliced(data, period, async () => void (pauses += 1));
    expect(sliced).toEqual(computeInsights(data, period));
    expect(pauses).toBeLessThan(12);
  });
});

describe('speed', () => {
  it('computes a heavy user in well under 100 ms (printed, not asserted)', () => {
    const data = generate({ contacts: 5_000, activities: 20_000, meetings: 1_000, notes: 500 }, 42);
    const period = options('2026-02-01T05:00:00.000Z', '2026-10-01T04:00:00.000Z');
    computeInsights(data, period);
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      computeInsights(data, period);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `insights: 5,000 contacts / 20,000 activities / 1,000 meetings: median ${times[2]!.toFixed(1)} ms (runs ${times.map((t) => t.toFixed(1)).join(', ')})`,
    );
  });
});
