import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import { readBackupMeta } from '../../electron/services/store/backup-folders.js';
import type { Storage } from '../../electron/services/types.js';
import type { Activity, Contact, MeetingPrep } from '../../shared/schema/entities.js';
import { createRandom, prose } from './generate.js';
import { BENCH_NOW, openedAndRead, seededCopy } from './seed-store.js';
import { median, percentile, round, type BenchModule, type Figure } from './types.js';

const SAVES = 60;
const goal = (text: string, pass: boolean) => ({ text, pass });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The longest time the event loop was held while `work` ran and until `done()` said the
 * background part was over: a 1 ms timer records the largest gap between its ticks (minus the
 * 1 ms it waits), and the synchronous call itself counts as one gap.
 */
async function longestBlock(work: () => void, done: () => boolean): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  try {
    await sleep(20);
    const started = performance.now();
    work();
    longest = Math.max(longest, performance.now() - started);
    last = performance.now();
    const deadline = Date.now() + 120_000;
    while (!done() && Date.now() < deadline) await sleep(5);
    await sleep(20);
  } finally {
    clearInterval(timer);
  }
  return longest;
}

const openIn = (dataDir: string) =>
  openStorage({
    dataDir,
    now: () => new Date(),
    StoreClass: Conf as unknown as StoreClassLike,
    log: () => undefined,
  });

/** Opens in fresh processes (three), as a user's launch does; median time and memory. */
function freshOpens(dataDir: string, progress: (message: string) => void) {
  const runs = [0, 1, 2].map(() => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'open-child.ts'), dataDir],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    return JSON.parse(out.trim().split('\n').at(-1) as string) as {
      openMs: number;
      rssMb: number;
      clean: boolean;
    };
  });
  if (runs.some((run) => !run.clean)) throw new Error('The benchmark store did not open cleanly.');
  progress(
    `fresh opens (ms): ${runs.map((r) => r.openMs.toFixed(0)).join(' ')}; RSS (MB): ${runs.map((r) => r.rssMb.toFixed(0)).join(' ')}`,
  );
  return { openMs: median(runs.map((r) => r.openMs)), rssMb: median(runs.map((r) => r.rssMb)) };
}

/**
 * A request that needs a contact's history right after start (a contact page): how long until
 * activities and preps are read, in the background a file per turn, and the longest the event
 * loop was held meanwhile (nothing is read on main in one go).
 */
async function historyRead(dataDir: string, progress: (message: string) => void) {
  const storage = openIn(dataDir);
  try {
    let ready = false;
    let readyMs = 0;
    const started = performance.now();
    const block = await longestBlock(
      () =>
        void (async () => {
          await storage.whenLoaded?.('activities');
          await storage.whenLoaded?.('preps');
          readyMs = performance.now() - started;
          ready = true;
        })(),
      () => ready,
    );
    progress(
      `history read after open: ${readyMs.toFixed(0)} ms, longest block ${block.toFixed(1)} ms`,
    );
    return { readyMs, block };
  } finally {
    storage.close();
  }
}

/** Backups: the longest block while one is taken and detached, in the two cases that cost most. */
async function backupBlocks(storage: Storage, dataDir: string, progress: (m: string) => void) {
  const random = createRandom(3);
  const ids = Object.keys(storage.read().contacts);
  const detached = (name: () => string | undefined) => () => {
    const folder = name();
    return (
      folder !== undefined &&
      readBackupMeta(path.join(dataDir, 'backups', folder))?.shared.length === 0
    );
  };
  // 1. After a session's edits (200 contacts changed): the interval backup.
  storage.transact((tx) => {
    for (let n = 0; n < 200; n += 1) {
      const contact = storage.read().contacts[
        ids[random.int(0, ids.length - 1)] as string
      ] as Contact;
      tx.put('contacts', {
        ...contact,
        notes: prose(random, 300),
        updatedAt: new Date().toISOString(),
      });
    }
  });
  let afterEdits: string | undefined;
  const edits = await longestBlock(
    () => (afterEdits = storage.createBackup('manual').name),
    detached(() => afterEdits),
  );
  // 2. The first backup of a store with no earlier one (every file copied in the background).
  for (const name of fs.readdirSync(path.join(dataDir, 'backups')))
    fs.rmSync(path.join(dataDir, 'backups', name), { recursive: true, force: true });
  const closedAndReopened = openIn(dataDir);
  let first: string | undefined;
  const firstBackup = await longestBlock(
    () => (first = closedAndReopened.createBackup('manual').name),
    detached(() => first),
  );
  closedAndReopened.close();
  progress(
    `backup blocks (ms): after 200 edits ${edits.toFixed(1)}, first ever ${firstBackup.toFixed(1)}`,
  );
  return Math.max(edits, firstBackup);
}

