import fs from 'node:fs';
import path from 'node:path';
import {
  decodeStoreBytes,
  DEFAULT_LAYOUT,
  FileEnvelope,
  LAYOUT_FILE,
  parseLayout,
  parseStoreFileName,
  readStoreText,
  type Layout,
} from '../shards.js';
import { sealOf, statMatches, type FileSeal } from './manifest.js';
import { errorCode } from './store-files.js';

/**
 * Reading the store folder at open: which files are there, what data version each holds (from its
 * first bytes when this build wrote it), and each file's text when it is needed. Nothing here
 * validates items or writes anything: storage.ts checks what it loads and repairs what is damaged.
 */

export interface ScannedFile {
  name: string;
  path: string;
  /** The file's text; parsed once it is needed (see jsonOf / loadCurrentFile). */
  text: string | null;
  /** The file's stat at scan: it is used without zod when the manifest's seal matches. */
  seal: FileSeal | null;
  json: unknown;
  version: number | null;
  /** Why the file cannot be used, or null while it looks fine. */
  problem: string | null;
  size: number;
  /** Read later (a collection opened on demand): only its header was read at open. */
  deferred: boolean;
  /** A deferred file that has since been read and loaded (or found damaged). */
  loaded?: boolean;
}

export interface DamagedFile {
  name: string;
  problem: string;
}

/** `{"schemaVersion":1,` — how every file this build writes begins. */
const VERSION_HEADER = /^\{"schemaVersion":(\d{1,9})[,}]/;

/** A bound on inferred bucket counts (4 digits in a file name). */
const MAX_BUCKETS_GUARD = 4096;

/** The version a file we wrote starts with, from its first bytes; null if it does not. */
function readVersionHeader(filePath: string): number | null {
  const head = Buffer.alloc(40);
  const fd = fs.openSync(filePath, 'r');
  try {
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const match = VERSION_HEADER.exec(head.subarray(0, read).toString('latin1'));
    return match === null ? null : Number(match[1]);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The store's layout: layout.json, or (missing or unreadable: a store from before layouts, or
 * damage) what the files show, since every bucket of a layout has its file. `fromFile`: it
 * came from layout.json.
 */
export function readLayout(
  storeDir: string,
  log: (message: string) => void,
): { layout: Layout; fromFile: boolean } {
  const layoutPath = path.join(storeDir, LAYOUT_FILE);
  if (fs.existsSync(layoutPath)) {
    try {
      const layout = parseLayout(JSON.parse(readStoreText(layoutPath)));
      if (layout !== null) return { layout, fromFile: true };
    } catch {
      // Unreadable: inferred below, and written again at the next growth.
    }
    log(`[storage] ${LAYOUT_FILE} is not readable; the layout is taken from the files`);
  }
  const counts: Record<string, number> = { ...DEFAULT_LAYOUT };
  for (const name of fs.readdirSync(storeDir)) {
    const parsed = parseStoreFileName(name);
    if (parsed?.kind !== 'shard' || !Object.hasOwn(DEFAULT_LAYOUT, parsed.collection)) continue;
    let count = counts[parsed.collection] as number;
    while (count <= parsed.bucket && count < MAX_BUCKETS_GUARD) count *= 2;
    counts[parsed.collection] = count;
  }
  return { layout: counts as Layout, fromFile: false };
}

/** Reads every store file of any layout and checks the part all versions share. */
export function scanStoreFiles(storeDir: string): ScannedFile[] {
  const scanned: ScannedFile[] = [];
  for (const name of fs.readdirSync(storeDir).sort()) {
    if (parseStoreFileName(name) === null) continue;
    const filePath = path.join(storeDir, name);
    const file: ScannedFile = {
      name,
      path: filePath,
      text: null,
      seal: null,
      json: undefined,
      version: null,
      problem: null,
      size: 0,
      deferred: false,
    };
    scanned.push(file);
    let text: string;
    try {
      const stat = fs.statSync(filePath);
      if (!stat.isFile()) {
        file.problem = 'is not a file';
        continue;
      }
      file.seal = sealOf(stat);
      file.size = stat.size;
      {
        // Only the header now: each file is read when it is loaded (one at a time, so its text
        // dies young), and a collection opened on demand when it is first needed.
        const version = readVersionHeader(filePath);
        if (version !== null && stat.size > 0) {
          file.version = version;
          file.deferred = true;
          continue;
        }
      }
      const bytes = fs.readFileSync(filePath);
      file.size = bytes.length;
      text = decodeStoreBytes(bytes);
    } catch (error) {
      file.problem = `could not be read (${errorCode(error)})`;
      continue;
    }
    if (text.trim() === '') {
      file.problem = 'is empty';
      continue;
    }
    file.text = text;
    // Files we wrote start with their version: read it without parsing the whole file yet, so
    // each file is parsed and validated in one go and its raw copy dies young (far less GC).
    const header = VERSION_HEADER.exec(text.slice(0, 40));
    if (header !== null) {
      file.version = Number(header[1]);
      continue;
    }
    const json = jsonOf(file);
    if (file.problem !== null) continue;
    const envelope = FileEnvelope.safeParse(json);
    if (!envelope.success) {
      file.problem = 'does not say which data version it holds';
      continue;
    }
    file.version = envelope.data.schemaVersion;
  }
  return scanned;
}

/** The parsed file (kept for the rare paths that look at it twice); sets `problem` if invalid. */
export function jsonOf(file: ScannedFile): unknown {
  if (file.json === undefined && file.text !== null && file.problem === null) {
    try {
      file.json = JSON.parse(file.text);
    } catch {
      file.problem = 'is not valid JSON (it may have been cut off)';
    }
  }
  return file.json;
}

/**
 * Reads a deferred file's text now (its stat is checked again: it may have changed since).
 * Returns true when it changed since the scan (its seal then vouches for nothing).
 */
export function readDeferredFile(file: ScannedFile): boolean {
  if (!file.deferred) return false;
  let changed = false;
  file.deferred = false;
  try {
    const stat = fs.statSync(file.path);
    const seal = sealOf(stat);
    changed = !statMatches(file.seal ?? undefined, seal);
    file.seal = seal;
    file.size = stat.size;
    const text = decodeStoreBytes(fs.readFileSync(file.path));
    if (text.trim() === '') file.problem = 'is empty';
    else file.text = text;
  } catch (error) {
    file.problem = `could not be read (${errorCode(error)})`;
  }
  return changed;
}
