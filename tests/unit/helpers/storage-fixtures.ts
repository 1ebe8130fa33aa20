import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import {
  openStorage,
  type OpenStorageOptions,
  type StoreClassLike,
} from '../../../electron/services/storage.js';
import { writeFileAtomic } from '../../../electron/services/atomic-file.js';
import { bucketCounts, bucketOf, shardFileName } from '../../../electron/services/shards.js';
import type { Storage } from '../../../electron/services/types.js';
import type { CollectionName } from '../../../shared/schema/dataset.js';
import type { Activity, Contact, Reminder } from '../../../shared/schema/entities.js';

/** Storages opened by `open()`, closed by `cleanup()` even when a test failed half-way. */
const opened: Storage[] = [];

/**
 * A fresh folder under the OS temp dir; `cleanup` (call it in afterEach) closes what the test
 * left open, so no pending backup timer writes into the folder after it is removed.
 */
export function makeTempDir(prefix = 'rapport-storage-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      for (const storage of opened.splice(0)) storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-01-15T12:00:00.000Z') {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
    set(iso: string) {
      time = Date.parse(iso);
    },
  };
}

/** Every `.store` write, in order: `[file name, bytes written]`. */
export const storeWrites: Array<{ file: string; text: string }> = [];

let constructing = false;

/**
 * conf, but every write is recorded and reading `.store` after construction throws: the storage
 * must keep its data in memory and never re-read a file through conf.
 */
export class RecordingConf extends Conf<Record<string, unknown>> {
  constructor(options: Record<string, unknown>) {
    constructing = true;
    try {
      super(options);
    } finally {
      constructing = false;
    }
  }

  override get store(): Record<string, unknown> {
    if (!constructing)
      throw new Error('The storage read conf.store; it must use its in-memory copy.');
    return super.store;
  }

  override set store(value: Record<string, unknown>) {
    super.store = value;
    storeWrites.push({ file: path.basename(this.path), text: fs.readFileSync(this.path, 'utf8') });
  }
}

export const StoreClass = RecordingConf as unknown as StoreClassLike;

/** The storage's own data-file writer, with every write recorded in `storeWrites` like conf's. */
export function recordingWriteFile(filePath: string, bytes: Uint8Array): void {
  writeFileAtomic(filePath, bytes);
  storeWrites.push({ file: path.basename(filePath), text: Buffer.from(bytes).toString('utf8') });
}

/** Opens storage in `dataDir` with a manual clock and a log that the test can inspect. */
export function open(dataDir: string, extra: Partial<OpenStorageOptions> = {}) {
  const logs: string[] = [];
  const storage = openStorage({
    dataDir,
    now: () => new Date('2026-01-15T12:00:00.000Z'),
    StoreClass,
    writeFile: recordingWriteFile,
    log: (message) => logs.push(message),
    ...extra,
  });
  opened.push(storage);
  return Object.assign(storage, { logs });
}

export function makeContact(id: string, overrides: Partial<Contact> = {}): Contact {
  return {
    id,
    firstName: 'Ana',
    lastName: 'Garcia',
    title: 'Product Manager',
    company: 'Northwind',
    industry: 'Software',
    location: 'Chicago, IL',
    email: '',
    phone: '',
    linkedinUrl: '',
    source: { kind: 'alumni', detail: 'Class of 2012' },
    referredById: null,
    employerId: null,
    tags: [],
    notes: '',
    stage: 'prospect',
    responsiveness: 'unknown',
    keepInTouch: { off: false, days: null },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An open reminder, as the unit of work writes one. */
export function makeReminder(input: {
  id: string;
  contactId: string;
  kind: Reminder['kind'];
  due: Date;
  title: string;
  createdBy: string | null;
}): Reminder {
  return {
    id: input.id,
    contactId: input.contactId,
    kind: input.kind,
    due: input.due.toISOString(),
    status: 'open',
    snoozedUntil: null,
    createdBy: input.createdBy,
    title: input.title,
  };
}

export function makeActivity(
  id: string,
  contactId: string,
  overrides: Partial<Activity> = {},
): Activity {
  return {
    id,
    contactId,
    kind: 'outreach-sent',
    at: '2026-01-02T09:00:00.000Z',
    summary: 'Sent the first e-mail.',
    meetingId: null,
    ...overrides,
  };
}

/** `count` ids of `collection` that live in `count` different files. */
export function idsInDistinctFiles(
  collection: CollectionName,
  count: number,
  prefix = 'id',
): string[] {
  const seen = new Set<number>();
  const ids: string[] = [];
  for (let n = 0; ids.length < count; n += 1) {
    const id = `${prefix}-${n}`;
    const bucket = bucketOf(id, bucketCounts[collection]);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    ids.push(id);
  }
  return ids;
}

export const fileOf = (collection: CollectionName, id: string) =>
  shardFileName(collection, bucketOf(id, bucketCounts[collection]));

export const storePath = (dataDir: string, name: string) => path.join(dataDir, 'store', name);

/** Every regular file under `dir`, recursively. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** A map name -> bytes of every file in the store folder, to prove nothing changed. */
export function snapshotStore(dataDir: string): Map<string, string> {
  const dir = path.join(dataDir, 'store');
  return new Map(
    fs
      .readdirSync(dir)
      .map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]),
  );
}
