/** Snooze choices offered on every reminder, in menu order. */
export const snoozeOptions = [
  { id: 'tomorrow', label: 'Tomorrow', days: 1 },
  { id: 'in-3-days', label: 'In 3 days', days: 3 },
  { id: 'next-week', label: 'Next week', days: 7 },
] as const;

export type SnoozeOption = (typeof snoozeOptions)[number];

/**
 * 09:00 local time `days` calendar days after `now`. Built from local date parts, so a daylight
 * saving change in between still lands at nine in the morning.
 */
export function snoozeUntil(days: number, now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 9, 0, 0, 0);
}

/** A YYYY-MM-DD calendar date as local midnight (never parsed as UTC). */
export function localDate(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Whole calendar days from `from` to `to` in local time (DST days count as one). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / 86_400_000);
}

/** "Tuesday, 3 June 2025" or "Tuesday, June 3, 2025", as the user's locale writes it. */
export const formatLongDate = (date: Date) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);

/** "Tue, 3 Jun" or "Tue, Jun 3". */
export const formatShortDate = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    date,
  );

/** "Tue, 3 Jun, 14:30" or "Tue, Jun 3, 2:30 PM". */
export const formatShortDateTime = (date: Date) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
