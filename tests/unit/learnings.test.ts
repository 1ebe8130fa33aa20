import { describe, expect, it } from 'vitest';
import {
  buildLearnings,
  hasText,
  learningsFilterLabel,
  learningsTitle,
  type LearningsMeeting,
} from '../../shared/domain/learnings.js';
import { CATEGORY_ORDER } from '../../shared/domain/questions.js';
import type { QuestionCategory } from '../../shared/schema/entities.js';

const q = (category: QuestionCategory, text: string, answer: string) => ({
  category,
  text,
  answer,
});

const meeting = (overrides: Partial<LearningsMeeting> = {}): LearningsMeeting => ({
  meetingId: 'm1',
  start: '2026-03-10T15:00:00.000Z',
  contactName: 'Maya Okafor',
  title: 'Director of Nursing',
  company: 'Northwind Health',
  industry: 'Healthcare',
  questions: [],
  takeaways: '',
  advice: '',
  ...overrides,
});

const maya = meeting({
  meetingId: 'maya',
  start: '2026-03-10T15:00:00.000Z',
  questions: [
    q('advancement', 'How did you move up?', 'Charge nurse first, then a master’s.'),
    q('typical-day', 'What is a typical day like?', 'Rounds at seven.\nMeetings after lunch.'),
    q('education', 'What should I study?', '   '),
  ],
  takeaways: 'Shadow a charge nurse.',
});

const sam = meeting({
  meetingId: 'sam',
  start: '2026-01-05T09:00:00.000Z',
  contactName: 'Sam Lee',
  title: 'Product Manager',
  company: 'ACME',
  industry: 'Software',
  questions: [
    q('typical-day', 'How does your day start?', 'Stand-up at nine.'),
    q('trends', 'Where is the field going?', 'More AI tooling.'),
  ],
  advice: 'Build a small product of your own.',
});

const ana = meeting({
  meetingId: 'ana',
  start: '2026-02-01T12:00:00.000+02:00',
  contactName: 'Ana Díaz',
  title: 'Biostatistician',
  company: 'Acme Inc.',
  industry: 'Santé',
  questions: [q('other', 'Anything else?', 'Learn R.')],
});

const planned = meeting({
  meetingId: 'planned',
  start: '2025-12-01T09:00:00.000Z',
  contactName: 'Nobody Yet',
  company: 'Globex',
  industry: 'Energy',
  questions: [q('typical-day', 'What is a typical day like?', '')],
  takeaways: '\n \t',
  advice: '\u200b',
});

const all = [maya, sam, ana, planned];

