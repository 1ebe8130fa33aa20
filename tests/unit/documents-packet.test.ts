process.env.TZ = 'America/New_York';

import fs from 'node:fs';
import path from 'node:path';
import { putMeeting, readMeeting } from '../../electron/services/meeting-records.js';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type Mock,
} from 'vitest';
import { createHandlers, type Dialogs, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { escapeHtml, packetHtml } from '../../electron/services/documents/packet-html.js';
import {
  BROKEN_RESUME_MESSAGE,
  NO_RESUME_MESSAGE,
  WORD_RESUME_MESSAGE,
} from '../../electron/services/documents/packet.js';
import { buildPrepSheet } from '../../electron/services/documents/prep-sheet.js';
import type { Storage } from '../../electron/services/types.js';
import type { Meeting } from '../../shared/schema/entities.js';
import { context, launchPdfRenderer, maya, meeting, settings } from './documents-fixtures.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

const SAMPLE_RESUME = path.resolve('tests/fixtures/sample-resume.pdf');

let renderer: Awaited<ReturnType<typeof launchPdfRenderer>>;
beforeAll(async () => {
  renderer = await launchPdfRenderer();
});
afterAll(async () => {
  await renderer.close();
});

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let showSave: Mock<Dialogs['showSave']>;
let openPath: Mock<HandlerDeps['openPath']>;
let renderPdf: Mock<HandlerDeps['renderPdf']>;
let call: (channel: string, args: unknown) => ReturnType<typeof dispatch>;

beforeEach(() => {
  temp = makeTempDir('rapport-packet-');
  storage = open(path.join(temp.dir, 'data'));
  storage.transact((tx) => {
    tx.setSettings(settings({ paperSize: 'A4' }));
    tx.put('contacts', maya({ firstName: 'Zoë', lastName: 'Ångström 李雷' }));
    putMeeting(tx, meeting());
  });
  showSave = vi.fn<Dialogs['showSave']>(async () => path.join(temp.dir, 'out', 'Packet.pdf'));
  openPath = vi.fn<HandlerDeps['openPath']>(async () => undefined);
  renderPdf = vi.fn<HandlerDeps['renderPdf']>((html, options) => renderer.renderPdf(html, options));
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave },
    now: () => new Date('2026-12-01T12:00:00.000Z'),
    openPath,
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf,
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  const handlers = createHandlers(deps);
  call = (channel, args) =>
    dispatch(handlers, channel, args, (error) => {
      throw error;
    });
});
afterEach(() => temp.cleanup());

function attach(file: string, role: 'resume' | 'portfolio' = 'resume', toMeeting = true) {
  const attachment = storage.addAttachment(file, role);
  if (toMeeting) {
    storage.transact((tx) => {
      const current = readMeeting(tx, 'meeting-1') as Meeting;
      putMeeting(tx, { ...current, attachmentIds: [...current.attachmentIds, attachment.id] });
    });
  }
  return attachment;
}

async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages;
}

const resumePages = async () =>
  (await PDFDocument.load(fs.readFileSync(SAMPLE_RESUME))).getPageCount();

async function sheetPages(meetingOverrides: Partial<Meeting> = {}) {
  const html = packetHtml(
    context({
      contact: maya({ firstName: 'Zoë', lastName: 'Ångström 李雷' }),
      meeting: meeting(meetingOverrides),
      settings: settings({ paperSize: 'A4' }),
    }),
  );
  return (
    await PDFDocument.load(await renderer.renderPdf(html, { pageSize: 'A4' }))
  ).getPageCount();
}

