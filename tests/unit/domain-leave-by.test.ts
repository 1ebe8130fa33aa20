import { describe, expect, it } from 'vitest';
import { leaveBy } from '../../shared/domain/leave-by.js';

describe('the leave-by time', () => {
  it.each([
    ['2026-12-03T15:00:00.000Z', 25, 15, '2026-12-03T14:20:00.000Z'],
    ['2026-12-03T15:00:00.000Z', 0, 10, '2026-12-03T14:50:00.000Z'],
    ['2026-12-03T00:10:00.000Z', 30, 15, '2026-12-02T23:25:00.000Z'],
    ['2026-12-03T15:00:00.000Z', -5, 15, '2026-12-03T14:45:00.000Z'],
  ])(
    'for a meeting at %s with %i min travel and %i min early is %s',
    (start, travel, early, expected) => {
      expect(leaveBy(start, travel, early)?.toISOString()).toBe(expected);
    },
  );

  it('is null when the start is not a date', () => {
    expect(leaveBy('not a date', 10, 15)).toBeNull();
  });
});
