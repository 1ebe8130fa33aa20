import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPrepSheet } from '../../electron/services/documents/prep-sheet.js';
import { buildThankYouLetter } from '../../electron/services/documents/thank-you-letter.js';
import { textDirection } from '../../shared/domain/bidi.js';
import { context, maya, meeting, settings } from './documents-fixtures.js';

describe('which way a text runs', () => {
  it.each([
    ['מאיה אוקפור', 'rtl'],
    ['مرحبا بك', 'rtl'],
    ['123 - مرحبا', 'rtl'],
    ['(2) שאלה על Python', 'rtl'],
    ['Maya Okafor', 'ltr'],
    ['Zoë Ångström', 'ltr'],
    ['李雷', 'ltr'],
    ['Python שאלה', 'ltr'],
    ['', 'neutral'],
    ['42 — ?', 'neutral'],
  ] as const)('%j reads %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });

  it('looks only at the start of a huge text', () => {
    const huge = `${' '.repeat(5_000_000)}מאיה`;
    huge.charCodeAt(huge.length - 1); // builds the string before the clock starts
    textDirection('warm up');
    const started = performance.now();
    expect(textDirection(huge)).toBe('neutral');
    expect(performance.now() - started).toBeLessThan(50);
  });
});

/** The paragraphs of a .docx's body, each as its raw XML. */
async function paragraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
}

const containing = (all: string[], text: string) => {
  const found = all.find((p) => p.includes(text));
  if (found === undefined) throw new Error(`no paragraph contains ${text}`);
  return found;
};

describe('right-to-left text in Word documents', () => {
  it('writes Hebrew and Arabic questions, answers and research as RTL paragraphs, Latin ones as before', async () => {
    const sheet = await buildPrepSheet(
      context({
        meeting: meeting({
          research: {
            industry: 'שוק הבריאות גדל במהירות',
            company: 'Northwind runs 4 hospitals.',
            position: '',
            person: '',
          },
          questions: [
            {
              id: 'q1',
              text: 'מה כולל יום עבודה רגיל?',
              category: 'typical-day',
              minutes: 3,
              answer: 'ישיבות בבוקר\nסבב במחלקה',
            },
            {
              id: 'q2',
              text: 'ما هي أكبر التحديات؟',
              category: 'rewards-challenges',
              minutes: 3,
              answer: '',
            },
            { id: 'q3', text: 'What trends matter?', category: 'trends', minutes: 3, answer: '' },
          ],
        }),
      }),
    );
    const all = await paragraphs(sheet);
    for (const text of ['שוק הבריאות', 'מה כולל יום', 'ישיבות בבוקר', 'ما هي أكبر']) {
      const paragraph = containing(all, text);
      expect(paragraph, text).toContain('<w:bidi/>');
      expect(paragraph, text).toContain('<w:rtl/>');
    }
    for (const text of ['Northwind runs 4 hospitals.', 'What trends matter?']) {
      const paragraph = containing(all, text);
      expect(paragraph, text).not.toContain('<w:bidi/>');
      expect(paragraph, text).not.toContain('<w:rtl/>');
    }
  });

  it('lays out a Hebrew letter right to left, greeting, body and signature', async () => {
    const letter = await buildThankYouLetter({
      body: 'שלום מאיה,\n\nתודה רבה על הזמן והעצות.\n\nבברכה,\nיונתן',
      contact: maya({ firstName: 'מאיה', lastName: 'אוקפור' }),
      profile: settings().profile,
      paperSize: 'A4',
      date: new Date('2026-12-04T10:00:00.000Z'),
      locale: 'en-US',
    });
    const all = await paragraphs(letter);
    for (const text of ['שלום מאיה', 'תודה רבה', 'מאיה']) {
      expect(containing(all, text), text).toContain('<w:bidi/>');
    }
    expect(containing(all, 'Jordan Lee')).not.toContain('<w:bidi/>');
  });
});
