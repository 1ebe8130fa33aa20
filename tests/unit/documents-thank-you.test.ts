process.env.TZ = 'America/New_York';

import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Dialogs, HandlerDeps } from '../../electron/ipc/handlers.js';
import {
  buildThankYouLetter,
  exportThankYouDocx,
  thankYouFileName,
  type ThankYouLetterInput,
} from '../../electron/services/documents/thank-you-letter.js';
import type { Storage } from '../../electron/services/types.js';
import type { ThankYouNote } from '../../shared/schema/entities.js';
import type { Profile } from '../../shared/schema/settings.js';
import { maya, settings } from './documents-fixtures.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

const fullProfile: Profile = {
  name: 'Jordan Lee',
  email: 'jordan@example.org',
  phone: '+1 555 0100',
  address: '12 Elm Street\nApt 3\nChicago, IL 60601',
  linkedinUrl: '',
  signature: '',
};

const body = [
  'Thank you for meeting with me yesterday.',
  'Your advice to shadow a charge nurse was exactly what I needed.\nI have already asked for a shift.',
  'I will let you know how it goes.',
].join('\n\n');

const input = (overrides: Partial<ThankYouLetterInput> = {}): ThankYouLetterInput => ({
  body,
  contact: maya(),
  profile: fullProfile,
  paperSize: 'Letter',
  date: new Date('2026-12-04T15:00:00.000Z'),
  locale: 'en-US',
  ...overrides,
});

