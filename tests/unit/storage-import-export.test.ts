import fs from 'node:fs';
import path from 'node:path';
import { splitMeeting } from '../../electron/services/meeting-records.js';
import type { Meeting } from '../../shared/schema/entities.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportText } from '../../electron/services/export-file.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LINES_BYTES } from '../../electron/services/storage.js';
import { SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import { migrations } from '../../electron/services/migrations.js';
import { UserFacingError } from '../../shared/result.js';
import { maya, meeting } from './documents-fixtures.js';
import {
  makeActivity,
  makeContact,
  makeTempDir,
  open,
  snapshotStore,
} from './helpers/storage-fixtures.js';

let root: string;
let cleanup: () => void;
let dataDir: string;

beforeEach(() => {
  ({ dir: root, cleanup } = makeTempDir());
  dataDir = path.join(root, 'data');
});
afterEach(() => cleanup());

async function caught(fn: () => unknown): Promise<UserFacingError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('Expected a UserFacingError, but nothing was thrown.');
}

/** Another store with two contacts, an activity and changed settings. */
function otherStore() {
  const other = open(path.join(root, `other-${Math.random().toString(16).slice(2)}`));
  other.transact((tx) => {
    tx.put('contacts', makeContact('c-1', { firstName: 'Émile' }));
    tx.put('contacts', makeContact('c-2'));
    tx.put('activities', makeActivity('a-1', 'c-1'));
    tx.setSettings({ ...tx.data.settings, meetingMinutes: 25 });
  });
  return other;
}

/** "Export everything" of the other store, as this version writes it (lines). */
async function seedOther() {
  const other = otherStore();
  const file = path.join(root, 'export.jsonl');
  await other.exportAll(file);
  other.close();
  return file;
}

