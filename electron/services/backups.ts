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
 * `2026-01-15T12-00-00-000Z-0000-start.json`: the name sorts by time (then by a sequence number
 * for backups taken in the same millisecond), says when and why, and is the only thing a restore
 * request may name — anything else (paths, `..`, other files) is refused before touching disk.
 */
const BACKUP_NAME = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(\\d{4})-(${BACKUP_REASONS.join('|')})\\.json$`,
);

/** What a backup's name says: when, in which order within that millisecond, and why. */
export interface ParsedBackupName {
  createdAt: string;
  seq: number;
  reason: BackupInfo['reason'];
}

/** Null for anything that is not exactly a backup name (the guard against path tricks in restore). */
export function parseBackupName(name: string): ParsedBackupName | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, day, hh, mm, ss, ms, seq, reason] = match;
  return {
    createdAt: `${day}T${hh}:${mm}:${ss}.${ms}Z`,
    seq: Number(seq),
    reason: reason as BackupInfo['reason'],
  };
}

/** Backups on disk, newest first. Files that are not backups (or vanished meanwhile) are skipped. */
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
      const { size } = fs.statSync(path.join(dir, name));
      infos.push({ name, createdAt: parsed.createdAt, bytes: size, reason: parsed.reason });
    } catch {
      // Removed between readdir and stat: not a backup any more.
    }
  }
  return infos.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** A name for a backup taken at `date`, after every existing one with the same timestamp. */
export function nextBackupName(dir: string, date: Date, reason: BackupInfo['reason']): string {
  const stamp = fileStamp(date);
  let seq = 0;
  for (const info of listBackupFiles(dir)) {
    if (info.name.startsWith(`${stamp}-`)) {
      seq = Math.max(seq, (parseBackupName(info.name)?.seq ?? 0) + 1);
    }
  }
  if (seq > 9999) throw new Error('Too many backups in the same millisecond.');
  return `${stamp}-${String(seq).padStart(4, '0')}-${reason}.json`;
}

/** Writes one backup atomically and returns what `listBackups` will say about it. */
export function writeBackupFile(dir: string, name: string, text: string): BackupInfo {
  const parsed = parseBackupName(name);
  if (parsed === null) throw new Error(`Not a backup name: ${name}`);
  writeFileAtomic(path.join(dir, name), text);
  return {
    name,
    createdAt: parsed.createdAt,
    bytes: Buffer.byteLength(text),
    reason: parsed.reason,
  };
}

/** Keeps the newest `keep` backups (safety backups included) and deletes the rest. */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed = listBackupFiles(dir)
    .slice(Math.max(0, keep))
    .map((info) => info.name);
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}
