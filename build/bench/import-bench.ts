import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { createImportService } from '../../electron/services/import/session.js';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';
import { createRandom } from './generate.js';
import { median, round, type BenchModule } from './types.js';

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
        const storage = openStorage({
          dataDir: path.join(root, `data-${run}`),
          now: () => new Date(),
          StoreClass: Conf as unknown as StoreClassLike,
          log: () => {},
        });
        try {
          const service = createImportService({ storage, now: () => new Date(), emit: () => {} });
          const started = performance.now();
          const preview = await service.preview(file, 'linkedin');
          const previewed = performance.now();
          const result = service.commit(preview.token);
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
      return [
        {
          key: 'import.linkedin5000.ms',
          value: round(value),
          unit: 'ms',
          goal: { text: '< 2000 ms', pass: value < 2_000 },
        },
        { key: 'import.linkedin5000.preview.ms', value: round(median(previews)), unit: 'ms' },
      ];
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
};
