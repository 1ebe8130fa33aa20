// The process time zone must be set before any Date is used: Berlin changes to summer time on
// 2026-03-29 and back on 2026-10-25.
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import {
  localDateOf,
  reminderInstant,
  startOfLocalDay,
} from '../../shared/domain/business-days.js';
import { followUpDueDates } from '../../shared/domain/three-b-seven.js';

const HOUR = 60 * 60 * 1000;

describe('business days in Berlin', () => {
  it('runs in Central European time', () => {
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(-120);
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(-60);
  });

  it.each([
    ['the Friday before the spring change', '2026-03-27', '2026-03-27T08:00:00.000Z'],
    ['the day of the spring change', '2026-03-29', '2026-03-29T07:00:00.000Z'],
    ['the Tuesday after the spring change', '2026-03-31', '2026-03-31T07:00:00.000Z'],
    ['the Friday before the autumn change', '2026-10-23', '2026-10-23T07:00:00.000Z'],
    ['the day of the autumn change', '2026-10-25', '2026-10-25T08:00:00.000Z'],
    ['the Tuesday after the autumn change', '2026-10-27', '2026-10-27T08:00:00.000Z'],
  ])('a reminder falls due at 09:00 local on %s', (_case, date, iso) => {
    const due = reminderInstant(date);
    expect(due.toISOString()).toBe(iso);
    expect(due.getHours()).toBe(9);
  });

  it('keeps the 09:00 follow-ups at 09:00 across the spring change, with Easter holidays', () => {
    const sent = new Date('2026-03-26T09:00:00.000Z'); // Thursday 10:00 CET
    const plain = followUpDueDates(sent);
    expect(plain['follow-up-3'].toISOString()).toBe('2026-03-31T07:00:00.000Z');
    expect(plain['follow-up-7'].toISOString()).toBe('2026-04-06T07:00:00.000Z');
    const easter = followUpDueDates(sent, ['2026-04-03', '2026-04-06']);
    expect(easter['follow-up-3'].toISOString()).toBe('2026-03-31T07:00:00.000Z');
    expect(easter['follow-up-7'].toISOString()).toBe('2026-04-08T07:00:00.000Z');
    expect(easter['follow-up-7'].getHours()).toBe(9);
  });

  it('keeps the 09:00 follow-ups at 09:00 across the autumn change', () => {
    const due = followUpDueDates(new Date('2026-10-22T08:00:00.000Z')); // Thursday 10:00 CEST
    expect(due['follow-up-3'].toISOString()).toBe('2026-10-27T08:00:00.000Z');
    expect(due['follow-up-7'].toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(due['follow-up-3'].getHours()).toBe(9);
  });

  it('dates an instant by the Berlin calendar, not UTC', () => {
    expect(localDateOf(new Date('2026-03-28T23:30:00.000Z'))).toBe('2026-03-29');
    expect(localDateOf(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });

  it('counts the day of the spring change as 23 hours and of the autumn change as 25', () => {
    expect(startOfLocalDay('2026-03-30').getTime() - startOfLocalDay('2026-03-29').getTime()).toBe(
      23 * HOUR,
    );
    expect(startOfLocalDay('2026-10-26').getTime() - startOfLocalDay('2026-10-25').getTime()).toBe(
      25 * HOUR,
    );
  });
});
