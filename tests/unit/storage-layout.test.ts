import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/atomic-file.js';
import {
  bucketOf,
  JOURNAL_FILE,
  LAYOUT_FILE,
  parseStoreFileName,
} from '../../electron/services/shards.js';
import type { Storage } from '../../electron/services/types.js';
import { makeContact, makeTempDir, open, storePath } from './helpers/storage-fixtures.js';

let dataDir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: dataDir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

/** Files aim at 4 KB here (1 MiB in the app), so a few hundred contacts outgrow 16 files. */
const small = { shardTargetBytes: 4096 };
const contactFiles = () =>
  fs
    .readdirSync(path.join(dataDir, 'store'))
    .filter((name) => parseStoreFileName(name)?.kind === 'shard' && name.startsWith('contacts-'));
const layoutOnDisk = () =>
  (
    JSON.parse(fs.readFileSync(storePath(dataDir, LAYOUT_FILE), 'utf8')) as {
      layout: Record<string, number>;
    }
  ).layout;

/** Storage.makeRoomFor is optional (test doubles); the file store has it. */
function makeRoom(storage: Storage, bytes: number) {
  if (storage.makeRoomFor === undefined) throw new Error('The file store makes room ahead.');
  storage.makeRoomFor('contacts', bytes);
}

function storeWith300Contacts() {
  const storage = open(dataDir, small);
  storage.transact((tx) => {
    for (let n = 0; n < 300; n += 1)
      tx.put('contacts', makeContact(`c-${n}`, { notes: `${n} ${'n'.repeat(900)}` }));
  });
  const data = structuredClone(storage.read().contacts);
  storage.close();
  return data;
}

describe('files split as the data grows', () => {
  it('splits a collection whose files outgrew the target at the next open, after a backup', () => {
    const contacts = storeWith300Contacts();
    expect(contactFiles()).toHaveLength(16);
    const storage = open(dataDir, small);
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    expect(layoutOnDisk().contacts).toBe(128);
    expect(contactFiles()).toHaveLength(128);
    // Every contact is in the file its id names under the new layout, and reads back the same.
    for (const name of contactFiles()) {
      const file = JSON.parse(fs.readFileSync(storePath(dataDir, name), 'utf8')) as {
        bucket: number;
        items: Record<string, unknown>;
      };
      for (const id of Object.keys(file.items)) expect(bucketOf(id, 128)).toBe(file.bucket);
    }
    expect(storage.read().contacts).toEqual(contacts);
    const before = storage.listBackups().find((info) => info.reason === 'before-migration');
    expect(before).toBeDefined();
    expect(fs.readdirSync(path.join(dataDir, 'backups', before!.name))).toHaveLength(1 + 1 + 16);
    expect(storage.logs.some((line) => /split contacts into 128 files/.test(line))).toBe(true);
    storage.close();

    // A save now rewrites one small file; the next open finds nothing to split.
    const again = open(dataDir, small);
    const sizeBefore = fs.statSync(storePath(dataDir, 'contacts-07.json')).size;
    expect(sizeBefore).toBeLessThan(2 * 4096);
    again.transact((tx) => tx.put('contacts', makeContact('c-1', { notes: 'short' })));
    expect(again.logs.some((line) => /split/.test(line))).toBe(false);
    expect(again.read().contacts['c-1']?.notes).toBe('short');
    again.close();
  });

  it('splits ahead of a large save while the collection is small', () => {
    const storage = open(dataDir, small);
    storage.transact((tx) => tx.put('contacts', makeContact('c-0', { notes: 'kept' })));
    // 300 KB about to be saved into 16 files aiming at 4 KB: split now, into 128 files.
    makeRoom(storage, 300 * 1024);
    expect(layoutOnDisk().contacts).toBe(128);
    // The file c-0 was in, and the one it is in now: new files that would be empty are not written.
    expect(contactFiles().length).toBeLessThanOrEqual(2);
    for (const name of contactFiles()) {
      const file = JSON.parse(fs.readFileSync(storePath(dataDir, name), 'utf8')) as {
        bucket: number;
        items: Record<string, unknown>;
      };
      for (const id of Object.keys(file.items)) expect(bucketOf(id, 128)).toBe(file.bucket);
    }
    expect(storage.read().contacts['c-0']?.notes).toBe('kept');
    expect(storage.listBackups().some((info) => info.reason === 'before-migration')).toBe(true);
    // A little more fits the files as they are: nothing changes.
    makeRoom(storage, 1024);
    expect(layoutOnDisk().contacts).toBe(128);
    storage.close();
    expect(open(dataDir, small).read().contacts['c-0']?.notes).toBe('kept');
  });

  it('leaves a collection over 4 MB to be split at the next start, not in one long save', () => {
    const storage = open(dataDir, { shardTargetBytes: 128 * 1024 });
    storage.transact((tx) => {
      for (let n = 0; n < 250; n += 1)
        tx.put('contacts', makeContact(`c-${n}`, { notes: 'n'.repeat(19_000) }));
    });
    makeRoom(storage, 1024 * 1024);
    expect(contactFiles()).toHaveLength(16);
    expect(storage.logs.some((line) => /split/.test(line))).toBe(false);
    storage.close();
    const again = open(dataDir, { shardTargetBytes: 128 * 1024 });
    expect(contactFiles().length).toBeGreaterThan(16);
    expect(Object.keys(again.read().contacts)).toHaveLength(250);
    again.close();
  });

  it('takes the layout from the files when layout.json is lost', () => {
    const contacts = storeWith300Contacts();
    open(dataDir, small).close();
    fs.rmSync(storePath(dataDir, LAYOUT_FILE));
    const storage = open(dataDir, small);
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    expect(storage.read().contacts).toEqual(contacts);
    storage.close();
  });

  it('finishes a split interrupted after its journal was written', () => {
    const contacts = storeWith300Contacts();
    let writes = 0;
    // The split's journal is written, then the first data files; the tenth fails (a crash).
    const crashing = open(dataDir, {
      ...small,
      writeFile(filePath, bytes) {
        if (path.basename(filePath).startsWith('contacts-') && ++writes === 10)
          throw Object.assign(new Error('disk gone'), { code: 'EIO' });
        writeFileAtomic(filePath, bytes);
      },
    });
    expect(crashing.status().readOnly?.reason).toMatch(/completed when Rapport starts again/);
    expect(fs.existsSync(storePath(dataDir, JOURNAL_FILE))).toBe(true);
    crashing.close();
    const storage = open(dataDir, small);
    expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
    expect(storage.read().contacts).toEqual(contacts);
    expect(layoutOnDisk().contacts).toBe(128);
    storage.close();
  });
});
