import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDrafts, guessMapping, readCsvTable } from '../../electron/services/import/csv.js';
import {
  decodeImportBytes,
  decodeImportFile,
  importLimits,
} from '../../electron/services/import/decode.js';
import { FIELD_SCAN_MAX } from '../../electron/services/import/draft.js';
import { planImport } from '../../electron/services/import/merge.js';
import { inlineRunner } from '../../electron/services/import/runner.js';
import { createImportService } from '../../electron/services/import/session.js';
import { vcardDrafts } from '../../electron/services/import/vcard.js';
import type { Storage, Transaction } from '../../electron/services/types.js';
import { UserFacingError } from '../../shared/result.js';
import { Contact } from '../../shared/schema/entities.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

/**
 * Property tests: fixtures cut, spliced with random bytes, with lines duplicated or dropped and
 * quotes flipped, plus plain random text and bytes. 11,000 inputs in all. Whatever comes in, a
 * parser either answers or throws a UserFacingError, within a bounded time, and everything it
 * would save passes the store's own Contact schema (so a commit cannot fail half-way on it).
 */
const fixtures = path.join(import.meta.dirname, '../fixtures');
const texts = {
  csv: ['linkedin-connections.csv', 'linkedin-connections-old.csv'].map((name) =>
    fs.readFileSync(path.join(fixtures, name), 'utf8'),
  ),
  vcard: ['contacts-v21.vcf', 'contacts-v3.vcf', 'contacts-v4.vcf'].map((name) =>
    fs.readFileSync(path.join(fixtures, name), 'utf8'),
  ),
};
const source = { kind: 'other' as const, detail: 'property test' };
const now = new Date('2026-12-03T10:00:00Z');
const MAX_RUN_MS = 1_000;

type Mutation = (text: string) => string;
const position = fc.double({ min: 0, max: 1, noNaN: true });
const at = (text: string, where: number) => Math.floor(where * text.length);
const lines = (text: string) => text.split(/(?<=\n)/);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((where) => (text: string) => text.slice(0, at(text, where))),
  fc.tuple(position, fc.string({ unit: 'binary', maxLength: 12 })).map(
    ([where, junk]) =>
      (text: string) =>
        text.slice(0, at(text, where)) + junk + text.slice(at(text, where)),
  ),
  fc
    .tuple(
      position,
      fc.constantFrom(
        '"',
        ',',
        ';',
        '\t',
        '\r',
        '\n',
        '\\',
        '=',
        ':',
        ' ',
        '\uFEFF',
        'END:VCARD\n',
        'BEGIN:VCARD\n',
      ),
    )
    .map(
      ([where, piece]) =>
        (text: string) =>
          text.slice(0, at(text, where)) + piece + text.slice(at(text, where)),
    ),
  position.map((where) => (text: string) => {
    const all = lines(text);
    const index = Math.floor(where * all.length);
    return [...all.slice(0, index + 1), ...all.slice(index)].join('');
  }),
  position.map((where) => (text: string) => {
    const all = lines(text);
    const index = Math.floor(where * all.length);
    return [...all.slice(0, index), ...all.slice(index + 1)].join('');
  }),
  position.map((where) => (text: string) => {
    const index = text.indexOf('"', at(text, where));
    return index < 0 ? `"${text}` : text.slice(0, index) + text.slice(index + 1);
  }),
  fc.constant((text: string) => text.replace(/\r\n/g, '\n')),
  fc.constant((text: string) => text.toLowerCase()),
);

const mutated = (pool: string[]) =>
  fc
    .tuple(fc.constantFrom(...pool), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([text, steps]) => steps.reduce((value, step) => step(value), text));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        'a',
        'B',
        ' ',
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r\n',
        ':',
        '=',
        'é',
        'FN:',
        'First Name',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join('')),
);

/** Runs `work`, allowing only UserFacingError, and fails when one input takes too long. */
async function bounded(work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    expect(error.message.length).toBeGreaterThan(20);
  }
  expect(performance.now() - started).toBeLessThan(MAX_RUN_MS);
}

let counter = 0;
const newId = () => `prop-${(counter += 1)}`;

function checkSaved(records: Parameters<typeof planImport>[0]) {
  for (const contact of planImport(records, {}, now, newId).writes) {
    const parsed = Contact.safeParse(contact);
    if (!parsed.success)
      throw new Error(`invalid contact: ${JSON.stringify(contact)} ${parsed.error.message}`);
  }
}

