import {
  SourceKind,
  type Activity,
  type Contact,
  type MeetingRecord,
  type Stage,
  type ThankYouNote,
} from '../schema/entities.js';
import { localDateOf, type LocalDate } from './business-days.js';
import { meetingEnd } from './meeting-times.js';
import { fullName } from './names.js';
import { THANK_YOU_WINDOW_HOURS } from './reminder-policy.js';
import { stageOrder } from './stages.js';

/**
 * The figures behind the Insights page, computed in one pass over the store's records. Pure and
 * clock-free (the period comes in as options), so main, the renderer and the tests get the same
 * numbers; every loop is linear or sorts once, because a heavy user has 5,000 contacts and 20,000
 * activities and the page recomputes whenever the period changes.
 *
 * Conventions used throughout:
 * - The period is `from` to `to`, both included; `from: null` means "from the beginning".
 * - A meeting happens at its start (a held meeting record) or at the `meeting-held` activity's
 *   time (a meeting logged by hand, without a record). A `meeting-held` activity that names a
 *   meeting record is that record's echo (marking a meeting held logs one), so the record decides.
 * - Records of contacts that are not in `contacts` (deleted) are left out of every figure.
 * - Percentages are 0-100 with one decimal, and null when there is nothing to divide by.
 */

export type Responsiveness = Contact['responsiveness'];

export interface InsightsInput {
  contacts: readonly Contact[];
  activities: readonly Activity[];
  meetings: readonly MeetingRecord[];
  notes: readonly ThankYouNote[];
}

export interface WeeklyGoal {
  outreach: number;
  meetings: number;
}

export interface InsightsOptions {
  /** Start of the period (included), or null for everything up to `to`. */
  from: Date | null;
  /** End of the period (included); usually now. */
  to: Date;
  weeklyGoal: WeeklyGoal;
  /** Weeks start on Monday (local time); the only choice for now. */
  weekStartsOn?: 1;
}

export interface StageCount {
  stage: Stage;
  count: number;
}

export type FunnelStepName = 'outreach' | 'reply' | 'meeting' | 'thank-you' | 'referral';

export interface FunnelStep {
  step: FunnelStepName;
  /** Contacts that reached this step (or a later one). */
  contacts: number;
  /** Percent of the previous step's contacts; null for the first step or after a 0. */
  conversion: number | null;
}

export interface InsightsWeek {
  /** The Monday the week starts on (local calendar date). */
  start: LocalDate;
  /** Outreach e-mails sent this week (within the period). */
  outreach: number;
  /** Meetings held this week (within the period). */
  meetings: number;
  goal: WeeklyGoal;
}

/** How one group of contacts answered: everyone in it, and those first reached in the period. */
export interface ReplyGroup {
  /** Contacts in the group (all of them, whatever the period). */
  contacts: number;
  /** Of those, contacts whose first outreach e-mail was sent in the period. */
  outreach: number;
  /** Of the `outreach` ones, those who answered (the funnel's reply step). */
  replied: number;
  /** `replied` / `outreach`, in percent. */
  replyRate: number | null;
  /** Meetings held in the period with contacts of the group. */
  meetings: number;
}

export interface ResponsivenessRow extends ReplyGroup {
  responsiveness: Responsiveness;
}

export interface SourceRow extends ReplyGroup {
  kind: SourceKind;
  /** The group's contacts by their responsiveness label. */
  responsiveness: Record<Responsiveness, number>;
}

export interface ReplyInsights {
  /** Contacts whose first outreach e-mail was sent in the period. */
  outreach: number;
  /** Of those, the ones who answered. */
  replied: number;
  rate: number | null;
  /** Every label, in the order booster, obligate, curmudgeon, unknown. */
  byResponsiveness: ResponsivenessRow[];
  /** Every source kind, in the schema's order. */
  bySource: SourceRow[];
}

/** A held meeting whose thank-you went out late or not at all. */
export interface ThankYouGap {
  /** The meeting record, or null for a meeting logged by hand. */
  meetingId: string | null;
  contactId: string;
  contactName: string;
  /** When the meeting ended (ISO). */
  end: string;
  /** When the first thank-you for it went out (ISO), or null when none did. */
  sentAt: string | null;
  /** Hours past the deadline (end + the thank-you window), one decimal; null when none was sent. */
  hoursLate: number | null;
}

