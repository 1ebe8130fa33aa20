import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium } from 'playwright-core';
import type { MeetingContext } from '../../electron/services/documents/meeting-context.js';
import { buildPacket } from '../../electron/services/documents/packet.js';
import { buildPrepSheet } from '../../electron/services/documents/prep-sheet.js';
import { QuestionCategory, type Meeting } from '../../shared/schema/entities.js';
import { defaultSettings } from '../../shared/schema/settings.js';
import { median, round, type BenchModule, type Figure } from './types.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function benchContext(questionCount: number): MeetingContext {
  const categories = QuestionCategory.options;
  const questions: Meeting['questions'] = Array.from({ length: questionCount }, (_, index) => ({
    id: `q${index}`,
    text: `Question ${index + 1}: what surprised you most about this part of the work, and why?`,
    category: categories[index % categories.length] ?? 'other',
    minutes: 2,
    answer: index % 4 === 0 ? 'A typed answer.\nWith a second line.' : '',
  }));
  const research = (topic: string) =>
    `Notes on the ${topic}.\n- A first point\n- A second point with https://example.org/${topic}\nA closing line.`;
  return {
    meeting: {
      id: 'bench-meeting',
      contactId: 'bench-contact',
      start: '2026-12-03T16:00:00.000Z',
      minutes: 45,
      mode: 'in-person',
      place: 'Northwind Health, 200 Lake St',
      link: '',
      status: 'planned',
      research: {
        industry: research('industry'),
        company: research('company'),
        position: research('position'),
        person: research('person'),
      },
      questions,
      notes: [],
      checklist: {
        resumeCopies: 3,
        portfolio: true,
        businessCards: true,
        outfit: false,
        researchDone: true,
      },
      travelMinutes: 25,
      takeaways: '',
      advice: '',
      namesSuggested: '',
      promises: '',
      attachmentIds: [],
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    },
    contact: {
      id: 'bench-contact',
      firstName: 'Zoë',
      lastName: 'Ångström 李雷',
      title: 'Director of Nursing',
      company: 'Northwind Health',
      industry: 'Healthcare',
      location: 'Chicago, IL',
      email: '',
      phone: '',
      linkedinUrl: '',
      source: { kind: 'alumni', detail: '' },
      referredById: null,
      employerId: null,
      tags: [],
      notes: '',
      stage: 'scheduled',
      responsiveness: 'unknown',
      keepInTouch: { off: false, days: null },
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    },
    settings: {
      ...defaultSettings('en-US'),
      profile: { ...defaultSettings().profile, name: 'Jordan Lee' },
    },
    attachments: [],
    locale: 'en-US',
  };
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** A two-page resume made on the spot, so the bench needs no fixture. */
async function twoPageResume(): Promise<PDFDocument> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const title of ['Experience', 'Education']) {
    const page = document.addPage([612, 792]);
    page.drawText(`Jordan Lee - ${title}`, { x: 72, y: 700, size: 18, font });
    for (let line = 0; line < 30; line += 1) {
      page.drawText(`Line ${line + 1} of the ${title.toLowerCase()} section.`, {
        x: 72,
        y: 660 - line * 18,
        size: 11,
        font,
      });
    }
  }
  return PDFDocument.load(await document.save());
}

/**
 * Document timings: the prep sheet against a plain docx with the same text (what the docx
 * library costs anyway), and the packet end to end with Chromium rendering the sheet.
 */
export const documentsBench: BenchModule = {
  name: 'documents',
  async run({ progress }) {
    const figures: Figure[] = [];
    const context = benchContext(40);

    progress('prep sheet, 40 questions');
    const sample = await buildPrepSheet(context);
    const lines = (await mammoth.extractRawText({ buffer: Buffer.from(sample) })).value
      .split('\n')
      .filter((line) => line.trim() !== '');
    const floor = () =>
      Packer.toBuffer(
        new Document({
          sections: [{ children: lines.map((line) => new Paragraph({ text: line })) }],
        }),
      );
    await timed(3, () => buildPrepSheet(context));
    await timed(3, floor);
    // Interleaved, so both see the same machine load.
    const prep: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < 9; round += 1) {
      prep.push(...(await timed(1, () => buildPrepSheet(context))));
      plain.push(...(await timed(1, floor)));
    }
    const prepMs = round(median(prep), 1);
    const floorMs = round(median(plain), 1);
    figures.push({
      key: 'prep.docx40.ms',
      value: prepMs,
      unit: 'ms',
      goal: {
        text: '< 100 ms and within 1.3x of floor',
        pass: prepMs < 100 && prepMs <= floorMs * 1.3,
      },
    });
    figures.push({ key: 'prep.docx40.floor.ms', value: floorMs, unit: 'ms' });

    progress('packet: 20 questions + 3 copies of a 2-page resume, through Chromium');
    const browser = await chromium.launch({
      executablePath: process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const renderPdf = async (html: string, { pageSize }: { pageSize: 'A4' | 'Letter' }) => {
        const page = await browser.newPage();
        try {
          await page.setContent(html);
          return await page.pdf({ format: pageSize, printBackground: true });
        } finally {
          await page.close();
        }
      };
      const resume = await twoPageResume();
      const packetContext = benchContext(20);
      let pages = 0;
      await timed(1, async () => {
        pages = (await buildPacket(packetContext, resume, 3, renderPdf)).pages;
      });
      const packet = await timed(5, () => buildPacket(packetContext, resume, 3, renderPdf));
      const packetMs = round(median(packet), 1);
      progress(`packet has ${pages} pages`);
      figures.push({
        key: 'packet.pdf.ms',
        value: packetMs,
        unit: 'ms',
        goal: { text: '< 1,500 ms', pass: packetMs < 1_500 },
      });
    } finally {
      await browser.close();
    }
    return figures;
  },
};