/** Autosaves of a meeting's prep and stage moves, timed on the main side (transact returns). */
function saves(storage: Storage) {
  const random = createRandom(11);
  const preps = Object.values(storage.read().preps) as MeetingPrep[];
  const contacts = Object.values(storage.read().contacts) as Contact[];
  const prepSaves: number[] = [];
  const stageMoves: number[] = [];
  for (let n = 0; n < SAVES + 10; n += 1) {
    const prep = preps[random.int(0, preps.length - 1)] as MeetingPrep;
    const edited = {
      ...prep,
      takeaways: prose(random, random.int(200, 2000)),
      updatedAt: new Date().toISOString(),
    };
    let started = performance.now();
    storage.transact((tx) => tx.put('preps', edited));
    if (n >= 10) prepSaves.push(performance.now() - started);

    const contact = contacts[random.int(0, contacts.length - 1)] as Contact;
    const at = new Date().toISOString();
    const activity: Activity = {
      id: `bench-move-${n}`,
      contactId: contact.id,
      kind: 'stage-change',
      at,
      summary: 'Moved to another stage',
      meetingId: null,
    };
    started = performance.now();
    storage.transact((tx) => {
      tx.put('contacts', {
        ...contact,
        stage: contact.stage === 'contacted' ? 'prospect' : 'contacted',
        updatedAt: at,
      });
      tx.put('activities', activity);
    });
    if (n >= 10) stageMoves.push(performance.now() - started);
  }
  return { prep: percentile(prepSaves, 0.95), stage: percentile(stageMoves, 0.95) };
}

/**
 * The store at 5,000 and 50,000 contacts: fresh-process opens (ready for Today and Pipeline),
 * memory after open, backups (longest main-thread block while one is made and detached), meeting
 * autosaves and stage moves (main side). Each store is first opened once as seeded, which splits
 * files that outgrew their size (once per doubling of the data; timed as *.split.ms).
 */
export const scaleBench: BenchModule = {
  name: 'scale',
  async run({ progress }) {
    const figures: Figure[] = [];
    for (const size of ['heavy', '50k'] as const) {
      const prefix = size === 'heavy' ? '' : 'scale50k.';
      const dataDir = seededCopy(size, progress);
      try {
        const splitStarted = performance.now();
        openIn(dataDir).close();
        const splitMs = performance.now() - splitStarted;
        await openedAndRead(dataDir);
        progress(
          `${size}: first open (validation of copied files, split): ${splitMs.toFixed(0)} ms`,
        );
        const { openMs, rssMb } = freshOpens(dataDir, progress);
        const history = size === '50k' ? await historyRead(dataDir, progress) : null;
        const storage = openIn(dataDir);
        await sleep(50); // the start backup
        try {
          const block = await backupBlocks(storage, dataDir, progress);
          if (size === 'heavy') {
            figures.push({
              key: 'backup.block.max.ms',
              value: round(block),
              unit: 'ms',
              goal: goal('< 16 ms (5,000 contacts)', block < 16),
            });
            continue;
          }
          const { prep, stage } = saves(storage);
          figures.push(
            { key: `${prefix}first.open.ms`, value: round(splitMs, 0), unit: 'ms' },
            {
              key: `${prefix}open.ms`,
              value: round(openMs, 0),
              unit: 'ms',
              goal: goal('< 1,000 ms (50,000 contacts)', openMs < 1_000),
            },
            {
              key: `${prefix}history.ready.ms`,
              value: round(history?.readyMs ?? 0, 0),
              unit: 'ms',
            },
            {
              key: `${prefix}history.block.max.ms`,
              value: round(history?.block ?? 0),
              unit: 'ms',
              goal: goal('< 50 ms (50,000 contacts)', (history?.block ?? 0) < 50),
            },
            {
              key: `${prefix}main.rss.mb`,
              value: round(rssMb, 0),
              unit: 'count',
              goal: goal('< 500 MB after open', rssMb < 500),
            },
            {
              key: `${prefix}backup.block.max.ms`,
              value: round(block),
              unit: 'ms',
              goal: goal('< 50 ms (50,000 contacts)', block < 50),
            },
            {
              key: `${prefix}meeting.save.p95.ms`,
              value: round(prep),
              unit: 'ms',
              goal: goal('< 30 ms (50,000 contacts)', prep < 30),
            },
            {
              key: `${prefix}stage.p95.ms`,
              value: round(stage),
              unit: 'ms',
              goal: goal('< 30 ms (50,000 contacts)', stage < 30),
            },
          );
        } finally {
          storage.close();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    void BENCH_NOW;
    return figures;
  },
};