describe('the printed packet', () => {
  it('has the sheet pages then copies × resume pages, with the name and questions as text', async () => {
    attach(SAMPLE_RESUME);
    const result = await call('export:packet', { id: 'meeting-1', copies: 3 });
    const target = path.join(temp.dir, 'out', 'Packet.pdf');
    const sheet = await sheetPages();
    const perResume = await resumePages();
    expect(perResume).toBeGreaterThan(0);
    expect(result).toEqual({ ok: true, value: { path: target, pages: sheet + 3 * perResume } });
    expect(showSave.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: 'Packet - Zoë Ångström 李雷 - 2026-12-03.pdf',
    });
    const bytes = fs.readFileSync(target);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(sheet + 3 * perResume);
    expect(renderPdf).toHaveBeenCalledWith(expect.any(String), { pageSize: 'A4' });

    const pages = await pdfText(bytes);
    const sheetText = pages.slice(0, sheet).join(' ');
    expect(sheetText).toContain('Zoë Ångström');
    // pdfjs may give each CJK glyph run as its own item.
    expect(sheetText.replace(/\s+/g, '')).toContain('李雷');
    for (const question of meeting().questions) expect(sheetText).toContain(question.text);
    // The resume pages follow, three times over, exactly as in the user's file.
    const resumeText = await pdfText(fs.readFileSync(SAMPLE_RESUME));
    for (let copy = 0; copy < 3; copy += 1) {
      expect(pages.slice(sheet + copy * perResume, sheet + (copy + 1) * perResume)).toEqual(
        resumeText,
      );
    }
  });

  it('uses the default resume from Settings when the meeting has none', async () => {
    const resume = attach(SAMPLE_RESUME, 'resume', false);
    storage.transact((tx) => tx.setSettings({ ...tx.data.settings, defaultResumeId: resume.id }));
    const result = await call('export:packet', { id: 'meeting-1', copies: 1 });
    expect(result).toMatchObject({
      ok: true,
      value: { pages: (await sheetPages()) + (await resumePages()) },
    });
  });

  it('prints the sheet alone with zero copies, even without a resume', async () => {
    const result = await call('export:packet', { id: 'meeting-1', copies: 0 });
    expect(result).toMatchObject({ ok: true, value: { pages: await sheetPages() } });
  });

  it('with a Word resume, says to attach a PDF, before any dialog and without writing', async () => {
    const docx = path.join(temp.dir, 'My resume.docx');
    fs.writeFileSync(docx, await buildPrepSheet(context()));
    attach(docx);
    const result = await call('export:packet', { id: 'meeting-1', copies: 2 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-file', message: WORD_RESUME_MESSAGE },
    });
    expect(WORD_RESUME_MESSAGE).toMatch(/^Your resume is a Word file; attach a PDF version/);
    expect(showSave).not.toHaveBeenCalled();
    expect(renderPdf).not.toHaveBeenCalled();
  });

  const broken: [string, string][] = [
    ['a file that is not a PDF at all', 'just some text, not a PDF'],
    ['a truncated PDF', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog'],
  ];
  it.each(broken)('with %s as resume, explains it cannot be read', async (_label, content) => {
    const file = path.join(temp.dir, 'resume.pdf');
    fs.writeFileSync(file, content);
    attach(file);
    const result = await call('export:packet', { id: 'meeting-1', copies: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-file', message: BROKEN_RESUME_MESSAGE },
    });
    expect(showSave).not.toHaveBeenCalled();
  });

  it('asks for a resume rather than silently leaving it out when copies > 0 and none is set', async () => {
    const result = await call('export:printPacket', { id: 'meeting-1', copies: 2 });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: NO_RESUME_MESSAGE } });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('for printing, replaces old packets in <data>/print and opens the new one', async () => {
    attach(SAMPLE_RESUME);
    const printDir = path.join(storage.dataDir, 'print');
    fs.mkdirSync(printDir, { recursive: true });
    fs.writeFileSync(path.join(printDir, 'Packet - Old Person - 2026-01-01.pdf'), 'old');
    const result = await call('export:printPacket', { id: 'meeting-1', copies: 2 });
    expect(result).toEqual({
      ok: true,
      value: { pages: (await sheetPages()) + 2 * (await resumePages()) },
    });
    const file = path.join(printDir, 'Packet - Zoë Ångström 李雷 - 2026-12-03.pdf');
    expect(fs.readdirSync(printDir)).toEqual([path.basename(file)]);
    expect(openPath).toHaveBeenCalledWith(file);
    expect((await PDFDocument.load(fs.readFileSync(file))).getPageCount()).toBe(
      (await sheetPages()) + 2 * (await resumePages()),
    );
  });

  it('returns null when the save dialog is cancelled, and not-found for an unknown meeting', async () => {
    showSave.mockResolvedValueOnce(null);
    expect(await call('export:packet', { id: 'meeting-1', copies: 0 })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('export:packet', { id: 'nope', copies: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(fs.existsSync(path.join(temp.dir, 'out'))).toBe(false);
  });

  it('lays out 40 questions over several pages, each question kept with its lines', async () => {
    const many = Array.from({ length: 40 }, (_, index) => ({
      id: `q${index}`,
      text: `Question number ${index + 1}: what would you do differently?`,
      category: 'insights' as const,
      minutes: 1,
      answer: '',
    }));
    const html = packetHtml(context({ meeting: meeting({ questions: many }) }));
    const bytes = await renderer.renderPdf(html, { pageSize: 'Letter' });
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.join(' ')).toContain('Question number 40:');
    const [first] = await (await PDFDocument.load(bytes)).getPages();
    expect(Math.round(first!.getWidth())).toBe(612); // Letter: 8.5 in × 72
  });
});

describe('the packet’s meeting card and questions', () => {
  const sheet = async (overrides: Parameters<typeof context>[0] = {}) =>
    (await pdfText(await renderer.renderPdf(packetHtml(context(overrides)), { pageSize: 'A4' })))
      .join(' ')
      .replace(/\s+/g, ' ');

  /** Asserts each needle occurs, and after the previous one. */
  function expectInOrder(haystack: string, needles: string[]) {
    let from = 0;
    for (const needle of needles) {
      const at = haystack.indexOf(needle, from);
      expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + needle.length;
    }
  }

  it('in person: where, then when to leave and arrive, from the travel time and Settings', async () => {
    expectInOrder(await sheet(), [
      'Where',
      'In person · Northwind Health, 200 Lake St, Room 4',
      'Leave by',
      '10:20 AM (25 minutes of travel)',
      'Arrive by',
      '10:45 AM (15 minutes early)',
    ]);
  });

  it.each([
    ['video', 'Video call · https://meet.example.com/abc', 'the link and audio'],
    ['phone', 'Phone call · Maya calls my mobile', 'the phone line and audio'],
  ] as const)(
    'for a %s call: join 5 minutes early, no travel and no arriving early',
    async (mode, where, check) => {
      const text = await sheet({
        meeting: meeting({
          mode,
          place: mode === 'phone' ? 'Maya calls my mobile' : 'An old café',
          link: 'https://meet.example.com/abc',
        }),
      });
      expectInOrder(text, [
        where,
        'Join at',
        '10:55 AM',
        `Join 5 minutes early and test ${check}.`,
      ]);
      expect(text).not.toMatch(/leave by|arrive|minutes of travel|minutes early\)/i);
      expect(text).not.toContain(mode === 'phone' ? 'meet.example.com' : 'An old café');
    },
  );

  it('lists the questions in the user’s own order, numbered as printed', async () => {
    const text = await sheet();
    expectInOrder(
      text,
      meeting().questions.flatMap((question, index) => [`${index + 1}.`, question.text]),
    );
    expect(text).not.toContain('A typical day');
  });

  it('groups the questions by topic when Settings asks for it, numbered straight through', async () => {
    expectInOrder(await sheet({ settings: settings({ printGroupedByTopic: true }) }), [
      'A typical day',
      '1. What does a typical day look like for you?',
      'Advancement',
      '2. What experience helped you advance?',
      'Education',
      '3. What training would you recommend?',
      'Rewards and challenges',
      '4. Is the pay good?',
      'Trends',
      '5. Which trends worry you most?',
      'Resources',
      '6. Who else should I talk to?',
    ]);
  });
});

describe('the packet page', () => {
  const hostile: [string, string][] = [
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['a stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    ['quotes breaking out of an attribute', '" onmouseover="alert(1)'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
  ];
  const page = (attack: string) =>
    packetHtml(
      context({
        contact: maya({ firstName: attack, title: attack }),
        meeting: meeting({
          place: attack,
          questions: [{ id: 'q', text: attack, category: 'other', minutes: 1, answer: '' }],
        }),
      }),
    );
  const tags = (html: string) => html.match(/<[a-z!/][^>]*>/gi) ?? [];

  it.each(hostile)('shows %s in a name or question as text, adding no tag', (_label, attack) => {
    const html = page(attack);
    expect(html).not.toContain(attack);
    expect(html).toContain(escapeHtml(attack));
    expect(tags(html)).toEqual(tags(page('Maya')));
  });

  it('is self-contained: no scripts, no external resources, a CSP that forbids loading anything', () => {
    const html = packetHtml(context({ meeting: meeting({ link: 'https://meet.example.com/x' }) }));
    expect(html).not.toMatch(/<script|@import|url\(|src=|href=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toMatch(
      /font-family:[^;]*"Noto Sans CJK SC"[^;]*"Microsoft YaHei"[^;]*sans-serif/,
    );
  });
});
