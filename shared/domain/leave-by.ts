/**
 * When to leave for a meeting: its start, minus the travel time, minus the minutes the user likes
 * to arrive early (0-60 from Settings; 10-15 is the usual advice). Returns null for an invalid
 * start. Only the arithmetic: `beforeMeeting` in arrival.ts decides when it applies (in person;
 * a video or phone call has no travel and no arriving early).
 */
export function leaveBy(
  start: string | Date,
  travelMinutes: number,
  arriveEarlyMinutes: number,
): Date | null {
  const startMs = new Date(start).getTime();
  if (!Number.isFinite(startMs)) return null;
  const travel = Math.max(0, Number.isFinite(travelMinutes) ? travelMinutes : 0);
  const early = Math.max(0, Number.isFinite(arriveEarlyMinutes) ? arriveEarlyMinutes : 0);
  return new Date(startMs - (travel + early) * 60_000);
}
