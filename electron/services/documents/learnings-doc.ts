import {
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { learningsTitle, type Learnings } from '../../../shared/domain/learnings.js';
import type { PaperSize } from '../../../shared/schema/settings.js';
import { rtlParagraph, rtlRun } from './bidi.js';
import { cleanDocText, dateFormat, PAGE } from './docx-page.js';
import { localDate, safeFileName } from './file-names.js';

/** 0.75 in on every side, as on the prep sheet: the two documents print alike. */
const MARGIN = 1_080;
/** Answers and takeaways sit under their speaker, indented a quarter inch. */
const INDENT = 360;

/** Everything the summary shows; the caller builds `learnings` with the user's filter. */
export interface LearningsDocInput {
  learnings: Learnings;
  paper: PaperSize;
  /** The user's name for the byline and the footer; '' leaves it out. */
  userName: string;
  /** The day the summary was made, printed under the title. */
  generatedAt: Date;
  /** The filter in words (`learningsFilterLabel`), or null when every meeting is included. */
  filterLabel: string | null;
  /** BCP 47 locale for dates; the process's when missing or unknown. */
  locale?: string;
}

const clean = cleanDocText;

/**
 * User text as blocks of lines: a blank line starts a new paragraph, a single newline stays a line
 * break inside one, so an answer typed as a list or in short lines prints as it was written.
 */
function blocks(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const raw of clean(text).split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** One paragraph per block, laid out right to left when the block starts in Hebrew or Arabic. */
const textParagraphs = (text: string, style: string) =>
  blocks(text).map(
    (lines) =>
      new Paragraph({
        style,
        ...rtlParagraph(lines.join('\n')),
        children: lines.map(
          (line, index) => new TextRun({ text: line, break: index === 0 ? 0 : 1, ...rtlRun(line) }),
        ),
      }),
  );

/** "Maya Okafor, Northwind Health · Dec 3, 2026": who said it and when, above what they said. */
function sourceLine(parts: string[], date: string): Paragraph {
  const who = parts
    .map((part) => clean(part).trim())
    .filter((part) => part !== '')
    .join(', ');
  const children: TextRun[] = [];
  if (who !== '') children.push(new TextRun({ text: who, ...rtlRun(who) }));
  if (date !== '') {
    if (who !== '') children.push(new TextRun({ text: ' · ', bold: false, color: '808080' }));
    // Bold like the name, but grey: the eye finds the people first.
    children.push(new TextRun({ text: date, color: '595959', ...rtlRun(date) }));
  }
  return new Paragraph({ style: 'RapportSource', ...rtlParagraph(`${who} ${date}`), children });
}

const heading = (text: string, level: 1 | 2) =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
  });

/**
 * The Learnings summary as a .docx: the answers of many meetings side by side under each topic,
 * then each meeting's takeaways and advice. Topics use Word's Heading 2, so the navigation pane
 * lists them; the paper size comes from Settings so it prints without scaling.
 */
export async function learningsDocx(input: LearningsDocInput): Promise<Uint8Array> {
  const { learnings } = input;
  const title = learningsTitle(learnings.meetingCount);
  const day = dateFormat(input.locale, { dateStyle: 'medium' });
  const long = dateFormat(input.locale, { dateStyle: 'long' });
  const meetingDay = (start: string) => {
    const date = new Date(start);
    return Number.isNaN(date.getTime()) ? '' : day.format(date);
  };
  const userName = clean(input.userName).trim();
  const children: Paragraph[] = [];

  children.push(heading(title, 1));
  const byline = [userName, long.format(input.generatedAt), clean(input.filterLabel ?? '').trim()]
    .filter((part) => part !== '')
    .join(' · ');
  children.push(
    new Paragraph({
      style: 'RapportByline',
      ...rtlParagraph(byline),
      children: [new TextRun({ text: byline, ...rtlRun(byline) })],
    }),
  );

  if (learnings.topics.length === 0 && learnings.meetings.length === 0) {
    children.push(
      new Paragraph({
        style: 'RapportNote',
        text: 'Nothing learned yet. Answers, takeaways and advice written after a meeting appear here.',
      }),
    );
  }

  for (const topic of learnings.topics) {
    children.push(heading(topic.label, 2));
    for (const entry of topic.entries) {
      children.push(sourceLine([entry.contactName, entry.company], meetingDay(entry.start)));
      const question = clean(entry.question).trim();
      if (question !== '') {
        children.push(
          new Paragraph({
            style: 'RapportQuestion',
            ...rtlParagraph(question),
            children: [new TextRun({ text: question, ...rtlRun(question) })],
          }),
        );
      }
      children.push(...textParagraphs(entry.answer, 'RapportAnswer'));
    }
  }

  if (learnings.meetings.length > 0) {
    children.push(heading('Takeaways and advice', 2));
    for (const meeting of learnings.meetings) {
      children.push(
        sourceLine(
          [meeting.contactName, meeting.title, meeting.company],
          meetingDay(meeting.start),
        ),
      );
      const parts: [string, string][] = [
        ['Takeaways', meeting.takeaways],
        ['Advice', meeting.advice],
      ];
      for (const [label, text] of parts) {
        const paragraphs = textParagraphs(text, 'RapportAnswer');
        if (paragraphs.length === 0) continue;
        children.push(new Paragraph({ style: 'RapportLabel', text: label }));
        children.push(...paragraphs);
      }
    }
  }

  const page = PAGE[input.paper];
  const width = page.width - 2 * MARGIN;
  const document = new Document({
    creator: userName || 'Rapport',
    title,
    description: 'Learnings summary made by Rapport',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 80 } } },
        heading1: {
          run: { font: 'Calibri', size: 36, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 0, after: 60 } },
        },
        heading2: {
          run: { font: 'Calibri', size: 28, bold: true, color: '2F5496' },
          paragraph: {
            spacing: { before: 360, after: 40 },
            keepNext: true,
            border: { bottom: { style: 'single', size: 4, color: 'B4C6E7', space: 2 } },
          },
        },
      },
      // Named styles, so the user can restyle every answer (or every speaker) at once in Word.
      paragraphStyles: [
        {
          id: 'RapportByline',
          name: 'Rapport Byline',
          basedOn: 'Normal',
          run: { color: '595959' },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: 'RapportNote',
          name: 'Rapport Note',
          basedOn: 'Normal',
          run: { italics: true, color: '595959' },
        },
        {
          id: 'RapportSource',
          name: 'Rapport Speaker',
          basedOn: 'Normal',
          quickFormat: true,
          run: { bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 200, after: 20 }, keepNext: true, keepLines: true },
        },
        {
          id: 'RapportQuestion',
          name: 'Rapport Question',
          basedOn: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '404040' },
          paragraph: { indent: { left: INDENT }, spacing: { after: 40 }, keepNext: true },
        },
        {
          id: 'RapportLabel',
          name: 'Rapport Label',
          basedOn: 'Normal',
          run: { bold: true, size: 18, color: '595959', allCaps: true },
          paragraph: {
            indent: { left: INDENT },
            spacing: { before: 80, after: 20 },
            keepNext: true,
          },
        },
        {
          id: 'RapportAnswer',
          name: 'Rapport Answer',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: INDENT }, spacing: { after: 80 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: page,
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, footer: 600 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: width }],
                children: [
                  new TextRun({ text: userName, size: 18, color: '595959', ...rtlRun(userName) }),
                  new TextRun({
                    children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    size: 18,
                    color: '595959',
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** `What I learned - 2026-12-04.docx`, dated the day of export. */
export function learningsFileName(date: Date): string {
  return safeFileName(`What I learned - ${localDate(date)}`, 'docx');
}