const textOf = async (bytes: Uint8Array) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const htmlOf = async (bytes: Uint8Array) =>
  (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
/**
 * Non-empty lines as the reader sees them: paragraphs and line breaks both end a line (mammoth's
 * raw text drops line breaks, so this reads its HTML).
 */
const linesOf = async (bytes: Uint8Array) =>
  (await htmlOf(bytes))
    .replace(/<br \/>|<\/p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .filter((line) => line.trim() !== '');
const documentXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

describe('the thank-you letter', () => {
  it('has every part of a business letter, in order', async () => {
    expect(await linesOf(await buildThankYouLetter(input()))).toEqual([
      'Jordan Lee',
      '12 Elm Street',
      'Apt 3',
      'Chicago, IL 60601',
      'jordan@example.org',
      '+1 555 0100',
      'December 4, 2026',
      'Maya Okafor',
      'Director of Nursing',
      'Northwind Health',
      'Dear Maya,',
      'Thank you for meeting with me yesterday.',
      'Your advice to shadow a charge nurse was exactly what I needed.',
      'I have already asked for a shift.',
      'I will let you know how it goes.',
      'Kind regards,',
      'Jordan Lee',
    ]);
  });

  it('makes one paragraph per blank-line block and a line break for a single newline', async () => {
    const html = await htmlOf(await buildThankYouLetter(input()));
    expect(html).toContain(
      '<p>Your advice to shadow a charge nurse was exactly what I needed.<br />I have already asked for a shift.</p>',
    );
    expect(html).toContain('<p>Thank you for meeting with me yesterday.</p>');
    expect(html).toContain('<p>I will let you know how it goes.</p>');
    const windows = await htmlOf(
      await buildThankYouLetter(input({ body: 'One\r\n\r\nTwo\r\nThree' })),
    );
    expect(windows).toContain('<p>One</p><p>Two<br />Three</p>');
  });

  it('signs with the profile signature when there is one, on as many lines as it has', async () => {
    const lines = await linesOf(
      await buildThankYouLetter(
        input({ profile: { ...fullProfile, signature: 'Jordan Lee, RN\nBSN candidate' } }),
      ),
    );
    expect(lines.slice(-3)).toEqual(['Kind regards,', 'Jordan Lee, RN', 'BSN candidate']);
  });

  it('keeps the greeting and sign-off the note already has instead of doubling them', async () => {
    const own = `Hi Maya,\n\n${body}\n\nWarm regards,\nJordan`;
    const lines = await linesOf(await buildThankYouLetter(input({ body: own })));
    expect(lines.filter((line) => /^(Dear|Hi) /.test(line))).toEqual(['Hi Maya,']);
    expect(lines.filter((line) => /regards,$/.test(line))).toEqual(['Warm regards,']);
    expect(lines.slice(-2)).toEqual(['Warm regards,', 'Jordan']);
    expect(lines.indexOf('Hi Maya,')).toBe(lines.indexOf('Northwind Health') + 1);
  });

  it.each([
    ['Best regards,', 'Jordan Lee'],
    ['With thanks,', 'Jordan Lee, RN\nBSN candidate\n+1 555 0100'],
    ['Sincerely,', ''],
  ])('uses a built-in template’s own sign-off "%s" once', async (closing, signature) => {
    const own = `Dear Maya,\n\nThank you again for your time.\n\n${closing}${signature ? `\n${signature}` : ''}`;
    const lines = await linesOf(await buildThankYouLetter(input({ body: own })));
    const expected = signature ? signature.split('\n') : ['Jordan Lee'];
    expect(lines.slice(lines.indexOf('Dear Maya,'))).toEqual([
      'Dear Maya,',
      'Thank you again for your time.',
      closing,
      ...expected,
    ]);
  });

  it('keeps Unicode names intact in the sender, recipient, salutation and signature', async () => {
    const lines = await linesOf(
      await buildThankYouLetter(
        input({
          contact: maya({ firstName: 'Zoë', lastName: 'Ångström 李雷', company: '北京协和医院' }),
          profile: { ...fullProfile, name: '李雷 Ångström', address: 'Straße 5\n10115 Berlin' },
          body: 'Vielen Dank, Zoë — 谢谢! 🙏',
        }),
      ),
    );
    expect(lines).toEqual([
      '李雷 Ångström',
      'Straße 5',
      '10115 Berlin',
      'jordan@example.org',
      '+1 555 0100',
      'December 4, 2026',
      'Zoë Ångström 李雷',
      'Director of Nursing',
      '北京协和医院',
      'Dear Zoë,',
      'Vielen Dank, Zoë — 谢谢! 🙏',
      'Kind regards,',
      '李雷 Ångström',
    ]);
  });

  it('writes the date the way the user’s locale writes it, in long form', async () => {
    const lines = await linesOf(await buildThankYouLetter(input({ locale: 'de-DE' })));
    expect(lines).toContain('4. Dezember 2026');
    const unknown = await linesOf(await buildThankYouLetter(input({ locale: 'not a locale' })));
    expect(unknown.join('\n')).toMatch(/2026/);
  });

  it('leaves out missing profile data entirely, with no empty lines or labels', async () => {
    const bytes = await buildThankYouLetter(
      input({
        profile: { ...fullProfile, address: '  \n ', phone: '' },
        contact: maya({ title: '', company: '' }),
      }),
    );
    expect(await linesOf(bytes)).toEqual([
      'Jordan Lee',
      'jordan@example.org',
      'December 4, 2026',
      'Maya Okafor',
      'Dear Maya,',
      'Thank you for meeting with me yesterday.',
      'Your advice to shadow a charge nurse was exactly what I needed.',
      'I have already asked for a shift.',
      'I will let you know how it goes.',
      'Kind regards,',
      'Jordan Lee',
    ]);
    const html = await htmlOf(bytes);
    expect(html).not.toMatch(/<p>\s*<\/p>|<br \/>\s*<br \/>|<br \/><\/p>|<p><br \/>/);
    expect(html).not.toMatch(/Phone|E-mail|Address/i);
  });

  it('still makes a letter with no profile at all: no sender block and no empty signature', async () => {
    const lines = await linesOf(await buildThankYouLetter(input({ profile: emptyProfile() })));
    expect(lines[0]).toBe('December 4, 2026');
    expect(lines.at(-1)).toBe('Kind regards,');
  });

  it('handles a very long body (10,000 words) without losing any of it', async () => {
    const paragraph = (n: number) =>
      Array.from({ length: 100 }, (_, word) => `w${n}x${word}`).join(' ');
    const long = Array.from({ length: 100 }, (_, n) => paragraph(n)).join('\n\n');
    const started = performance.now();
    const bytes = await buildThankYouLetter(input({ body: long }));
    const ms = performance.now() - started;
    const text = await textOf(bytes);
    expect(text.match(/\bw\d+x\d+\b/g)).toHaveLength(10_000);
    const lines = await linesOf(bytes);
    expect(lines[lines.indexOf('Dear Maya,') + 1]).toBe(paragraph(0));
    expect(lines.slice(-3)).toEqual([paragraph(99), 'Kind regards,', 'Jordan Lee']);
    expect(ms).toBeLessThan(2_000);
  });

  it.each([
    [
      'XML specials',
      'Fish & chips <b>not bold</b> "quoted" \'single\'',
      'Fish & chips <b>not bold</b> "quoted" \'single\'',
    ],
    ['control characters', 'Bell\u0007 and\u0000 null\u001f', 'Bell and null'],
    ['a lone surrogate', 'Broken \ud800 pair', 'Broken  pair'],
    ['Windows line ends', 'One\r\n\r\nTwo', 'One'],
    ['right-to-left text', 'شكرا جزيلا', 'شكرا جزيلا'],
  ])('survives %s in the body', async (_label, hostile, expected) => {
    const bytes = await buildThankYouLetter(input({ body: hostile }));
    expect(await linesOf(bytes)).toContain(expected);
  });

  it.each([
    ['an empty known field', 'Thanks for the advice about {{advice}}.', 'The advice'],
    ['an unknown field', 'Hello {{nickname}}!', '{{nickname}}'],
    ['a spaced token', 'Dear {{ firstName }},', 'First name'],
  ])('refuses a body with %s still open, naming it', async (_label, text, named) => {
    const attempt = buildThankYouLetter(input({ body: text }));
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(attempt).rejects.toThrow(named);
  });

  it.each([
    ['A4', 11906, 16838],
    ['Letter', 12240, 15840],
  ] as const)('is laid out on %s paper with one-inch margins', async (paperSize, width, height) => {
    const xml = await documentXml(await buildThankYouLetter(input({ paperSize })));
    expect(xml).toMatch(new RegExp(`<w:pgSz w:w="${width}" w:h="${height}"`));
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
  });
});

function emptyProfile(): Profile {
  return { name: '', email: '', phone: '', address: '', linkedinUrl: '', signature: '' };
}

describe('the default file name', () => {
  it.each([
    [{ firstName: 'Maya', lastName: 'Okafor' }, 'Thank you - Maya Okafor - 2026-12-04.docx'],
    [
      { firstName: 'Zoë', lastName: 'Ångström 李雷' },
      'Thank you - Zoë Ångström 李雷 - 2026-12-04.docx',
    ],
    [{ firstName: 'A/B', lastName: 'C:D?' }, 'Thank you - A B C D - 2026-12-04.docx'],
    [{ firstName: 'Prince', lastName: '' }, 'Thank you - Prince - 2026-12-04.docx'],
  ])('for %o is %s', (contact, expected) => {
    expect(thankYouFileName(contact, new Date('2026-12-04T15:00:00.000Z'))).toBe(expected);
  });

  it('keeps the date for a very long name', () => {
    const name = thankYouFileName(
      { firstName: 'M'.repeat(300), lastName: 'O'.repeat(300) },
      new Date('2026-12-04T15:00:00.000Z'),
    );
    expect(name).toMatch(/ - 2026-12-04\.docx$/);
    expect(name.length).toBeLessThanOrEqual(150);
  });
});

describe('exporting a note', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let storage: Storage;
  let showSave: Mock<Dialogs['showSave']>;
  let deps: HandlerDeps;

  const note = (overrides: Partial<ThankYouNote> = {}): ThankYouNote => ({
    id: 'note-1',
    purpose: 'thank-you',
    contactId: 'contact-maya',
    aboutContactId: null,
    meetingId: null,
    templateId: null,
    subject: 'Thank you',
    body,
    createdAt: '2026-12-04T14:00:00.000Z',
    sentAt: null,
    exportedFile: '',
    ...overrides,
  });

  beforeEach(() => {
    temp = makeTempDir('rapport-thank-you-');
    storage = open(path.join(temp.dir, 'data'));
    storage.transact((tx) => {
      tx.setSettings(settings({ paperSize: 'A4', profile: fullProfile }));
      tx.put('contacts', maya());
    });
    fs.mkdirSync(path.join(temp.dir, 'out'));
    showSave = vi.fn<Dialogs['showSave']>(async () => path.join(temp.dir, 'out', 'Letter.docx'));
    deps = {
      storage,
      dialogs: { showOpen: vi.fn(async () => null), showSave },
      now: () => new Date('2026-12-04T15:00:00.000Z'),
      openPath: vi.fn(async () => undefined),
      openExternal: vi.fn(async () => undefined),
      emit: vi.fn(),
      renderPdf: async () => {
        throw new Error('the letter must not render a PDF');
      },
      appInfo: { version: '0.0.0', platform: 'linux' },
    };
  });
  afterEach(() => temp.cleanup());

  it('saves the letter where the user chose, offering the dated default name', async () => {
    const target = path.join(temp.dir, 'out', 'Letter.docx');
    expect(await exportThankYouDocx(deps, note())).toEqual({ path: target });
    expect(showSave).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'Thank you - Maya Okafor - 2026-12-04.docx' }),
    );
    expect(fs.readdirSync(path.dirname(target))).toEqual(['Letter.docx']);
    const bytes = fs.readFileSync(target);
    expect(await linesOf(bytes)).toContain('Dear Maya,');
    expect(await documentXml(bytes)).toContain('<w:pgSz w:w="11906" w:h="16838"');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    showSave.mockResolvedValueOnce(null);
    expect(await exportThankYouDocx(deps, note())).toBeNull();
    expect(fs.readdirSync(path.join(temp.dir, 'out'))).toEqual([]);
  });

  it('refuses open merge fields before the dialog opens', async () => {
    await expect(
      exportThankYouDocx(deps, note({ body: 'Dear {{firstName}}, thanks!' })),
    ).rejects.toMatchObject({ code: 'invalid-args' });
    expect(showSave).not.toHaveBeenCalled();
  });

  it('explains a contact that no longer exists, before the dialog opens', async () => {
    await expect(exportThankYouDocx(deps, note({ contactId: 'gone' }))).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(showSave).not.toHaveBeenCalled();
  });

  it('explains a folder it cannot write to, and leaves no temp file behind', async () => {
    // A "folder" that is really a file: no OS lets anything be written inside it.
    fs.writeFileSync(path.join(temp.dir, 'out', 'not-a-folder'), '');
    showSave.mockResolvedValueOnce(path.join(temp.dir, 'out', 'not-a-folder', 'Letter.docx'));
    const attempt = exportThankYouDocx(deps, note());
    await expect(attempt).rejects.toMatchObject({ code: 'io' });
    await expect(attempt).rejects.toThrow(/Your note was kept/);
    expect(fs.readdirSync(path.join(temp.dir, 'out'))).toEqual(['not-a-folder']);
  });

  it('replaces an existing letter whole', async () => {
    const target = path.join(temp.dir, 'out', 'Letter.docx');
    fs.writeFileSync(target, 'old');
    await exportThankYouDocx(deps, note());
    expect(fs.readdirSync(path.dirname(target))).toEqual(['Letter.docx']);
    expect(await linesOf(fs.readFileSync(target))).toContain('Kind regards,');
  });
});