export interface ThankYouInsights {
  /** Meetings held in the period. */
  held: number;
  /** Of those, thanked within the window after the meeting ended. */
  onTime: number;
  /** Nothing sent yet, but the window was still open at `to`: not late (yet). */
  waiting: number;
  /** `onTime` among the meetings whose window has closed or that were thanked, in percent. */
  share: number | null;
  /** Late or missing thank-yous, most recent meeting first. */
  late: ThankYouGap[];
  /**
   * Meetings in the period still marked planned although their end had passed by `to`: nobody
   * said whether they happened, so their thank-you is not counted anywhere yet.
   */
  unconfirmed: number;
}

export interface NetworkNode {
  id: string;
  name: string;
  stage: Stage;
}

export interface NetworkEdge {
  /** The contact who made the introduction. */
  from: string;
  /** The contact they introduced. */
  to: string;
}

export interface ReferralNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Referral loops found in the data; each lost one edge (see `referralParents`). */
  brokenCycles: number;
}

export interface Insights {
  period: { from: string | null; to: string };
  stages: StageCount[];
  funnel: FunnelStep[];
  weeks: InsightsWeek[];
  replies: ReplyInsights;
  thanks: ThankYouInsights;
  network: ReferralNetwork;
}

export const funnelSteps: readonly FunnelStepName[] = Object.freeze([
  'outreach',
  'reply',
  'meeting',
  'thank-you',
  'referral',
] as const);

export const responsivenessOrder: readonly Responsiveness[] = Object.freeze([
  'booster',
  'obligate',
  'curmudgeon',
  'unknown',
] as const);

/** When `from` is null the weekly chart goes back at most this many weeks (the current included). */
export const MAX_OPEN_WEEKS = 26;

const HOUR = 3_600_000;

/** Items looked at between two pauses of `computeInsightsSliced` (a few ms of work each). */
const SLICE = 5_000;

/** `part` of `whole` in percent with one decimal; null when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1_000) / 10;
}

/** Midnight at the start of the local Monday on or before `ms`. */
function mondayOn(ms: number): Date {
  const day = new Date(ms);
  const back = (day.getDay() + 6) % 7;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() - back);
}

