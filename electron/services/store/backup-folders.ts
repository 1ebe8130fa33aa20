import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/contract.js';
import { SCHEMA_VERSION, type Dataset } from '../../../shared/schema/dataset.js';
import { fsyncDir, tempPathFor } from '../atomic-file.js';
import { BACKUP_REASONS } from '../backups.js';
import { ExportFileProblem, upgradeAndValidate } from '../export-file.js';
import type { Migrations, RawDataset } from '../migrations.js';
import {
  decodeStoreBytes,
  LAYOUT_FILE,
  parseStoreFileName,
  RawSettingsFile,
  RawShardFile,
} from '../shards.js';

/**
 * A backup is a folder `backups/<time>-<seq>-<reason>/` holding the store files as they were, plus
 * `backup.json` (what it is, when, which files, how big). It is made from the files themselves,
 * never by serializing the data, in two steps:
 *
 * 1. The snapshot (on the main thread, a few file-system calls per file, whatever the data's
 *    size): a file unchanged since the previous backup (same size, time and inode as recorded
 *    there) is hard-linked from that backup; any other is hard-linked from the store. The store
 *    never changes a file in place (it writes a new file and renames it over the old one), so a
 *    link keeps the bytes the file had at that instant, and the folder is complete at once.
 * 2. Detaching (in the background, `detachBackup`): each file linked from the store is replaced by
 *    a copy of itself, so no backup shares a file with the live store and an edit made to a store
 *    file in place (by hand, by another program) can never reach a backup. Only the files that
 *    changed since the previous backup are copied; files shared between backups stay shared, so
 *    ten backups of an unchanged store take the space of one.
 *
 * settings.json, written through electron-store (which may write in place on some systems), is
 * always copied at once, and so is every file on a disk without hard links.
 */
export const BACKUP_META_FILE = 'backup.json';

/** What identifies a store file's exact version: it is replaced, never edited, by the store. */
const Source = z.object({ size: z.number().int().min(0), mtimeMs: z.number(), ino: z.number() });
export type Source = z.infer<typeof Source>;

const BackupMeta = z.object({
  format: z.literal('rapport-backup'),
  schemaVersion: z.number().int().min(0),
  createdAt: z.string().max(40),
  reason: z.enum(BACKUP_REASONS as [BackupInfo['reason'], ...BackupInfo['reason'][]]),
  bytes: z.number().int().min(0),
  files: z.array(z.string().max(80)).max(100_000),
  /** Each file's store version when it was taken (to link it into the next backup if unchanged). */
  sources: z.record(z.string().max(80), Source).default({}),
  /** Files still linked to the store (step 2 not done yet). */
  shared: z.array(z.string().max(80)).max(100_000).default([]),
});
export type BackupMeta = z.infer<typeof BackupMeta>;

/** backup.json is a few KB; anything much bigger is not ours. */
const MAX_META_BYTES = 8 * 1024 * 1024;

export interface SnapshotRequest {
  storeDir: string;
  backupsDir: string;
  /** The folder name (see nextBackupName). */
  name: string;
  /** The store files to keep, by name. */
  files: readonly string[];
  /** Files to copy at once rather than link (written by a writer that may change them in place). */
  copy: ReadonlySet<string>;
  schemaVersion: number;
  createdAt: string;
  reason: BackupInfo['reason'];
  /** The previous backup (folder name and meta), whose unchanged files are linked. */
  previous: { name: string; meta: BackupMeta } | null;
  /**
   * True: on disk for good before this returns (fsync of the copies, backup.json and folders),
   * for the backups taken before a restore, an import or a migration, and "Back up now". False:
   * the routine backups (start, every 15 minutes, quit); the fsyncs are left to `syncLater`,
   * off the main thread. The data files themselves are always durable already (links to store
   * files, which were fsynced when saved).
   */
  durable: boolean;
}

const sourceOf = (stat: fs.Stats): Source => ({
  size: stat.size,
  mtimeMs: stat.mtimeMs,
  ino: stat.ino,
});

const sameSource = (a: Source | undefined, b: Source) =>
  a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

