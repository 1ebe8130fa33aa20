import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import type { CollectionName, Dataset } from '../../shared/schema/dataset.js';
import { generateDataset, heavyUser, type DatasetSize } from './generate.js';

/** The heavy user of the storage bench, ten times over: what "50,000 contacts" means here. */
export const scale50k: DatasetSize = {
  contacts: 50_000,
  activities: 200_000,
  meetings: 10_000,
  questionsPerMeeting: 15,
  notesPerMeeting: 15,
};

export const BENCH_NOW = new Date('2026-12-01T09:00:00.000Z');

/** Items per transaction while seeding: big enough to be quick, small enough for memory. */
const SEED_CHUNK = 10_000;

/**
 * A data folder holding `data`, written through the storage as it is (one transaction per chunk
 * of a collection), then closed. The first open after that splits the files that outgrew their
 * size (see FileStorage.growLayout), as it would for a user whose data grew.
 */
export function seedStore(data: Dataset, progress: (message: string) => void): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-store-'));
  const storage = openStorage({
    dataDir,
    now: () => BENCH_NOW,
    StoreClass: Conf as unknown as StoreClassLike,
    log: () => undefined,
  });
  try {
    storage.transact((tx) => tx.setSettings(data.settings));
    for (const name of Object.keys(data) as (keyof Dataset)[]) {
      if (name === 'settings') continue;
      const items = Object.values(data[name]) as { id: string }[];
      for (let from = 0; from < items.length; from += SEED_CHUNK) {
        storage.transact((tx) => {
          for (const item of items.slice(from, from + SEED_CHUNK))
            tx.put(name as CollectionName, item as never);
        });
      }
      if (items.length > 0) progress(`seeded ${items.length} ${name}`);
    }
  } finally {
    storage.close();
  }
  return dataDir;
}

/**
 * Opens a store and closes it once the collections read after open are read (as a session that
 * lasts more than a few seconds does), so the next open finds every file checked and sealed.
 */
export async function openedAndRead(dataDir: string): Promise<void> {
  const storage = openStorage({
    dataDir,
    now: () => BENCH_NOW,
    StoreClass: Conf as unknown as StoreClassLike,
    log: () => undefined,
  });
  try {
    const deadline = Date.now() + 300_000;
    while (
      (storage.isLoaded?.('activities') === false || storage.isLoaded?.('preps') === false) &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    storage.close();
  }
}

const seeded = new Map<string, string>();

/**
 * One seeded folder per size for the whole bench run (seeding 50,000 contacts takes a while),
 * copied for each module that changes it. Removed when the process exits.
 */
export function seededCopy(size: 'heavy' | '50k', progress: (message: string) => void): string {
  let source = seeded.get(size);
  if (source === undefined) {
    progress(`generating and seeding the ${size === 'heavy' ? '5,000' : '50,000'}-contact store`);
    source = seedStore(
      generateDataset(size === 'heavy' ? heavyUser : scale50k, 42, BENCH_NOW),
      progress,
    );
    seeded.set(size, source);
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-copy-'));
  fs.cpSync(source, copy, { recursive: true });
  return copy;
}

process.on('exit', () => {
  for (const dir of seeded.values()) fs.rmSync(dir, { recursive: true, force: true });
});
