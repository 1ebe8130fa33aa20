import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import {
  contactsToCsv,
  contactsToVcard,
  escapeVcardText,
  exportFileName,
  foldLine,
  guardFormula,
  needsFormulaGuard,
} from '../../electron/services/export-contacts.js';
import {
  csvDrafts,
  guessMapping,
  readCsvTable,
  unguardCell,
} from '../../electron/services/import/csv.js';
import { decodeImportBytes } from '../../electron/services/import/decode.js';
import type { Draft } from '../../electron/services/import/draft.js';
import { unfoldLines, vcardDrafts } from '../../electron/services/import/vcard.js';
import type { Contact } from '../../shared/schema/entities.js';
import { makeContact, makeTempDir, open } from './helpers/storage-fixtures.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('rapport-export-'));
});
afterEach(() => cleanup());

const hostile: Contact[] = [
  makeContact('a', {
    firstName: 'Zoë',
    lastName: 'Ångström',
    title: 'Director, "Clinical" Operations',
    company: 'Contoso; Pharma, Inc.',
    industry: 'Healthcare',
    location: 'Paris, Île-de-France',
    email: 'zoe@example.com',
    phone: '+44 20 7946 0018',
    linkedinUrl: 'https://www.linkedin.com/in/zoe-angstrom',
    tags: ['alumni', 'priority list'],
    notes:
      'Line one\r\nLine two with a backslash \\ and 李雷 and a very long sentence that goes on past seventy-five octets for sure.',
    source: { kind: 'alumni', detail: 'Class of 2012' },
  }),
  makeContact('b', {
    firstName: '=HYPERLINK("http://evil.example","x")',
    lastName: '-2+3',
    title: '@SUM(A1)',
    company: '\tTabbed',
    notes: '\rcarriage',
    email: '',
    linkedinUrl: '',
    tags: ['+tag'],
  }),
];

const fields = [
  'firstName',
  'lastName',
  'title',
  'company',
  'industry',
  'location',
  'email',
  'phone',
  'linkedinUrl',
  'notes',
  'tags',
] as const;
const comparable = (contact: Contact | Draft) =>
  Object.fromEntries(fields.map((field) => [field, contact[field]]));
/** The store trims text fields (the `text()` schema) and keeps line breaks as LF after import. */
const stored = (contact: Contact) =>
  Object.fromEntries(
    fields.map((field) => {
      const value = contact[field];
      return [field, typeof value === 'string' ? value.trim().replace(/\r\n?/g, '\n') : value];
    }),
  );
const afterOneApostrophe = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
const byFirst = <T extends { firstName: string }>(items: T[]) =>
  [...items].sort((a, b) => a.firstName.localeCompare(b.firstName));