function fsyncFile(filePath: string): void {
  const fd = fs.openSync(filePath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file and fsyncs the copy (the folder is synced once, by the caller). */
function copySynced(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fsyncFile(to);
}

function writeMeta(folder: string, meta: BackupMeta, durable = true): void {
  const metaPath = path.join(folder, BACKUP_META_FILE);
  const temp = tempPathFor(metaPath);
  fs.writeFileSync(temp, JSON.stringify(meta));
  if (durable) fsyncFile(temp);
  fs.renameSync(temp, metaPath);
  if (durable) fsyncDir(folder);
}

/** fsync through the thread pool; folders cannot be opened on Windows (NTFS journals them). */
async function fsyncLater(target: string, flags: string): Promise<void> {
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(target, flags);
    await handle.sync();
  } catch {
    // Not supported here (a folder on Windows), or gone (pruned meanwhile): nothing to do.
  } finally {
    await handle?.close();
  }
}

export interface Snapshot {
  info: BackupInfo;
  meta: BackupMeta;
  /** Files linked from the previous backup (unchanged since). */
  reused: number;
  /** For a backup that is not durable yet: makes it so, off the main thread. */
  syncLater(): Promise<void>;
}

/**
 * Step 1: makes one backup folder under a temp name (links and the few copies, then
 * backup.json) and renames it into place, so a backup either exists complete or not at all (a
 * temp folder left by a crash is removed at the next start).
 */
export function snapshotStore(request: SnapshotRequest): Snapshot {
  const final = path.join(request.backupsDir, request.name);
  const temp = tempPathFor(final);
  fs.mkdirSync(temp, { recursive: true });
  const previousDir = request.previous && path.join(request.backupsDir, request.previous.name);
  const sources: Record<string, Source> = {};
  const shared: string[] = [];
  let bytes = 0;
  let reused = 0;
  try {
    for (const name of request.files) {
      const from = path.join(request.storeDir, name);
      const to = path.join(temp, name);
      const source = sourceOf(fs.statSync(from));
      sources[name] = source;
      bytes += source.size;
      if (request.copy.has(name)) {
        if (request.durable) copySynced(from, to);
        else fs.copyFileSync(from, to);
        continue;
      }
      if (previousDir !== null && sameSource(request.previous?.meta.sources[name], source)) {
        try {
          fs.linkSync(path.join(previousDir, name), to);
          reused += 1;
          // Not yet detached there: this backup shares the store's file too, until detached.
          if (fs.statSync(to).ino === source.ino) shared.push(name);
          continue;
        } catch {
          // The previous backup lost that file (pruned meanwhile, or damaged): take the store's.
        }
      }
      try {
        fs.linkSync(from, to);
        shared.push(name);
      } catch {
        // FAT, some network drives, or a store and backups on different volumes: copy.
        copySynced(from, to);
      }
    }
    const meta: BackupMeta = {
      format: 'rapport-backup',
      schemaVersion: request.schemaVersion,
      createdAt: request.createdAt,
      reason: request.reason,
      bytes,
      files: [...request.files],
      sources,
      shared,
    };
    writeMeta(temp, meta, request.durable);
    fs.renameSync(temp, final);
    if (request.durable) fsyncDir(request.backupsDir);
    const syncLater = async () => {
      if (request.durable) return;
      for (const name of request.copy) await fsyncLater(path.join(final, name), 'r+');
      await fsyncLater(path.join(final, BACKUP_META_FILE), 'r+');
      await fsyncLater(final, 'r');
      await fsyncLater(request.backupsDir, 'r');
    };
    return {
      info: { name: request.name, createdAt: request.createdAt, bytes, reason: request.reason },
      meta,
      reused,
      syncLater,
    };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Replaces one linked file by a copy of itself (copy beside it, fsync, rename over the link). */
async function detachFile(folder: string, name: string): Promise<void> {
  const file = path.join(folder, name);
  const temp = tempPathFor(file);
  try {
    await fs.promises.copyFile(file, temp);
    const handle = await fs.promises.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

function detachFileSync(folder: string, name: string): void {
  const file = path.join(folder, name);
  const temp = tempPathFor(file);
  try {
    copySynced(file, temp);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Step 2: gives the backup its own copy of every file it still shares with the store, off the
 * main thread (libuv's pool does the copying; the main thread only starts each copy), then
 * records that in backup.json. A backup pruned meanwhile is simply left alone.
 */
export async function detachBackup(folder: string): Promise<void> {
  const meta = readBackupMeta(folder);
  if (meta === null || meta.shared.length === 0) return;
  for (const name of meta.shared) await detachFile(folder, name);
  await fs.promises.access(folder); // still there (not pruned) before recording it
  const metaPath = path.join(folder, BACKUP_META_FILE);
  const temp = tempPathFor(metaPath);
  await fs.promises.writeFile(temp, JSON.stringify({ ...meta, shared: [] }));
  await fsyncLater(temp, 'r+');
  await fs.promises.rename(temp, metaPath);
  await fsyncLater(folder, 'r');
}

/** Step 2 at once, on this thread: at quit, and for a small backup (a few MB to copy). */
export function detachBackupSync(folder: string): void {
  const meta = readBackupMeta(folder);
  if (meta === null || meta.shared.length === 0) return;
  for (const name of meta.shared) detachFileSync(folder, name);
  fsyncDir(folder);
  writeMeta(folder, { ...meta, shared: [] });
}

/** Bytes a backup still has to copy in step 2. */
export const sharedBytes = (meta: BackupMeta) =>
  meta.shared.reduce((sum, name) => sum + (meta.sources[name]?.size ?? 0), 0);

/** A backup folder's backup.json, or null when it is missing or not ours. */
export function readBackupMeta(folder: string): BackupMeta | null {
  try {
    const metaPath = path.join(folder, BACKUP_META_FILE);
    if (fs.statSync(metaPath).size > MAX_META_BYTES) return null;
    const parsed = BackupMeta.safeParse(JSON.parse(fs.readFileSync(metaPath, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The data of a backup folder, upgraded to this build's version and validated in full. Throws
 * ExportFileProblem saying what is wrong (missing meta or file, a file that is not JSON or of
 * another version, a wrong value).
 */
export function readBackupFolder(folder: string, migrations: Migrations): Dataset {
  const meta = readBackupMeta(folder);
  if (meta === null)
    throw new ExportFileProblem(
      'is not a Rapport backup (its backup.json is missing or not readable)',
    );
  if (meta.schemaVersion > SCHEMA_VERSION) {
    throw new ExportFileProblem(
      `was written by a newer version of Rapport (data version ${meta.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Rapport to use it`,
    );
  }
  const raw: RawDataset = {};
  for (const name of meta.files) {
    if (name === LAYOUT_FILE) continue;
    const parsedName = parseStoreFileName(name);
    if (parsedName === null) throw new ExportFileProblem(`lists a file it cannot hold (${name})`);
    let json: unknown;
    try {
      json = JSON.parse(decodeStoreBytes(fs.readFileSync(path.join(folder, name))));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ExportFileProblem(
        code === 'ENOENT'
          ? `is missing ${name}`
          : code === undefined
            ? `holds ${name}, which is not valid JSON (it may have been cut off)`
            : `holds ${name}, which could not be read (${code})`,
      );
    }
    if (parsedName.kind === 'settings') {
      const settings = RawSettingsFile.safeParse(json);
      if (!settings.success || settings.data.schemaVersion !== meta.schemaVersion)
        throw new ExportFileProblem(`holds a settings file it cannot use`);
      raw.settings = settings.data.settings;
      continue;
    }
    const shard = RawShardFile.safeParse(json);
    if (!shard.success || shard.data.schemaVersion !== meta.schemaVersion)
      throw new ExportFileProblem(`holds ${name}, which it cannot use`);
    const record = (raw[parsedName.collection] ??= {}) as Record<string, unknown>;
    Object.assign(record, shard.data.items);
  }
  return upgradeAndValidate(raw, meta.schemaVersion, migrations, true, 'words');
}
