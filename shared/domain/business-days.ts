/**
 * Calendar arithmetic for reminders. Business days are counted on local calendar dates
 * (`YYYY-MM-DD`), never by adding 24-hour blocks to an instant: a day that is 23 or 25 hours long
 * (a DST change) is still one day, so a reminder set for 09:00 stays at 09:00 on the wall clock.
 * "Local" is the time zone of the process, which in Rapport is the user's.
 */

/** A calendar date without a time or zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Reminders fall due at this local hour, the start of a working morning. */
export const REMINDER_HOUR = 9;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
}

function parts(date: LocalDate): Parts {
  const match = localDatePattern.exec(date);
  if (match === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC folds 2026-02-30 into March; a date that does not survive the round trip is invalid.
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return { year, month, day };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function format({ year, month, day }: Parts): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar date written as `YYYY-MM-DD` (so 2027-02-29 is false). */
export function isLocalDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calendar arithmetic runs in UTC, where every day has 24 hours, so the time zone of the process
 * cannot shift the result; only the date is kept.
 */
function utcDay(date: LocalDate): Date {
  const { year, month, day } = parts(date);
  const utc = new Date(Date.UTC(2000, month - 1, day));
  utc.setUTCFullYear(year);
  return utc;
}

function fromUtcDay(utc: Date): LocalDate {
  return format({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
  });
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const utc = utcDay(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtcDay(utc);
}

/** 0 = Sunday ... 6 = Saturday, as in Date#getDay. */
export function dayOfWeek(date: LocalDate): number {
  return utcDay(date).getUTCDay();
}

/** Saturdays, Sundays and the user's holiday dates are not working days. */
export function isBusinessDay(date: LocalDate, holidays: Iterable<LocalDate> = []): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  for (const holiday of holidays) if (holiday === date) return false;
  return true;
}

/**
 * The date `n` working days after `date` (before it when `n` is negative): Thursday + 3 is the
 * next Tuesday. The start date itself never counts, so logging on a Saturday still gives three
 * full working days. `n = 0` returns `date` unchanged.
 */
export function addBusinessDays(
  date: LocalDate,
  n: number,
  holidays: Iterable<LocalDate> = [],
): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number: ${n}`);
  const off = new Set(holidays);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  parts(current);
  // Holidays are a finite list and every week has five weekdays, so this always ends.
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    const weekday = dayOfWeek(current);
    if (weekday !== 0 && weekday !== 6 && !off.has(current)) remaining -= 1;
  }
  return current;
}

/** The local calendar date on which `instant` falls for the user. */
export function localDateOf(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  return format({
    year: instant.getFullYear(),
    month: instant.getMonth() + 1,
    day: instant.getDate(),
  });
}

/**
 * The instant at which the user's wall clock shows `hour:minute` on `date`. In the hour skipped
 * by a spring-forward change the clock jumps ahead (02:30 becomes 03:30), as the OS would do.
 */
export function instantAtLocal(date: LocalDate, hour = 0, minute = 0): Date {
  const { year, month, day } = parts(date);
  const instant = new Date(year, month - 1, day, hour, minute, 0, 0);
  // The Date constructor reads years 0-99 as 1900-1999.
  if (year < 100) instant.setFullYear(year, month - 1, day);
  return instant;
}

/** Start of the user's local day `date` (midnight, or the first minute that exists). */
export function startOfLocalDay(date: LocalDate): Date {
  return instantAtLocal(date, 0, 0);
}

/** When a reminder set for `date` falls due: 09:00 local time. */
export function reminderInstant(date: LocalDate): Date {
  return instantAtLocal(date, REMINDER_HOUR, 0);
}