async function parseCsv(text: string, mode: 'linkedin' | 'csv') {
  const table = readCsvTable(text, mode);
  const parsed = await csvDrafts(table, guessMapping(table.headers), {
    source,
    connectedOnColumn: null,
  });
  checkSaved(parsed.records);
}

async function parseVcard(text: string) {
  checkSaved((await vcardDrafts(text, source)).records);
}

const options = { timeout: 2_000 };

describe('parsers under random and mutated input', () => {
  it('decoding random and mutated bytes only ever fails with a clear message (2,000 inputs)', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc
        .tuple(
          fc.constantFrom(...texts.csv, ...texts.vcard),
          position,
          fc.uint8Array({ minLength: 1, maxLength: 8 }),
        )
        .map(([text, where, junk]) => {
          const raw = new TextEncoder().encode(text);
          const cut = Math.floor(where * raw.length);
          return new Uint8Array([...raw.subarray(0, cut), ...junk, ...raw.subarray(cut)]);
        }),
    );
    await fc.assert(
      fc.asyncProperty(bytes, (input) => bounded(async () => decodeImportBytes(input))),
      { ...options, numRuns: 2_000 },
    );
  });

  it('the LinkedIn and CSV readers survive mutated LinkedIn exports (3,000 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated(texts.csv),
        fc.constantFrom('linkedin' as const, 'csv' as const),
        (text, mode) => bounded(() => parseCsv(text, mode)),
      ),
      { ...options, numRuns: 3_000 },
    );
  });

  it('the CSV reader survives random text (1,500 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, (text) => bounded(() => parseCsv(text, 'csv'))),
      { ...options, numRuns: 1_500 },
    );
  });

  it('the vCard reader survives mutated 2.1, 3.0 and 4.0 files (3,000 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(texts.vcard), (text) => bounded(() => parseVcard(text))),
      {
        ...options,
        numRuns: 3_000,
      },
    );
  });

  it('the vCard reader survives random text (1,000 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, (text) => bounded(() => parseVcard(`BEGIN:VCARD\n${text}`))),
      {
        ...options,
        numRuns: 1_000,
      },
    );
  });
});

describe('limits under random input', () => {
  const fields = [
    'First Name',
    'Last Name',
    'Name',
    'Company',
    'Position',
    'Email Address',
    'Phone',
    'URL',
    'Tags',
    'Notes',
    'City',
    'Industry',
  ];
  const filler = fc.constantFrom('x', ' ', 'a@', ';', ',', '\\', '=', 'é', '\t', '+1 ');
  /** A value of 1,000 to 300,000 characters, repeated from a short random piece. */
  const huge = fc
    .tuple(
      fc.array(filler, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1_000, max: 300_000 }),
    )
    .map(([parts, length]) =>
      parts
        .join('')
        .repeat(Math.ceil(length / parts.join('').length))
        .slice(0, length),
    );

  it('a huge value in any CSV column is skipped or left out with its row named, quickly (300 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), huge, async (field, value) => {
        const header = fields.join(',');
        const cells = fields.map((name) =>
          name === field ? `"${value.replace(/"/g, '""')}"` : '',
        );
        cells[0] = field === 'First Name' ? cells[0]! : 'Ana';
        const text = `${header}\n${cells.join(',')}\n`;
        const started = performance.now();
        const table = readCsvTable(text, 'csv');
        const parsed = await csvDrafts(table, guessMapping(table.headers), {
          source,
          connectedOnColumn: null,
        });
        expect(performance.now() - started).toBeLessThan(MAX_RUN_MS);
        checkSaved(parsed.records);
        const draft = parsed.records[0]?.draft;
        if (draft === undefined) {
          expect(parsed.skipped).toEqual([{ row: 2, reason: expect.stringMatching(/^Row 2/) }]);
          return;
        }
        for (const text of Object.values(draft)) {
          if (typeof text === 'string') expect(text.length).toBeLessThanOrEqual(20_000);
        }
        if (value.trim().length > FIELD_SCAN_MAX) {
          expect(parsed.warnings.every((issue) => issue.reason.startsWith('Row 2: '))).toBe(true);
        }
      }),
      { ...options, numRuns: 300 },
    );
  });

  it('a huge value in any vCard property is skipped or left out with its card named, quickly (300 inputs)', async () => {
    const properties = [
      'N',
      'FN',
      'ORG',
      'TITLE',
      'EMAIL',
      'TEL',
      'URL',
      'NOTE',
      'CATEGORIES',
      'ADR',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...properties),
        huge,
        fc.boolean(),
        async (name, value, fold) => {
          let line = `${name}:${value}`;
          if (fold) line = line.replace(/(.{74})/g, '$1\r\n ');
          const text = `BEGIN:VCARD\r\nFN:Ana Garcia\r\n${line}\r\nEND:VCARD\r\n`;
          const started = performance.now();
          const parsed = await vcardDrafts(text, source);
          expect(performance.now() - started).toBeLessThan(MAX_RUN_MS);
          checkSaved(parsed.records);
          for (const issue of [...parsed.skipped, ...parsed.warnings])
            expect(issue.reason).toMatch(/^Card 1\b/);
        },
      ),
      { ...options, numRuns: 300 },
    );
  });

  it('more columns than the limit are refused with a message that says nothing changed (200 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: importLimits.maxColumns + 1, max: 2_000 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        (width, delimiter, inHeader) =>
          bounded(async () => {
            const wide = Array.from({ length: width }, (_, n) => `c${n}`).join(delimiter);
            const text = inHeader
              ? `${wide}\nAna\n`
              : `Name${delimiter}E-mail\nAna${delimiter}a@example.com\n${wide}\n`;
            let message = '';
            try {
              await parseCsv(text, 'csv');
            } catch (error) {
              message = (error as Error).message;
            }
            expect(message).toMatch(/up to 200/);
            expect(message.split('Nothing was changed.')).toHaveLength(2);
          }),
      ),
      { ...options, numRuns: 200 },
    );
  });

  it('any bytes in any encoding the user picks decode or are refused, never silently dropped (1,000 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        fc.constantFrom(null, 'utf-8' as const, 'windows-1252' as const, 'iso-8859-1' as const),
        (bytes, choice) =>
          bounded(async () => {
            const decoded = decodeImportFile(bytes, choice);
            expect(decoded.text.trim()).not.toBe('');
            if (decoded.encoding.choosable) expect(decoded.encoding.note).not.toBeNull();
          }),
      ),
      { ...options, numRuns: 1_000 },
    );
  });
});

