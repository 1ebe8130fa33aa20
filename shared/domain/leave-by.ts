/**
 * When to leave for a meeting: its start, minus the travel time, minus the minutes the user likes
 * to arrive early (10-15, from Settings). Returns null for an invalid start.
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
