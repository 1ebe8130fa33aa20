import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Conf from 'conf';
import { createImportService } from '../../electron/services/import/session.js';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import type { Storage } from '../../electron/services/types.js';
import { createRandom } from './generate.js';
import { median, round, type BenchModule, type Figure } from './types.js';

const ROWS = 5_000;
const RUNS = 3;

const first = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Grace',
  'Hiro',
  'Inès',
  'José',
  '李',
];
const last = [
  'Garcia',
  'Nguyen',
  'Smith',
  'Okafor',
  'Ångström',
  'Müller',
  "O'Brien",
  'Mendoza-Ruiz',
];
const companies = [
  'Northwind Health',
  '"Fabrikam, Inc."',
  'Contoso',
  'Tailspin Toys',
  'Woodgrove Bank',
  '',
];
const titles = [
  'Senior Product Manager',
  '"Data Engineer, Platform"',
  'UX Researcher',
  '',
  'VP of Engineering',
];

/** A LinkedIn Connections.csv as the export writes it: BOM, Notes preamble, CRLF, quoted commas. */
export function linkedinCsv(rows: number, seed = 5): string {
  const random = createRandom(seed);
  const lines = [
    '\uFEFFNotes:',
    '"Exported connection data may be missing e-mail addresses: an address is only included when the connection allows it."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let n = 0; n < rows; n += 1) {
    const given = random.pick(first);
    const family = random.pick(last);
    const email = random.next() < 0.1 ? `person${n}@example.com` : '';
    lines.push(
      [
        given,
        family,
        `https://www.linkedin.com/in/person-${n.toString(36)}-${random.int(100, 999)}`,
        email,
        random.pick(companies),
        random.pick(titles),
        `${String(random.int(1, 28)).padStart(2, '0')} Mar 20${random.int(10, 25)}`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A vCard 3.0 file as Apple Contacts exports it: many cards, each with a PHOTO;ENCODING=b line of
 * `photoChars` base64 characters folded at 75 octets, until the file is `bytes` long.
 */
export function vcardWithPhotos(bytes: number, photoChars = 60_000, seed = 9): string {
  const random = createRandom(seed);
  const cards: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n += 1) {
    const photo: string[] = [];
    for (let i = 0; i < photoChars; i += 1) photo.push(BASE64[random.int(0, 63)] as string);
    const line = `PHOTO;ENCODING=b;TYPE=JPEG:${photo.join('')}`;
    const folded = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) folded.push(` ${line.slice(i, i + 74)}`);
    const given = random.pick(first);
    const family = random.pick(last);
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `N:${family};${given};;;`,
      `FN:${given} ${family}`,
      `ORG:${random.pick(companies).replace(/"/g, '').replace(/,/g, '\\,')};`,
      `EMAIL;type=INTERNET;type=HOME;type=pref:person${n}@example.com`,
      `TEL;type=CELL;type=VOICE;type=pref:+1 555 ${String(1000 + n).slice(-4)}`,
      ...folded,
      'END:VCARD',
    ].join('\r\n');
    cards.push(card);
    size += card.length + 2;
  }
  return `${cards.join('\r\n')}\r\n`;
}

/**
 * A CSV of about `bytes` bytes and `rows` rows (a notes column makes up the size): what a 20 MB
 * export from a CRM looks like, within the import limits (50,000 rows, 20 MB).
 */
export function bigCsv(bytes: number, rows: number, seed = 7): string {
  const random = createRandom(seed);
  const lines = ['First Name,Last Name,Email Address,Company,Position,Notes'];
  const note =
    'Met at the alumni mixer; asked about a typical day and what helped her move into product. ';
  const perRow = Math.max(0, Math.floor(bytes / rows) - 90);
  const notes = note.repeat(Math.ceil(perRow / note.length) + 1).slice(0, perRow);
  for (let n = 0; n < rows; n += 1) {
    lines.push(
      [
        random.pick(first),
        // Unique names: name + company would otherwise (rightly) combine people.
        `${random.pick(last)} ${n.toString(36)}`,
        `person${n}@example.com`,
        random.pick(companies),
        random.pick(titles),
        `"${notes}"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const openBenchStorage = (dataDir: string): Storage =>
  openStorage({
    dataDir,
    now: () => new Date(),
    StoreClass: Conf as unknown as StoreClassLike,
    log: () => {},
  });

/** Main's event loop while `work` runs: p99 and max delay (ms), sampled every 10 ms. */
async function loopDelay<T>(work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const value = await work();
    // A block is recorded when the next timer fires after it: give it the time to.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { value, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

/**
 * `import.vcard5mb.ms`: preview of a 5 MB vCard with base64 photos, through the service and the
 * worker thread the app uses (worker start-up included). `import.eventloop.p99.ms`: main's
 * event-loop delay (p99) while a 20 MB, 49,000-row CSV is read, parsed (in the worker) and
 * matched; `import.commit49000.block.ms`: the longest main is held while those rows are then saved
 * (in parts of at most 250 contacts, one store file each, the files split first for the size
 * they will reach: see the import session's commit).
 */
async function largeFiles(root: string, progress: (message: string) => void): Promise<Figure[]> {
  const vcardFile = path.join(root, 'contacts.vcf');
  fs.writeFileSync(vcardFile, vcardWithPhotos(5 * 1024 * 1024));
  const csvFile = path.join(root, 'big.csv');
  const CSV_ROWS = 49_000;
  fs.writeFileSync(csvFile, bigCsv(20 * 1024 * 1024 - 100_000, CSV_ROWS));
  progress(
    `files: vCard ${(fs.statSync(vcardFile).size / 1e6).toFixed(1)} MB, CSV ${(fs.statSync(csvFile).size / 1e6).toFixed(1)} MB`,
  );
  const storage = openBenchStorage(path.join(root, 'data-large'));
  try {
    const service = createImportService({ storage, now: () => new Date(), emit: () => {} });
    const vcardTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const preview = await service.preview(vcardFile, 'vcard');
      vcardTimes.push(performance.now() - started);
      service.cancel(preview.token);
    }
    progress(`vCard 5 MB previews: ${vcardTimes.map((t) => round(t)).join(', ')} ms`);

    const started = performance.now();
    const read = await loopDelay(() => service.preview(csvFile, 'csv'));
    const previewMs = performance.now() - started;
    if (read.value.counts.new !== CSV_ROWS) {
      throw new Error(`The 20 MB preview found ${read.value.counts.new} of ${CSV_ROWS} rows.`);
    }
    progress(
      `CSV 20 MB preview ${round(previewMs)} ms; event loop p99 ${round(read.p99)} ms, max ${round(read.max)} ms`,
    );
    const transactions: number[] = [];
    const timed: Storage = Object.assign(Object.create(storage) as Storage, {
      transact: <T>(fn: Parameters<Storage['transact']>[0]): T => {
        const begun = performance.now();
        try {
          return storage.transact(fn) as T;
        } finally {
          transactions.push(performance.now() - begun);
        }
      },
    });
    const committer = createImportService({
      storage: timed,
      now: () => new Date(),
      emit: () => {},
    });
    const again = await committer.preview(csvFile, 'csv');
    const commitStarted = performance.now();
    const commit = await loopDelay(() => committer.commit(again.token));
    const commitMs = performance.now() - commitStarted;
    if (commit.value.added !== CSV_ROWS) throw new Error('The 20 MB commit did not add every row.');
    progress(
      `commit of ${CSV_ROWS} rows: ${round(commitMs)} ms in all, ${transactions.length} parts (longest ${round(Math.max(...transactions))} ms), longest block ${round(commit.max)} ms`,
    );
    const vcard = median(vcardTimes);
    return [
      {
        key: 'import.vcard5mb.ms',
        value: round(vcard),
        unit: 'ms',
        goal: { text: '< 2000 ms', pass: vcard < 2_000 },
      },
      {
        key: 'import.eventloop.p99.ms',
        value: round(read.p99),
        unit: 'ms',
        goal: { text: '< 50 ms', pass: read.p99 < 50 },
      },
      { key: 'import.eventloop.max.ms', value: round(read.max), unit: 'ms' },
      { key: 'import.csv20mb.preview.ms', value: round(previewMs), unit: 'ms' },
      { key: 'import.commit49000.ms', value: round(commitMs), unit: 'ms' },
      {
        key: 'import.commit49000.block.ms',
        value: round(commit.max),
        unit: 'ms',
        goal: { text: '< 50 ms', pass: commit.max < 50 },
      },
    ];
  } finally {
    storage.close();
  }
}

/**
 * `import.linkedin5000.ms`: read + decode + parse + preview + commit of a 5,000-row LinkedIn file
 * into a fresh store, through the same service the IPC handlers use (median of 3 fresh stores).
 */
export const importBench: BenchModule = {
  name: 'import',
  async run({ progress }) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-import-'));
    try {
      const file = path.join(root, 'Connections.csv');
      fs.writeFileSync(file, linkedinCsv(ROWS));
      const times: number[] = [];
      const previews: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const storage = openBenchStorage(path.join(root, `data-${run}`));
        try {
          const service = createImportService({ storage, now: () => new Date(), emit: () => {} });
          const started = performance.now();
          const preview = await service.preview(file, 'linkedin');
          const previewed = performance.now();
          const result = await service.commit(preview.token);
          const ended = performance.now();
          if (result.added !== ROWS || Object.keys(storage.read().contacts).length !== ROWS) {
            throw new Error(`The benchmark import added ${result.added} of ${ROWS} contacts.`);
          }
          times.push(ended - started);
          previews.push(previewed - started);
          progress(
            `run ${run + 1}: preview ${round(previewed - started)} ms, commit ${round(ended - previewed)} ms`,
          );
        } finally {
          storage.close();
        }
      }
      const value = median(times);
      const large = await largeFiles(root, progress);
      return [
        {
          key: 'import.linkedin5000.ms',
          value: round(value),
          unit: 'ms',
          goal: { text: '< 2000 ms', pass: value < 2_000 },
        },
        { key: 'import.linkedin5000.preview.ms', value: round(median(previews)), unit: 'ms' },
        ...large,
      ];
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
};
