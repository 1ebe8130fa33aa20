import type { Meeting } from '../schema/entities.js';

/**
 * When a meeting starts and ends, and whether it is behind us. Main (the thank-you deadline, the
 * "did it happen?" question), the Meetings page and the documents all use these.
 */

/** When the meeting ends: its start plus its length. */
export function meetingEnd(meeting: Pick<Meeting, 'start' | 'minutes'>): Date {
  return new Date(Date.parse(meeting.start) + meeting.minutes * 60_000);
}

/** A meeting is past once it is held or cancelled, or once its planned end has gone by. */
export function isPastMeeting(meeting: Pick<Meeting, 'start' | 'minutes' | 'status'>, now: number) {
  if (meeting.status !== 'planned') return true;
  const end = meetingEnd(meeting).getTime();
  return Number.isFinite(end) && end < now;
}

/**
 * Still marked planned although its end has passed: the app must ask whether it happened, or the
 * thank-you (due 24 hours after the end) is silently skipped.
 */
export function needsOutcome(meeting: Pick<Meeting, 'start' | 'minutes' | 'status'>, now: number) {
  return meeting.status === 'planned' && isPastMeeting(meeting, now);
}
