import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import { UserFacingError } from '../../shared/result.js';
import {
  allFiles,
  fileOf,
  idsInDistinctFiles,
  makeContact,
  makeTempDir,
  manualClock,
  open,
  storePath,
} from './helpers/storage-fixtures.js';

let dataDir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir: dataDir, cleanup } = makeTempDir('rapport-damage-'));
});
afterEach(() => cleanup());

const [damagedId, keptId] = idsInDistinctFiles('contacts', 2, 'dmg') as [string, string];
const DAMAGED_FILE = fileOf('contacts', damagedId);

/**
 * Session 1 saves two contacts in two files and quits (backup). Session 2 changes both contacts
 * and is never closed (no quit backup): the files are newer than every backup.
 */
function storeWithBackups() {
  const clock = manualClock();
  const first = open(dataDir, { now: clock.now });
  first.transact((tx) => {
    tx.put('contacts', makeContact(damagedId, { notes: 'in the backup' }));
    tx.put('contacts', makeContact(keptId, { notes: 'in the backup' }));
    tx.setSettings({ ...tx.data.settings, meetingMinutes: 40 });
  });
  first.close();
  clock.advance(60_000);
  const second = open(dataDir, { now: clock.now });
  second.transact((tx) => {
    tx.put('contacts', makeContact(damagedId, { notes: 'after the backup' }));
    tx.put('contacts', makeContact(keptId, { notes: 'after the backup' }));
  });
  clock.advance(60_000);
  return clock;
}

/** Proves nothing was wiped: these exact bytes still exist in some file under the data folder. */
function expectBytesKept(bytes: Buffer) {
  const holders = allFiles(dataDir).filter((file) => fs.readFileSync(file).equals(bytes));
  expect(holders.length).toBeGreaterThan(0);
  return holders;
}

type Damage = (original: string) => string | Buffer;

const damages: Array<[string, Damage]> = [
  ['an empty file', () => ''],
  ['a truncated file', (original) => original.slice(0, Math.floor(original.length / 2))],
  ['random bytes', () => randomBytes(2048)],
  [
    'valid JSON of the wrong types',
    () => JSON.stringify({ schemaVersion: '1', collection: 7, bucket: [], items: 'none' }),
  ],
  ['a JSON array', () => '[]'],
  [
    'a missing items field',
    (original) => JSON.stringify({ ...JSON.parse(original), items: undefined }),
  ],
  [
    'an item with a missing field',
    (original) => {
      const json = JSON.parse(original);
      delete json.items[damagedId].firstName;
      return JSON.stringify(json);
    },
  ],
  [
    'no schemaVersion',
    (original) => JSON.stringify({ ...JSON.parse(original), schemaVersion: undefined }),
  ],
];

