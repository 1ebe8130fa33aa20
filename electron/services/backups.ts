import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/contract.js';
import { fileStamp, writeFileAtomic } from './atomic-file.js';

/** Why a backup was taken; part of its file name, so the list explains itself without opening files. */
export const BACKUP_REASONS: readonly BackupInfo['reason'][] = [
  'start',
  'interval',
  'quit',
  'before-restore',
  'before-import',
  'before-migration',
  'manual',
];

/**
 * `2026-01-15T12-00-00-000Z-0000-start`: the name sorts by time (then by a sequence number for
 * backups taken in the same millisecond), says when and why, and is the only thing a restore
 * request may name — anything else (paths, `..`, other files) is refused before touching disk.
 * A backup is a folder of store files (see store/backup-folders.ts); backups made by versions
 * before 0.4 are single export files with the same name plus `.json`, still listed and restorable.
 */
const BACKUP_NAME = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(\\d{4})-(${BACKUP_REASONS.join('|')})(\\.json)?$`,
);

/** What a backup's name says: when, in which order within that millisecond, and why. */
export interface ParsedBackupName {
  createdAt: string;
  seq: number;
  reason: BackupInfo['reason'];
  /** A folder of store files, or (older versions) one export file. */
  kind: 'folder' | 'file';
}

/** The total size a backup folder's backup.json records (null when it cannot be read). */
function folderBytes(folder: string): number | null {
  try {
    const metaPath = path.join(folder, 'backup.json');
    if (fs.statSync(metaPath).size > 8 * 1024 * 1024) return null;
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as { bytes?: unknown } | null;
    return typeof meta?.bytes === 'number' ? meta.bytes : null;
  } catch {
    return null;
  }
}

/** Null for anything that is not exactly a backup name (the guard against path tricks in restore). */
export function parseBackupName(name: string): ParsedBackupName | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, day, hh, mm, ss, ms, seq, reason, json] = match;
  return {
    createdAt: `${day}T${hh}:${mm}:${ss}.${ms}Z`,
    seq: Number(seq),
    reason: reason as BackupInfo['reason'],
    kind: json === undefined ? 'folder' : 'file',
  };
}

/**
 * Backups on disk, newest first. Entries that are not backups (or vanished meanwhile, or a folder
 * without its backup.json) are skipped. A folder's size is what its files add up to; files it
 * shares with the store and other backups (hard links) take that space on disk only once.
 */
export function listBackupFiles(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const infos: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (parsed === null) continue;
    try {
      const full = path.join(dir, name);
      const stat = fs.statSync(full);
      const bytes =
        parsed.kind === 'folder'
          ? stat.isDirectory()
            ? // Listed even when its backup.json is unreadable: restoring it then says why not.
              (folderBytes(full) ?? 0)
            : null
          : stat.isFile()
            ? stat.size
            : null;
      if (bytes !== null)
        infos.push({ name, createdAt: parsed.createdAt, bytes, reason: parsed.reason });
    } catch {
      // Removed between readdir and stat: not a backup any more.
    }
  }
  return infos.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Backup names and times only (no file read): enough to name and prune, and cheap. */
export function listBackupNames(dir: string): Pick<BackupInfo, 'name' | 'createdAt'>[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const infos: Pick<BackupInfo, 'name' | 'createdAt'>[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (parsed !== null) infos.push({ name, createdAt: parsed.createdAt });
  }
  return infos;
}

/** A name for a backup taken at `date`, after every existing one with the same timestamp. */
export function nextBackupName(dir: string, date: Date, reason: BackupInfo['reason']): string {
  const stamp = fileStamp(date);
  let seq = 0;
  for (const info of listBackupNames(dir)) {
    if (info.name.startsWith(`${stamp}-`)) {
      seq = Math.max(seq, (parseBackupName(info.name)?.seq ?? 0) + 1);
    }
  }
  if (seq > 9999) throw new Error('Too many backups in the same millisecond.');
  return `${stamp}-${String(seq).padStart(4, '0')}-${reason}`;
}

/** Writes one backup file of the older kind (tests use it); see `snapshotStore` for today's. */
export function writeBackupFile(dir: string, name: string, text: string): BackupInfo {
  const parsed = parseBackupName(name);
  if (parsed?.kind !== 'file') throw new Error(`Not a backup file name: ${name}`);
  writeFileAtomic(path.join(dir, name), text);
  return {
    name,
    createdAt: parsed.createdAt,
    bytes: Buffer.byteLength(text),
    reason: parsed.reason,
  };
}

/**
 * How much history survives pruning. Counting only the newest backups lets a burst (an import that
 * retries, a user clicking "Back up now" fifty times, a tight crash loop of start backups) push all
 * good history out; the daily and weekly slots are taken by backups from earlier days, so a burst
 * today cannot touch them.
 */
export interface RetentionPolicy {
  /** The newest backups kept whatever their age. */
  newest: number;
  /** Local calendar days, today included, that keep their newest backup. */
  days: number;
  /** Weeks (Monday to Sunday, local time), this one included, that keep their newest backup. */
  weeks: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { newest: 10, days: 7, weeks: 8 };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The local calendar date of an instant as a day count since 1970-01-01. Taken from the local
 * year/month/day, not by dividing milliseconds, so a 23- or 25-hour DST day is still one day.
 */
function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** Day number of the Monday that starts the local week of `day` (1970-01-01 was a Thursday). */
const mondayOf = (day: number) => day - ((((day + 3) % 7) + 7) % 7);

/**
 * The names of the backups to keep at `now`: the newest `policy.newest`, plus the newest backup of
 * each of the last `policy.days` local calendar days and of each of the last `policy.weeks` local
 * weeks. "Newest" is the name order (time, then the sequence number of backups taken in the same
 * millisecond), so ties have one winner. Backups dated after `now` (a clock set back) get no day or
 * week slot; they are kept only while they are among the newest. Pure: pruning is this plus rm.
 */
export function backupsToKeep(
  backups: readonly Pick<BackupInfo, 'name' | 'createdAt'>[],
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const keep = new Set(newestFirst.slice(0, Math.max(0, policy.newest)).map((info) => info.name));
  const today = localDayNumber(now);
  const thisWeek = mondayOf(today);
  const daysTaken = new Set<number>();
  const weeksTaken = new Set<number>();
  for (const info of newestFirst) {
    const at = new Date(info.createdAt);
    if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) continue;
    const day = localDayNumber(at);
    if (today - day < policy.days && !daysTaken.has(day)) {
      daysTaken.add(day);
      keep.add(info.name);
    }
    const week = mondayOf(day);
    if ((thisWeek - week) / 7 < policy.weeks && !weeksTaken.has(week)) {
      weeksTaken.add(week);
      keep.add(info.name);
    }
  }
  return keep;
}

/** The backups `backupsToKeep` does not keep (safety backups are treated alike). */
export function backupsToPrune(
  dir: string,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const backups = listBackupNames(dir);
  const keep = backupsToKeep(backups, now, policy);
  return backups.filter((info) => !keep.has(info.name)).map((info) => info.name);
}

/** Deletes every backup `backupsToKeep` does not keep, now; returns their names. */
export function pruneBackups(
  dir: string,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const removed = backupsToPrune(dir, now, policy);
  for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return removed;
}
