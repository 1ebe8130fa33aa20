import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { handlerDeps } from './helpers/handler-deps.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import type { Storage } from '../../electron/services/types.js';
import type { EmployerRow } from '../../shared/schema/employers.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let handlers: Handlers;
let saveAt: string | null;
let openAt: string | null;

beforeEach(() => {
  temp = makeTempDir('rapport-employers-csv-');
  storage = open(path.join(temp.dir, 'data'));
  saveAt = null;
  openAt = null;
  const deps = handlerDeps(storage, {
    dialogs: {
      showOpen: vi.fn(async () => (openAt === null ? null : [openAt])),
      showSave: vi.fn(async () => saveAt),
    },
  });
  handlers = createHandlers(deps);
});
afterEach(() => temp.cleanup());

async function call<T>(channel: string, args?: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, args, () => undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const file = (name: string, text: string) => {
  const at = path.join(temp.dir, name);
  fs.writeFileSync(at, text);
  return at;
};

interface Imported {
  added: number;
  updated: number;
  skipped: { row: number; reason: string }[];
}

describe('the employer list as CSV', () => {
  it('exports the LAMP list formula-safe and reads it back into an empty store', async () => {
    await call('employers:create', {
      employer: { name: '=HYPERLINK("x")', motivation: 3, posting: 2, notes: '+1 idea' },
    });
    await call('employers:create', {
      employer: { name: 'Northwind', motivation: 1, focus: true, website: 'https://nw.example' },
    });
    saveAt = path.join(temp.dir, 'out.csv');
    expect(await call('employers:exportCsv')).toEqual({ path: saveAt, count: 2 });
    const text = fs.readFileSync(saveAt, 'utf8');
    expect(text.startsWith('\uFEFFName,Motivation,Posting,Advocacy')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    // A spreadsheet shows the guarded cells as text.
    expect(rows[1]!.slice(0, 3)).toEqual([`'=HYPERLINK("x")`, '3', '2']);
    expect(rows[1]![9]).toBe("'+1 idea");

    // Into a second, empty data folder: the same list comes back.
    const other = open(path.join(temp.dir, 'other'));
    const back = createHandlers(handlerDeps(other, { dialogs: dialogsOpening(saveAt) }));
    const imported = await dispatch(back, 'employers:importCsv', undefined, () => undefined);
    expect(imported).toEqual({ ok: true, value: { added: 2, updated: 0, skipped: [] } });
    const list = Object.values(other.read().employers).sort((a, b) => a.name.localeCompare(b.name));
    expect(list.map((e) => [e.name, e.motivation, e.posting, e.focus, e.notes])).toEqual([
      ['=HYPERLINK("x")', 3, 2, false, '+1 idea'],
      ['Northwind', 1, 1, true, ''],
    ]);
    expect(list[1]!.website).toBe('https://nw.example');
  });

  it('updates employers already on the list (names folded) and says which rows it left out', async () => {
    await call('employers:create', { employer: { name: 'Contoso Ltd', motivation: 1 } });
    openAt = file(
      'list.csv',
      [
        'Employer,Motivation,Posting,Website,Ignored column',
        'CONTOSO,3,,,x',
        'Fabrikam,7,1,,',
        ',2,2,,',
        'Globex,2 – strong,3,not a site,',
        'Initech,1,3,https://initech.example,',
        'initech inc.,2,2,,',
      ].join('\n'),
    );
    const result = await call<Imported>('employers:importCsv');
    expect(result).toEqual({
      added: 1,
      updated: 1,
      skipped: [
        { row: 3, reason: 'Motivation must be 0 to 3' },
        { row: 4, reason: 'no name' },
        { row: 5, reason: 'Website is not a web address' },
        { row: 7, reason: 'the same employer as row 6' },
      ],
    });
    const rows = await call<EmployerRow[]>('employers:list');
    expect(rows.map((r) => [r.name, r.motivation, r.posting])).toEqual([
      ['Contoso Ltd', 3, 1],
      ['Initech', 1, 3],
    ]);
  });

  it('refuses a file that is not an employer list, or too large, and changes nothing', async () => {
    openAt = file('contacts.csv', 'First Name,Last Name\nMaya,Okafor\n');
    await expect(call('employers:importCsv')).rejects.toThrow(
      /no Name column.*Nothing was changed/,
    );
    openAt = file('big.csv', `Name\n${'x'.repeat(1_100_000)}\n`);
    await expect(call('employers:importCsv')).rejects.toThrow(/larger than 1 MB/);
    openAt = null;
    expect(await call('employers:importCsv')).toBeNull();
    expect(Object.keys(storage.read().employers)).toEqual([]);
  });
});

const dialogsOpening = (filePath: string): HandlerDeps['dialogs'] => ({
  showOpen: async () => [filePath],
  showSave: async () => null,
});
