/**
 * Opens a store in a fresh process and prints one JSON line: how long `openStorage` took (the
 * store ready to serve Today and Pipeline) and the process's resident memory right after.
 * argv: <dataDir>
 */
import Conf from 'conf';
import { openStorage, type StoreClassLike } from '../../electron/services/storage.js';

const dataDir = process.argv[2] as string;
const started = performance.now();
const storage = openStorage({
  dataDir,
  now: () => new Date('2026-12-01T09:00:00.000Z'),
  StoreClass: Conf as unknown as StoreClassLike,
  log: () => undefined,
});
const openMs = performance.now() - started;
const status = storage.status();
const rssMb = process.memoryUsage().rss / (1024 * 1024);
process.stdout.write(
  `${JSON.stringify({ openMs, rssMb, clean: status.readOnly === null && status.restored === null })}\n`,
);
storage.close();