describe('buildLearnings', () => {
  it('puts answers side by side under their topic, in the category order', () => {
    const learnings = buildLearnings(all);
    expect(learnings.topics.map((topic) => topic.category)).toEqual([
      'typical-day',
      'advancement',
      'trends',
      'other',
    ]);
    expect(learnings.topics.map((topic) => topic.label)).toEqual([
      'A typical day',
      'Advancement',
      'Trends',
      'Other',
    ]);
    const order = learnings.topics.map((topic) => CATEGORY_ORDER.indexOf(topic.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists the entries of a topic oldest meeting first, with who said it and when', () => {
    const [typicalDay] = buildLearnings(all).topics;
    expect(typicalDay?.entries).toEqual([
      {
        meetingId: 'sam',
        contactName: 'Sam Lee',
        company: 'ACME',
        start: '2026-01-05T09:00:00.000Z',
        question: 'How does your day start?',
        answer: 'Stand-up at nine.',
      },
      {
        meetingId: 'maya',
        contactName: 'Maya Okafor',
        company: 'Northwind Health',
        start: '2026-03-10T15:00:00.000Z',
        question: 'What is a typical day like?',
        answer: 'Rounds at seven.\nMeetings after lunch.',
      },
    ]);
  });

  it('orders by the moment a meeting started, whatever its time-zone offset', () => {
    const early = meeting({
      meetingId: 'early',
      start: '2026-02-01T11:00:00.000+05:00',
      questions: [q('other', 'Q?', 'first')],
    });
    const later = meeting({
      meetingId: 'later',
      start: '2026-02-01T08:00:00.000Z',
      questions: [q('other', 'Q?', 'second')],
    });
    const entries = buildLearnings([later, early]).topics[0]?.entries ?? [];
    expect(entries.map((entry) => entry.answer)).toEqual(['first', 'second']);
  });

  it('keeps the questions of one meeting in the order they were prepared', () => {
    const one = meeting({
      questions: [q('advice', 'B?', 'b'), q('advice', 'A?', 'a'), q('advice', 'C?', 'c')],
    });
    const entries = buildLearnings([one]).topics[0]?.entries ?? [];
    expect(entries.map((entry) => entry.answer)).toEqual(['b', 'a', 'c']);
  });

  it('skips blank answers and leaves out topics with none', () => {
    const learnings = buildLearnings(all);
    expect(learnings.topics.some((topic) => topic.category === 'education')).toBe(false);
    const answers = learnings.topics.flatMap((topic) => topic.entries.map((entry) => entry.answer));
    expect(answers.every((answer) => answer.trim() !== '')).toBe(true);
  });

  it('trims the outer whitespace of answers but keeps their line breaks', () => {
    const one = meeting({ questions: [q('insights', '  Why?  ', '\n  one\ntwo\n\nthree  \n')] });
    const entry = buildLearnings([one]).topics[0]?.entries[0];
    expect(entry?.question).toBe('Why?');
    expect(entry?.answer).toBe('one\ntwo\n\nthree');
  });

  it('counts only the meetings the user learned something from', () => {
    const learnings = buildLearnings(all);
    expect(learnings.meetingCount).toBe(3);
    expect(learnings.employers).not.toContain('Globex');
    expect(learnings.industries).not.toContain('Energy');
  });

  it('counts a meeting with takeaways or advice but no answers', () => {
    const onlyAdvice = meeting({ advice: 'Join the association.' });
    const learnings = buildLearnings([onlyAdvice]);
    expect(learnings.meetingCount).toBe(1);
    expect(learnings.topics).toEqual([]);
    expect(learnings.meetings.map((m) => m.advice)).toEqual(['Join the association.']);
  });

  it('lists takeaways and advice oldest meeting first, only for meetings that have them', () => {
    const learnings = buildLearnings(all);
    expect(learnings.meetings).toEqual([
      {
        meetingId: 'sam',
        contactName: 'Sam Lee',
        title: 'Product Manager',
        company: 'ACME',
        industry: 'Software',
        start: '2026-01-05T09:00:00.000Z',
        takeaways: '',
        advice: 'Build a small product of your own.',
      },
      {
        meetingId: 'maya',
        contactName: 'Maya Okafor',
        title: 'Director of Nursing',
        company: 'Northwind Health',
        industry: 'Healthcare',
        start: '2026-03-10T15:00:00.000Z',
        takeaways: 'Shadow a charge nurse.',
        advice: '',
      },
    ]);
  });

  it('offers each employer and industry once, oldest spelling, sorted for the pickers', () => {
    const learnings = buildLearnings(all);
    // "ACME" (January) and "Acme Inc." (February) are one employer.
    expect(learnings.employers).toEqual(['ACME', 'Northwind Health']);
    expect(learnings.industries).toEqual(['Healthcare', 'Santé', 'Software']);
  });

  it('leaves empty employers and industries out of the pickers', () => {
    const learnings = buildLearnings([
      meeting({ company: '', industry: '  ', takeaways: 'Something.' }),
    ]);
    expect(learnings.employers).toEqual([]);
    expect(learnings.industries).toEqual([]);
  });

  it('keeps every choice in the pickers while a filter is on', () => {
    const filtered = buildLearnings(all, { employer: 'Northwind Health' });
    expect(filtered.employers).toEqual(['ACME', 'Northwind Health']);
    expect(filtered.industries).toEqual(['Healthcare', 'Santé', 'Software']);
  });

  const employerCases: [string, string[]][] = [
    ['acme inc.', ['sam', 'ana']],
    ['ACME', ['sam', 'ana']],
    ['  Acme, Inc  ', ['sam', 'ana']],
    ['northwind health', ['maya']],
    ['Globex', []],
    ['Initech', []],
  ];
  it.each(employerCases)('filters by employer "%s" with names folded', (employer, ids) => {
    const learnings = buildLearnings(all, { employer });
    const seen = new Set(
      learnings.topics.flatMap((topic) => topic.entries.map((entry) => entry.meetingId)),
    );
    for (const summary of learnings.meetings) seen.add(summary.meetingId);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(learnings.meetingCount).toBe(ids.length);
  });

  const industryCases: [string, string[]][] = [
    ['sante', ['ana']],
    ['SANTÉ', ['ana']],
    ['  santé ', ['ana']],
    ['healthcare', ['maya']],
    ['Health', []],
  ];
  it.each(industryCases)('filters by industry "%s" without case or accents', (industry, ids) => {
    const learnings = buildLearnings(all, { industry });
    expect(learnings.meetingCount).toBe(ids.length);
    const seen = learnings.topics.flatMap((topic) => topic.entries.map((entry) => entry.meetingId));
    expect([...new Set(seen)].sort()).toEqual([...ids].sort());
  });

  it('combines the employer and the industry filters', () => {
    expect(buildLearnings(all, { employer: 'Acme', industry: 'software' }).meetingCount).toBe(1);
    expect(buildLearnings(all, { employer: 'Acme', industry: 'healthcare' }).meetingCount).toBe(0);
  });

  it('treats an empty or missing filter as all meetings', () => {
    const everything = buildLearnings(all);
    expect(buildLearnings(all, {})).toEqual(everything);
    expect(buildLearnings(all, { employer: '', industry: '   ' })).toEqual(everything);
  });

  it('returns an empty summary for no meetings', () => {
    expect(buildLearnings([])).toEqual({
      meetingCount: 0,
      topics: [],
      meetings: [],
      employers: [],
      industries: [],
    });
  });

  it('does not reorder the caller’s list', () => {
    const list = [maya, sam];
    buildLearnings(list);
    expect(list.map((m) => m.meetingId)).toEqual(['maya', 'sam']);
  });

  it('handles many long answers quickly', () => {
    const long = 'word '.repeat(4_000);
    const many = Array.from({ length: 300 }, (_, index) =>
      meeting({
        meetingId: `m${index}`,
        start: new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString(),
        company: `Company ${index % 20}`,
        questions: CATEGORY_ORDER.map((category) => q(category, 'Q?', long)),
      }),
    );
    const started = performance.now();
    const learnings = buildLearnings(many, { employer: 'company 3' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(learnings.meetingCount).toBe(15);
    expect(learnings.employers).toHaveLength(20);
  });
});

describe('hasText', () => {
  const blank = ['', ' ', '\n\t\r', '\u00a0\u2003', '\u200b', '\ufeff'];
  it.each(blank)('finds nothing in %j', (text) => expect(hasText(text)).toBe(false));
  it.each(['a', '  .', '\nשלום'])('finds text in %j', (text) => expect(hasText(text)).toBe(true));
});

describe('learningsTitle', () => {
  const cases: [number, string][] = [
    [0, 'What I learned from 0 informational interviews'],
    [1, 'What I learned from 1 informational interview'],
    [2, 'What I learned from 2 informational interviews'],
    [8, 'What I learned from 8 informational interviews'],
  ];
  it.each(cases)('titles %i meetings', (count, title) => expect(learningsTitle(count)).toBe(title));
});

describe('learningsFilterLabel', () => {
  it('says nothing when every meeting is shown', () => {
    expect(learningsFilterLabel({})).toBeNull();
    expect(learningsFilterLabel({ employer: ' ', industry: '' })).toBeNull();
  });

  it('names the employer and the industry chosen', () => {
    expect(learningsFilterLabel({ employer: 'Acme' })).toBe('Employer: Acme');
    expect(learningsFilterLabel({ industry: ' Santé ' })).toBe('Industry: Santé');
    expect(learningsFilterLabel({ employer: 'Acme', industry: 'Software' })).toBe(
      'Employer: Acme · Industry: Software',
    );
  });
});
