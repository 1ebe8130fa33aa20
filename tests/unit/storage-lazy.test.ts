import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../shared/schema/entities.js';
import { SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import {
  fileOf,
  makeActivity,
  makeContact,
  makeTempDir,
  manualClock,
  open,
  storePath,
} from './helpers/storage-fixtures.js';

let dataDir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: dataDir, cleanup } = makeTempDir());
});
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

/** Waits (up to 5 s, for a loaded CI machine) until the background reads are over. */
const untilLoaded = (storage: { isLoaded?: (name: 'activities' | 'preps') => boolean }) =>
  vi.waitFor(
    () => {
      if (!storage.isLoaded?.('activities') || !storage.isLoaded?.('preps'))
        throw new Error('still reading in the background');
    },
    { timeout: 5_000, interval: 10 },
  );

/** A closed store with two contacts and 40 activities over many files; returns the activities. */
function seeded(clock = manualClock()) {
  const storage = open(dataDir, { now: clock.now });
  storage.transact((tx) => {
    tx.put('contacts', makeContact('c-1'));
    tx.put('contacts', makeContact('c-2'));
    for (let n = 0; n < 40; n += 1)
      tx.put('activities', makeActivity(`a-${n}`, n % 2 ? 'c-1' : 'c-2', { summary: `Note ${n}` }));
  });
  const activities = structuredClone(storage.read().activities) as Record<string, Activity>;
  storage.close();
  return { activities, clock };
}

const activityFileReads = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([file]) => String(file).includes(`${'activities'}-`)).length;

describe('activities and preps opened on demand', () => {
  it('opens without reading them, then reads them in the background', async () => {
    const { activities } = seeded();
    const read = vi.spyOn(fs, 'readFileSync');
    const storage = open(dataDir, { backgroundReadDelayMs: 0 });
    expect(activityFileReads(read)).toBe(0);
    // (The spy does see the files read at open.)
    expect(read.mock.calls.some(([file]) => String(file).includes('contacts-'))).toBe(true);
    expect(Object.keys(storage.read().contacts)).toEqual(['c-1', 'c-2']);
    read.mockRestore();
    await untilLoaded(storage);
    expect(storage.isLoaded?.('activities')).toBe(true); // read in the background, not on demand
    expect(storage.read().activities).toEqual(activities);
    storage.close();
  });

  it('waits for a collection without reading it all in one go, starting the reading at once', async () => {
    const { activities } = seeded();
    const readSync = vi.spyOn(fs, 'readFileSync');
    // A delay no test would wait for: asking for the collection starts the reading now.
    const storage = open(dataDir, { backgroundReadDelayMs: 60_000 });
    const before = activityFileReads(readSync);
    let done = false;
    const waited = storage.whenLoaded!('activities').then(() => (done = true));
    expect(done).toBe(false);
    expect(storage.isLoaded?.('activities')).toBe(false);
    await waited;
    // Read by the background path (asynchronous reads), not the all-at-once synchronous one.
    expect(activityFileReads(readSync)).toBe(before);
    expect(storage.isLoaded?.('activities')).toBe(true);
    expect(storage.read().activities).toEqual(activities);
    readSync.mockRestore();
    // Asked again, or after everything is read: at once.
    await storage.whenLoaded!('activities');
    storage.close();
  });

  it('reads the rest at once when something needs them before the background is done', () => {
    const { activities } = seeded();
    const storage = open(dataDir);
    expect(storage.get('activities', 'a-7')).toEqual(activities['a-7']);
    expect(storage.read().activities).toEqual(activities);
    // A save right away keeps every activity read or not yet read.
    storage.transact((tx) => tx.put('activities', makeActivity('a-new', 'c-1')));
    storage.close();
    const reopened = open(dataDir);
    expect(Object.keys(reopened.read().activities)).toHaveLength(41);
    reopened.close();
  });

  it('answers one item (a meeting’s prep, say) by reading only the file it lives in', () => {
    const { activities } = seeded();
    const storage = open(dataDir, { backgroundReadDelayMs: 60_000 });
    const read = vi.spyOn(fs, 'readFileSync');
    expect(storage.get('activities', 'a-7')).toEqual(activities['a-7']);
    expect(storage.get('activities', 'no-such-id')).toBeUndefined();
    const files = read.mock.calls
      .map(([file]) => String(file))
      .filter((file) => file.includes('activities-'));
    expect(files.length).toBeGreaterThan(0);
    // Only the files those two ids belong in, not the collection's other files.
    const names = new Set(files.map((file) => file.split(/[\\/]/).pop()));
    expect(names.has(fileOf('activities', 'a-7'))).toBe(true);
    for (const name of names)
      expect([fileOf('activities', 'a-7'), fileOf('activities', 'no-such-id')]).toContain(name);
    expect(
      fs.readdirSync(storePath(dataDir, '')).filter((n) => n.startsWith('activities-')).length,
    ).toBeGreaterThan(2);
    expect(storage.isLoaded?.('activities')).toBe(false);
    // The collection as a whole is still all there when asked for.
    expect(storage.read().activities).toEqual(activities);
    storage.close();
  });

  it('repairs a damaged activities file found after open and tells the window', async () => {
    const { activities, clock } = seeded();
    clock.advance(60_000);
    const damagedFile = storePath(dataDir, fileOf('activities', 'a-3'));
    fs.rmSync(damagedFile);
    fs.writeFileSync(
      damagedFile,
      `{"schemaVersion":${SCHEMA_VERSION},"collection":"activities","bucket":`,
    );
    const storage = open(dataDir, { now: clock.now, backgroundReadDelayMs: 0 });
    expect(storage.status().restored).toBeNull(); // not read yet
    const told = vi.fn();
    storage.onStatusChange!(told);
    const changes = vi.fn();
    storage.onChange(changes);
    await untilLoaded(storage);
    expect(storage.status().restored?.reason).toMatch(/not valid JSON/);
    expect(told).toHaveBeenCalled();
    expect(changes).toHaveBeenCalled();
    expect(storage.read().activities).toEqual(activities);
    storage.close();
    expect(fs.readdirSync(`${dataDir}/damaged`)).toHaveLength(1);
  });

  it('never mixes files still being read into data replaced by a restore', async () => {
    const { clock } = seeded();
    const storage = open(dataDir, { now: clock.now });
    clock.advance(60_000);
    storage.transact((tx) => tx.remove('contacts', 'c-2'));
    const backup = storage.createBackup('manual');
    storage.close();

    clock.advance(60_000);
    const again = open(dataDir, { now: clock.now, backgroundReadDelayMs: 0 });
    // Restored while the activities are still to be read: the restored ones are what stays.
    again.restoreBackup(backup.name);
    await new Promise((resolve) => setTimeout(resolve, 50)); // reads in flight finish
    await untilLoaded(again);
    expect(Object.keys(again.read().activities)).toHaveLength(40);
    expect(Object.keys(again.read().contacts)).toEqual(['c-1']);
    again.close();
  });
});
