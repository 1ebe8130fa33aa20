import { MODE_LABELS, meetingWhere } from '../../../shared/domain/arrival.js';
import { MIN_OPEN_QUESTIONS } from '../../../shared/domain/questions.js';
import { rtlParagraph, rtlRun } from './bidi.js';
import { PAGE } from './docx-page.js';
import { sourceLabels } from '../../../shared/domain/sources.js';
import {
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Contact } from '../../../shared/schema/entities.js';
import {
  contactName,
  beforeMeetingText,
  formatters,
  meetingTimes,
  printedChecklist,
  printedQuestions,
  researchBlocks,
  splitLinks,
  type MeetingContext,
} from './meeting-context.js';

/** 0.75 in on every side: room for a hole punch and for most printers' unprintable edge. */
const MARGIN = 1_080;
const LABEL_TAB = 2_000;

const researchSections = [
  ['industry', 'Industry'],
  ['company', 'Company'],
  ['position', 'Position'],
  ['person', 'Person'],
] as const;

/** Text with its http(s) links as real hyperlinks (Word's Hyperlink character style). */
function linkedRuns(text: string): ParagraphChild[] {
  return splitLinks(text).map((part) =>
    part.url === undefined
      ? new TextRun({ text: part.text, ...rtlRun(part.text) })
      : new ExternalHyperlink({
          link: part.url,
          children: [new TextRun({ text: part.text, style: 'Hyperlink' })],
        }),
  );
}

/** "Label<tab>value" with the labels lined up, for the facts and the person. */
function fact(label: string, value: string | ParagraphChild[]): Paragraph {
  return new Paragraph({
    style: 'RapportFact',
    children: [
      new TextRun({ text: label, bold: true }),
      new TextRun('\t'),
      ...(typeof value === 'string' ? linkedRuns(value) : value),
    ],
  });
}

const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    text,
    heading:
      level === 1
        ? HeadingLevel.HEADING_1
        : level === 2
          ? HeadingLevel.HEADING_2
          : HeadingLevel.HEADING_3,
  });

const note = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, italics: true, color: '595959' })] });

/**
 * Lines to write on, full width: right tabs with an underscore leader (which Word never merges the
 * way it merges paragraph borders), all in one paragraph so a long sheet stays small and fast.
 */
const writingLines = (width: number, count: number) =>
  new Paragraph({
    style: 'RapportLines',
    tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.UNDERSCORE }],
    children: Array.from(
      { length: count },
      (_, index) => new TextRun({ text: '\t', break: index === 0 ? 0 : 1 }),
    ),
  });

/** Checklist lines keep together, so the list never starts at the foot of a page. */
const box = (checked: boolean, text: string, last = false) =>
  new Paragraph({
    style: last ? 'RapportCheckLast' : 'RapportCheck',
    children: [
      new TextRun({ text: checked ? '☒' : '☐', font: 'Segoe UI Symbol' }),
      new TextRun(`  ${text}`),
    ],
  });

/**
 * The prep sheet as a .docx: what the user reads on the way to the meeting and writes on during
 * it. Headings use Word's Heading 1-3 styles so the navigation pane and a table of contents work;
 * the paper size comes from Settings so it prints without scaling.
 */
