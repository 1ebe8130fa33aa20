import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Conf from 'conf';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import { exportText } from '../../electron/services/export-file.js';
import {
  fileForItem,
  MANIFEST_FILE,
  parseStoreFileName,
  readStoreText,
} from '../../electron/services/shards.js';
import type { Contact } from '../../shared/schema/entities.js';
import { createRandom, generateDataset, heavyUser, prose } from './generate.js';
import { median, percentile, round, type BenchModule, type Figure } from './types.js';

const OPEN_RUNS = 7;
const FULL_OPEN_RUNS = 3;
const SAVES = 200;
const WARMUP_SAVES = 20;

v8.setFlagsFromString('--expose-gc');
/**
 * A full collection before each timed step, so one step does not pay for the garbage of the
 * previous one (the figure and its floor then start from the same heap).
 */
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Plain atomic write, as `atomically` does it: temp file, write, fsync, close, rename. */
function plainAtomicWrite(filePath: string, bytes: Buffer): void {
  const temp = `${filePath}.tmp`;
  const fd = fs.openSync(temp, 'w');
  fs.writeSync(fd, bytes);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temp, filePath);
}

/** The data files (settings and shards; not the manifest). */
const storeFiles = (storeDir: string) =>
  fs
    .readdirSync(storeDir)
    .filter((name) => parseStoreFileName(name) !== null)
    .map((name) => path.join(storeDir, name));

/**
 * The storage figures: a heavy user's store (5,000 contacts, 20,000 activities, 1,000 meetings
 * with 15 questions and 15 notes each) opened and edited through the real storage service, each
 * compared with the floor of doing the same file work by hand in the same run.
 */
export const storageBench: BenchModule = {
  name: 'storage',
  async run({ progress }) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
    try {
      const dataDir = path.join(root, 'data');
      const options = {
        dataDir,
        now: () => new Date(),
        StoreClass: Conf as unknown as StoreClassLike,
        log: (message: string) => progress(message),
      };
      progress('generating the dataset');
      const exportPath = path.join(root, 'export.json');
      fs.writeFileSync(exportPath, exportText(generateDataset(heavyUser), new Date()));
      progress('importing it');
      const first = openStorage(options);
      await first.importAll(exportPath);
      first.close();
      fs.rmSync(exportPath);

      const storeDir = path.join(dataDir, 'store');
      const bytes = storeFiles(storeDir).reduce((sum, file) => sum + fs.statSync(file).size, 0);

      progress(`opening ${OPEN_RUNS} times`);
      const opens: number[] = [];
      const floors: number[] = [];
      for (let run = 0; run < OPEN_RUNS; run += 1) {
        collectGarbage();
        const started = performance.now();
        const storage = openStorage(options);
        opens.push(performance.now() - started);
        if (storage.status().readOnly !== null || storage.status().restored !== null) {
          throw new Error('The benchmark store did not open cleanly.');
        }
        storage.close();
        const texts = storeFiles(storeDir).map((file) => readStoreText(file));
        collectGarbage();
        const parseStarted = performance.now();
        for (const text of texts) JSON.parse(text);
        floors.push(performance.now() - parseStarted);
      }

      // Without the manifest (after a crash, or under new schemas) every file is validated by zod.
      progress(`opening ${FULL_OPEN_RUNS} times with every file validated`);
      const fullOpens: number[] = [];
      for (let run = 0; run < FULL_OPEN_RUNS; run += 1) {
        fs.rmSync(path.join(storeDir, MANIFEST_FILE), { force: true });
        collectGarbage();
        const started = performance.now();
        const storage = openStorage(options);
        fullOpens.push(performance.now() - started);
        storage.close();
      }

      progress(`saving ${SAVES} edits`);
      const storage = openStorage(options);
      // As in the app, the start backup is written on the next turn of the event loop after open.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const random = createRandom(7);
      const ids = Object.keys(storage.read().contacts);
      const floorDir = path.join(root, 'floor');
      fs.mkdirSync(floorDir);
      const edit = (id: string) => {
        const contact = storage.read().contacts[id] as Contact;
        const edited: Contact = {
          ...contact,
          notes: prose(random, random.int(50, 800)),
          updatedAt: new Date().toISOString(),
        };
        const started = performance.now();
        storage.transact((tx) => tx.put('contacts', edited));
        return performance.now() - started;
      };
      // The first save of each file in a session also builds that file's per-item cache; it is
      // measured on its own (store.save.first.max.ms), then the steady state is measured.
      const firstByFile = new Map<string, string>();
      for (const id of ids)
        if (!firstByFile.has(fileForItem('contacts', id)))
          firstByFile.set(fileForItem('contacts', id), id);
      const firstSaves = [...firstByFile.values()].map((id) => edit(id));
      for (let n = 0; n < WARMUP_SAVES; n += 1) edit(ids[random.int(0, ids.length - 1)] as string);
      const saves: number[] = [];
      const saveFloors: number[] = [];
      for (let n = 0; n < SAVES; n += 1) {
        const id = ids[random.int(0, ids.length - 1)] as string;
        saves.push(edit(id));
        // The floor writes exactly the bytes this edit wrote, the same way, right after it.
        const bytes = fs.readFileSync(path.join(storeDir, fileForItem('contacts', id)));
        const floorStarted = performance.now();
        plainAtomicWrite(path.join(floorDir, 'shard.json'), bytes);
        saveFloors.push(performance.now() - floorStarted);
      }
      storage.close();

      progress(
        `saves (ms, slowest 15): ${[...saves]
          .sort((a, b) => b - a)
          .slice(0, 15)
          .map((v) => v.toFixed(2))
          .join(' ')}`,
      );
      progress(
        `floors (ms, slowest 15): ${[...saveFloors]
          .sort((a, b) => b - a)
          .slice(0, 15)
          .map((v) => v.toFixed(2))
          .join(' ')}`,
      );
      progress(
        `opens ${opens.map((v) => v.toFixed(0)).join(' ')} / floors ${floors.map((v) => v.toFixed(0)).join(' ')} / full ${fullOpens.map((v) => v.toFixed(0)).join(' ')}`,
      );
      const open = median(opens);
      const openFloor = median(floors);
      const save = percentile(saves, 0.95);
      const saveFloor = percentile(saveFloors, 0.95);
      const figures: Figure[] = [
        { key: 'store.bytes', value: bytes, unit: 'bytes' },
        {
          key: 'store.open.ms',
          value: round(open),
          unit: 'ms',
          goal: { text: `<= 3x floor (${round(openFloor * 3)} ms)`, pass: open <= openFloor * 3 },
        },
        { key: 'store.open.floor.ms', value: round(openFloor), unit: 'ms' },
        { key: 'store.open.full.ms', value: round(median(fullOpens)), unit: 'ms' },
        {
          key: 'store.save.p95.ms',
          value: round(save, 3),
          unit: 'ms',
          goal: {
            text: `<= 2x floor (${round(saveFloor * 2, 3)} ms) and < 30 ms`,
            pass: save <= saveFloor * 2 && save < 30,
          },
        },
        { key: 'store.save.floor.p95.ms', value: round(saveFloor, 3), unit: 'ms' },
        {
          key: 'store.save.first.max.ms',
          value: round(Math.max(...firstSaves), 3),
          unit: 'ms',
          goal: { text: '< 30 ms', pass: Math.max(...firstSaves) < 30 },
        },
      ];
      return figures;
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
};