/** Index of the last boundary at or before `value` (boundaries ascending), or -1. */
function lastAtOrBefore(boundaries: readonly number[], value: number): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((boundaries[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** A held meeting, from a record or from a `meeting-held` activity logged by hand. */
interface HeldMeeting {
  meetingId: string | null;
  contact: number;
  at: number;
  end: number;
  /** Earliest thank-you found for it. */
  sent: number;
}

/**
 * Who introduced whom, as a forest: `referredById` values naming nobody (a deleted contact) or the
 * contact itself are ignored, and each referral loop (A introduced B, B introduced A) is broken
 * by dropping the referral of its earliest-created member (ties: the smaller id), who becomes the
 * root. Returns the referrer index of each contact (-1: none) and the number of loops broken.
 */
function* referralParents(
  contacts: readonly Contact[],
): Generator<void, { parent: Int32Array; brokenCycles: number }, void> {
  const index = new Map<string, number>();
  for (let i = 0; i < contacts.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    index.set((contacts[i] as Contact).id, i);
  }
  const parent = new Int32Array(contacts.length).fill(-1);
  for (let i = 0; i < contacts.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    const contact = contacts[i] as Contact;
    if (contact.referredById === null) continue;
    const referrer = index.get(contact.referredById);
    if (referrer !== undefined && referrer !== i) parent[i] = referrer;
  }
  // Each contact has at most one referrer, so a component holds at most one loop. Walk up from
  // every contact not yet seen; meeting a contact of the same walk closes a loop.
  const state = new Uint8Array(contacts.length); // 0 unseen, 1 on the current walk, 2 done
  const walk: number[] = [];
  let brokenCycles = 0;
  const earlier = (a: number, b: number) => {
    const left = contacts[a] as Contact;
    const right = contacts[b] as Contact;
    const difference = Date.parse(left.createdAt) - Date.parse(right.createdAt);
    return difference < 0 || (!(difference > 0) && left.id < right.id);
  };
  for (let start = 0; start < contacts.length; start += 1) {
    if (start > 0 && start % SLICE === 0) yield;
    if (state[start] !== 0) continue;
    walk.length = 0;
    let current = start;
    while (current !== -1 && state[current] === 0) {
      state[current] = 1;
      walk.push(current);
      current = parent[current] as number;
    }
    if (current !== -1 && state[current] === 1) {
      let root = current;
      for (let member = parent[current] as number; member !== current;) {
        if (earlier(member, root)) root = member;
        member = parent[member] as number;
      }
      parent[root] = -1;
      brokenCycles += 1;
    }
    for (const member of walk) state[member] = 2;
  }
  return { parent, brokenCycles };
}

/** Every figure of the Insights page for the period in `options`. */
function* insightsSteps(
  input: InsightsInput,
  options: InsightsOptions,
): Generator<void, Insights, void> {
  const { contacts, activities, meetings, notes } = input;
  const toMs = options.to.getTime();
  if (!Number.isFinite(toMs)) throw new RangeError('The period needs a valid end date.');
  const fromMs = options.from === null ? -Infinity : options.from.getTime();
  if (Number.isNaN(fromMs)) throw new RangeError('The period needs a valid start date.');
  const inPeriod = (ms: number) => ms >= fromMs && ms <= toMs;
  const goal: WeeklyGoal = {
    outreach: options.weeklyGoal.outreach,
    meetings: options.weeklyGoal.meetings,
  };

  const count = contacts.length;
  const index = new Map<string, number>();
  for (let i = 0; i < contacts.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    const contact = contacts[i] as Contact;
    index.set(contact.id, i);
  }

  // Stages: a snapshot of now, whatever the period.
  const stageCounts = new Map<Stage, number>(stageOrder.map((stage) => [stage, 0]));
  for (const contact of contacts)
    stageCounts.set(contact.stage, (stageCounts.get(contact.stage) ?? 0) + 1);

  // Times parsed once; -1 marks an activity of an unknown contact.
  const activityTime = new Float64Array(activities.length);
  const activityContact = new Int32Array(activities.length);
  const firstOutreach = new Float64Array(count).fill(Infinity);
  for (let i = 0; i < activities.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    const activity = activities[i] as Activity;
    const contact = index.get(activity.contactId) ?? -1;
    const at = Date.parse(activity.at);
    activityContact[i] = contact;
    activityTime[i] = at;
    if (
      contact !== -1 &&
      activity.kind === 'outreach-sent' &&
      at < (firstOutreach[contact] as number)
    )
      firstOutreach[contact] = at;
  }

  yield;
  // The meetings held, once each.
  const records = new Map<string, MeetingRecord>();
  for (const meeting of meetings) records.set(meeting.id, meeting);
  const held: HeldMeeting[] = [];
  const heldById = new Map<string, HeldMeeting>();
  let unconfirmed = 0;
  for (const meeting of meetings) {
    const contact = index.get(meeting.contactId);
    if (contact === undefined) continue;
    const at = Date.parse(meeting.start);
    if (!Number.isFinite(at)) continue;
    const end = meetingEnd(meeting).getTime();
    if (meeting.status === 'held') {
      const entry: HeldMeeting = { meetingId: meeting.id, contact, at, end, sent: Infinity };
      held.push(entry);
      heldById.set(meeting.id, entry);
    } else if (meeting.status === 'planned' && inPeriod(at) && end <= toMs) {
      unconfirmed += 1;
    }
  }
  for (let i = 0; i < activities.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    const activity = activities[i] as Activity;
    const contact = activityContact[i] as number;
    const at = activityTime[i] as number;
    if (activity.kind !== 'meeting-held' || contact === -1 || !Number.isFinite(at)) continue;
    if (activity.meetingId !== null && records.has(activity.meetingId)) continue;
    held.push({ meetingId: null, contact, at, end: at, sent: Infinity });
  }

  // Funnel: the furthest step each contact of the cohort (first outreach in the period) reached.
  // A later step implies the earlier ones (someone who met the user did answer), so each step
  // counts those at it or beyond and the funnel never widens. Steps count whatever happened
  // after the first outreach, also after `to`: a period's outreach goes on converting.
  const inCohort = new Uint8Array(count);
  for (let c = 0; c < count; c += 1) if (inPeriod(firstOutreach[c] as number)) inCohort[c] = 1;
  const reached = new Uint8Array(count); // 1 outreach ... 5 referral
  const reach = (contact: number, step: number, at: number) => {
    if (contact === -1 || inCohort[contact] === 0) return;
    if (at >= (firstOutreach[contact] as number) && step > (reached[contact] as number))
      reached[contact] = step;
  };
  for (let c = 0; c < count; c += 1) if (inCohort[c] === 1) reached[c] = 1;
  for (let i = 0; i < activities.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    const activity = activities[i] as Activity;
    const step =
      activity.kind === 'reply-received' ? 2 : activity.kind === 'thank-you-sent' ? 4 : 0;
    if (step !== 0) reach(activityContact[i] as number, step, activityTime[i] as number);
  }
  for (const meeting of held) reach(meeting.contact, 3, meeting.at);
  const thankYouNotes: { contact: number; at: number; meetingId: string | null }[] = [];
  for (const note of notes) {
    if (note.purpose !== 'thank-you' || note.sentAt === null) continue;
    const contact = index.get(note.contactId);
    const at = Date.parse(note.sentAt);
    if (contact === undefined || !Number.isFinite(at)) continue;
    thankYouNotes.push({ contact, at, meetingId: note.meetingId });
    reach(contact, 4, at);
  }
  yield;
  // Any introduction counts here, also one the network drops to break a loop.
  for (const contact of contacts) {
    if (contact.referredById === null || contact.referredById === contact.id) continue;
    const referrer = index.get(contact.referredById);
    if (referrer !== undefined && inCohort[referrer] === 1) reached[referrer] = 5;
  }
  const atStep = new Array<number>(funnelSteps.length + 1).fill(0);
  for (let c = 0; c < count; c += 1) {
    const step = reached[c] as number;
    atStep[step] = (atStep[step] as number) + 1;
  }
  for (let step = funnelSteps.length - 1; step >= 1; step -= 1)
    atStep[step] = (atStep[step] as number) + (atStep[step + 1] as number);
  const funnel = funnelSteps.map((step, i): FunnelStep => {
    const contactsAt = atStep[i + 1] as number;
    return {
      step,
      contacts: contactsAt,
      conversion: i === 0 ? null : percent(contactsAt, atStep[i] as number),
    };
  });

  // Weeks: local Mondays from the period's start (or the first event, at most MAX_OPEN_WEEKS
  // back) through the week of `to`.
  const weeks: InsightsWeek[] = [];
  if (fromMs <= toMs) {
    let firstWeek: Date;
    if (options.from !== null) {
      firstWeek = mondayOn(fromMs);
    } else {
      let earliest = toMs;
      for (let i = 0; i < activities.length; i += 1) {
        if (i > 0 && i % SLICE === 0) yield;
        const activity = activities[i] as Activity;
        const at = activityTime[i] as number;
        if (activity.kind === 'outreach-sent' && activityContact[i] !== -1 && at < earliest)
          earliest = at;
      }
      for (const meeting of held) if (meeting.at < earliest) earliest = meeting.at;
      const last = mondayOn(toMs);
      const limit = new Date(
        last.getFullYear(),
        last.getMonth(),
        last.getDate() - 7 * (MAX_OPEN_WEEKS - 1),
      );
      firstWeek = earliest < limit.getTime() ? limit : mondayOn(earliest);
    }
    const boundaries: number[] = [];
    for (let n = 0; ; n += 1) {
      const start = new Date(
        firstWeek.getFullYear(),
        firstWeek.getMonth(),
        firstWeek.getDate() + 7 * n,
      );
      if (start.getTime() > toMs) break;
      boundaries.push(start.getTime());
      weeks.push({ start: localDateOf(start), outreach: 0, meetings: 0, goal: { ...goal } });
    }
    const lowest = Math.max(fromMs, boundaries[0] ?? Infinity);
    const weekOf = (at: number) =>
      at >= lowest && at <= toMs ? weeks[lastAtOrBefore(boundaries, at)] : undefined;
    for (let i = 0; i < activities.length; i += 1) {
      if (i > 0 && i % SLICE === 0) yield;
      const activity = activities[i] as Activity;
      if (activity.kind !== 'outreach-sent' || activityContact[i] === -1) continue;
      const week = weekOf(activityTime[i] as number);
      if (week) week.outreach += 1;
    }
    for (const meeting of held) {
      const week = weekOf(meeting.at);
      if (week) week.meetings += 1;
    }
  }

  // Replies and meetings by responsiveness label and by source.
  const emptyGroup = (): ReplyGroup => ({
    contacts: 0,
    outreach: 0,
    replied: 0,
    replyRate: null,
    meetings: 0,
  });
  const byResponsiveness = new Map<Responsiveness, ResponsivenessRow>(
    responsivenessOrder.map((label) => [label, { responsiveness: label, ...emptyGroup() }]),
  );
  const bySource = new Map<SourceKind, SourceRow>(
    SourceKind.options.map((kind) => [
      kind,
      {
        kind,
        ...emptyGroup(),
        responsiveness: { booster: 0, obligate: 0, curmudgeon: 0, unknown: 0 },
      },
    ]),
  );
  const groupsOf = (contact: Contact) => {
    const label = byResponsiveness.get(contact.responsiveness);
    const source = bySource.get(contact.source.kind);
    return [label, source].filter((group) => group !== undefined);
  };
  let outreachContacts = 0;
  let repliedContacts = 0;
  for (let c = 0; c < contacts.length; c += 1) {
    if (c > 0 && c % SLICE === 0) yield;
    const contact = contacts[c] as Contact;
    const cohort = inCohort[c] === 1;
    const replied = (reached[c] as number) >= 2;
    if (cohort) outreachContacts += 1;
    if (replied) repliedContacts += 1;
    const source = bySource.get(contact.source.kind);
    if (source) source.responsiveness[contact.responsiveness] += 1;
    for (const group of groupsOf(contact)) {
      group.contacts += 1;
      if (cohort) group.outreach += 1;
      if (replied) group.replied += 1;
    }
  }
  for (const meeting of held) {
    if (!inPeriod(meeting.at)) continue;
    for (const group of groupsOf(contacts[meeting.contact] as Contact)) group.meetings += 1;
  }
  for (const group of [...byResponsiveness.values(), ...bySource.values()])
    group.replyRate = percent(group.replied, group.outreach);

  yield;
  // Thank-yous: a send names its meeting, or it belongs to the contact's latest held meeting
  // before it (so a note sent after a second meeting is not credited to the first).
  const heldByContact = new Map<number, HeldMeeting[]>();
  held.sort((a, b) => a.at - b.at);
  for (const meeting of held) {
    const list = heldByContact.get(meeting.contact);
    if (list) list.push(meeting);
    else heldByContact.set(meeting.contact, [meeting]);
  }
  yield;
  const heldStarts = new Map<number, number[]>();
  for (const [contact, list] of heldByContact)
    heldStarts.set(
      contact,
      list.map((meeting) => meeting.at),
    );
  const credit = (contact: number, at: number, meetingId: string | null) => {
    const named = meetingId === null ? undefined : heldById.get(meetingId);
    let meeting = named !== undefined && named.contact === contact ? named : undefined;
    if (meeting === undefined) {
      const starts = heldStarts.get(contact);
      if (starts === undefined) return;
      meeting = heldByContact.get(contact)?.[lastAtOrBefore(starts, at)];
    }
    if (meeting !== undefined && at < meeting.sent) meeting.sent = at;
  };
  for (let i = 0; i < activities.length; i += 1) {
    if (i > 0 && i % SLICE === 0) yield;
    const activity = activities[i] as Activity;
    const contact = activityContact[i] as number;
    const at = activityTime[i] as number;
    if (activity.kind === 'thank-you-sent' && contact !== -1 && Number.isFinite(at))
      credit(contact, at, activity.meetingId);
  }
  for (const note of thankYouNotes) credit(note.contact, note.at, note.meetingId);
  yield;
  const windowMs = THANK_YOU_WINDOW_HOURS * HOUR;
  let heldInPeriod = 0;
  let onTime = 0;
  let waiting = 0;
  const late: { gap: ThankYouGap; end: number }[] = [];
  for (let m = 0; m < held.length; m += 1) {
    // Smaller slices: a late meeting's entry is built with names and dates.
    if (m > 0 && m % 1_000 === 0) yield;
    const meeting = held[m] as HeldMeeting;
    if (!inPeriod(meeting.at)) continue;
    heldInPeriod += 1;
    const deadline = meeting.end + windowMs;
    const sent = Number.isFinite(meeting.sent) ? meeting.sent : null;
    if (sent !== null && sent <= deadline) onTime += 1;
    else if (sent === null && deadline > toMs) waiting += 1;
    else {
      const contact = contacts[meeting.contact] as Contact;
      const gap: ThankYouGap = {
        meetingId: meeting.meetingId,
        contactId: contact.id,
        contactName: fullName(contact),
        end: new Date(meeting.end).toISOString(),
        sentAt: sent === null ? null : new Date(sent).toISOString(),
        hoursLate: sent === null ? null : Math.round(((sent - deadline) / HOUR) * 10) / 10,
      };
      late.push({ gap, end: meeting.end });
    }
  }
  yield;
  // Most recent first; meetings that ended together keep a fixed order (by start, then input).
  late.sort((a, b) => b.end - a.end);

  yield;
  // The referral network: everyone on either end of a kept referral.
  const { parent, brokenCycles } = yield* referralParents(contacts);
  const onNetwork = new Uint8Array(count);
  const edges: NetworkEdge[] = [];
  for (let c = 0; c < contacts.length; c += 1) {
    if (c > 0 && c % SLICE === 0) yield;
    const contact = contacts[c] as Contact;
    const referrer = parent[c] as number;
    if (referrer === -1) continue;
    onNetwork[c] = 1;
    onNetwork[referrer] = 1;
    edges.push({ from: (contacts[referrer] as Contact).id, to: contact.id });
  }
  const nodes: NetworkNode[] = [];
  for (let c = 0; c < contacts.length; c += 1) {
    if (c > 0 && c % SLICE === 0) yield;
    const contact = contacts[c] as Contact;
    if (onNetwork[c] === 1)
      nodes.push({ id: contact.id, name: fullName(contact), stage: contact.stage });
  }

  return {
    period: {
      from: options.from === null ? null : options.from.toISOString(),
      to: options.to.toISOString(),
    },
    stages: stageOrder.map((stage) => ({ stage, count: stageCounts.get(stage) ?? 0 })),
    funnel,
    weeks,
    replies: {
      outreach: outreachContacts,
      replied: repliedContacts,
      rate: percent(repliedContacts, outreachContacts),
      byResponsiveness: [...byResponsiveness.values()],
      bySource: [...bySource.values()],
    },
    thanks: {
      held: heldInPeriod,
      onTime,
      waiting,
      share: percent(onTime, heldInPeriod - waiting),
      late: late.map((entry) => entry.gap),
      unconfirmed,
    },
    network: { nodes, edges, brokenCycles },
  };
}

/** Every figure at once (tests, benchmarks, small data). */
export function computeInsights(input: InsightsInput, options: InsightsOptions): Insights {
  const steps = insightsSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same figures, computed in slices of `SLICE` items with `pause()` awaited between them: main
 * stays free for other requests however large the data (50,000 contacts take ~400 ms in all).
 */
export async function computeInsightsSliced(
  input: InsightsInput,
  options: InsightsOptions,
  pause: () => Promise<void>,
): Promise<Insights> {
  const steps = insightsSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause();
  }
}
