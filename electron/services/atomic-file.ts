import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Our own temp files end in `.rapport-tmp-<pid>-<hex>`: recognisable at start, so a write that was
 * killed half-way leaves nothing behind after the next launch.
 */
const OWN_TEMP = /\.rapport-tmp-\d+-[0-9a-f]{8}$/;

/**
 * The `atomically` package (used by conf / electron-store) writes `<file>.tmp-<10 digits><6 hex>`
 * next to the target and renames it over the target (see atomically/dist/utils/temp.js). A kill
 * between the two leaves that file behind; it never holds data that was acknowledged.
 */
const ATOMICALLY_TEMP = /\.tmp-\d{10}[0-9a-f]{6}$/;

/** True for the leftovers of an interrupted atomic write (ours or atomically's). */
export function isTempFileName(name: string): boolean {
  return OWN_TEMP.test(name) || ATOMICALLY_TEMP.test(name);
}

/** A fresh temp path beside `filePath`, on the same file system so the final rename is atomic. */
export function tempPathFor(filePath: string): string {
  return `${filePath}.rapport-tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Makes a rename or unlink inside `dir` durable. Windows cannot open folders; there NTFS's own
 * journal covers the metadata, so the failure is ignored.
 */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported on this platform or file system: nothing more we can do.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Writes the whole file or nothing: temp file, fsync, rename over the target, fsync the folder.
 * A reader (or the next start after a crash) sees either the old or the new content, never a mix.
 */
export function writeFileAtomic(filePath: string, data: string | Uint8Array): void {
  const dir = path.dirname(filePath);
  fs.mkdirSync(dir, { recursive: true });
  const temp = tempPathFor(filePath);
  let fd: number | null = fs.openSync(temp, 'w', 0o666);
  try {
    if (typeof data === 'string') fs.writeSync(fd, data, null, 'utf8');
    else fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, filePath);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}

/** Removes a file and makes the removal durable; a missing file is fine. */
export function removeFileDurably(filePath: string): void {
  fs.rmSync(filePath, { force: true });
  fsyncDir(path.dirname(filePath));
}

/** Copies a file and fsyncs the copy, so "moved aside" data survives a crash right after. */
export function copyFileDurably(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  const fd = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDir(path.dirname(to));
}

/** Deletes interrupted-write leftovers directly inside `dir`; returns the names removed. */
export function removeTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed = names.filter(isTempFileName);
  // Folders too: a backup folder is built under a temp name and renamed when complete.
  for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return removed;
}

/** `dir`, or `dir-2`, `dir-3`...: tests with a fixed clock open many times in the same millisecond. */
export function uniquePath(base: string, extension = ''): string {
  let candidate = `${base}${extension}`;
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = `${base}-${n}${extension}`;
  return candidate;
}

/** A timestamp usable in file names on every OS and sortable as text. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}
