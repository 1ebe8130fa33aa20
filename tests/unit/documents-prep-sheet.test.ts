import { putMeeting } from '../../electron/services/meeting-records.js';
process.env.TZ = 'America/New_York';

import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createHandlers, type Dialogs, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { buildPrepSheet } from '../../electron/services/documents/prep-sheet.js';
import type { Storage } from '../../electron/services/types.js';
import { context, maya, meeting, settings } from './documents-fixtures.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let showSave: Mock<Dialogs['showSave']>;
let call: (channel: string, args: unknown) => ReturnType<typeof dispatch>;

beforeEach(() => {
  temp = makeTempDir('rapport-prep-sheet-');
  storage = open(path.join(temp.dir, 'data'));
  storage.transact((tx) => {
    tx.setSettings(settings({ paperSize: 'A4' }));
    tx.put('contacts', maya());
    putMeeting(tx, meeting());
  });
  showSave = vi.fn<Dialogs['showSave']>(async () => path.join(temp.dir, 'out', 'Prep.docx'));
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave },
    now: () => new Date('2026-12-01T12:00:00.000Z'),
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => {
      throw new Error('the prep sheet must not render a PDF');
    },
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  const handlers = createHandlers(deps);
  call = (channel, args) =>
    dispatch(handlers, channel, args, (error) => {
      throw error;
    });
});
afterEach(() => temp.cleanup());

