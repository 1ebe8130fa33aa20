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
    tx.put('meetings', meeting());
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
      'Northwind Health, 200 Lake St, Room 4',
      'Arrive by',
      '10:45 AM (15 minutes early)',
      'Leave by',
      '10:20 AM (25 minutes of travel)',
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
      'A typical day',
      '1.',
      'What does a typical day look like for you?',
      'Advancement',
      '2.',
      'What experience helped you advance?',
      'Charge nurse shifts.',
      'A master’s degree.',
      'Education',
      'Rewards and challenges',
      'Is the pay good?',
      'Trends',
      'Resources',
      '6.',
      'Who else should I talk to?',
      'Checklist',
      'Resume copies: 2',
      'Portfolio',
      'Business cards',
      'Outfit',
      'Research done',
      'At least 5 open questions ready (5 written)',
      'Leave by 10:20 AM, arrive by 10:45 AM',
    ]);
  });

  it('uses Heading 1 for the title and Heading 2/3 for sections, with bullets and real links', async () => {
    const html = await htmlOf(await buildPrepSheet(context()));
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
      '(no travel time entered)',
      'Industry',
      'Nothing written yet.',
      'Person',
      'Nothing written yet.',
      'No questions yet.',
      'Resume copies: 0',
      'At least 5 open questions ready (0 written)',
    ]);
  });

  it('shows a video link as a link when there is no place', async () => {
    const html = await htmlOf(
      await buildPrepSheet(
        context({ meeting: meeting({ place: '', link: 'https://meet.example.com/abc-def' }) }),
      ),
    );
    expect(html).toContain('<a href="https://meet.example.com/abc-def">');
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
