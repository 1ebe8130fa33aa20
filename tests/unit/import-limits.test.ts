import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bigCsv, vcardWithPhotos } from '../../build/bench/import-bench.js';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { csvDrafts, guessMapping, readCsvTable } from '../../electron/services/import/csv.js';
import { importLimits } from '../../electron/services/import/decode.js';
import { fieldLimits } from '../../electron/services/import/draft.js';
import type { ParseRequest } from '../../electron/services/import/parse.js';
import {
  createWorkerRunner,
  inlineRunner,
  type ParseRunner,
} from '../../electron/services/import/runner.js';
import { createImportService } from '../../electron/services/import/session.js';
import { unfoldLines, vcardDrafts } from '../../electron/services/import/vcard.js';
import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/contract.js';
import type { ImportPreview, ImportProgress } from '../../shared/schema/pipeline.js';
import { makeTempDir, open, snapshotStore } from './helpers/storage-fixtures.js';

const fixtures = path.join(import.meta.dirname, '../fixtures');
const source = { kind: 'other' as const, detail: 'test' };
const encode = (text: string) => new TextEncoder().encode(text);

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('rapport-import-limits-'));
});
afterEach(() => cleanup());

/** The fastest of `runs` runs of `work`, in ms (the fastest is the least disturbed by the machine). */
async function fastest(runs: number, work: () => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** The longest string any regular expression was run on while `work` ran. */
async function longestPatternInput(work: () => Promise<unknown>): Promise<number> {
  const original = RegExp.prototype.exec;
  let longest = 0;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    longest = Math.max(longest, String(input).length);
    return original.call(this, input);
  };
  try {
    await work();
  } finally {
    RegExp.prototype.exec = original;
  }
  return longest;
}

