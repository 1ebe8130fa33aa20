import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import { bucketCounts, bucketOf, JOURNAL_FILE } from '../../electron/services/shards.js';
import { SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import { migrations } from '../../electron/services/migrations.js';
import type { Contact } from '../../shared/schema/entities.js';
import { defaultSettings } from '../../shared/schema/settings.js';
import { UserFacingError } from '../../shared/result.js';
import {
  allFiles,
  fileOf,
  idsInDistinctFiles,
  makeActivity,
  makeContact,
  makeTempDir,
  open,
  snapshotStore,
  recordingWriteFile,
  StoreClass,
  storePath,
  storeWrites,
} from './helpers/storage-fixtures.js';

let dataDir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir: dataDir, cleanup } = makeTempDir());
  storeWrites.length = 0;
});
afterEach(() => cleanup());

const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

function caught(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('Expected a UserFacingError, but nothing was thrown.');
}

describe('opening a data folder', () => {
  it.each([
    ['en-US', 'Letter'],
    ['de-DE', 'A4'],
  ])(
    'starts a brand-new folder (%s) with default settings and writes them',
    (locale, paperSize) => {
      const storage = open(dataDir, { locale });
      expect(storage.read().settings).toEqual({ ...defaultSettings(locale), paperSize });
      expect(storage.read().contacts).toEqual({});
      expect(storage.status()).toMatchObject({
        readOnly: null,
        restored: null,
        schemaVersion: SCHEMA_VERSION,
      });
      expect(readJson(storePath(dataDir, 'settings.json'))).toEqual({
        schemaVersion: SCHEMA_VERSION,
        settings: storage.read().settings,
      });
      storage.close();
    },
  );

  it('keeps every collection in files chosen by a stable hash of the id, each carrying schemaVersion', () => {
    const storage = open(dataDir);
    const ids = idsInDistinctFiles('contacts', 3);
    storage.transact((tx) => {
      for (const id of ids) tx.put('contacts', makeContact(id));
      tx.put('activities', makeActivity('a-1', ids[0]!));
    });
    for (const id of ids) {
      const file = readJson(storePath(dataDir, fileOf('contacts', id)));
      expect(file).toMatchObject({
        schemaVersion: SCHEMA_VERSION,
        collection: 'contacts',
        bucket: bucketOf(id, bucketCounts.contacts),
      });
      expect(Object.keys(file.items as object)).toEqual([id]);
    }
    expect(readJson(storePath(dataDir, fileOf('activities', 'a-1')))).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      items: { 'a-1': { contactId: ids[0] } },
    });
    storage.close();
  });

  it('reads back exactly what was saved, including text outside ASCII, and the files stay ASCII', () => {
    const storage = open(dataDir);
    const contact = makeContact('c-1', {
      firstName: 'Chloé',
      lastName: 'Müller-Łukasz',
      notes: 'Met at 東京 office 🎉; "quotes" and \\ backslash\nnew line',
    });
    storage.transact((tx) => tx.put('contacts', contact));
    storage.close();
    const bytes = fs.readFileSync(storePath(dataDir, fileOf('contacts', 'c-1')));
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true);
    const reopened = open(dataDir);
    expect(reopened.read().contacts['c-1']).toEqual(contact);
    expect(reopened.status()).toMatchObject({ readOnly: null, restored: null });
    reopened.close();
  });

  it('works with conf itself as the store class and never reads conf.store after construction', () => {
    // RecordingConf (used everywhere in this file) throws if `.store` is read; plain Conf too.
    const storage = openStorage({
      dataDir,
      now: () => new Date(),
      StoreClass: Conf as unknown as StoreClassLike,
      log: () => {},
    });
    storage.transact((tx) => tx.put('contacts', makeContact('c-1')));
    storage.close();
    const again = open(dataDir);
    expect(again.read().contacts['c-1']?.firstName).toBe('Ana');
    again.transact((tx) => tx.put('contacts', makeContact('c-1', { firstName: 'Ben' })));
    expect(again.read().contacts['c-1']?.firstName).toBe('Ben');
    again.close();
  });

  it('passes electron-store the file name as `name` as well as `configName`', () => {
    const seen: Array<Record<string, unknown>> = [];
    class Spy extends (StoreClass as unknown as typeof Conf) {
      constructor(options: Record<string, unknown>) {
        seen.push(options);
        super(options);
      }
    }
    const storage = open(dataDir, { StoreClass: Spy as unknown as StoreClassLike });
    storage.close();
    expect(seen[0]).toMatchObject({
      cwd: path.join(dataDir, 'store'),
      name: 'settings',
      configName: 'settings',
      fileExtension: 'json',
      projectName: 'rapport',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    });
  });
});

