process.env.TZ = 'America/New_York';

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  learningsDocx,
  learningsFileName,
  type LearningsDocInput,
} from '../../electron/services/documents/learnings-doc.js';
import {
  buildLearnings,
  learningsFilterLabel,
  type LearningsMeeting,
} from '../../shared/domain/learnings.js';

const meetings: LearningsMeeting[] = [
  {
    meetingId: 'maya',
    start: '2026-03-10T15:00:00.000Z',
    contactName: 'Maya Okafor',
    title: 'Director of Nursing',
    company: 'Northwind Health',
    industry: 'Healthcare',
    questions: [
      {
        category: 'advancement',
        text: 'How did you move up?',
        answer: 'Charge nurse first, then a master’s.',
      },
      {
        category: 'typical-day',
        text: 'What is a typical day like?',
        answer: 'Rounds at seven.\nMeetings after lunch.\n\nPaperwork until five.',
      },
      { category: 'education', text: 'What should I study?', answer: '' },
    ],
    takeaways: 'Shadow a charge nurse.',
    advice: 'Ask for a shift.',
  },
  {
    meetingId: 'sam',
    start: '2026-01-05T14:00:00.000Z',
    contactName: 'Sam Lee',
    title: 'Product Manager',
    company: 'ACME',
    industry: 'Software',
    questions: [
      { category: 'typical-day', text: 'How does your day start?', answer: 'Stand-up at nine.' },
      { category: 'trends', text: 'Where is the field going?', answer: 'More AI tooling.' },
    ],
    takeaways: '',
    advice: 'Build a small product of your own.',
  },
  {
    meetingId: 'noa',
    start: '2026-02-02T14:00:00.000Z',
    contactName: 'נועה כהן',
    title: 'מהנדסת',
    company: 'אלביט',
    industry: 'Software',
    questions: [
      { category: 'trends', text: 'לאן התחום הולך?', answer: 'יותר בינה מלאכותית.\nפחות ניירת.' },
    ],
    takeaways: 'ללמוד Python.',
    advice: '',
  },
];

const input = (overrides: Partial<LearningsDocInput> = {}): LearningsDocInput => ({
  learnings: buildLearnings(meetings),
  paper: 'Letter',
  userName: 'Jordan Lee',
  generatedAt: new Date('2026-03-20T15:00:00.000Z'),
  filterLabel: null,
  locale: 'en-US',
  ...overrides,
});

