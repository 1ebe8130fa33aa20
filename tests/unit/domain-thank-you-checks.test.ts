import { describe, expect, it } from 'vitest';
import {
  checkThankYou,
  countWords,
  meaningfulWords,
} from '../../shared/domain/thank-you-checks.js';

const now = new Date('2026-12-04T12:00:00.000Z');
const takeaways = 'Hospitals hire analysts who know SQL\nShadow a charge nurse for a day';
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const check = (body: string, extra: Partial<Parameters<typeof checkThankYou>[0]> = {}) =>
  checkThankYou({ body, takeaways, dueAt: null, now, ...extra });

describe('the specific-takeaway check', () => {
  it.each([
    [
      'two meaningful words shared with the takeaways',
      'Learning SQL matters, analysts said.',
      true,
    ],
    [
      'a takeaway line quoted with other punctuation and case',
      'You said: “shadow a CHARGE nurse, for a day”!',
      true,
    ],
    [
      'plural and singular forms of the same words',
      'I will ask which analyst roles need more SQLs.',
      true,
    ],
    ['only one shared word', 'I am going to study SQL.', false],
    [
      'only stop words and filler in common',
      'Thank you for the great advice and your time.',
      false,
    ],
    ['the takeaways only inside an open merge token', 'Dear {{hospitals analysts sql}},', false],
    ['an empty note', '', false],
  ])('with %s it says %s', (_case, body, ok) => {
    expect(check(body).takeaway.ok).toBe(ok);
  });

  it('names the shared words and the quoted line', () => {
    const result = check('Shadow a charge nurse for a day, you told me.').takeaway;
    expect(result.quotedLine).toBe('Shadow a charge nurse for a day');
    expect(result.sharedWords).toEqual(expect.arrayContaining(['shadow', 'charge', 'nurse']));
  });

  it('asks for a takeaway when the meeting has none written down', () => {
    const result = check('Hospitals hire analysts who know SQL', {
      takeaways: ['  ', ''],
    }).takeaway;
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/no takeaways/);
  });

  it('ignores accents and case in non-English takeaways', () => {
    expect(
      check('Ihre Empfehlung zur Weiterbildung in Pflegeinformatik hilft mir.', {
        takeaways: 'Weiterbildung in PFLEGEINFORMATIK lohnt sich',
      }).takeaway.ok,
    ).toBe(true);
    expect([...meaningfulWords('Zoë’s café CAFÉ')]).toEqual(['zoë', 'café']);
  });
});

describe('the length guidance', () => {
  it.each([
    [79, 'short'],
    [80, 'ok'],
    [200, 'ok'],
    [201, 'long'],
  ] as const)('calls %i words %s', (n, status) => {
    const result = check(words(n)).length;
    expect(result).toMatchObject({ words: n, status });
    expect(result.message).toContain(`${n} words`);
  });

  it('does not count open merge tokens as words', () => {
    expect(countWords('Dear {{firstName}}, thank you — it’s well-known.')).toBe(5);
  });
});

describe('the due indicator', () => {
  it('is absent without a held meeting', () => {
    expect(check('Hi').due).toBeNull();
  });

  it.each([
    ['2026-12-05T11:30:00.000Z', 23, false, /23 hours left/],
    ['2026-12-04T12:30:00.000Z', 0, false, /within the hour/],
    ['2026-12-04T12:00:00.000Z', 0, false, /within the hour/],
    ['2026-12-04T09:30:00.000Z', -3, true, /Overdue by 3 hours/],
  ] as const)('due %s: %i hours left, overdue %s', (dueAt, hoursLeft, overdue, message) => {
    const due = check('Hi', { dueAt }).due;
    expect(due).toMatchObject({ dueAt, hoursLeft, overdue });
    expect(due?.message).toMatch(message);
  });

  it('ignores a due date that is not a date rather than calling it overdue', () => {
    expect(check('Hi', { dueAt: 'tomorrow' }).due).toBeNull();
  });
});