describe('transact', () => {
  it('writes only the files it changed, and they are on disk when it returns', () => {
    const storage = open(dataDir);
    const [a, b] = idsInDistinctFiles('contacts', 2);
    storage.transact((tx) => {
      tx.put('contacts', makeContact(a!));
      tx.put('contacts', makeContact(b!));
    });
    storeWrites.length = 0;
    storage.transact((tx) => tx.put('contacts', makeContact(a!, { notes: 'second call' })));
    expect(storeWrites.map((write) => write.file)).toEqual([fileOf('contacts', a!)]);
    expect(readJson(storePath(dataDir, fileOf('contacts', a!)))).toMatchObject({
      items: { [a!]: { notes: 'second call' } },
    });
    storage.close();
  });

  it('makes the change visible through tx.data while the transaction runs', () => {
    const storage = open(dataDir);
    const result = storage.transact((tx) => {
      tx.setSettings({ ...tx.data.settings, meetingMinutes: 45 });
      tx.put('contacts', makeContact('c-1'));
      return {
        minutes: tx.data.settings.meetingMinutes,
        contact: tx.data.contacts['c-1']?.firstName,
      };
    });
    expect(result).toEqual({ minutes: 45, contact: 'Ana' });
    storage.close();
  });

  it('stores what the schema made of the input (trimmed text)', () => {
    const storage = open(dataDir);
    storage.transact((tx) => tx.put('contacts', makeContact('c-1', { firstName: '  Ana  ' })));
    expect(storage.read().contacts['c-1']?.firstName).toBe('Ana');
    storage.close();
  });

  const invalidContacts: Array<[string, Partial<Contact> | Record<string, unknown>, RegExp]> = [
    ['an empty first name', { firstName: '   ' }, /^firstName: Enter a first name\.$/],
    ['a malformed e-mail', { email: 'not-an-email' }, /^email: Enter an e-mail address/],
    [
      'a LinkedIn URL on another site',
      { linkedinUrl: 'https://evil.example.com/in/x' },
      /^linkedinUrl: Enter a LinkedIn address/,
    ],
    ['an unknown stage', { stage: 'hired' }, /^stage: /],
    ['a number where text belongs', { notes: 42 }, /^notes: /],
    ['a missing field', { company: undefined }, /^company: /],
    [
      'an over-long note',
      { notes: 'x'.repeat(20_001) },
      /^notes: Keep this under 20000 characters\.$/,
    ],
    ['a nested wrong value', { source: { kind: 'headhunter', detail: '' } }, /^source\.kind: /],
  ];

  it.each(invalidContacts)(
    'refuses %s, names the field and changes nothing',
    (_label, patch, message) => {
      const storage = open(dataDir);
      storage.transact((tx) => tx.put('contacts', makeContact('c-0')));
      const before = snapshotStore(dataDir);
      const memory = structuredClone(storage.read());
      const error = caught(() =>
        storage.transact((tx) => {
          tx.put('contacts', makeContact('c-1'));
          tx.put('contacts', { ...makeContact('c-2'), ...patch } as Contact);
        }),
      );
      expect(error.code).toBe('invalid-args');
      expect(error.message).toMatch(message);
      expect(storage.read()).toEqual(memory);
      expect(snapshotStore(dataDir)).toEqual(before);
      storage.close();
    },
  );

  it('cancels the whole transaction even when the caller catches the validation error', () => {
    const storage = open(dataDir);
    const error = caught(() =>
      storage.transact((tx) => {
        tx.put('contacts', makeContact('c-1'));
        try {
          tx.put('contacts', makeContact('c-2', { firstName: '' }));
        } catch {
          // swallowed on purpose
        }
      }),
    );
    expect(error.code).toBe('invalid-args');
    expect(storage.read().contacts).toEqual({});
    expect(fs.existsSync(storePath(dataDir, fileOf('contacts', 'c-1')))).toBe(false);
    storage.close();
  });

  it('rolls back every earlier change when the callback throws', () => {
    const storage = open(dataDir);
    storage.transact((tx) => tx.put('contacts', makeContact('c-1')));
    const settings = storage.read().settings;
    expect(() =>
      storage.transact((tx) => {
        tx.put('contacts', makeContact('c-1', { firstName: 'Changed' }));
        tx.remove('contacts', 'c-1');
        tx.put('contacts', makeContact('c-2'));
        tx.setSettings({ ...settings, meetingMinutes: 60 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(storage.read().contacts).toEqual({ 'c-1': makeContact('c-1') });
    expect(storage.read().settings).toBe(settings);
    storage.close();
    const reopened = open(dataDir);
    expect(reopened.read().contacts).toEqual({ 'c-1': makeContact('c-1') });
    reopened.close();
  });

  it('validates settings the same way', () => {
    const storage = open(dataDir);
    const error = caught(() =>
      storage.transact((tx) => tx.setSettings({ ...tx.data.settings, arriveEarlyMinutes: 61 })),
    );
    expect(error).toMatchObject({ code: 'invalid-args' });
    expect(error.message).toMatch(/^arriveEarlyMinutes: Enter 60 minutes or fewer/);
    expect(storage.read().settings.arriveEarlyMinutes).toBe(15);
    storage.close();
  });

  it('removes items from memory and disk', () => {
    const storage = open(dataDir);
    storage.transact((tx) => tx.put('contacts', makeContact('c-1')));
    storage.transact((tx) => tx.remove('contacts', 'c-1'));
    storage.transact((tx) => tx.remove('contacts', 'never-existed'));
    expect(storage.read().contacts).toEqual({});
    expect(readJson(storePath(dataDir, fileOf('contacts', 'c-1'))).items).toEqual({});
    storage.close();
  });

  it.each(['__proto__'])('refuses the id %s, which would not survive a reload', (id) => {
    const storage = open(dataDir);
    const error = caught(() => storage.transact((tx) => tx.put('contacts', makeContact(id))));
    expect(error.code).toBe('invalid-args');
    expect(Object.getPrototypeOf(storage.read().contacts)).toBe(Object.prototype);
    storage.close();
  });

  it('keeps ids like "constructor" and "toString" as plain data', () => {
    const storage = open(dataDir);
    storage.transact((tx) => {
      tx.put('contacts', makeContact('constructor'));
      tx.put('contacts', makeContact('toString'));
    });
    storage.close();
    const reopened = open(dataDir);
    expect(Object.keys(reopened.read().contacts).sort()).toEqual(['constructor', 'toString']);
    reopened.close();
  });
});

/**
 * Store writers (conf for settings.json, the data-file writer for the rest) whose writes fail on
 * demand, to simulate a full disk or a crash half-way. Writes are numbered across both.
 */
function failingWriters(shouldFail: (file: string, writeNumber: number) => boolean) {
  let writes = 0;
  const check = (file: string) => {
    writes += 1;
    if (shouldFail(path.basename(file), writes)) {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }
  };
  class Failing extends (StoreClass as unknown as typeof Conf) {
    override get store(): Record<string, unknown> {
      return super.store;
    }
    override set store(value: Record<string, unknown>) {
      check(this.path);
      super.store = value;
    }
  }
  return {
    StoreClass: Failing as unknown as StoreClassLike,
    writeFile(filePath: string, bytes: Uint8Array) {
      check(filePath);
      recordingWriteFile(filePath, bytes);
    },
  };
}

describe('transactions that touch several files', () => {
  it('write a journal with every new content before touching the files, and remove it after', () => {
    const storage = open(dataDir);
    const journal = storePath(dataDir, JOURNAL_FILE);
    const seenJournal: boolean[] = [];
    const [a, b] = idsInDistinctFiles('contacts', 2);
    const watching = failingWriters(() => {
      seenJournal.push(fs.existsSync(journal));
      return false;
    });
    storage.close();
    const watched = open(dataDir, watching);
    watched.transact((tx) => {
      tx.put('contacts', makeContact(a!));
      tx.put('contacts', makeContact(b!));
      tx.setSettings({ ...tx.data.settings, meetingMinutes: 20 });
    });
    expect(seenJournal).toEqual([true, true, true]);
    expect(fs.existsSync(journal)).toBe(false);
    watched.close();
  });

  it('are finished at the next start when the process died after the journal was written', () => {
    const [a, b, c] = idsInDistinctFiles('contacts', 3);
    const first = open(dataDir);
    first.transact((tx) => tx.put('contacts', makeContact(a!)));
    first.close();
    // The third store write of this session fails: the journal is durable, one file is written.
    const storage = open(
      dataDir,
      failingWriters((_file, n) => n === 2),
    );
    const error = caught(() =>
      storage.transact((tx) => {
        tx.put('contacts', makeContact(a!, { notes: 'new a' }));
        tx.put('contacts', makeContact(b!, { notes: 'new b' }));
        tx.put('contacts', makeContact(c!, { notes: 'new c' }));
      }),
    );
    expect(error.code).toBe('io');
    expect(storage.status().readOnly?.reason).toMatch(/completed when Rapport starts again/);
    expect(fs.existsSync(storePath(dataDir, JOURNAL_FILE))).toBe(true);
    expect(caught(() => storage.transact(() => undefined)).code).toBe('read-only');
    storage.close();

    const reopened = open(dataDir);
    expect(reopened.status()).toMatchObject({ readOnly: null, restored: null });
    expect([a, b, c].map((id) => reopened.read().contacts[id!]?.notes)).toEqual([
      'new a',
      'new b',
      'new c',
    ]);
    expect(fs.existsSync(storePath(dataDir, JOURNAL_FILE))).toBe(false);
    reopened.close();
  });

  it('ignore a torn journal (a save that was never acknowledged) and keep it aside', () => {
    const storage = open(dataDir);
    storage.transact((tx) => tx.put('contacts', makeContact('c-1')));
    storage.close();
    const torn =
      '{"format":"rapport-journal","schemaVersion":1,"files":{"settings.json":{"schemaVer';
    fs.writeFileSync(storePath(dataDir, JOURNAL_FILE), torn);
    const reopened = open(dataDir);
    expect(reopened.status()).toMatchObject({ readOnly: null, restored: null });
    expect(reopened.read().contacts['c-1']).toEqual(makeContact('c-1'));
    expect(fs.existsSync(storePath(dataDir, JOURNAL_FILE))).toBe(false);
    expect(
      allFiles(path.join(dataDir, 'damaged')).map((file) => fs.readFileSync(file, 'utf8')),
    ).toContain(torn);
    reopened.close();
  });

  it('leave the store unchanged and writable when the write fails', () => {
    open(dataDir).close();
    let failNext = false;
    const storage = open(
      dataDir,
      failingWriters(() => {
        const fail = failNext;
        failNext = false;
        return fail;
      }),
    );
    failNext = true;
    const before = snapshotStore(dataDir);
    const error = caught(() => storage.transact((tx) => tx.put('contacts', makeContact('c-1'))));
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/could not be saved \(ENOSPC\)\. Nothing was changed/);
    expect(storage.read().contacts).toEqual({});
    expect(snapshotStore(dataDir)).toEqual(before);
    expect(storage.status().readOnly).toBeNull();
    storage.transact((tx) => tx.put('contacts', makeContact('c-1')));
    expect(storage.read().contacts['c-1']).toBeDefined();
    storage.close();
    const reopened = open(dataDir);
    expect(reopened.read().contacts['c-1']).toEqual(makeContact('c-1'));
    reopened.close();
  });
});

describe('leftover temp files from interrupted writes', () => {
  it.each([
    ['store', 'contacts-03.json.tmp-1736942400a1b2c3'],
    ['store', 'settings.json.tmp-0000000000ffffff'],
    ['store', 'journal.json.rapport-tmp-4242-deadbeef'],
    ['backups', '2026-01-15T12-00-00-000Z-0000-start.json.rapport-tmp-1-0badf00d'],
    ['attachments', 'incoming.rapport-tmp-77-12345678'],
    ['.', 'export.json.tmp-1736942400abcdef'],
  ])('are removed at start (%s/%s)', (folder, name) => {
    open(dataDir).close();
    const leftover = path.join(dataDir, folder, name);
    fs.mkdirSync(path.dirname(leftover), { recursive: true });
    fs.writeFileSync(leftover, '{"half":');
    const keep = path.join(dataDir, folder, 'notes.txt');
    fs.writeFileSync(keep, 'not ours');
    const storage = open(dataDir);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(keep)).toBe(true);
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    storage.close();
  });
});

describe('a store written by a newer Rapport', () => {
  function writeNewerStore(version: number, which: 'all' | 'settings') {
    const storage = open(dataDir);
    storage.transact((tx) => {
      tx.put('contacts', makeContact('c-1', { notes: 'readable' }));
      tx.setSettings({ ...tx.data.settings, meetingMinutes: 50 });
    });
    storage.close();
    for (const name of fs.readdirSync(path.join(dataDir, 'store'))) {
      if (which === 'settings' && name !== 'settings.json') continue;
      const file = storePath(dataDir, name);
      const json = readJson(file);
      json.schemaVersion = version;
      if (json.items)
        (json.items as Record<string, Record<string, unknown>>)['c-1']!.newField = {
          from: 'the future',
        };
      fs.writeFileSync(file, JSON.stringify(json));
    }
  }

  it.each(['all', 'settings'] as const)(
    'opens read-only, shows what it can read and never writes (%s files newer)',
    async (which) => {
      writeNewerStore(SCHEMA_VERSION + 1, which);
      const backupsBefore = fs.readdirSync(path.join(dataDir, 'backups'));
      const before = snapshotStore(dataDir);
      const storage = open(dataDir);
      expect(storage.status().readOnly).toEqual({
        reason: expect.stringMatching(/newer version of Rapport/),
        storeVersion: SCHEMA_VERSION + 1,
      });
      expect(storage.read().contacts['c-1']?.notes).toBe('readable');
      expect(storage.read().settings.meetingMinutes).toBe(50);
      const attempts: Array<[string, () => Promise<unknown>]> = [
        ['transact', async () => storage.transact((tx) => tx.put('contacts', makeContact('c-2')))],
        ['restoreBackup', async () => storage.restoreBackup(backupsBefore[0] ?? 'x')],
        ['importAll', () => storage.importAll(path.join(dataDir, 'nothing.json'))],
        ['createBackup', async () => storage.createBackup('manual')],
        [
          'addAttachment',
          async () => storage.addAttachment(path.join(dataDir, 'nothing.pdf'), 'resume'),
        ],
      ];
      for (const [, attempt] of attempts) {
        // importAll is asynchronous (it reads a line at a time): its refusal is a rejection.
        const error = await attempt().then(
          () => caught(() => undefined),
          (reason: unknown) =>
            caught(() => {
              throw reason;
            }),
        );
        expect(error.code).toBe('read-only');
        expect(error.message).toMatch(/Nothing was changed/);
      }
      storage.close();
      expect(snapshotStore(dataDir)).toEqual(before);
      expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual(backupsBefore);
    },
  );

  it('does not replay a journal written by a newer version', () => {
    open(dataDir).close();
    const journal = JSON.stringify({
      format: 'rapport-journal',
      schemaVersion: SCHEMA_VERSION + 1,
      files: { 'settings.json': { schemaVersion: SCHEMA_VERSION + 1, settings: {} } },
    });
    fs.writeFileSync(storePath(dataDir, JOURNAL_FILE), journal);
    const before = snapshotStore(dataDir);
    const storage = open(dataDir);
    expect(storage.status().readOnly?.storeVersion).toBe(SCHEMA_VERSION + 1);
    storage.close();
    expect(snapshotStore(dataDir)).toEqual(before);
  });
});

describe('migrations', () => {
  /** A synthetic version 0: one `name` field instead of first and last name, no responsiveness. */
  function writeV0Store() {
    const store = path.join(dataDir, 'store');
    fs.mkdirSync(store, { recursive: true });
    const settings = { ...defaultSettings('en-US') } as Record<string, unknown>;
    delete settings.reportBackDays;
    fs.writeFileSync(
      path.join(store, 'settings.json'),
      JSON.stringify({ schemaVersion: 0, settings }),
    );
    const [a, b] = idsInDistinctFiles('contacts', 2, 'old');
    for (const id of [a!, b!]) {
      const { firstName: _f, lastName: _l, responsiveness: _r, ...rest } = makeContact(id);
      const items = { [id]: { ...rest, name: `Grace ${id}` } };
      fs.writeFileSync(
        path.join(store, fileOf('contacts', id)),
        JSON.stringify({
          schemaVersion: 0,
          collection: 'contacts',
          bucket: bucketOf(id, bucketCounts.contacts),
          items,
        }),
      );
    }
    return [a!, b!];
  }

  /** This build's real steps, with a synthetic first step from version 0. */
  const v0ToV1 = {
    ...migrations,
    0: (data: Record<string, unknown>) => {
      const contacts = data.contacts as Record<string, Record<string, unknown>>;
      for (const contact of Object.values(contacts)) {
        const [firstName, ...rest] = String(contact.name).split(' ');
        contact.firstName = firstName;
        contact.lastName = rest.join(' ');
        contact.responsiveness = 'unknown';
        delete contact.name;
      }
      (data.settings as Record<string, unknown>).reportBackDays = 14;
      return data;
    },
  };

  it('upgrade an older store after copying its folder and taking a before-migration backup', () => {
    const ids = writeV0Store();
    const originals = new Map(
      fs
        .readdirSync(path.join(dataDir, 'store'))
        .map((name) => [name, fs.readFileSync(storePath(dataDir, name), 'utf8')]),
    );
    const storage = open(dataDir, { migrations: v0ToV1 });
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    expect(storage.read().contacts[ids[0]!]).toMatchObject({
      firstName: 'Grace',
      lastName: ids[0],
      responsiveness: 'unknown',
    });
    expect(storage.read().settings.reportBackDays).toBe(14);
    for (const name of fs.readdirSync(path.join(dataDir, 'store'))) {
      expect(readJson(storePath(dataDir, name)).schemaVersion).toBe(SCHEMA_VERSION);
    }
    const copies = fs.readdirSync(dataDir).filter((name) => name.startsWith('pre-migration-v0-'));
    expect(copies).toHaveLength(1);
    for (const [name, text] of originals) {
      expect(fs.readFileSync(path.join(dataDir, copies[0]!, name), 'utf8')).toBe(text);
    }
    const backup = storage.listBackups().find((info) => info.reason === 'before-migration');
    expect(backup).toBeDefined();
    // The old files as they were (linked or copied), with what they are in backup.json.
    expect(readJson(path.join(dataDir, 'backups', backup!.name, 'backup.json'))).toMatchObject({
      format: 'rapport-backup',
      schemaVersion: 0,
      reason: 'before-migration',
    });
    for (const [name, text] of originals) {
      expect(fs.readFileSync(path.join(dataDir, 'backups', backup!.name, name), 'utf8')).toBe(text);
    }
    // The old backup can still be restored: it is migrated on the way in.
    storage.transact((tx) => tx.remove('contacts', ids[0]!));
    storage.restoreBackup(backup!.name);
    expect(storage.read().contacts[ids[0]!]?.firstName).toBe('Grace');
    storage.close();
    const reopened = open(dataDir, { migrations: v0ToV1 });
    expect(reopened.read().contacts[ids[1]!]?.firstName).toBe('Grace');
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('pre-migration'))).toHaveLength(
      1,
    );
    reopened.close();
  });

  it.each([
    ['no step exists for the old version', {}, /No migration from data version 0 to 1/],
    [
      'the step produces data that does not validate',
      { ...migrations, 0: (data: Record<string, unknown>) => data },
      /could not be upgraded: it has a wrong value at/,
    ],
  ])('open read-only and change nothing when %s', (_label, table, reason) => {
    writeV0Store();
    const before = snapshotStore(dataDir);
    const storage = open(dataDir, { migrations: table });
    expect(storage.status().readOnly).toEqual({
      reason: expect.stringMatching(reason),
      storeVersion: 0,
    });
    expect(caught(() => storage.transact(() => undefined)).code).toBe('read-only');
    storage.close();
    expect(snapshotStore(dataDir)).toEqual(before);
  });
});

describe('validation at open', () => {
  function closedStoreWithTwoContacts() {
    const [a, b] = idsInDistinctFiles('contacts', 2, 'v');
    const storage = open(dataDir);
    storage.transact((tx) => {
      tx.put('contacts', makeContact(a!));
      tx.put('contacts', makeContact(b!));
    });
    storage.close();
    const manifest = readJson(storePath(dataDir, 'manifest.json'));
    expect(Object.keys(manifest.files as object)).toContain(fileOf('contacts', a!));
    return { a: a!, b: b!, manifest };
  }

  /** Parseable JSON in the right shape, but a value the schema refuses. */
  function breakContact(id: string) {
    const file = storePath(dataDir, fileOf('contacts', id));
    const json = readJson(file) as { items: Record<string, Record<string, unknown>> };
    json.items[id]!.email = 'not-an-email';
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  }

  it("checks a file changed behind Rapport's back in full, even though the manifest lists it", () => {
    const { a, b } = closedStoreWithTwoContacts();
    breakContact(a);
    const storage = open(dataDir);
    expect(storage.status().restored?.reason).toMatch(/has a wrong value at items\.v-\d+\.email/);
    expect(storage.read().contacts[a]?.email).toBe('');
    expect(storage.read().contacts[b]).toEqual(makeContact(b));
    storage.close();
  });

  it("accepts a valid edit made behind Rapport's back after checking it", () => {
    const { a } = closedStoreWithTwoContacts();
    const file = storePath(dataDir, fileOf('contacts', a));
    const json = readJson(file) as { items: Record<string, Record<string, unknown>> };
    json.items[a]!.notes = '  edited by hand  ';
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    const storage = open(dataDir);
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    expect(storage.read().contacts[a]?.notes).toBe('edited by hand');
    storage.close();
  });

  it('ignores a manifest written under other schemas', () => {
    const { a, manifest } = closedStoreWithTwoContacts();
    const file = breakContact(a);
    const files = {
      ...(manifest.files as Record<string, string>),
      [fileOf('contacts', a)]: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    };
    fs.writeFileSync(
      storePath(dataDir, 'manifest.json'),
      JSON.stringify({ ...manifest, fingerprint: 'other schemas', files }),
    );
    const storage = open(dataDir);
    expect(storage.status().restored?.reason).toMatch(/email/);
    storage.close();
  });

  it.each([
    ['missing', null],
    ['unreadable', '{"format":"rapport-manif'],
  ])('opens normally when the manifest is %s', (_label, content) => {
    const { a } = closedStoreWithTwoContacts();
    const manifest = storePath(dataDir, 'manifest.json');
    if (content === null) fs.rmSync(manifest);
    else fs.writeFileSync(manifest, content);
    const storage = open(dataDir);
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    expect(storage.read().contacts[a]).toEqual(makeContact(a));
    storage.close();
    expect(readJson(manifest).format).toBe('rapport-manifest');
  });
});