/** Handlers wired to a temp store, as in the app (files parsed in the worker thread). */
function setup() {
  const storage = open(path.join(dir, 'data'));
  const progress: ImportProgress[] = [];
  let chosen: string | null = null;
  const deps: HandlerDeps = {
    storage,
    dialogs: {
      showOpen: vi.fn(async () => (chosen === null ? null : [chosen])),
      showSave: vi.fn(),
    },
    now: () => new Date('2026-12-03T10:00:00Z'),
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: (event, payload) => {
      if (event === 'import:progress') progress.push(payload as ImportProgress);
    },
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  const handlers = createHandlers(deps);
  async function call<C extends Channel>(channel: C, args: ParsedArgsOf<C>): Promise<ResultOf<C>> {
    const result = await dispatch(handlers, channel, args, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as ResultOf<C>;
  }
  async function callError(channel: Channel, args: unknown) {
    const result = await dispatch(handlers, channel, args, () => {});
    if (result.ok) throw new Error(`${channel} succeeded`);
    return result.error;
  }
  const write = (name: string, text: string | Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const choose = async (file: string, kind: 'linkedin' | 'csv' | 'vcard') => {
    chosen = file;
    return (await call('import:choose', { kind })) as ImportPreview;
  };
  /** The answer of the next open dialog. */
  const pick = (file: string) => {
    chosen = file;
  };
  const chooseError = (file: string, kind: 'linkedin' | 'csv' | 'vcard') => {
    chosen = file;
    return callError('import:choose', { kind });
  };
  const contacts = () => Object.values(storage.read().contacts);
  return { storage, call, callError, write, pick, choose, chooseError, contacts, progress };
}

describe('vCards with photos are read in linear time', () => {
  it('unfolds a photo twice as long in about twice the time, not four times', async () => {
    const card = (chars: number) => vcardWithPhotos(1, chars);
    const short = card(150_000);
    const long = card(300_000);
    const once = await fastest(3, async () => unfoldLines(short));
    const twice = await fastest(3, async () => unfoldLines(long));
    expect(twice).toBeLessThan(3 * once + 15);
  });

  it('previews a 2 MB vCard of cards with base64 photos well within 10 s', async () => {
    const text = vcardWithPhotos(2 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const storage = open(path.join(dir, 'data'));
    const service = createImportService({
      storage,
      now: () => new Date(),
      emit: () => {},
      readFile: async () => encode(text),
      runner: inlineRunner,
    });
    const started = performance.now();
    const preview = await service.preview('/picked/contacts.vcf', 'vcard');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(preview.counts.new).toBeGreaterThan(20);
    expect(preview.counts.rejected).toBe(0);
  });
});

describe('a 256,000-character value', () => {
  const HUGE = 256_000;
  const value = (kind: 'text' | 'email' | 'phone' | 'url' | 'tags') =>
    kind === 'email'
      ? `${'a'.repeat(HUGE - 12)}@example.com`
      : kind === 'phone'
        ? '1'.repeat(HUGE)
        : kind === 'url'
          ? `https://www.linkedin.com/in/${'x'.repeat(HUGE - 28)}`
          : kind === 'tags'
            ? 'x'.repeat(HUGE)
            : 'Ab '.repeat(HUGE / 3);
  /** [what, CSV header, vCard property, kind of value, skipped (true) or left out, reason] */
  const cases: Array<[string, string, string, Parameters<typeof value>[0], boolean, RegExp]> = [
    [
      'first name',
      'First Name',
      'N:Garcia;',
      'text',
      true,
      /^(Row|Card) \d: the first name is longer than 100 characters, so the (row|card) was skipped\.$/,
    ],
    [
      'full name',
      'Name',
      'FN:',
      'text',
      true,
      /^(Row|Card) \d: the (first )?name is longer than 1,?000 characters, so the (row|card) was skipped\.$/,
    ],
    [
      'company',
      'Company',
      'ORG:',
      'text',
      false,
      /^(Row|Card) \d: the company is longer than 200 characters, so it was left out\.$/,
    ],
    [
      'title',
      'Position',
      'TITLE:',
      'text',
      false,
      /^(Row|Card) \d: the title is longer than 200 characters, so it was left out\.$/,
    ],
    [
      'e-mail',
      'Email Address',
      'EMAIL:',
      'email',
      false,
      /^(Row|Card) \d: the e-mail address is longer than 320 characters, so it was left out\.$/,
    ],
    [
      'phone',
      'Phone',
      'TEL:',
      'phone',
      false,
      /^(Row|Card) \d: the phone number is longer than 40 characters, so it was left out\.$/,
    ],
    [
      'LinkedIn address',
      'URL',
      'URL:',
      'url',
      false,
      /^(Row|Card) \d: (the LinkedIn address is longer than 300|a web address is longer than 1,000) characters, so it was left out\.$/,
    ],
    [
      'tag',
      'Tags',
      'CATEGORIES:',
      'tags',
      false,
      /^(Row|Card) \d: the tag "x{57}\.\.\." was left out \(a contact has up to 50 tags of up to 50 characters\)\.$/,
    ],
    [
      'note',
      'Notes',
      'NOTE:',
      'text',
      false,
      /^(Row|Card) \d: the notes are longer than 20,000 characters and were cut there\.$/,
    ],
  ];

  it.each(cases)(
    'in the %s column of a CSV is refused on its length, with its row, in under 50 ms',
    async (_what, header, _property, kind, skipped, reason) => {
      const first = header === 'First Name' ? `"${value(kind)}"` : header === 'Name' ? '' : 'Ana';
      const cell = header === 'First Name' ? 'x' : `"${value(kind)}"`;
      const ben = header === 'Name' ? 'Ben,Okafor,Ben Okafor' : 'Ben,Okafor,';
      const text = `First Name,Last Name,${header === 'First Name' ? 'Notes' : header}\n${ben}\n${first},Garcia,${cell}\n`;
      const parse = async () => {
        const table = readCsvTable(text, 'csv');
        return csvDrafts(table, guessMapping(table.headers), { source, connectedOnColumn: null });
      };
      const parsed = await parse();
      const issues = skipped ? parsed.skipped : parsed.warnings;
      expect(issues).toEqual([{ row: 3, reason: expect.stringMatching(reason) }]);
      expect(issues[0]?.reason.startsWith('Row 3')).toBe(true);
      expect(parsed.records.map((record) => record.draft.firstName)).toEqual(
        skipped ? ['Ben'] : ['Ben', 'Ana'],
      );
      const table = readCsvTable(text, 'csv');
      const mapping = guessMapping(table.headers);
      expect(
        await longestPatternInput(() =>
          csvDrafts(table, mapping, { source, connectedOnColumn: null }),
        ),
      ).toBeLessThanOrEqual(fieldLimits.notes + 1_000);
      expect(await fastest(3, parse)).toBeLessThan(50);
    },
  );

  it.each(cases)(
    'in the %s of a vCard is refused on its length, with its card, in under 50 ms',
    async (_what, _header, property, kind, skipped, reason) => {
      const fn = property.startsWith('FN') ? '' : 'FN:Ana Garcia\r\n';
      const line = `${property}${value(kind)}`;
      const text =
        `BEGIN:VCARD\r\nFN:Ben Okafor\r\nEND:VCARD\r\n` +
        `BEGIN:VCARD\r\n${fn}${line.replace(/(.{74})/g, '$1\r\n ')}\r\nEND:VCARD\r\n`;
      const parse = () => vcardDrafts(text, source);
      const parsed = await parse();
      const issues = skipped ? parsed.skipped : parsed.warnings;
      expect(issues).toEqual([{ row: 2, reason: expect.stringMatching(reason) }]);
      expect(issues[0]?.reason.startsWith('Card 2')).toBe(true);
      expect(parsed.records).toHaveLength(skipped ? 1 : 2);
      expect(await longestPatternInput(parse)).toBeLessThanOrEqual(fieldLimits.notes + 1_000);
      expect(await fastest(3, parse)).toBeLessThan(50);
    },
  );
});

describe('CSV shape limits', () => {
  const wide = (columns: number) => Array.from({ length: columns }, (_, n) => `Col ${n}`);

  it('reads 200 columns and refuses 201 with a message that says what to do', () => {
    const ok = `Name,${wide(199).join(',')}\nAna,${wide(199).join(',')}\n`;
    expect(readCsvTable(ok, 'csv').headers).toHaveLength(200);
    const header = `Name,${wide(200).join(',')}\nAna\n`;
    expect(() => readCsvTable(header, 'csv')).toThrow(
      /^This file has 201 columns; Rapport imports files with up to 200\. Nothing was changed\. Delete the columns/,
    );
    const row = `Name,E-mail\nAna,a@example.com\n${wide(350).join(',')}\n`;
    expect(() => readCsvTable(row, 'csv')).toThrow(
      /^Row 3 of this file has 350 columns; Rapport imports files with up to 200\. Nothing was changed\./,
    );
  });

  it('reads a 1 MB tags cell without overflowing the stack, keeping 50 tags and saying how many were left out', async () => {
    const tags = Array.from({ length: 200_000 }, (_, n) => `t${n}`).join('; ');
    expect(tags.length).toBeGreaterThan(1_000_000);
    const table = readCsvTable(`Name,Tags\nAna Garcia,"${tags}"\n`, 'csv');
    const parsed = await csvDrafts(table, guessMapping(table.headers), {
      source,
      connectedOnColumn: null,
    });
    expect(parsed.records[0]?.draft.tags).toHaveLength(50);
    expect(parsed.warnings).toEqual([
      {
        row: 2,
        reason:
          'Row 2: 199,950 tags were left out (a contact has up to 50 tags of up to 50 characters).',
      },
    ]);
  });
});

describe('the preview tells the truth', () => {
  it('lists every skipped row with its reason (empty rows too), keeps warnings apart, and commits none of the skipped rows', async () => {
    const app = setup();
    const longName = 'L'.repeat(101);
    const file = app.write(
      'people.csv',
      [
        'Name,E-mail',
        'Ana Garcia,ana@example.com',
        '',
        ',nobody@example.com',
        'Ben Smith,not-an-email',
        'Ana G.,ANA@example.com',
        `${longName},long@example.com`,
        '   ,  ',
        'Cleo Park,cleo@example.com',
      ].join('\n'),
    );
    const preview = await app.choose(file, 'csv');
    expect(preview.rejected).toEqual([
      { row: 3, reason: 'Row 3 is empty.' },
      { row: 4, reason: 'Row 4 has no first name, so it was skipped.' },
      {
        row: 7,
        reason: 'Row 7: the first name is longer than 100 characters, so the row was skipped.',
      },
      { row: 8, reason: 'Row 8 is empty.' },
    ]);
    expect(preview.warnings).toEqual([
      {
        row: 5,
        reason: 'Row 5: the e-mail address "not-an-email" is not valid, so it was left out.',
      },
      {
        row: 6,
        reason: 'Row 6 is the same person as row 2; the two were combined into one contact.',
      },
    ]);
    expect(preview.counts).toEqual({
      new: 3,
      merge: 0,
      unchanged: 1,
      rejected: 4,
      total: 8,
      warnings: 2,
    });
    const result = await app.call('import:commit', { token: preview.token });
    expect(result).toEqual({ added: 3, merged: 0, unchanged: 1, rejected: 4 });
    const saved = app.contacts();
    expect(saved.map((contact) => contact.firstName).sort()).toEqual(['Ana', 'Ben', 'Cleo']);
    // Nothing of a skipped row was written, not even merged into another contact.
    const written = JSON.stringify(saved);
    expect(written).not.toContain('nobody@example.com');
    expect(written).not.toContain('long@example.com');
    expect(written).not.toContain(longName);
  });

  it('says "Card", never "Row", for vCards', async () => {
    const app = setup();
    const file = app.write(
      'cards.vcf',
      'BEGIN:VCARD\nFN:Ana Garcia\nORG:Acme\nEND:VCARD\nBEGIN:VCARD\nORG:Acme\nEND:VCARD\nBEGIN:VCARD\nFN:Ben Okafor\nEMAIL:x\nEND:VCARD\nBEGIN:VCARD\nFN:Ana Garcia\nORG:Acme\n',
    );
    const preview = await app.choose(file, 'vcard');
    expect(preview.rejected).toEqual([
      { row: 2, reason: 'Card 2 has no name, so it was skipped.' },
    ]);
    expect(preview.warnings.map((issue) => issue.reason)).toEqual([
      'Card 3: the e-mail address "x" is not valid, so it was left out.',
      'Card 4 has no END:VCARD line; it was read up to where the next card begins or the file ends.',
      'Card 4 is the same person as card 1; the two were combined into one contact.',
    ]);
    for (const issue of [...preview.rejected, ...preview.warnings])
      expect(issue.reason).not.toMatch(/\brows?\b/i);
  });

  const hostile: Array<[string, () => string | Uint8Array, 'linkedin' | 'csv' | 'vcard', RegExp]> =
    [
      ['an empty file', () => '', 'csv', /empty/],
      [
        'the sample resume PDF',
        () => fs.readFileSync(path.join(fixtures, 'sample-resume.pdf')),
        'csv',
        /binary file \(a PDF\)/,
      ],
      [
        'binary bytes that are not UTF-8',
        () => new Uint8Array(4_000).map((_, n) => (n * 37) % 32 || 0x81),
        'csv',
        /binary file/,
      ],
      ['a broken UTF-16 file', () => new Uint8Array([0xff, 0xfe, 0x41]), 'csv', /UTF-16/],
      ['201 columns', () => `Name,${'x,'.repeat(199)}x\nAna\n`, 'csv', /201 columns/],
      ['50,001 rows', () => `Name\n${'Ana\n'.repeat(50_001)}`, 'csv', /50,001 rows/],
      [
        'a CSV without the LinkedIn header',
        () => 'Name,E-mail\nAna,a@example.com\n',
        'linkedin',
        /LinkedIn/,
      ],
      ['a file with no cards', () => 'hello\n', 'vcard', /no BEGIN:VCARD/],
    ];

  it.each(hostile)(
    'refuses %s saying "Nothing was changed" exactly once',
    async (_label, content, kind, message) => {
      const app = setup();
      const before = snapshotStore(app.storage.dataDir);
      const error = await app.chooseError(app.write('incoming', content()), kind);
      expect(error.message).toMatch(message);
      expect(error.message.split('Nothing was changed.')).toHaveLength(2);
      expect(error.message).not.toMatch(/Nothing was imported/);
      expect(snapshotStore(app.storage.dataDir)).toEqual(before);
    },
  );

  it('says "Nothing was changed" exactly once for a file over 20 MB, without reading it', async () => {
    const app = setup();
    const big = app.write('big.csv', '');
    fs.truncateSync(big, importLimits.maxBytes + 1);
    const error = await app.chooseError(big, 'csv');
    expect(error.message).toMatch(/up to 20 MB/);
    expect(error.message.split('Nothing was changed.')).toHaveLength(2);
  });
});

describe('Windows-1252 and Latin-1 files', () => {
  const windows1252 = path.join(fixtures, 'contacts-windows-1252.csv');
  const names = (preview: ImportPreview) =>
    preview.sample.map(({ contact }) => `${contact.firstName} ${contact.lastName ?? ''}`.trim());

  it('shows a file Excel saved in Europe decoded as Windows-1252, says why, and offers the choice', async () => {
    const bytes = fs.readFileSync(windows1252);
    expect([...bytes]).toEqual(expect.arrayContaining([0xeb, 0xc5, 0x8c, 0x80, 0x93]));
    const app = setup();
    const preview = await app.choose(windows1252, 'csv');
    expect(preview.encoding).toEqual({
      used: 'windows-1252',
      choosable: true,
      note: expect.stringMatching(/not in UTF-8.*Windows-1252.*Check the names/),
    });
    expect(names(preview)).toEqual(['Zoë Ångström', 'José Müller', 'Œuvre Dupré']);
    expect(preview.sample[0]?.contact.notes).toBe('Café – “thé” at 10');
    expect(preview.sample[2]?.contact).toMatchObject({
      company: 'Société Générale',
      notes: 'Prix: 20 €',
    });
  });

  it('reads the file again in the encoding the user picks, and saves only the preview on screen', async () => {
    const app = setup();
    const first = await app.choose(windows1252, 'csv');
    const latin1 = await app.call('import:reencode', {
      token: first.token,
      encoding: 'iso-8859-1',
    });
    expect(latin1.token).not.toBe(first.token);
    expect(latin1.encoding).toMatchObject({ used: 'iso-8859-1', choosable: true });
    // 0x8C is Œ in Windows-1252 but a control character in ISO-8859-1, which is dropped.
    expect(names(latin1)).toEqual(['Zoë Ångström', 'José Müller', 'uvre Dupré']);
    const utf8 = await app.call('import:reencode', { token: latin1.token, encoding: 'utf-8' });
    expect(utf8.encoding.note).toMatch(/not valid UTF-8: \d+ characters could not be read/);
    expect(names(utf8)[0]).toBe('Zo\uFFFD \uFFFDngstr\uFFFDm');
    // Earlier previews cannot be saved any more: the user is looking at the UTF-8 one.
    for (const old of [first.token, latin1.token]) {
      expect(await app.callError('import:commit', { token: old })).toMatchObject({
        code: 'not-found',
        message: expect.stringMatching(/replaced by a newer one/),
      });
    }
    const back = await app.call('import:reencode', { token: utf8.token, encoding: 'windows-1252' });
    expect(await app.call('import:commit', { token: back.token })).toMatchObject({ added: 3 });
    expect(
      app
        .contacts()
        .map((contact) => `${contact.firstName} ${contact.lastName}`)
        .sort(),
    ).toEqual(['José Müller', 'Zoë Ångström', 'Œuvre Dupré']);
    expect(app.contacts().find((contact) => contact.firstName === 'Œuvre')?.notes).toBe(
      'Prix: 20 €',
    );
  });

  it('reads a UTF-8 file as UTF-8 and offers no choice', async () => {
    const app = setup();
    const preview = await app.choose(path.join(fixtures, 'linkedin-connections.csv'), 'linkedin');
    expect(preview.encoding).toEqual({ used: 'utf-8', choosable: false, note: null });
  });
});

describe('parsing off the main thread', () => {
  const request = (text: string): ParseRequest => ({
    bytes: encode(text),
    kind: 'csv',
    encoding: null,
    mapping: null,
  });
  const run = async (runner: ParseRunner, text: string) => {
    const records: unknown[] = [];
    const summary = await runner.run(
      request(text),
      { progress: () => {}, records: (chunk) => records.push(...chunk) },
      new AbortController().signal,
    );
    return { summary, records };
  };

  it('gives the same result in a worker thread (from sources and bundled) as inline', async () => {
    const text = `Name,E-mail,Tags\n${Array.from({ length: 1_200 }, (_, n) => `Person ${n},p${n}@example.com,a;b`).join('\n')}\n\n,x@example.com\nBad,nope\n`;
    const inline = await run(inlineRunner, text);
    expect(inline.records).toHaveLength(1_201);
    expect(inline.summary.skippedCount).toBe(2);
    expect(await run(createWorkerRunner(), text)).toEqual(inline);
    // The bundle the app ships (as build/scripts/build-electron.mjs makes it), in plain Node.
    const bundle = path.join(dir, 'import-worker.cjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, '../../electron/services/import/worker.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
    const bundled = createWorkerRunner(() => ({ file: new URL(`file://${bundle}`) }));
    expect(await run(bundled, text)).toEqual(inline);
  });

  it('Cancel stops the worker at once: the preview never arrives and nothing is kept or saved', async () => {
    const app = setup();
    app.pick(app.write('big.csv', bigCsv(6_000_000, 40_000)));
    const before = snapshotStore(app.storage.dataDir);
    const pending = app.call('import:choose', { kind: 'csv' }).catch((error: unknown) => error);
    // The token of the file being read comes with its first progress event.
    await vi.waitFor(
      () => expect(app.progress.some((event) => event.phase === 'parsing')).toBe(true),
      {
        timeout: 20_000,
        interval: 5,
      },
    );
    const token = app.progress[0]?.token as string;
    await app.call('import:cancel', { token });
    expect(await pending).toMatchObject({
      code: 'cancelled',
      message: 'The import was cancelled. Nothing was changed.',
    });
    const seen = app.progress.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A terminated worker says nothing more.
    expect(app.progress.length).toBe(seen);
    expect(await app.callError('import:commit', { token })).toMatchObject({ code: 'not-found' });
    expect(snapshotStore(app.storage.dataDir)).toEqual(before);
  });

  it('Cancel also stops a file being read again for a new column mapping, and forgets it', async () => {
    const app = setup();
    const preview = await app.choose(app.write('big.csv', bigCsv(6_000_000, 40_000)), 'csv');
    const seen = app.progress.length;
    const pending = app
      .call('import:remap', { token: preview.token, mapping: preview.mapping.map(() => 'notes') })
      .catch((error: unknown) => error);
    await vi.waitFor(
      () => expect(app.progress.slice(seen).some((event) => event.phase === 'parsing')).toBe(true),
      { timeout: 20_000, interval: 5 },
    );
    expect(app.progress.at(-1)?.token).toBe(preview.token);
    await app.call('import:cancel', { token: preview.token });
    expect(await pending).toMatchObject({ code: 'cancelled' });
    expect(await app.callError('import:commit', { token: preview.token })).toMatchObject({
      code: 'not-found',
    });
    expect(app.contacts()).toEqual([]);
  });

  it('keeps main’s event loop turning while a large file is parsed', async () => {
    const app = setup();
    const file = app.write('big.csv', bigCsv(20_000_000, 20_000));
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      const preview = await app.choose(file, 'csv');
      expect(preview.counts.new).toBe(20_000);
    } finally {
      clearInterval(timer);
    }
    // Decoding and splitting 20 MB in main blocked it for 250-300 ms here; in the worker, main
    // only reads the records (a chunk at a time) and matches them (500 at a time).
    expect(longest).toBeLessThan(150);
  });
});
