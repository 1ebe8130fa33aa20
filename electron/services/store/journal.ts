import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../../shared/schema/dataset.js';
import { fileStamp, removeFileDurably, uniquePath, writeFileAtomic } from '../atomic-file.js';
import {
  FileEnvelope,
  JOURNAL_FILE,
  LAYOUT_FILE,
  parseStoreFileName,
  readStoreText,
} from '../shards.js';

/**
 * Multi-file saves. The journal holds the new content of every file a transaction touches and is
 * written (atomically) before any of them; the files are then written one by one and the journal
 * removed. A crash at any point leaves either the old state (no journal) or a journal that the
 * next start applies again (the writes are idempotent), so a transaction is all or nothing.
 */

/** One file to write: its name in the store folder and its bytes. */
export interface FileWrite {
  name: string;
  bytes: Buffer;
}

const journalPath = (storeDir: string) => path.join(storeDir, JOURNAL_FILE);

/** Writes the journal for `writes` (one atomic write holding every new content). */
export function writeJournal(storeDir: string, writes: readonly FileWrite[]): void {
  const parts: Buffer[] = [
    Buffer.from(`{"format":"rapport-journal","schemaVersion":${SCHEMA_VERSION},"files":{`),
  ];
  writes.forEach(({ name, bytes }, index) => {
    parts.push(Buffer.from(`${index === 0 ? '' : ','}${JSON.stringify(name)}:`), bytes);
  });
  parts.push(Buffer.from('}}'));
  writeFileAtomic(journalPath(storeDir), Buffer.concat(parts));
}

/** The journal is done with: every file it held is written. */
export function clearJournal(storeDir: string): void {
  removeFileDurably(journalPath(storeDir));
}

const Journal = z.object({
  format: z.literal('rapport-journal'),
  schemaVersion: z.number().int().min(0),
  files: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export type ReplayResult =
  | { kind: 'none' }
  | { kind: 'replayed'; files: number }
  | { kind: 'set-aside' }
  | { kind: 'newer'; schemaVersion: number };

/**
 * Finishes a multi-file save that was interrupted: a complete journal is applied again through
 * `write`; one that cannot be read was never acknowledged and is moved to `asideDir`. A journal
 * written by a newer Rapport is left alone (its version is returned).
 */
export function replayJournal(
  storeDir: string,
  asideDir: string,
  now: Date,
  write: (name: string, content: object) => void,
): ReplayResult {
  const file = journalPath(storeDir);
  if (!fs.existsSync(file)) return { kind: 'none' };
  let parsed: z.infer<typeof Journal> | null = null;
  try {
    const result = Journal.safeParse(JSON.parse(readStoreText(file)));
    if (result.success) parsed = result.data;
  } catch {
    parsed = null;
  }
  const names = parsed === null ? [] : Object.keys(parsed.files);
  const namesOk = names.every(
    (name) =>
      (name === LAYOUT_FILE || parseStoreFileName(name) !== null) &&
      FileEnvelope.safeParse(parsed?.files[name]).success,
  );
  if (parsed === null || !namesOk) {
    const aside = uniquePath(path.join(asideDir, fileStamp(now)));
    fs.mkdirSync(aside, { recursive: true });
    fs.renameSync(file, path.join(aside, JOURNAL_FILE));
    return { kind: 'set-aside' };
  }
  if (parsed.schemaVersion > SCHEMA_VERSION)
    return { kind: 'newer', schemaVersion: parsed.schemaVersion };
  for (const name of names) write(name, parsed.files[name] as object);
  clearJournal(storeDir);
  return { kind: 'replayed', files: names.length };
}
