import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import { createRandom } from '../../build/bench/generate.js';
import { idsInDistinctFiles, makeContact, makeTempDir } from './helpers/storage-fixtures.js';

/** 200 in the suite; `npm run soak` runs 1,000 (RAPPORT_KILLS). */
const KILLS = Number(process.env.RAPPORT_KILLS ?? '') || 200;
const root = fileURLToPath(new URL('../..', import.meta.url));
const multiIds = idsInDistinctFiles('contacts', 3, 'multi');

let tempDir: string;
let cleanup: () => void;
let bundle: string;

beforeAll(async () => {
  ({ dir: tempDir, cleanup } = makeTempDir('rapport-kill-'));
  // One bundle for all children: plain `node file.mjs` starts faster than a TypeScript loader.
  bundle = path.join(tempDir, 'save-loop.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['tests/unit/helpers/save-loop.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
});
afterAll(() => cleanup());

interface Child {
  process: ChildProcess;
  lines: string[];
  booted: Promise<void>;
  ready: Promise<void>;
  closed: Promise<void>;
  stderr: () => string;
}

function spawnChild(dataDir: string): Child {
  const child = spawn(process.execPath, [bundle, dataDir, JSON.stringify(multiIds)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let onBooted = () => {};
  let onReady = () => {};
  const booted = new Promise<void>((resolve) => (onBooted = resolve));
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line === 'booted') onBooted();
      if (line === 'ready') onReady();
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin!.on('error', () => {}); // writing "go" to a child that was just killed
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  // A child that dies by itself (not killed) releases the waits so the failure is reported.
  void closed.then(() => {
    onBooted();
    onReady();
  });
  return { process: child, lines, booted, ready, closed, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const counter = (text: string | undefined) => Number.parseInt(text ?? '0', 10) || 0;

describe('saves under SIGKILL', () => {
  it(
    `keep every acknowledged save across ${KILLS} kills at random moments, single-file and multi-file`,
    async () => {
      const dataDir = path.join(tempDir, 'data');
      // A store with some bulk, so files take a moment to write.
      const seed = openStorage({
        dataDir,
        now: () => new Date(),
        StoreClass: Conf as unknown as StoreClassLike,
        log: () => {},
      });
      seed.transact((tx) => {
        for (let n = 0; n < 60; n += 1)
          tx.put('contacts', makeContact(`bulk-${n}`, { notes: 'x'.repeat(1500) }));
      });
      seed.close();

      const random = createRandom(20260115);
      const failures: string[] = [];
      const seen = {
        journalReplays: 0,
        tempFilesRemoved: 0,
        killedBeforeReady: 0,
        acknowledged: 0,
      };
      let highestSingle = 0;
      let highestMulti = 0;
      // Node start-up (~150 ms here) is most of a child's life: two spares boot while one runs.
      const spares = [spawnChild(dataDir), spawnChild(dataDir)];
      for (let kill = 0; kill < KILLS; kill += 1) {
        const child = spares.shift()!;
        await child.booted;
        spares.push(spawnChild(dataDir));
        child.process.stdin!.write('go\n');
        if (random.next() < 0.25) {
          // Early: during open (journal replay, temp clean-up) or the first saves.
          await sleep(random.int(0, 10));
        } else {
          await child.ready;
          // At least one multi-file save is acknowledged before the random delay, so every such
          // round makes progress however loaded the machine is (the counters must keep growing).
          const deadline = Date.now() + 5_000;
          while (!child.lines.some((line) => line.startsWith('multi ')) && Date.now() < deadline) {
            await sleep(2);
          }
          await sleep(random.int(0, 40));
        }
        child.process.kill('SIGKILL');
        await child.closed;

        if (!child.lines.includes('ready')) seen.killedBeforeReady += 1;
        // What may be on disk beyond the acknowledged saves: only the one save in flight at the kill.
        // A child saves `single n`, then `multi n` (3 contacts in 3 files + settings, journaled), then n+1.
        let inFlightSingle: number | null = highestSingle + 1; // before any ack: its first save
        let inFlightMulti: number | null = null;
        for (const line of child.lines) {
          const [kind, value] = line.split(' ');
          if (kind === 'single') {
            highestSingle = Math.max(highestSingle, Number(value));
            inFlightSingle = null;
            inFlightMulti = Number(value);
          }
          if (kind === 'multi') {
            highestMulti = Math.max(highestMulti, Number(value));
            inFlightMulti = null;
            inFlightSingle = Number(value) + 1;
          }
          if (kind === 'single' || kind === 'multi') seen.acknowledged += 1;
          if (kind === 'bad-open')
            failures.push(`kill ${kill}: the child could not open the store: ${line}`);
        }
        if (child.process.exitCode !== null)
          failures.push(
            `kill ${kill}: the child exited by itself (${child.process.exitCode}): ${child.stderr()}`,
          );

        const logs: string[] = [];
        let storage;
        try {
          storage = openStorage({
            dataDir,
            now: () => new Date(),
            StoreClass: Conf as unknown as StoreClassLike,
            log: (message) => logs.push(message),
          });
        } catch (error) {
          failures.push(`kill ${kill}: opening threw ${String(error)}`);
          break;
        }
        if (logs.some((line) => line.includes('finished an interrupted save')))
          seen.journalReplays += 1;
        if (logs.some((line) => line.includes('leftover temp file'))) seen.tempFilesRemoved += 1;
        const status = storage.status();
        if (status.readOnly !== null || status.restored !== null)
          failures.push(`kill ${kill}: opened with ${JSON.stringify(status)}`);
        const data = storage.read();
        const single = counter(data.contacts.single?.notes);
        const multis = multiIds.map((id) => counter(data.contacts[id]?.notes));
        const settingsCounter = counter(data.settings.profile.name.replace('Counter ', ''));
        // Every acknowledged save is there; at most the one in flight at the kill went further.
        if (single !== highestSingle && single !== inFlightSingle) {
          failures.push(
            `kill ${kill}: single is ${single}, acknowledged ${highestSingle}, in flight ${inFlightSingle}`,
          );
        }
        if (multis.some((value) => value !== multis[0]) || settingsCounter !== multis[0]) {
          failures.push(
            `kill ${kill}: a multi-file save was torn: contacts ${multis.join(',')}, settings ${settingsCounter}`,
          );
        }
        const multi = multis[0] ?? 0;
        if (multi !== highestMulti && multi !== inFlightMulti) {
          failures.push(
            `kill ${kill}: multi is ${multi}, acknowledged ${highestMulti}, in flight ${inFlightMulti}`,
          );
        }
        // The next child continues from what is stored.
        highestSingle = Math.max(highestSingle, single);
        highestMulti = Math.max(highestMulti, multi);
        storage.close();
        if (failures.length > 5) break;
      }
      for (const spare of spares) spare.process.kill('SIGKILL');
      await Promise.all(spares.map((spare) => spare.closed));

      console.log(
        `[durability] ${KILLS} kills: ${JSON.stringify(seen)}, last counters single ${highestSingle} multi ${highestMulti}`,
      );
      expect(failures).toEqual([]);
      expect(highestMulti).toBeGreaterThan(KILLS / 2);
      expect(seen.journalReplays).toBeGreaterThan(0);
      expect(fs.readdirSync(path.join(dataDir, 'store'))).not.toContain('journal.json');
    },
    Math.max(300_000, KILLS * 1_500),
  );
});