describe('no partial commit (500 imports)', () => {
  let dir: string;
  let cleanup: () => void;
  let storage: Storage;
  beforeAll(() => {
    ({ dir, cleanup } = makeTempDir('rapport-import-prop-'));
    storage = open(path.join(dir, 'data'));
  });
  afterAll(() => cleanup());

  it('a failed parse or a save that throws part-way leaves the store exactly as it was', async () => {
    const seen = { refused: 0, failedSaves: 0, saved: 0 };
    const file = fc.oneof(
      mutated(texts.csv).map((text) => ({ text, kind: 'linkedin' as const })),
      mutated(texts.vcard).map((text) => ({ text, kind: 'vcard' as const })),
    );
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 6 }), async ({ text, kind }, failAt) => {
        let puts = 0;
        const failing: Storage = Object.assign(Object.create(storage) as Storage, {
          transact<T>(fn: (tx: Transaction) => T): T {
            return storage.transact((tx) =>
              fn({
                get data() {
                  return tx.data;
                },
                get: (collection, id) => tx.get(collection, id),
                put: (collection, item) => {
                  puts += 1;
                  if (puts === failAt) throw new Error('disk full');
                  tx.put(collection, item);
                },
                remove: tx.remove,
                setSettings: tx.setSettings,
              }),
            );
          },
        });
        const service = createImportService({
          storage: failing,
          now: () => now,
          emit: () => {},
          readFile: async () => new TextEncoder().encode(text),
          runner: inlineRunner,
        });
        const before = JSON.stringify(storage.read().contacts);
        let token: string;
        try {
          token = (await service.preview(`/picked/file.${kind}`, kind)).token;
        } catch (error) {
          expect(error).toBeInstanceOf(UserFacingError);
          expect(JSON.stringify(storage.read().contacts)).toBe(before);
          seen.refused += 1;
          return;
        }
        try {
          await service.commit(token);
          expect(puts).toBeLessThan(failAt);
          seen.saved += 1;
        } catch (error) {
          expect((error as Error).message).toBe('disk full');
          expect(JSON.stringify(storage.read().contacts)).toBe(before);
          seen.failedSaves += 1;
        }
      }),
      { ...options, numRuns: 500 },
    );
    // Each path was taken, so the property did not pass vacuously.
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.failedSaves).toBeGreaterThan(0);
    expect(seen.saved).toBeGreaterThan(0);
  });
});