/** The other store's data as versions before 0.4 exported it (one JSON document). */
function legacyExport(): string {
  const other = otherStore();
  const text = exportText(other.read(), new Date('2026-01-15T12:00:00.000Z'));
  other.close();
  return text;
}

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('export and import', () => {
  it('round-trips everything through an export of one line per item and reports counts', async () => {
    const file = await seedOther();
    const written = lines(file);
    expect(written[0]).toEqual({
      format: 'rapport-data-lines',
      schemaVersion: SCHEMA_VERSION,
      exportedAt: expect.any(String),
    });
    expect(written[1]).toMatchObject({ settings: { meetingMinutes: 25 } });
    expect(
      written.slice(2, -1).map((line) => [line.collection, (line.item as { id: string }).id]),
    ).toEqual([
      ['contacts', 'c-1'],
      ['contacts', 'c-2'],
      ['activities', 'a-1'],
    ]);
    expect(written.at(-1)).toMatchObject({ end: true, counts: { contacts: 2, activities: 1 } });
    const storage = open(dataDir);
    storage.transact((tx) => tx.put('contacts', makeContact('mine')));
    const result = await storage.importAll(file);
    expect(result.counts).toEqual({
      contacts: 2,
      activities: 1,
      reminders: 0,
      meetings: 0,
      preps: 0,
      questions: 0,
      templates: 0,
      notes: 0,
      outreach: 0,
      attachments: 0,
      employers: 0,
    });
    expect(storage.listBackups().find((info) => info.name === result.safetyBackup)?.reason).toBe(
      'before-import',
    );
    expect(Object.keys(storage.read().contacts).sort()).toEqual(['c-1', 'c-2']);
    expect(storage.read().contacts['c-1']?.firstName).toBe('Émile');
    expect(storage.read().settings.meetingMinutes).toBe(25);
    storage.close();
    const reopened = open(dataDir);
    expect(Object.keys(reopened.read().contacts).sort()).toEqual(['c-1', 'c-2']);
    expect(reopened.read().activities['a-1']?.contactId).toBe('c-1');
    reopened.close();
  });

  it('imports an export written by a version before 0.4 (one JSON document)', async () => {
    const file = path.join(root, 'old-export.json');
    fs.writeFileSync(file, legacyExport());
    const storage = open(dataDir);
    const result = await storage.importAll(file);
    expect(result.counts).toMatchObject({ contacts: 2, activities: 1 });
    expect(storage.read().contacts['c-1']?.firstName).toBe('Émile');
    storage.close();
  });

  it('says clearly when the export cannot be written', async () => {
    const storage = open(dataDir);
    const error = await caught(() =>
      storage.exportAll(path.join(root, 'missing-folder', 'sub', '\0bad.json')),
    );
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/could not be written/);
    storage.close();
  });

  const good = () =>
    JSON.parse(legacyExport()) as Record<string, unknown> & {
      data: Record<string, Record<string, Record<string, unknown>>>;
    };
  /** A good export with Maya Okafor in it, changed by `change`. */
  const withMaya = (change: (contact: Record<string, unknown>) => void) => {
    const file = good();
    const contact: Record<string, unknown> = { ...maya() };
    change(contact);
    file.data.contacts![contact.id as string] = contact;
    return JSON.stringify(file);
  };
  /** A good export with Maya and a meeting with her on 3 Dec 2026, changed by `change`. */
  const withMeeting = (change: (meeting: Record<string, unknown>) => void) => {
    const file = good();
    file.data.contacts!['contact-maya'] = { ...maya() };
    const item: Record<string, unknown> = JSON.parse(JSON.stringify(meeting())) as Record<
      string,
      unknown
    >;
    change(item);
    // Stored as two records since data version 3: when and where, and the prep.
    const { record, prep } = splitMeeting(item as unknown as Meeting);
    for (const key of Object.keys(item))
      if (!(key in record) && !(key in prep)) (record as Record<string, unknown>)[key] = item[key];
    file.data.meetings!['meeting-1'] = record as unknown as Record<string, unknown>;
    (file.data as Record<string, Record<string, unknown>>).preps = { 'meeting-1': prep };
    return JSON.stringify(file);
  };

  const badFiles: Array<[string, () => string | Buffer, RegExp]> = [
    ['an empty file', () => '', /not valid JSON/],
    ['plain text', () => 'Name,Company\nAna,Northwind\n', /not valid JSON/],
    ['random bytes', () => Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x88, 0x42]), /not valid JSON/],
    ['a cut-off export', () => JSON.stringify(good()).slice(0, 200), /not valid JSON/],
    ['a JSON array', () => '[1,2,3]', /not a Rapport export/],
    [
      "another app's JSON",
      () => JSON.stringify({ format: 'other-app', data: {} }),
      /not a Rapport export/,
    ],
    [
      'an export from a newer Rapport',
      () => JSON.stringify({ ...good(), schemaVersion: SCHEMA_VERSION + 1 }),
      new RegExp(
        `newer version of Rapport \\(data version ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}\\)`,
      ),
    ],
    [
      'an export without data',
      () =>
        JSON.stringify({
          format: 'rapport-data',
          schemaVersion: SCHEMA_VERSION,
          exportedAt: '2026-01-01T00:00:00.000Z',
        }),
      /not a complete Rapport export: its data is missing\. Nothing was changed\.$/,
    ],
    [
      'a bad e-mail in one contact',
      () => withMaya((contact) => (contact.email = 'nope')),
      /cannot use\. Contact 'Maya Okafor': e-mail address must look like name@example\.com\./,
    ],
    [
      'a first name that is not text',
      () => withMaya((contact) => (contact.firstName = ['Maya'])),
      /cannot use\. Contact 'Maya Okafor': first name must be text\. Nothing was changed\.$/,
    ],
    [
      'a contact without a last name field',
      () => withMaya((contact) => delete contact.lastName),
      /Contact 'Maya': last name is missing\./,
    ],
    [
      'a stage that does not exist',
      () => withMaya((contact) => (contact.stage = 'hired')),
      /Contact 'Maya Okafor': stage must be one of "prospect", .* or "[a-z-]+"\./,
    ],
    [
      'a meeting length in fractions of a minute',
      () => withMeeting((item) => (item.minutes = 30.5)),
      /Meeting on 3 Dec 2026 with Maya Okafor: length must be a whole number of minutes\./,
    ],
    [
      'a meeting without a start time',
      () => withMeeting((item) => (item.start = 'next Tuesday')),
      /Meeting with Maya Okafor: start time must be a date and time like 2026-12-03T15:00:00\.000Z\./,
    ],
    [
      'a question in a meeting that is not text',
      () =>
        withMeeting((item) => ((item.questions as Array<Record<string, unknown>>)[1]!.text = 42)),
      /Meeting on 3 Dec 2026 with Maya Okafor: the text of question 2 must be text\./,
    ],
    [
      'a meeting length in the settings over the limit',
      () => {
        const file = good() as ReturnType<typeof good> & {
          data: { settings: Record<string, unknown> };
        };
        file.data.settings.meetingMinutes = 500;
        return JSON.stringify(file);
      },
      /Settings: meeting length must be at most 240 minutes\./,
    ],
    [
      'a missing collection',
      () => {
        const file = good();
        delete file.data.meetings;
        return JSON.stringify(file);
      },
      /cannot use\. The list of meetings is missing\./,
    ],
    [
      'an item filed under another id',
      () => {
        const file = good();
        file.data.contacts!['c-9'] = file.data.contacts!['c-2']!;
        return JSON.stringify(file);
      },
      /Contact 'Ana Garcia' is filed under the id "c-9" but its own id is "c-2"\./,
    ],
  ];

  it.each(badFiles)(
    'refuses %s, says why and changes nothing',
    async (_label, content, message) => {
      const file = path.join(root, 'incoming.json');
      fs.writeFileSync(file, content());
      const storage = open(dataDir);
      storage.transact((tx) => tx.put('contacts', makeContact('mine')));
      const before = snapshotStore(dataDir);
      const backups = storage.listBackups();
      const error = await caught(() => storage.importAll(file));
      expect(error.code).toBe('invalid-file');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed\.$/);
      // Records and fields in words, never a schema path such as contacts.c-2.email.
      expect(error.message).not.toMatch(/\b(contacts|meetings|settings|data)\.[\w-]+/);
      expect(snapshotStore(dataDir)).toEqual(before);
      expect(storage.listBackups()).toEqual(backups);
      expect(Object.keys(storage.read().contacts)).toEqual(['mine']);
      storage.close();
    },
  );

  it('refuses a file over the size limit without reading it', async () => {
    const file = path.join(root, 'huge.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1); // sparse: costs no disk space
    const storage = open(dataDir);
    const error = await caught(() => storage.importAll(file));
    expect(error).toMatchObject({ code: 'invalid-file' });
    expect(error.message).toMatch(/larger than any Rapport export \(the limit is 200 MB\)/);
    // An export of today's kind is read a line at a time: its limit is higher.
    const linesFile = path.join(root, 'huge.jsonl');
    fs.writeFileSync(linesFile, '{"format":"rapport-data-lines","schemaVersion":3}\n');
    fs.truncateSync(linesFile, MAX_IMPORT_LINES_BYTES + 1);
    const big = await caught(() => storage.importAll(linesFile));
    expect(big.message).toMatch(/larger than any Rapport export \(the limit is 2048 MB\)/);
    storage.close();
  });

  it.each([
    ['a folder', () => root, 'invalid-file'],
    ['a missing file', () => path.join(root, 'gone.json'), 'not-found'],
  ])('refuses %s', async (_label, target, code) => {
    const storage = open(dataDir);
    expect((await caught(() => storage.importAll(target()))).code).toBe(code);
    storage.close();
  });

  it('upgrades an export from an older version on the way in', async () => {
    const file = path.join(root, 'old.json');
    const old = good();
    for (const contact of Object.values(old.data.contacts!)) delete contact.responsiveness;
    fs.writeFileSync(file, JSON.stringify({ ...old, schemaVersion: 0 }));
    const storage = open(dataDir, {
      migrations: {
        ...migrations,
        0: (data) => {
          for (const contact of Object.values(
            data.contacts as Record<string, Record<string, unknown>>,
          ))
            contact.responsiveness = 'booster';
          return data;
        },
      },
    });
    await storage.importAll(file);
    expect(storage.read().contacts['c-1']?.responsiveness).toBe('booster');
    storage.close();
  });
});