describe('CSV export', () => {
  it('writes RFC 4180 with a UTF-8 BOM, CRLF line ends and quotes where needed', () => {
    const text = contactsToCsv([hostile[0] as Contact]);
    expect(
      text.startsWith(
        '\uFEFFFirst Name,Last Name,Title,Company,Industry,Location,E-mail,Phone,LinkedIn URL,Source,',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Director, ""Clinical"" Operations"');
    expect(text).toContain('"Line one\r\nLine two');
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(3);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const parsed = Papa.parse<string[]>(contactsToCsv([hostile[1] as Contact]).slice(1), {
      skipEmptyLines: true,
    }).data;
    const row = parsed[1] as string[];
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(row.slice(0, 4)).toEqual([
      '\'=HYPERLINK("http://evil.example","x")',
      "'-2+3",
      "'@SUM(A1)",
      "'\tTabbed",
    ]);
  });

  // Cells a spreadsheet could run: formula signs (full-width too), and the same after blanks or a
  // line break it skips. Each is written with a leading ' and read back unchanged.
  const formulas: Array<[string, string]> = [
    ['an equals sign', '=1+1'],
    ['a plus sign', '+1 555 0100'],
    ['a minus sign', '-2+3'],
    ['an at sign', '@SUM(A1)'],
    ['a tab', '\tTabbed'],
    ['a carriage return', '\rcarriage'],
    ['a line feed', '\n=HYPERLINK("http://evil")'],
    ['CR LF', '\r\n=1+1'],
    ['U+2028 (line separator)', '\u2028=1+1'],
    ['U+2029 (paragraph separator)', '\u2029text'],
    ['leading spaces before =', '   =1+1'],
    ['leading tabs and spaces before +', '\t \t+cmd'],
    ['a no-break space before @', '\u00A0@SUM(A1)'],
    ['a full-width equals sign', '\uFF1D1+1'],
    ['a full-width plus sign', '\uFF0B1'],
    ['a full-width minus sign', '\uFF0D1'],
    ['a full-width at sign', '\uFF20SUM(A1)'],
    ['spaces before a full-width equals sign', '  \uFF1DA1'],
    ['an apostrophe the user typed before =', "'=already"],
  ];

  it.each(formulas)(
    'guards a cell that starts with %s, and the importer reads it back as it was',
    async (_label, cell) => {
      expect(needsFormulaGuard(afterOneApostrophe(cell))).toBe(true);
      expect(guardFormula(cell)).toBe(`'${cell}`);
      const written = contactsToCsv([makeContact('f', { firstName: 'Ana', notes: cell })]);
      const row = (Papa.parse<string[]>(written.slice(1), { skipEmptyLines: true }).data[1] ??
        []) as string[];
      const notes = row[13] as string;
      expect(notes.startsWith("'")).toBe(true);
      const table = readCsvTable(written.slice(1), 'csv');
      expect(unguardCell(notes)).toBe(cell);
      const parsed = await csvDrafts(table, guessMapping(table.headers), {
        source: { kind: 'other', detail: '' },
        connectedOnColumn: null,
      });
      expect(parsed.records[0]?.draft.notes).toBe(cell.replace(/\r\n?/g, '\n').trim());
    },
  );

  it.each([
    ['plain text', 'Maya'],
    ['text with a minus inside', 'Mendoza-Ruiz'],
    ['a space before a letter', ' Northwind'],
    ['an empty cell', ''],
    ['an apostrophe before text', "'quoted"],
  ])('leaves %s as it is', (_label, cell) => {
    expect(guardFormula(cell)).toBe(cell);
    expect(unguardCell(cell)).toBe(cell);
  });

  it('round-trips through the CSV importer and its mapping guesser', async () => {
    const table = readCsvTable(
      decodeImportBytes(new TextEncoder().encode(contactsToCsv(hostile))),
      'csv',
    );
    const parsed = await csvDrafts(table, guessMapping(table.headers), {
      source: { kind: 'other', detail: '' },
      connectedOnColumn: null,
    });
    expect([...parsed.skipped, ...parsed.warnings]).toEqual([]);
    expect(byFirst(parsed.records.map((record) => record.draft)).map(comparable)).toEqual(
      byFirst(hostile).map(stored),
    );
  });
});

describe('vCard export', () => {
  it('escapes backslashes, commas, semicolons and line breaks', () => {
    expect(escapeVcardText('a\\b,c;d\r\ne\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it.each([
    ['ASCII', 'NOTE:' + 'x'.repeat(200)],
    ['two-byte letters', 'NOTE:' + 'é'.repeat(120)],
    ['three-byte characters', 'NOTE:' + '李'.repeat(90)],
    ['emoji', 'NOTE:' + '🙂'.repeat(60)],
  ])('folds %s at 75 octets without splitting a character', (_label, line) => {
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
    }
    expect(unfoldLines(folded)).toEqual([line]);
  });

  it('writes version 4.0 cards', () => {
    const text = contactsToVcard([hostile[0] as Contact]);
    expect(text).toMatch(
      /^BEGIN:VCARD\r\nVERSION:4\.0\r\nFN:Zoë Ångström\r\nN:Ångström;Zoë;;;\r\n/,
    );
    expect(text).toContain('ORG:Contoso\\; Pharma\\, Inc.\r\n');
    expect(text).toContain('CATEGORIES:alumni,priority list\r\n');
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('round-trips through the vCard importer, source included', async () => {
    const parsed = await vcardDrafts(contactsToVcard(hostile), { kind: 'other', detail: '' });
    expect([...parsed.skipped, ...parsed.warnings]).toEqual([]);
    const drafts = byFirst(parsed.records.map((record) => record.draft));
    expect(drafts.map(comparable)).toEqual(byFirst(hostile).map(stored));
    expect(drafts.map((draft) => draft.source)).toEqual(
      byFirst(hostile).map((contact) => contact.source),
    );
  });
});

describe('export through the save dialog', () => {
  function setup(showSave: HandlerDeps['dialogs']['showSave']) {
    const storage = open(path.join(dir, 'data'));
    storage.transact((tx) => hostile.forEach((contact) => tx.put('contacts', contact)));
    const deps = {
      storage,
      dialogs: { showOpen: vi.fn(async () => null), showSave },
      now: () => new Date(2026, 11, 3, 23, 30),
      openPath: vi.fn(async () => undefined),
      openExternal: vi.fn(async () => undefined),
      emit: vi.fn(),
      renderPdf: async () => new Uint8Array(),
      appInfo: { version: '0.0.0', platform: 'linux' },
    } satisfies HandlerDeps;
    return createHandlers(deps);
  }

  it('names the file with the local date', () => {
    expect(exportFileName(new Date(2026, 11, 3, 23, 30), 'csv')).toBe(
      'Rapport contacts 2026-12-03.csv',
    );
  });

  it.each([
    ['export:contactsCsv', 'csv'],
    ['export:contactsVcard', 'vcf'],
  ] as const)('%s writes the chosen file and counts the contacts', async (channel, extension) => {
    const target = path.join(dir, `out.${extension}`);
    const showSave = vi.fn<HandlerDeps['dialogs']['showSave']>(async () => target);
    const result = await dispatch(setup(showSave), channel, undefined);
    expect(result).toEqual({ ok: true, value: { path: target, count: 2 } });
    expect(showSave.mock.calls[0]?.[0].defaultPath).toBe(
      `Rapport contacts 2026-12-03.${extension}`,
    );
    expect(fs.readFileSync(target, 'utf8')).toContain('Ångström');
  });

  it('does nothing when the user cancels', async () => {
    expect(await dispatch(setup(vi.fn(async () => null)), 'export:contactsCsv', undefined)).toEqual(
      { ok: true, value: null },
    );
    expect(fs.readdirSync(dir)).toEqual(['data']);
  });

  it('says so when the chosen place cannot be written, and writes nothing', async () => {
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const blocked = await dispatch(
      setup(vi.fn(async () => path.join(dir, 'blocker', 'x.csv'))),
      'export:contactsCsv',
      undefined,
    );
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/could not be written.*not changed/) },
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['blocker', 'data']);
  });
});