export async function buildPrepSheet(
  context: MeetingContext,
  data: { contactsById?: Readonly<Record<string, Contact>> } = {},
): Promise<Uint8Array> {
  const { meeting, contact, settings } = context;
  const format = formatters(context.locale);
  const times = meetingTimes(context);
  const name = contactName(contact);
  const page = PAGE[settings.paperSize];
  const width = page.width - 2 * MARGIN;
  const children: Paragraph[] = [];

  children.push(heading(`Informational interview with ${name}`, 1));
  if (meeting.status === 'cancelled') children.push(note('This meeting was cancelled.'));

  children.push(heading('The meeting', 2));
  children.push(fact('When', format.dateTime(times.start)));
  children.push(fact('Length', `${meeting.minutes} minutes (until ${format.time(times.end)})`));
  children.push(fact('How', MODE_LABELS[meeting.mode]));
  const where = meetingWhere(meeting);
  if (where.place !== '') children.push(fact(where.placeLabel, where.place));
  if (where.link !== '') children.push(fact('Video link', where.link));
  if (meeting.mode === 'in-person' && where.place === '')
    children.push(fact('Place', 'Not set yet'));
  if (meeting.mode === 'video' && where.link === '')
    children.push(fact('Video link', 'Not set yet'));
  for (const [label, value] of beforeMeetingText(context).facts) children.push(fact(label, value));

  children.push(heading('The person and the company', 2));
  children.push(fact('Name', name));
  const details: [string, string][] = [
    ['Title', contact.title],
    ['Company', contact.company],
    ['Industry', contact.industry],
    ['Location', contact.location],
    ['E-mail', contact.email],
    ['Phone', contact.phone],
    ['LinkedIn', contact.linkedinUrl],
  ];
  for (const [label, value] of details) if (value.trim() !== '') children.push(fact(label, value));
  const source = [sourceLabels[contact.source.kind], contact.source.detail.trim()]
    .filter((part) => part !== '')
    .join(': ');
  children.push(fact('Source', source));
  const referrer = contact.referredById ? data.contactsById?.[contact.referredById] : undefined;
  if (referrer) children.push(fact('Referred by', contactName(referrer)));

  children.push(heading('Research', 2));
  for (const [key, label] of researchSections) {
    children.push(heading(label, 3));
    const blocks = researchBlocks(meeting.research[key]);
    if (blocks.length === 0) children.push(note('Nothing written yet.'));
    for (const block of blocks) {
      children.push(
        new Paragraph({
          children: linkedRuns(block.text),
          ...rtlParagraph(block.text),
          spacing: { after: 80 },
          ...(block.kind === 'bullet' ? { bullet: { level: 0 } } : {}),
        }),
      );
    }
  }

  children.push(heading('Questions', 2));
  const groups = printedQuestions(meeting, settings);
  if (groups.length === 0) {
    children.push(
      note(
        `No questions yet. Write at least ${MIN_OPEN_QUESTIONS} open questions in the prep workspace.`,
      ),
    );
  }
  for (const group of groups) {
    if (group.label !== null) children.push(heading(group.label, 3));
    for (const question of group.questions) {
      children.push(
        new Paragraph({
          style: 'RapportQuestion',
          ...rtlParagraph(question.text),
          children: [
            new TextRun({ text: `${question.number}.\t`, bold: true }),
            new TextRun({ text: question.text, ...rtlRun(question.text) }),
          ],
        }),
      );
      if (question.answer !== '') {
        const lines = question.answer.replace(/\r\n?/g, '\n').split('\n');
        children.push(
          new Paragraph({
            style: 'RapportAnswer',
            ...rtlParagraph(question.answer),
            children: lines.map(
              (line, index) =>
                new TextRun({ text: line, break: index === 0 ? 0 : 1, ...rtlRun(line) }),
            ),
          }),
        );
      } else {
        children.push(writingLines(width, 4));
      }
    }
  }

  children.push(heading('Checklist', 2));
  const checks = printedChecklist(context);
  checks.forEach((check, index) =>
    children.push(box(check.checked, check.text, index === checks.length - 1)),
  );

  const footerText = settings.profile.name.trim();
  const document = new Document({
    creator: footerText || 'Rapport',
    title: `Informational interview with ${name}`,
    description: 'Prep sheet made by Rapport',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 80 } } },
        heading1: {
          run: { font: 'Calibri', size: 36, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 0, after: 200 } },
        },
        heading2: {
          run: { font: 'Calibri', size: 28, bold: true, color: '2F5496' },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: 'Calibri', size: 24, bold: true, color: '404040' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
      // Named styles instead of per-paragraph formatting: a smaller file that is faster to build,
      // and the user can restyle every question at once in Word.
      paragraphStyles: [
        {
          id: 'RapportFact',
          name: 'Rapport Fact',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: {
            leftTabStop: LABEL_TAB,
            indent: { left: LABEL_TAB, hanging: LABEL_TAB },
            spacing: { after: 60 },
          },
        },
        {
          id: 'RapportQuestion',
          name: 'Rapport Question',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: {
            keepNext: true,
            indent: { left: 360, hanging: 360 },
            spacing: { before: 120, after: 0 },
          },
        },
        {
          id: 'RapportAnswer',
          name: 'Rapport Answer',
          basedOn: 'Normal',
          run: { color: '404040' },
          paragraph: { indent: { left: 360 }, spacing: { before: 60, after: 120 } },
        },
        {
          id: 'RapportLines',
          name: 'Rapport Writing Lines',
          basedOn: 'Normal',
          run: { color: 'A6A6A6' },
          paragraph: {
            indent: { left: 360 },
            spacing: { before: 120, after: 120, line: 440 },
            keepLines: true,
          },
        },
        {
          id: 'RapportCheck',
          name: 'Rapport Checklist',
          basedOn: 'Normal',
          paragraph: { spacing: { after: 60 }, keepNext: true, keepLines: true },
        },
        {
          id: 'RapportCheckLast',
          name: 'Rapport Checklist Last',
          basedOn: 'RapportCheck',
          paragraph: { keepNext: false },
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
                  new TextRun({ text: footerText, size: 18, color: '595959' }),
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
