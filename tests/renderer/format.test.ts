import { describe, expect, it } from 'vitest';
import {
  asSentence,
  backupReasonLabel,
  formatBytes,
  formatCounts,
  formatDateTime,
} from '../../renderer/format.js';

describe('formatting for people', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [1024, '1.0 KB'],
    [12_595, '12.3 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [3 * 1024 ** 4 * 2048, '6,144.0 TB'],
    [-1, 'unknown size'],
    [Number.NaN, 'unknown size'],
  ])('formats %d bytes as %j in US English', (bytes, text) => {
    expect(formatBytes(bytes, 'en-US')).toBe(text);
  });

  it("uses the locale's decimal comma where there is one", () => {
    expect(formatBytes(12_595, 'de-DE')).toBe('12,3 KB');
  });

  it('names every backup reason in words', () => {
    const reasons = [
      'start',
      'interval',
      'quit',
      'before-restore',
      'before-import',
      'before-migration',
      'manual',
    ] as const;
    expect(reasons.map(backupReasonLabel)).toEqual([
      'At start',
      'Automatic',
      'On quit',
      'Before restore',
      'Before import',
      'Before migration',
      'Manual',
    ]);
  });

  it('does not print "Invalid Date" for a malformed timestamp', () => {
    expect(formatDateTime('yesterday-ish')).toBe('an unknown date');
  });

  it('lists non-empty collections with singular and plural words', () => {
    expect(formatCounts({ contacts: 1, meetings: 0, reminders: 2 })).toBe(
      '1 contact and 2 reminders',
    );
    expect(formatCounts({ contacts: 0 })).toBe('');
  });

  it('ends a reason like a sentence exactly once', () => {
    expect(asSentence('Written by Rapport 3.0')).toBe('Written by Rapport 3.0.');
    expect(asSentence('Written by a newer Rapport.')).toBe('Written by a newer Rapport.');
  });
});