const textOf = async (bytes: Uint8Array) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const htmlOf = async (bytes: Uint8Array) =>
  (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;

/** Asserts each needle occurs, and after the previous one. */
function expectInOrder(haystack: string, needles: string[]) {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('the prep sheet', () => {
  it('is saved where the user chose, under the suggested name, and reads back with every part in order', async () => {
    const result = await call('export:prepSheet', { id: 'meeting-1' });
    const target = path.join(temp.dir, 'out', 'Prep.docx');
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(showSave).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: 'Prep - Maya Okafor - Northwind Health - 2026-12-03.docx',
      }),
    );
    expect(fs.readdirSync(path.dirname(target))).toEqual(['Prep.docx']);
    const text = await textOf(fs.readFileSync(target));
    expectInOrder(text, [
      'Informational interview with Maya Okafor',
      'The meeting',
      'Thursday, December 3, 2026 at 11:00 AM',
      '30 minutes (until 11:30 AM)',
      'In person',
      'Northwind Health, 200 Lake St, Room 4',
      'Leave by',
      '10:20 AM (25 minutes of travel)',
      'Arrive by',
      '10:45 AM (15 minutes early)',
      'The person and the company',
      'Director of Nursing',
      'Northwind Health',
      'Healthcare',
      'Chicago, IL',
      'Alumni association: Class of 2009',
      'Research',
      'Industry',
      'Hospitals are short of nurses.',
      'Travel nursing grew fast',
      'Company',
      'Northwind runs 4 hospitals.',
      'Position',
      'Person',
      'Questions',
      '1.',
      'What does a typical day look like for you?',
      '2.',
      'What experience helped you advance?',
      'Charge nurse shifts.',
      'A master’s degree.',
      '3.',
      'Which trends worry you most?',
      '4.',
      'Who else should I talk to?',
      '5.',
      'What training would you recommend?',
      '6.',
      'Is the pay good?',
      'Checklist',
      '2 resume copies',
      'Portfolio',
      'Business cards',
      'Outfit',
      'Research done',
      'At least 5 open questions ready (5 written)',
      'Leave by 10:20 AM (25 minutes of travel) to arrive by 10:45 AM, 15 minutes early',
    ]);
  });

  it('uses Heading 1 for the title and Heading 2/3 for sections, with bullets and real links', async () => {
    const html = await htmlOf(
      await buildPrepSheet(context({ settings: settings({ printGroupedByTopic: true }) })),
    );
    expect(html).toContain('<h1>Informational interview with Maya Okafor</h1>');
    for (const section of [
      'The meeting',
      'The person and the company',
      'Research',
      'Questions',
      'Checklist',
    ]) {
      expect(html).toContain(`<h2>${section}</h2>`);
    }
    expect(html).toContain('<h3>Industry</h3>');
    expect(html).toContain('<h3>A typical day</h3>');
    expect(html).toMatch(/<ul><li>Travel nursing grew fast<\/li><li>Unions are active<\/li><\/ul>/);
    expect(html).toContain(
      '<a href="https://northwind.example.org/about">https://northwind.example.org/about</a>.',
    );
  });

  it('keeps Unicode names intact and puts the user’s name in the footer', async () => {
    const bytes = await buildPrepSheet(
      context({
        contact: maya({ firstName: 'Zoë', lastName: 'Ångström 李雷' }),
        settings: settings({ profile: { ...settings().profile, name: 'Jordan Lée' } }),
      }),
    );
    expect(await textOf(bytes)).toContain('Informational interview with Zoë Ångström 李雷');
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const footers = Object.keys(zip.files).filter((name) => /word\/footer\d*\.xml$/.test(name));
    const footerXml = await Promise.all(footers.map((name) => zip.file(name)!.async('string')));
    expect(footerXml.join('')).toContain('Jordan Lée');
  });

  it.each([
    ['A4', 11906, 16838],
    ['Letter', 12240, 15840],
  ] as const)('is laid out on %s paper as set in Settings', async (paperSize, width, height) => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(
      await buildPrepSheet(context({ settings: settings({ paperSize }) })),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${width}" w:h="${height}"`));
  });

  it('still works for a meeting with no research, no questions and no place', async () => {
    const bare = meeting({
      research: { industry: '', company: '', position: '', person: '' },
      questions: [],
      place: '',
      travelMinutes: 0,
      checklist: {
        resumeCopies: 0,
        portfolio: false,
        businessCards: false,
        outfit: false,
        researchDone: false,
      },
    });
    const text = await textOf(await buildPrepSheet(context({ meeting: bare })));
    expectInOrder(text, [
      'Informational interview with Maya Okafor',
      'Not set yet',
      'Leave by',
      '10:45 AM (no travel time entered)',
      'Industry',
      'Nothing written yet.',
      'Person',
      'Nothing written yet.',
      'No questions yet.',
      '☐  Resume copies (none planned)',
      '☐  At least 5 open questions ready (0 written)',
      '☐  Arrive by 10:45 AM, 15 minutes early (no travel time entered)',
    ]);
  });

  it('shows a video link as a link when there is no place', async () => {
    const html = await htmlOf(
      await buildPrepSheet(
        context({
          meeting: meeting({ mode: 'video', place: '', link: 'https://meet.example.com/abc-def' }),
        }),
      ),
    );
    expect(html).toContain('<a href="https://meet.example.com/abc-def">');
  });

  it('for a video call, says to join 5 minutes early and test the link, with no travel or arriving early', async () => {
    const text = await textOf(
      await buildPrepSheet(
        context({
          meeting: meeting({
            mode: 'video',
            place: 'An old café from before it moved online',
            link: 'https://meet.example.com/abc-def',
          }),
        }),
      ),
    );
    expectInOrder(text, [
      'How',
      'Video call',
      'Video link',
      'https://meet.example.com/abc-def',
      'Join at',
      '10:55 AM',
      'Join 5 minutes early and test the link and audio.',
      'Checklist',
      '☐  Join 5 minutes early (10:55 AM) and test the link and audio',
    ]);
    // ("Travel nursing" in the research is the only travel left.)
    expect(text).not.toMatch(/leave by|arrive|of travel|travel time/i);
    expect(text).not.toContain('An old café');
  });

  it('for a phone call, says to test the line and audio, and prints no video link', async () => {
    const text = await textOf(
      await buildPrepSheet(
        context({
          meeting: meeting({
            mode: 'phone',
            place: 'Maya calls my mobile',
            link: 'https://meet.example.com/left-over',
          }),
        }),
      ),
    );
    expectInOrder(text, [
      'Phone call',
      'Call details',
      'Maya calls my mobile',
      'Join at',
      '10:55 AM',
      'Join 5 minutes early and test the phone line and audio.',
      '☐  Join 5 minutes early (10:55 AM) and test the phone line and audio',
    ]);
    expect(text).not.toMatch(/leave by|arrive|of travel|travel time|video link|meet\.example/i);
  });

  it('says "on time" when the user arrives 0 minutes early', async () => {
    const text = await textOf(
      await buildPrepSheet(context({ settings: settings({ arriveEarlyMinutes: 0 }) })),
    );
    expectInOrder(text, [
      'Leave by',
      '10:35 AM (25 minutes of travel)',
      'Arrive by',
      '11:00 AM (on time)',
      'Leave by 10:35 AM (25 minutes of travel) to arrive by 11:00 AM, on time',
    ]);
    expect(text).not.toContain('0 minutes early');
  });

  it('prints the questions in the user’s order, as one numbered list without topic headings', async () => {
    const bytes = await buildPrepSheet(context());
    const text = await textOf(bytes);
    const questions = text.slice(text.indexOf('Questions'), text.indexOf('Checklist'));
    const numbered = [...questions.matchAll(/(\d+)\.\t(.+)/g)].map((m) => `${m[1]}. ${m[2]}`);
    expect(numbered).toEqual(
      meeting().questions.map((question, index) => `${index + 1}. ${question.text}`),
    );
    const html = await htmlOf(bytes);
    expect(html).not.toContain('<h3>A typical day</h3>');
    expect(html).not.toContain('<h3>Trends</h3>');
  });

  it('groups the questions under topic headings when Settings asks for it, numbering them as printed', async () => {
    const text = await textOf(
      await buildPrepSheet(context({ settings: settings({ printGroupedByTopic: true }) })),
    );
    expectInOrder(text, [
      'Questions',
      'A typical day',
      '1.\tWhat does a typical day look like for you?',
      'Advancement',
      '2.\tWhat experience helped you advance?',
      'Education',
      '3.\tWhat training would you recommend?',
      'Rewards and challenges',
      '4.\tIs the pay good?',
      'Trends',
      '5.\tWhich trends worry you most?',
      'Resources',
      '6.\tWho else should I talk to?',
      'Checklist',
    ]);
  });

  it('prints the resume copies as a box to tick, never pre-ticked, and ticks only what is done', async () => {
    for (const resumeCopies of [0, 1, 3]) {
      const text = await textOf(
        await buildPrepSheet(
          context({
            meeting: meeting({
              checklist: {
                resumeCopies,
                portfolio: true,
                businessCards: true,
                outfit: true,
                researchDone: true,
              },
            }),
          }),
        ),
      );
      const checklist = text.slice(text.indexOf('Checklist'));
      const copies =
        resumeCopies === 0
          ? 'Resume copies (none planned)'
          : resumeCopies === 1
            ? '1 resume copy'
            : `${resumeCopies} resume copies`;
      expectInOrder(checklist, [
        `☐  ${copies}`,
        '☐  Portfolio',
        '☐  Business cards',
        '☐  Outfit',
        '☒  Research done',
        '☒  At least 5 open questions ready (5 written)',
        '☐  Leave by 10:20 AM',
      ]);
      expect(checklist).not.toMatch(/☒ {2}(\d|Resume|Portfolio|Business|Outfit|Leave)/);
    }
  });

  it('returns null and writes nothing when the user cancels the dialog', async () => {
    showSave.mockResolvedValueOnce(null);
    expect(await call('export:prepSheet', { id: 'meeting-1' })).toEqual({ ok: true, value: null });
    expect(fs.existsSync(path.join(temp.dir, 'out'))).toBe(false);
  });

  it('says the meeting is gone for an unknown id, before any dialog opens', async () => {
    const result = await call('export:prepSheet', { id: 'no-such-meeting' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(showSave).not.toHaveBeenCalled();
  });

  it('explains a folder it cannot write to and leaves no temp file', async () => {
    const blocked = path.join(temp.dir, 'blocked');
    fs.writeFileSync(blocked, 'a file where a folder should be');
    showSave.mockResolvedValueOnce(path.join(blocked, 'Prep.docx'));
    const result = await call('export:prepSheet', { id: 'meeting-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!result.ok && result.error.message).toMatch(/Choose another folder/);
  });
});