const htmlOf = async (bytes: Uint8Array) =>
  (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
/** Non-empty lines as the reader sees them: paragraphs and line breaks both end a line. */
const linesOf = async (bytes: Uint8Array) =>
  (await htmlOf(bytes))
    .replace(/<br \/>|<\/p>|<\/h[1-6]>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .split('\n')
    .filter((line) => line.trim() !== '');
const headingsOf = async (bytes: Uint8Array, level: number) =>
  [...(await htmlOf(bytes)).matchAll(new RegExp(`<h${level}>(.*?)</h${level}>`, 'g'))].map(
    (match) => match[1],
  );
const documentXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

describe('the learnings summary', () => {
  it('is titled by the number of meetings, with a byline of who and when', async () => {
    const lines = await linesOf(await learningsDocx(input()));
    expect(lines.slice(0, 2)).toEqual([
      'What I learned from 3 informational interviews',
      'Jordan Lee · March 20, 2026',
    ]);
    expect(await headingsOf(await learningsDocx(input()), 1)).toEqual([
      'What I learned from 3 informational interviews',
    ]);
  });

  it('says singular for one meeting', async () => {
    const bytes = await learningsDocx(input({ learnings: buildLearnings(meetings.slice(1, 2)) }));
    expect(await headingsOf(bytes, 1)).toEqual(['What I learned from 1 informational interview']);
  });

  it('names the filter in the byline when one is on', async () => {
    const filter = { employer: 'acme inc.' };
    const bytes = await learningsDocx(
      input({
        learnings: buildLearnings(meetings, filter),
        filterLabel: learningsFilterLabel(filter),
      }),
    );
    const lines = await linesOf(bytes);
    expect(lines[0]).toBe('What I learned from 1 informational interview');
    expect(lines[1]).toBe('Jordan Lee · March 20, 2026 · Employer: acme inc.');
    expect(lines.join('\n')).not.toContain('Maya Okafor');
  });

  it('has one heading per topic, in the category order, then the takeaways', async () => {
    expect(await headingsOf(await learningsDocx(input()), 2)).toEqual([
      'A typical day',
      'Advancement',
      'Trends',
      'Takeaways and advice',
    ]);
  });

  it('prints who said what, oldest meeting first, answers with their line breaks', async () => {
    const lines = await linesOf(await learningsDocx(input()));
    const from = lines.indexOf('A typical day');
    expect(lines.slice(from, lines.indexOf('Advancement'))).toEqual([
      'A typical day',
      'Sam Lee, ACME · Jan 5, 2026',
      'How does your day start?',
      'Stand-up at nine.',
      'Maya Okafor, Northwind Health · Mar 10, 2026',
      'What is a typical day like?',
      'Rounds at seven.',
      'Meetings after lunch.',
      'Paperwork until five.',
    ]);
  });

  it('sets the speaker in bold and the question in italics, as named styles', async () => {
    const bytes = await learningsDocx(input());
    const xml = await documentXml(bytes);
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    const styleOf = (text: string) =>
      new RegExp(
        `<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="(\\w+)"/>(?:(?!</w:p>).)*${text}`,
        's',
      ).exec(xml)?.[1];
    const runOf = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    expect(styleOf('Sam Lee, ACME')).toBe('RapportSource');
    expect(styleOf('How does your day start')).toBe('RapportQuestion');
    expect(runOf('RapportSource')).toContain('<w:b/>');
    expect(runOf('RapportQuestion')).toContain('<w:i/>');
  });

  it('keeps a multi-line answer as lines of one paragraph, a blank line as a new paragraph', async () => {
    const html = await htmlOf(await learningsDocx(input()));
    expect(html).toContain(
      '<p>Rounds at seven.<br />Meetings after lunch.</p><p>Paperwork until five.</p>',
    );
  });

  it('ends with each meeting’s takeaways and advice, oldest first', async () => {
    const lines = await linesOf(await learningsDocx(input()));
    expect(lines.slice(lines.indexOf('Takeaways and advice'))).toEqual([
      'Takeaways and advice',
      'Sam Lee, Product Manager, ACME · Jan 5, 2026',
      'Advice',
      'Build a small product of your own.',
      'נועה כהן, מהנדסת, אלביט · Feb 2, 2026',
      'Takeaways',
      'ללמוד Python.',
      'Maya Okafor, Director of Nursing, Northwind Health · Mar 10, 2026',
      'Takeaways',
      'Shadow a charge nurse.',
      'Advice',
      'Ask for a shift.',
    ]);
  });

  it('keeps Hebrew text and lays it out right to left', async () => {
    const bytes = await learningsDocx(input());
    const lines = await linesOf(bytes);
    expect(lines).toContain('לאן התחום הולך?');
    expect(lines).toContain('יותר בינה מלאכותית.');
    expect(lines).toContain('פחות ניירת.');
    const xml = await documentXml(bytes);
    const paragraph = /<w:p>(?:(?!<\/w:p>).)*לאן התחום הולך\?(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml);
    expect(paragraph?.[0]).toContain('<w:bidi/>');
    expect(paragraph?.[0]).toContain('<w:rtl/>');
    const latin = /<w:p>(?:(?!<\/w:p>).)*Stand-up at nine\.(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml);
    expect(latin?.[0]).not.toContain('<w:bidi/>');
  });

  it('says so when nothing has been learned yet', async () => {
    const lines = await linesOf(await learningsDocx(input({ learnings: buildLearnings([]) })));
    expect(lines).toEqual([
      'What I learned from 0 informational interviews',
      'Jordan Lee · March 20, 2026',
      'Nothing learned yet. Answers, takeaways and advice written after a meeting appear here.',
    ]);
  });

  it('leaves the name out of the byline when the profile has none', async () => {
    const lines = await linesOf(await learningsDocx(input({ userName: '  ' })));
    expect(lines[1]).toBe('March 20, 2026');
  });

  it('drops characters Word cannot open instead of breaking the file', async () => {
    const hostile = buildLearnings([
      {
        ...meetings[1]!,
        questions: [{ category: 'other', text: 'Q\u0001?', answer: 'A\u0000B\u000bC\ud800' }],
      },
    ]);
    const lines = await linesOf(await learningsDocx(input({ learnings: hostile })));
    expect(lines).toContain('Q?');
    expect(lines).toContain('ABC');
  });

  it('uses the paper size from Settings', async () => {
    const a4 = await documentXml(await learningsDocx(input({ paper: 'A4' })));
    const letter = await documentXml(await learningsDocx(input({ paper: 'Letter' })));
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });
});

describe('learningsFileName', () => {
  it('is dated the day of export', () => {
    expect(learningsFileName(new Date('2026-03-20T15:00:00.000Z'))).toBe(
      'What I learned - 2026-03-20.docx',
    );
  });
});