describe('a damaged store file at start, with backups', () => {
  it.each(damages)(
    '%s: is kept aside, restored from the newest good backup, and reported',
    (_label, damage) => {
      const clock = storeWithBackups();
      const file = storePath(dataDir, DAMAGED_FILE);
      const bad = Buffer.from(damage(fs.readFileSync(file, 'utf8')));
      fs.writeFileSync(file, bad);
      const newest = fs.readdirSync(path.join(dataDir, 'backups')).sort().at(-1)!;

      const storage = open(dataDir, { now: clock.now });
      const status = storage.status();
      expect(status.readOnly).toBeNull();
      expect(status.restored).toEqual({
        backupName: newest,
        backupCreatedAt: '2026-01-15T12:01:00.000Z',
        movedAside: [path.join(dataDir, 'damaged', '2026-01-15T12-02-00-000Z', DAMAGED_FILE)],
        reason: expect.stringContaining(`${DAMAGED_FILE} `),
      });
      expect(status.restored!.reason).toMatch(
        /restored from the backup of 2026-01-15T12:01:00.000Z/,
      );
      expect(fs.readFileSync(status.restored!.movedAside[0]!)).toEqual(bad);
      expectBytesKept(bad);
      // The damaged file's part comes from the backup; the healthy file keeps the newer change.
      expect(storage.read().contacts[damagedId]?.notes).toBe('in the backup');
      expect(storage.read().contacts[keptId]?.notes).toBe('after the backup');
      expect(storage.read().settings.meetingMinutes).toBe(40);
      // The repaired store is a normal, writable store from now on.
      storage.transact((tx) => tx.put('contacts', makeContact('new-one')));
      expect(storage.dismissNotice().noticeDismissed).toBe(true);
      storage.close();
      const reopened = open(dataDir, { now: clock.now });
      expect(reopened.status()).toMatchObject({ readOnly: null, restored: null });
      expect(reopened.read().contacts[damagedId]?.notes).toBe('in the backup');
      reopened.close();
    },
  );

  it('restores settings.json the same way', () => {
    const clock = storeWithBackups();
    const file = storePath(dataDir, 'settings.json');
    const bad = Buffer.from(
      `{"schemaVersion":${SCHEMA_VERSION},"settings":{"meetingMinutes":"forty"}}`,
    );
    fs.writeFileSync(file, bad);
    const storage = open(dataDir, { now: clock.now });
    expect(storage.status().restored?.reason).toMatch(
      /settings\.json has a wrong value at settings\./,
    );
    expect(storage.read().settings.meetingMinutes).toBe(40);
    expectBytesKept(bad);
    storage.close();
  });

  it('skips backups that are themselves damaged and uses the newest one that validates', () => {
    const clock = storeWithBackups();
    const backups = fs.readdirSync(path.join(dataDir, 'backups')).sort();
    const newest = backups.at(-1)!;
    // The newest backup's settings file is cut off (a new file: the older backups keep theirs).
    const cut = path.join(dataDir, 'backups', newest, 'settings.json');
    fs.rmSync(cut);
    fs.writeFileSync(cut, '{"schemaVersion":');
    fs.writeFileSync(storePath(dataDir, DAMAGED_FILE), 'garbage');
    const storage = open(dataDir, { now: clock.now });
    expect(storage.status().restored?.backupName).toBe(backups.at(-2));
    expect(storage.read().contacts[damagedId]?.notes).toBe('in the backup');
    storage.close();
  });

  it('opens read-only when a file comes from a newer Rapport, and leaves every byte in place', () => {
    const clock = storeWithBackups();
    const file = storePath(dataDir, DAMAGED_FILE);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const newer = Buffer.from(JSON.stringify({ ...json, schemaVersion: SCHEMA_VERSION + 1 }));
    fs.writeFileSync(file, newer);
    const storage = open(dataDir, { now: clock.now });
    expect(storage.status().readOnly).toMatchObject({ storeVersion: SCHEMA_VERSION + 1 });
    expect(storage.status().restored).toBeNull();
    expect(fs.readFileSync(file)).toEqual(newer);
    expect(storage.read().contacts[keptId]?.notes).toBe('after the backup');
    expect(() => storage.transact(() => undefined)).toThrow(UserFacingError);
    storage.close();
    expect(fs.readFileSync(file)).toEqual(newer);
  });
});

describe('a damaged store file at start, without any usable backup', () => {
  it.each(damages)(
    '%s: opens read-only with the file left in place (and a copy aside), never empty',
    (_label, damage) => {
      const storage = open(dataDir);
      storage.transact((tx) => {
        tx.put('contacts', makeContact(damagedId));
        tx.put('contacts', makeContact(keptId, { notes: 'still here' }));
      });
      storage.close();
      fs.rmSync(path.join(dataDir, 'backups'), { recursive: true });
      const file = storePath(dataDir, DAMAGED_FILE);
      const bad = Buffer.from(damage(fs.readFileSync(file, 'utf8')));
      fs.writeFileSync(file, bad);

      const reopened = open(dataDir);
      expect(reopened.status().restored).toBeNull();
      expect(reopened.status().readOnly).toEqual({
        reason: expect.stringMatching(/no backup could replace it\. Rapport opened read-only/),
        storeVersion: SCHEMA_VERSION,
      });
      expect(reopened.status().readOnly!.reason).toContain(DAMAGED_FILE);
      expect(fs.readFileSync(file)).toEqual(bad);
      expect(expectBytesKept(bad).length).toBeGreaterThanOrEqual(2);
      expect(reopened.read().contacts[keptId]?.notes).toBe('still here');
      const error = (() => {
        try {
          reopened.transact((tx) => tx.put('contacts', makeContact('x')));
        } catch (caught) {
          return caught as UserFacingError;
        }
        return null;
      })();
      expect(error?.code).toBe('read-only');
      reopened.close();
      expect(fs.readFileSync(file)).toEqual(bad);
      expect(
        fs.existsSync(path.join(dataDir, 'backups'))
          ? fs.readdirSync(path.join(dataDir, 'backups'))
          : [],
      ).toEqual([]);
    },
  );
});
