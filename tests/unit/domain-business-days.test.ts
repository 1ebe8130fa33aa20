// The process time zone must be set before any Date is used: New York changes to daylight time on
// 2026-03-08 and back on 2026-11-01.
process.env.TZ = 'America/New_York';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  dayOfWeek,
  instantAtLocal,
  isBusinessDay,
  isLocalDate,
  localDateOf,
  reminderInstant,
  startOfLocalDay,
} from '../../shared/domain/business-days.js';
import { followUpDueDates } from '../../shared/domain/three-b-seven.js';

const HOUR = 60 * 60 * 1000;

describe('the test runs in New York time', () => {
  it('sees Eastern daylight time in July and standard time in January', () => {
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(240);
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
  });
});

describe('adding business days', () => {
  it.each([
    // [case, start, n, holidays, expected]
    ['Thursday + 3 skips the weekend', '2026-12-03', 3, [], '2026-12-08'],
    ['Thursday + 7 lands on the second Monday', '2026-12-03', 7, [], '2026-12-14'],
    ['Friday + 1 is Monday', '2026-01-02', 1, [], '2026-01-05'],
    ['Saturday + 1 is Monday', '2026-01-03', 1, [], '2026-01-05'],
    ['Sunday + 1 is Monday', '2026-01-04', 1, [], '2026-01-05'],
    ['Sunday + 5 is Friday', '2026-01-04', 5, [], '2026-01-09'],
    ['zero days keeps the date, even on a Saturday', '2026-01-03', 0, [], '2026-01-03'],
    ['across a month end', '2026-04-30', 3, [], '2026-05-05'],
    ['across a 30-day month end on a weekend', '2026-05-29', 1, [], '2026-06-01'],
    ['across the year end', '2026-12-30', 3, [], '2027-01-04'],
    ['Dec 31 + 1 is New Year’s Day when it is not a holiday', '2026-12-31', 1, [], '2027-01-01'],
    ['Dec 31 + 1 skips New Year’s Day as a holiday', '2026-12-31', 1, ['2027-01-01'], '2027-01-04'],
    ['across the year end with a holiday', '2026-12-30', 3, ['2027-01-01'], '2027-01-05'],
    ['into a leap day', '2028-02-28', 1, [], '2028-02-29'],
    ['over a leap day', '2028-02-28', 2, [], '2028-03-01'],
    ['from a leap day', '2024-02-29', 1, [], '2024-03-01'],
    ['February without a leap day', '2027-02-26', 1, [], '2027-03-01'],
    ['a holiday on the target day moves it on', '2026-12-03', 3, ['2026-12-08'], '2026-12-09'],
    ['a holiday before the target day moves it on', '2026-12-03', 3, ['2026-12-04'], '2026-12-09'],
    [
      'consecutive holidays around a weekend',
      '2026-12-24',
      1,
      ['2026-12-25', '2026-12-28', '2026-12-29'],
      '2026-12-30',
    ],
    ['a holiday on a Saturday does not count twice', '2026-12-04', 1, ['2026-12-05'], '2026-12-07'],
    ['a holiday on the start day does not matter', '2026-12-03', 1, ['2026-12-03'], '2026-12-04'],
    ['going back over a weekend', '2026-12-08', -3, [], '2026-12-03'],
    ['going back over a holiday and the year end', '2027-01-04', -2, ['2027-01-01'], '2026-12-30'],
    ['across a spring DST change', '2026-03-05', 3, [], '2026-03-10'],
    ['across an autumn DST change', '2026-10-29', 3, [], '2026-11-03'],
  ])('%s: %s + %i -> %s', (_case, start, n, holidays, expected) => {
    expect(addBusinessDays(start, n, holidays)).toBe(expected);
  });

  it('accepts holidays as a Set', () => {
    expect(addBusinessDays('2026-12-03', 3, new Set(['2026-12-08']))).toBe('2026-12-09');
  });

  it('lands on a working day with exactly n working days after the start (property)', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 12 })
      .map((offset) => addCalendarDays('2020-01-01', offset));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 40 }),
        fc.array(day, { maxLength: 20 }),
        (start, n, holidays) => {
          const end = addBusinessDays(start, n, holidays);
          expect(isBusinessDay(end, holidays)).toBe(true);
          let count = 0;
          for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1)) {
            if (isBusinessDay(d, holidays)) count += 1;
          }
          expect(count).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['not a date', 'tomorrow'],
    ['a day that does not exist', '2027-02-29'],
    ['month 13', '2026-13-01'],
    ['no leading zeros', '2026-1-5'],
    ['a date with a time', '2026-12-03T09:00'],
    ['empty', ''],
  ])('refuses %s (%j)', (_case, value) => {
    expect(isLocalDate(value)).toBe(false);
    expect(() => addBusinessDays(value, 1)).toThrow(RangeError);
  });

  it('refuses a fractional number of days', () => {
    expect(() => addBusinessDays('2026-12-03', 1.5)).toThrow(RangeError);
  });

  it('knows the weekday of a date whatever the time zone', () => {
    expect(dayOfWeek('2026-12-03')).toBe(4);
    expect(dayOfWeek('2027-01-03')).toBe(0);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('local dates and times in New York', () => {
  it.each([
    ['late evening stays on the same local day', '2026-12-04T04:59:00.000Z', '2026-12-03'],
    ['local midnight starts the next day', '2026-12-04T05:00:00.000Z', '2026-12-04'],
    ['the night of the spring change', '2026-03-08T06:59:00.000Z', '2026-03-08'],
    ['the night of the autumn change, second 01:30', '2026-11-01T06:30:00.000Z', '2026-11-01'],
    ['new year in New York, still 2026 in UTC terms', '2027-01-01T04:59:00.000Z', '2026-12-31'],
  ])('%s', (_case, instant, date) => {
    expect(localDateOf(new Date(instant))).toBe(date);
  });

  it.each([
    ['in winter time', '2026-12-08', '2026-12-08T14:00:00.000Z'],
    ['the Friday before the spring change', '2026-03-06', '2026-03-06T14:00:00.000Z'],
    ['on the day of the spring change', '2026-03-08', '2026-03-08T13:00:00.000Z'],
    ['the Monday after the spring change', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['the Friday before the autumn change', '2026-10-30', '2026-10-30T13:00:00.000Z'],
    ['on the day of the autumn change', '2026-11-01', '2026-11-01T14:00:00.000Z'],
    ['the Monday after the autumn change', '2026-11-02', '2026-11-02T14:00:00.000Z'],
  ])('a reminder falls due at 09:00 local %s', (_case, date, iso) => {
    const due = reminderInstant(date);
    expect(due.toISOString()).toBe(iso);
    expect(due.getHours()).toBe(9);
    expect(localDateOf(due)).toBe(date);
  });

  it('keeps the 09:00 follow-ups at 09:00 when the clocks spring forward in between', () => {
    const due = followUpDueDates(new Date('2026-03-05T15:00:00.000Z'));
    expect(due['follow-up-3'].toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(due['follow-up-7'].toISOString()).toBe('2026-03-16T13:00:00.000Z');
    expect(due['follow-up-3'].getHours()).toBe(9);
  });

  it('keeps the 09:00 follow-ups at 09:00 when the clocks fall back in between', () => {
    const due = followUpDueDates(new Date('2026-10-29T14:00:00.000Z'));
    expect(due['follow-up-3'].toISOString()).toBe('2026-11-03T14:00:00.000Z');
    expect(due['follow-up-7'].toISOString()).toBe('2026-11-09T14:00:00.000Z');
    expect(due['follow-up-7'].getHours()).toBe(9);
  });

  it('counts the day of the spring change as 23 hours and of the autumn change as 25', () => {
    const spring =
      startOfLocalDay('2026-03-09').getTime() - startOfLocalDay('2026-03-08').getTime();
    const autumn =
      startOfLocalDay('2026-11-02').getTime() - startOfLocalDay('2026-11-01').getTime();
    expect(spring).toBe(23 * HOUR);
    expect(autumn).toBe(25 * HOUR);
  });

  it('moves a wall-clock time in the skipped spring hour forward, as the OS does', () => {
    const instant = instantAtLocal('2026-03-08', 2, 30);
    expect(instant.getHours()).toBe(3);
    expect(instant.getMinutes()).toBe(30);
  });

  it('refuses an invalid instant', () => {
    expect(() => localDateOf(new Date('nope'))).toThrow(RangeError);
  });
});
