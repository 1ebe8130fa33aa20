import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportText } from '../../electron/services/export-file.js';
import { migrations } from '../../electron/services/migrations.js';
import { fileForItem } from '../../electron/services/shards.js';
import {
  BACKUP_META_FILE,
  readBackupFolder,
  readBackupMeta,
} from '../../electron/services/store/backup-folders.js';
import { SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import { UserFacingError } from '../../shared/result.js';
import {
  makeContact,
  makeTempDir,
  manualClock,
  open,
  snapshotStore,
} from './helpers/storage-fixtures.js';

let dataDir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir: dataDir, cleanup } = makeTempDir());
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const MINUTE = 60_000;
const backupFiles = () => fs.readdirSync(path.join(dataDir, 'backups')).sort();
const backupDir = (name: string) => path.join(dataDir, 'backups', name);
/** A backup folder's data (validated like a restore would) and its backup.json. */
const readBackup = (name: string) => ({
  ...readBackupMeta(backupDir(name)),
  data: readBackupFolder(backupDir(name), migrations),
});

function caught(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('Expected a UserFacingError, but nothing was thrown.');
}

/** A store with one contact, then closed: its quit/interval backups are taken. */
function seed(clock = manualClock()) {
  const storage = open(dataDir, { now: clock.now });
  storage.transact((tx) => tx.put('contacts', makeContact('c-1')));
  storage.close();
  return clock;
}

