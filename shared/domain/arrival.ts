import type { Meeting, MeetingMode } from '../schema/entities.js';
import type { Settings } from '../schema/settings.js';
import { leaveBy } from './leave-by.js';

/**
 * What to do before a meeting, by how it is held. In person the user travels and arrives a few
 * minutes early (Settings, 0-60); a video or phone call has no travel and no "arrive early":
 * the user joins a few minutes early to test the link (or the line) and the audio. The prep
 * workspace, the prep sheet, the packet and the calendar alarm all read this one rule, so they
 * never disagree about when to leave or join.
 */

/** Minutes before a video or phone call to join and test the link or line and the audio. */
export const JOIN_EARLY_MINUTES = 5;

/**
 * Without a travel time Rapport cannot know when to leave, so an in-person alarm rings this long
 * before the start (or at the arrive-by time when the user arrives earlier than that).
 */
export const ALARM_WITHOUT_TRAVEL_MINUTES = 30;

/** How each mode is named on screen and on paper. */
export const MODE_LABELS: Readonly<Record<MeetingMode, string>> = Object.freeze({
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone call',
});

/** The modes in the order the choices are offered. */
export const MEETING_MODES: readonly MeetingMode[] = Object.freeze(['in-person', 'video', 'phone']);

export interface InPersonPlan {
  mode: 'in-person';
  start: Date;
  travelMinutes: number;
  arriveEarlyMinutes: number;
  /** Start minus the arrive-early minutes. */
  arriveBy: Date;
  /** Arrive-by minus the travel time. */
  leaveBy: Date;
  /** When a reminder rings: at leave-by, or see ALARM_WITHOUT_TRAVEL_MINUTES. */
  alarmAt: Date;
}

export interface CallPlan {
  mode: 'video' | 'phone';
  start: Date;
  joinEarlyMinutes: number;
  /** Start minus JOIN_EARLY_MINUTES: the time to join (and the alarm). */
  joinAt: Date;
  alarmAt: Date;
  /** What to test before the call starts. */
  check: string;
}

export type BeforeMeeting = InPersonPlan | CallPlan;

const minutes = (value: number) => Math.max(0, Number.isFinite(value) ? Math.round(value) : 0);
const before = (date: Date, mins: number) => new Date(date.getTime() - mins * 60_000);

/**
 * The plan for the time before a meeting. Travel time and arrive-early only count in person;
 * they are kept on a video or phone meeting (switching back restores them) but ignored. Null for
 * a start that is not a date.
 */
export function beforeMeeting(
  meeting: Pick<Meeting, 'start' | 'mode' | 'travelMinutes'>,
  settings: Pick<Settings, 'arriveEarlyMinutes'>,
): BeforeMeeting | null {
  const start = new Date(meeting.start);
  if (!Number.isFinite(start.getTime())) return null;
  if (meeting.mode === 'video' || meeting.mode === 'phone') {
    const joinAt = before(start, JOIN_EARLY_MINUTES);
    return {
      mode: meeting.mode,
      start,
      joinEarlyMinutes: JOIN_EARLY_MINUTES,
      joinAt,
      alarmAt: joinAt,
      check: meeting.mode === 'video' ? 'the link and audio' : 'the phone line and audio',
    };
  }
  const travelMinutes = minutes(meeting.travelMinutes);
  const arriveEarlyMinutes = minutes(settings.arriveEarlyMinutes);
  const arriveBy = leaveBy(start, 0, arriveEarlyMinutes) ?? start;
  const leave = leaveBy(start, travelMinutes, arriveEarlyMinutes) ?? start;
  const fallback = before(start, ALARM_WITHOUT_TRAVEL_MINUTES);
  return {
    mode: 'in-person',
    start,
    travelMinutes,
    arriveEarlyMinutes,
    arriveBy,
    leaveBy: leave,
    alarmAt: travelMinutes > 0 ? leave : arriveBy < fallback ? arriveBy : fallback,
  };
}

