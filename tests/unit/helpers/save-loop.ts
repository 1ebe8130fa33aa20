/**
 * Child process for the kill test: opens the store and saves forever, printing one line after each
 * transact returns. The parent SIGKILLs it at random moments and checks that every acknowledged
 * save survived. Bundled by the test with esbuild (so it runs as plain `node` from a clean checkout).
 *
 * It prints `booted` once its code is loaded and waits for `go` on stdin before opening the store,
 * so the parent can boot the next child while the current one runs (node start-up is most of a
 * child's life otherwise).
 *
 * argv: <dataDir> <JSON array of contact ids that live in different files>
 */
import fs from 'node:fs';
import Conf from 'conf';
import { openStorage, type StoreClassLike } from '../../../electron/services/storage.js';
import type { Contact } from '../../../shared/schema/entities.js';

const [dataDir, idsJson] = process.argv.slice(2);
if (dataDir === undefined || idsJson === undefined) {
  process.stderr.write('usage: save-loop <dataDir> <ids json>\n');
  process.exit(2);
}
const multiIds = JSON.parse(idsJson) as string[];
const say = (line: string) => fs.writeSync(1, `${line}\n`);

function run(): never {
  const storage = openStorage({
    dataDir: dataDir as string,
    now: () => new Date(),
    StoreClass: Conf as unknown as StoreClassLike,
    log: () => {},
  });
  const status = storage.status();
  if (status.readOnly !== null || status.restored !== null) {
    say(`bad-open ${JSON.stringify(status)}`);
    process.exit(3);
  }
  let n = Number.parseInt(storage.read().contacts.single?.notes ?? '0', 10) + 1;
  say('ready');
  for (;;) {
    storage.transact((tx) => tx.put('contacts', contact('single', n)));
    say(`single ${n}`);
    storage.transact((tx) => {
      for (const id of multiIds) tx.put('contacts', contact(id, n));
      tx.setSettings({
        ...tx.data.settings,
        profile: { ...tx.data.settings.profile, name: `Counter ${n}` },
      });
    });
    say(`multi ${n}`);
    n += 1;
  }
}

const padding = 'Notes that make each file a few kilobytes, so a write takes a moment. '.repeat(20);
const contact = (id: string, n: number): Contact => ({
  id,
  firstName: 'Counter',
  lastName: id,
  title: '',
  company: '',
  industry: '',
  location: '',
  email: '',
  phone: '',
  linkedinUrl: '',
  source: { kind: 'other', detail: '' },
  referredById: null,
  employerId: null,
  tags: [],
  notes: `${n} ${padding}`,
  stage: 'prospect',
  responsiveness: 'unknown',
  keepInTouch: { off: false, days: null },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: new Date().toISOString(),
});

say('booted');
process.stdin.once('data', () => run());
