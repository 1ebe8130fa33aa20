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
    [
      12,
      'short',
      '12 words: short is fine, as long as it thanks them and names one thing you learned.',
    ],
    [
      24,
      'short',
      '24 words: short is fine, as long as it thanks them and names one thing you learned.',
    ],
    [25, 'ok', '25 words: short and specific is fine.'],
    [60, 'ok', '60 words: short and specific is fine.'],
    [79, 'ok', '79 words: short and specific is fine.'],
    [80, 'ok', '80 words: a good length.'],
    [200, 'ok', '200 words: a good length.'],
    [
      201,
      'long',
      '201 words: consider trimming it. A note under 200 words is more likely to be read in full.',
    ],
  ] as const)('calls %i words %s and says so as advice', (n, status, message) => {
    expect(check(words(n)).length).toEqual({ words: n, status, message });
  });

  it('passes a specific 60-word note', () => {
    const note = [
      'Dear Maya,',
      'Thank you for Thursday. Hospitals hire analysts who know SQL: that one line has',
      'changed how I plan the next three months. I have signed up for the evening SQL course at the',
      'library and will shadow a charge nurse in March, as you suggested. I will write again once',
      'I have done both.',
      'Best regards,',
      'Alex Kim',
    ].join('\n');
    const result = check(note);
    expect(result.length).toMatchObject({ words: 60, status: 'ok' });
    expect(result.takeaway.ok).toBe(true);
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