/** The words for a plan: the same on screen, on the prep sheet, in the packet and the calendar. */
export interface BeforeMeetingText {
  /** The one time that matters: "Leave by 9:25 AM" or "Join at 9:55 AM". */
  headline: string;
  /** What the headline rests on: "20 minutes of travel; arrive 15 minutes early". */
  note: string;
  /**
   * The line to act on (checklist, calendar notes): "Leave by 9:25 AM (20 minutes of travel) to
   * arrive by 9:45 AM, 15 minutes early" or "Join 5 minutes early (9:55 AM) and test the link
   * and audio". No closing full stop, so callers can place it in a list or a sentence.
   */
  todo: string;
  /** Label and value rows for a document's meeting card. */
  facts: [label: string, value: string][];
  /** What a calendar alarm says when it rings. */
  alarm(name: string): string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Describes a plan with times written by `time` (each caller formats for its own locale). */
export function describeBeforeMeeting(
  plan: BeforeMeeting,
  time: (date: Date) => string,
): BeforeMeetingText {
  if (plan.mode !== 'in-person') {
    const early = count(plan.joinEarlyMinutes, 'minute', 'minutes');
    const call = plan.mode === 'video' ? 'video call' : 'phone call';
    return {
      headline: `Join at ${time(plan.joinAt)}`,
      note: `${early} early; test ${plan.check}`,
      todo: `Join ${early} early (${time(plan.joinAt)}) and test ${plan.check}`,
      facts: [
        ['Join at', time(plan.joinAt)],
        ['Get ready', `Join ${early} early and test ${plan.check}.`],
      ],
      alarm: (name) =>
        `Your ${call} with ${name} starts at ${time(plan.start)}. Join now and test ${plan.check}.`,
    };
  }
  const travel =
    plan.travelMinutes > 0
      ? `${count(plan.travelMinutes, 'minute', 'minutes')} of travel`
      : 'no travel time entered';
  const early =
    plan.arriveEarlyMinutes > 0
      ? `${count(plan.arriveEarlyMinutes, 'minute', 'minutes')} early`
      : 'on time';
  const arrive = `arrive by ${time(plan.arriveBy)}, ${early}`;
  return {
    headline: `Leave by ${time(plan.leaveBy)}`,
    note: `${travel}; arrive ${early}`,
    todo:
      plan.travelMinutes > 0
        ? `Leave by ${time(plan.leaveBy)} (${travel}) to ${arrive}`
        : `${arrive.charAt(0).toUpperCase()}${arrive.slice(1)} (${travel})`,
    facts: [
      ['Leave by', `${time(plan.leaveBy)} (${travel})`],
      ['Arrive by', `${time(plan.arriveBy)} (${early})`],
    ],
    alarm: (name) =>
      plan.travelMinutes > 0
        ? `Time to leave for your meeting with ${name}: ${arrive}.`
        : `Your meeting with ${name} starts at ${time(plan.start)}: ${arrive}.`,
  };
}

/**
 * Where the meeting happens, as far as its mode makes it matter: the place in person, the link for
 * a video call, and for a phone call an optional note on the call (the number, who calls whom),
 * kept in the same field as the place. A place or link left over from another mode is kept in the
 * data (switching back restores it) but not shown or printed.
 */
export function meetingWhere(meeting: Pick<Meeting, 'mode' | 'place' | 'link'>): {
  /** "Place" in person, "Call details" on the phone. */
  placeLabel: string;
  place: string;
  link: string;
} {
  return {
    placeLabel: PLACE_LABELS[meeting.mode],
    place: meeting.mode === 'video' ? '' : meeting.place.trim(),
    link: meeting.mode === 'video' ? meeting.link.trim() : '',
  };
}

/** What the place field means in each mode (a video call has a link instead). */
export const PLACE_LABELS: Readonly<Record<MeetingMode, string>> = Object.freeze({
  'in-person': 'Place',
  video: 'Place',
  phone: 'Call details',
});