describe('an export of lines that is damaged', () => {
  /** The lines of a good export, changed by `change`, joined back into a file's text. */
  async function edited(change: (lines: string[]) => string[]): Promise<string> {
    const text = fs.readFileSync(await seedOther(), 'utf8');
    return change(text.split('\n').filter((line) => line !== '')).join('\n') + '\n';
  }
  const replaceLine = (lines: string[], index: number, value: unknown) =>
    lines.map((line, at) => (at === index ? JSON.stringify(value) : line));
  const contactLine = (lines: string[]) =>
    lines.findIndex((line) => line.includes('"collection":"contacts"'));

  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    [
      'cut off before its end line',
      () => edited((lines) => lines.slice(0, -2)),
      /has no end line: it is cut off/,
    ],
    [
      'missing a record its end line counts',
      () => edited((lines) => lines.filter((_line, at) => at !== contactLine(lines))),
      /says it holds 2 contacts but holds 1/,
    ],
    [
      'holding a contact with a bad e-mail',
      () =>
        edited((lines) => {
          const at = contactLine(lines);
          const record = JSON.parse(lines[at]!) as { item: Record<string, unknown> };
          return replaceLine(lines, at, { ...record, item: { ...record.item, email: 'nope' } });
        }),
      /cannot use\. Contact 'Émile Garcia': e-mail address must look like name@example\.com\./,
    ],
    [
      'holding a record twice',
      () =>
        edited((lines) => [...lines.slice(0, 3), lines[contactLine(lines)]!, ...lines.slice(3)]),
      /holds the record "c-1" twice/,
    ],
    [
      'holding a line of another kind',
      () => edited((lines) => [...lines.slice(0, 2), '{"hello":"world"}', ...lines.slice(2)]),
      /has a line \(number 3\) Rapport does not know/,
    ],
    [
      'holding a line that is not JSON',
      () =>
        edited((lines) => [...lines.slice(0, 2), '{"collection":"contacts",', ...lines.slice(2)]),
      /has a line \(number 3\) that is not valid JSON/,
    ],
    [
      'holding a line longer than any record',
      () => edited((lines) => [...lines.slice(0, 2), `"${'x'.repeat(5 * 1024 * 1024)}"`]),
      /has a line \(number 3\) longer than any Rapport record/,
    ],
    [
      'from a newer Rapport',
      () =>
        edited((lines) =>
          replaceLine(lines, 0, { ...JSON.parse(lines[0]!), schemaVersion: SCHEMA_VERSION + 1 }),
        ),
      /newer version of Rapport/,
    ],
  ];

  it.each(cases)(
    'refuses one %s, says why and changes nothing',
    async (_label, content, message) => {
      const file = path.join(root, 'incoming.jsonl');
      fs.writeFileSync(file, await content());
      const storage = open(dataDir);
      storage.transact((tx) => tx.put('contacts', makeContact('mine')));
      const before = snapshotStore(dataDir);
      const backups = storage.listBackups();
      const error = await caught(() => storage.importAll(file));
      expect(error.code).toBe('invalid-file');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed\.$/);
      expect(snapshotStore(dataDir)).toEqual(before);
      expect(storage.listBackups()).toEqual(backups);
      storage.close();
    },
  );

  it('upgrades an export of lines from an older data version on the way in', async () => {
    const file = path.join(root, 'older.jsonl');
    fs.writeFileSync(
      file,
      await edited((lines) =>
        lines.map((line, at) => {
          const record = JSON.parse(line) as Record<string, unknown>;
          if (at === 0) return JSON.stringify({ ...record, schemaVersion: 0 });
          if (record.collection === 'contacts')
            delete (record.item as Record<string, unknown>).responsiveness;
          return JSON.stringify(record);
        }),
      ),
    );
    const storage = open(dataDir, {
      migrations: {
        ...migrations,
        0: (data) => {
          for (const contact of Object.values(
            data.contacts as Record<string, Record<string, unknown>>,
          ))
            contact.responsiveness = 'booster';
          return data;
        },
      },
    });
    await storage.importAll(file);
    expect(storage.read().contacts['c-2']?.responsiveness).toBe('booster');
    storage.close();
  });
});