describe('rolling backups', () => {
  it('takes none for a brand-new empty folder', () => {
    const storage = open(dataDir);
    expect(storage.listBackups()).toEqual([]);
    storage.close();
    expect(fs.existsSync(path.join(dataDir, 'backups')) ? backupFiles() : []).toEqual([]);
  });

  it('takes one at start when data exists: a folder of the store files with its reason', () => {
    const clock = seed();
    clock.advance(MINUTE);
    const storage = open(dataDir, { now: clock.now });
    const [newest] = storage.listBackups();
    expect(newest).toMatchObject({ reason: 'start', createdAt: '2026-01-15T12:01:00.000Z' });
    const files = fs.readdirSync(backupDir(newest!.name)).sort();
    expect(files).toEqual(
      [BACKUP_META_FILE, 'settings.json', fileForItem('contacts', 'c-1')].sort(),
    );
    const sizes = files
      .filter((name) => name !== BACKUP_META_FILE)
      .map((name) => fs.statSync(path.join(backupDir(newest!.name), name)).size);
    expect(newest!.bytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(readBackup(newest!.name)).toMatchObject({
      format: 'rapport-backup',
      schemaVersion: SCHEMA_VERSION,
      createdAt: '2026-01-15T12:01:00.000Z',
      reason: 'start',
      shared: [],
      data: { contacts: { 'c-1': makeContact('c-1') } },
    });
    storage.close();
  });

  it('shares files between backups while they are unchanged, and never shares one with the store', () => {
    const clock = seed();
    const storage = open(dataDir, { now: clock.now });
    const start = storage.listBackups()[0]!;
    clock.advance(MINUTE);
    const manual = storage.createBackup('manual');
    const contactFile = fileForItem('contacts', 'c-1');
    const ino = (folder: string) => fs.statSync(path.join(folder, contactFile)).ino;
    expect(ino(backupDir(manual.name))).toBe(ino(backupDir(start.name)));
    expect(ino(backupDir(manual.name))).not.toBe(ino(path.join(dataDir, 'store')));
    // Settings are always copied (electron-store may write them in place).
    const settingsIno = (folder: string) => fs.statSync(path.join(folder, 'settings.json')).ino;
    expect(settingsIno(backupDir(manual.name))).not.toBe(settingsIno(backupDir(start.name)));
    // An edit made in place to a store file (by hand, by another program) reaches no backup.
    fs.appendFileSync(path.join(dataDir, 'store', contactFile), ' ');
    expect(readBackup(manual.name).data.contacts['c-1']).toEqual(makeContact('c-1'));
    storage.close();
  });

  it('writes the start backup before the first change, so it shows the data as found', () => {
    seed();
    const storage = open(dataDir);
    storage.transact((tx) => tx.put('contacts', makeContact('c-2')));
    const start = storage.listBackups().find((info) => info.reason === 'start');
    expect(Object.keys(readBackup(start!.name).data.contacts)).toEqual(['c-1']);
    storage.close();
  });

  it('takes one right after a change when the last backup is older than the interval', () => {
    const clock = seed();
    const storage = open(dataDir, { now: clock.now });
    storage.listBackups(); // start backup at 12:00
    clock.advance(16 * MINUTE);
    storage.transact((tx) => tx.put('contacts', makeContact('c-2')));
    const [newest] = storage.listBackups();
    expect(newest).toMatchObject({ reason: 'interval', createdAt: '2026-01-15T12:16:00.000Z' });
    expect(Object.keys(readBackup(newest!.name).data.contacts).sort()).toEqual(['c-1', 'c-2']);
    storage.close();
  });

  it('schedules one for later when the last backup is recent, at most one per interval', () => {
    const clock = seed();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const storage = open(dataDir, { now: clock.now });
    const atStart = storage.listBackups().map((info) => info.name);
    clock.advance(5 * MINUTE);
    storage.transact((tx) => tx.put('contacts', makeContact('c-2')));
    storage.transact((tx) => tx.put('contacts', makeContact('c-3')));
    expect(storage.listBackups().map((info) => info.name)).toEqual(atStart);
    clock.advance(10 * MINUTE);
    vi.advanceTimersByTime(10 * MINUTE);
    const added = storage.listBackups().filter((info) => !atStart.includes(info.name));
    expect(added).toMatchObject([{ reason: 'interval', createdAt: '2026-01-15T12:15:00.000Z' }]);
    expect(Object.keys(readBackup(added[0]!.name).data.contacts).sort()).toEqual([
      'c-1',
      'c-2',
      'c-3',
    ]);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(storage.listBackups()).toHaveLength(atStart.length + 1);
    storage.close();
  });

  it('takes a backup at close only if something changed since the last one', () => {
    seed();
    const idle = open(dataDir);
    idle.listBackups();
    const before = backupFiles();
    idle.close();
    expect(backupFiles()).toEqual(before);

    const clock = manualClock('2026-01-15T13:00:00.000Z');
    const busy = open(dataDir, { now: clock.now });
    busy.listBackups();
    clock.advance(MINUTE);
    busy.transact((tx) => tx.put('contacts', makeContact('c-9')));
    clock.advance(MINUTE);
    busy.close();
    expect(busy.listBackups()[0]).toMatchObject({
      reason: 'quit',
      createdAt: '2026-01-15T13:02:00.000Z',
    });
  });

  it('keeps only the newest ones, safety backups included, newest first', () => {
    const clock = seed();
    const storage = open(dataDir, { now: clock.now, keepBackups: 3 });
    for (let n = 0; n < 4; n += 1) {
      clock.advance(MINUTE);
      storage.createBackup('manual');
    }
    clock.advance(MINUTE);
    storage.restoreBackup(storage.listBackups()[0]!.name);
    const list = storage.listBackups();
    expect(list.map((info) => info.reason)).toEqual(['before-restore', 'manual', 'manual']);
    expect(list.map((info) => info.createdAt)).toEqual([
      '2026-01-15T12:05:00.000Z',
      '2026-01-15T12:04:00.000Z',
      '2026-01-15T12:03:00.000Z',
    ]);
    expect(backupFiles()).toHaveLength(3);
    storage.close();
  });

  it('names backups taken in the same millisecond apart and in order', () => {
    seed();
    const storage = open(dataDir);
    const first = storage.createBackup('manual');
    const second = storage.createBackup('manual');
    expect(first.name).not.toBe(second.name);
    expect(storage.listBackups()[0]!.name).toBe(second.name);
    storage.close();
  });
});

describe('backup folders and their copies', () => {
  /** Store files and the inode of each, to tell a copy from a link. */
  const storeInodes = () =>
    new Set(
      fs
        .readdirSync(path.join(dataDir, 'store'))
        .map((name) => fs.statSync(path.join(dataDir, 'store', name)).ino),
    );
  const backupInodes = () =>
    backupFiles().flatMap((folder) =>
      fs
        .readdirSync(backupDir(folder))
        .map((name) => fs.statSync(path.join(backupDir(folder), name)).ino),
    );

  it('gives a big backup its own copies in the background, and at quit at the latest', async () => {
    const storage = open(dataDir);
    // About 6 MB of contacts: more than is copied at once, so copying happens in the background.
    storage.transact((tx) => {
      for (let n = 0; n < 320; n += 1)
        tx.put('contacts', makeContact(`big-${n}`, { notes: 'x'.repeat(19_000) }));
    });
    const backup = storage.createBackup('manual');
    expect(readBackupMeta(backupDir(backup.name))?.shared.length).toBeGreaterThan(0);
    for (let wait = 0; wait < 1000; wait += 1) {
      if (readBackupMeta(backupDir(backup.name))?.shared.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(readBackupMeta(backupDir(backup.name))?.shared).toEqual([]);
    const store = storeInodes();
    expect(backupInodes().filter((ino) => store.has(ino))).toEqual([]);
    expect(Object.keys(readBackup(backup.name).data.contacts)).toHaveLength(320);

    // Changed again and closed at once: the quit backup is detached before close returns.
    storage.transact((tx) => {
      for (let n = 0; n < 320; n += 1)
        tx.put('contacts', makeContact(`big-${n}`, { notes: 'y'.repeat(19_000) }));
    });
    storage.close();
    const after = storeInodes();
    expect(backupInodes().filter((ino) => after.has(ino))).toEqual([]);
  });

  it('finishes the copies of a backup that a session left half-done (killed, power cut)', () => {
    seed();
    const storage = open(dataDir);
    const backup = storage.createBackup('manual');
    storage.close();
    // As if the session died right after the links: the backup shares the store's files.
    const folder = backupDir(backup.name);
    const meta = readBackupMeta(folder)!;
    const shared = meta.files.filter((name) => name !== 'settings.json');
    for (const name of shared) {
      fs.rmSync(path.join(folder, name));
      fs.linkSync(path.join(dataDir, 'store', name), path.join(folder, name));
    }
    fs.writeFileSync(path.join(folder, BACKUP_META_FILE), JSON.stringify({ ...meta, shared }));
    const reopened = open(dataDir);
    reopened.close();
    expect(readBackupMeta(folder)?.shared).toEqual([]);
    const store = storeInodes();
    expect(backupInodes().filter((ino) => store.has(ino))).toEqual([]);
  });

  it('lists and restores a backup made by an older version (one export file)', () => {
    seed();
    const storage = open(dataDir);
    const name = '2026-01-10T09-00-00-000Z-0000-manual.json';
    const old = { ...storage.read(), contacts: { 'c-7': makeContact('c-7') } };
    fs.writeFileSync(
      backupDir(name),
      exportText(old, new Date('2026-01-10T09:00:00.000Z'), 'manual'),
    );
    const listed = storage.listBackups().find((info) => info.name === name);
    expect(listed).toEqual({
      name,
      createdAt: '2026-01-10T09:00:00.000Z',
      bytes: fs.statSync(backupDir(name)).size,
      reason: 'manual',
    });
    storage.restoreBackup(name);
    expect(Object.keys(storage.read().contacts)).toEqual(['c-7']);
    storage.close();
  });
});

describe('restoring a backup', () => {
  it('backs up the current state first, then replaces every file', () => {
    const clock = seed();
    const storage = open(dataDir, { now: clock.now });
    const target = storage.createBackup('manual');
    clock.advance(MINUTE);
    storage.transact((tx) => {
      tx.remove('contacts', 'c-1');
      tx.put('contacts', makeContact('c-2'));
      tx.setSettings({ ...tx.data.settings, meetingMinutes: 90 });
    });
    const result = storage.restoreBackup(target.name);
    expect(result.restored).toBe(target.name);
    expect(readBackup(result.safetyBackup)).toMatchObject({
      reason: 'before-restore',
      data: { contacts: { 'c-2': {} }, settings: { meetingMinutes: 90 } },
    });
    expect(Object.keys(storage.read().contacts)).toEqual(['c-1']);
    expect(storage.read().settings.meetingMinutes).toBe(30);
    storage.close();
    const reopened = open(dataDir);
    expect(Object.keys(reopened.read().contacts)).toEqual(['c-1']);
    expect(reopened.read().settings.meetingMinutes).toBe(30);
    reopened.close();
  });

  it.each([
    ['../store/settings.json'],
    ['..\\store\\settings.json'],
    ['/etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['2026-01-15T12-00-00-000Z-0000-manual.json\0.txt'],
    ['2026-01-15T12-00-00-000Z-0000-manual.json/../../store/settings.json'],
    ['2099-01-01T00-00-00-000Z-0000-manual.json'],
    [''],
    ['settings.json'],
  ])('refuses %j, which is not one of the listed backups, and changes nothing', (name) => {
    seed();
    const storage = open(dataDir);
    storage.listBackups();
    const before = snapshotStore(dataDir);
    const backups = backupFiles();
    const error = caught(() => storage.restoreBackup(name));
    expect(error.code).toBe('not-found');
    expect(snapshotStore(dataDir)).toEqual(before);
    expect(backupFiles()).toEqual(backups);
    storage.close();
  });

  const contactFile = () => fileForItem('contacts', 'c-1');
  it.each([
    ['cut off', contactFile, (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
    [
      'missing a file',
      contactFile,
      null,
      new RegExp(`is missing ${fileForItem('contacts', 'c-1')}`),
    ],
    [
      'not a Rapport backup',
      () => BACKUP_META_FILE,
      () => JSON.stringify({ hello: 'world' }),
      /not a Rapport backup/,
    ],
    [
      'from a newer Rapport',
      () => BACKUP_META_FILE,
      (text: string) => text.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":99'),
      /newer version of Rapport/,
    ],
    [
      'holding a wrong value',
      contactFile,
      (text: string) => text.replace('"firstName":"Ana"', '"firstName":""'),
      /Contact '[^']+': first name must not be empty/,
    ],
  ])(
    'refuses a backup that is %s, says why and changes nothing',
    (_label, which, damage, message) => {
      seed();
      const storage = open(dataDir);
      const backup = storage.createBackup('manual');
      const file = path.join(backupDir(backup.name), which());
      const text = fs.readFileSync(file, 'utf8');
      fs.rmSync(file); // a new file: the others backups sharing this one stay intact
      if (damage !== null) fs.writeFileSync(file, damage(text));
      const before = snapshotStore(dataDir);
      const backups = backupFiles();
      const error = caught(() => storage.restoreBackup(backup.name));
      expect(error.code).toBe('invalid-file');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed/);
      expect(snapshotStore(dataDir)).toEqual(before);
      expect(backupFiles()).toEqual(backups);
      expect(storage.read().contacts['c-1']).toEqual(makeContact('c-1'));
      storage.close();
    },
  );
});
