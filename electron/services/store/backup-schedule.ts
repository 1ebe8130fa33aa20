import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract.js';
import { SCHEMA_VERSION } from '../../../shared/schema/dataset.js';
import {
  backupsToPrune,
  DEFAULT_RETENTION,
  listBackupFiles,
  listBackupNames,
  nextBackupName,
  parseBackupName,
} from '../backups.js';
import { SETTINGS_FILE } from '../shards.js';
import type { Clock } from '../types.js';
import {
  detachBackup,
  detachBackupSync,
  readBackupMeta,
  sharedBytes,
  snapshotStore,
  type BackupMeta,
} from './backup-folders.js';

/**
 * A backup that has at most this much to copy from the store is detached at once (a few ms);
 * a bigger one is detached in the background (see backup-folders.ts).
 */
const DETACH_AT_ONCE_BYTES = 4 * 1024 * 1024;

/** Beside backups/ (same volume, so a rename moves a folder): old backups being deleted. */
export const TRASH_DIR = 'trash';

/** Backups taken on a schedule; they finish in the background (see take). */
const ROUTINE_BACKUPS: ReadonlySet<BackupInfo['reason']> = new Set(['start', 'interval']);

export interface BackupScheduleOptions {
  storeDir: string;
  backupsDir: string;
  now: Clock;
  log: (message: string, error?: unknown) => void;
  /** Minimum time between automatic backups after changes. */
  intervalMs: number;
  /** How many of the newest backups to keep (see backupsToKeep for the rest). */
  keep: number;
  /** The store files as they are now (what a backup holds). */
  files(): string[];
  /** False once the store is closed or read-only: no automatic backup then. */
  writable(): boolean;
  /** Saves the validation manifest (after a durable backup). */
  sealManifest(): void;
}

/**
 * When backups are taken, and taking one: at start (just after open, always before the first
 * change), at most every `intervalMs` while changes are made, at quit if anything changed, and
 * when asked (before a restore, an import or a split; "Back up now"). Each is a folder made by
 * backup-folders.ts; this class links it to the previous one, finishes it in the background or at
 * once, prunes old ones and remembers the newest.
 */
export class BackupSchedule {
  private changedSinceBackup = false;
  /** The newest backup folder, whose unchanged files the next backup links. */
  private lastBackup: { name: string; meta: BackupMeta } | null = null;
  /** Backup folders whose background detaching has not finished (see detachBackup). */
  private readonly detaching = new Set<string>();
  private lastBackupAt: number | null = null;
  private startBackupPending = false;
  private startTimer: NodeJS.Timeout | null = null;
  private intervalTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: BackupScheduleOptions) {}

  private get backupsDir() {
    return this.options.backupsDir;
  }

  /** Every backup, newest first (the start backup is taken first if it is still pending). */
  list(): BackupInfo[] {
    this.flushStart();
    return listBackupFiles(this.backupsDir);
  }

  /**
   * The newest backup folder (the next backup links its unchanged files), and any backup left
   * sharing files with the store by a session that ended before detaching it: detached now.
   */
  findUnfinished(): void {
    // Names only (newest first): each folder's backup.json is read once, here.
    const newestFirst = listBackupNames(this.backupsDir).sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const info of newestFirst) {
      if (parseBackupName(info.name)?.kind !== 'folder') continue;
      const meta = readBackupMeta(path.join(this.backupsDir, info.name));
      if (meta === null) continue;
      this.lastBackup ??= { name: info.name, meta };
      if (meta.shared.length > 0) this.detachLater(info.name);
    }
  }

  private detachLater(name: string): void {
    if (this.detaching.has(name)) return;
    this.detaching.add(name);
    void detachBackup(path.join(this.backupsDir, name))
      .catch((error: unknown) => {
        if (fs.existsSync(path.join(this.backupsDir, name)))
          this.options.log(`[storage] backup ${name} could not be given its own copies`, error);
      })
      .finally(() => this.detaching.delete(name));
  }

  /** Moves a backup out of the list into trash/ (emptied at the next start too); its new path. */
  private toTrash(name: string): string | null {
    const trash = path.join(path.dirname(this.backupsDir), TRASH_DIR);
    try {
      fs.mkdirSync(trash, { recursive: true });
      const target = path.join(trash, `${name}-${process.pid}-${Date.now()}`);
      fs.renameSync(path.join(this.backupsDir, name), target);
      return target;
    } catch (error) {
      this.options.log(`[storage] could not remove the old backup ${name}`, error);
      return null;
    }
  }

  /** Background work of a backup (fsyncs, pruning); failures are logged, never thrown. */
  private async inBackground(name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.options.log(`[storage] finishing backup ${name} in the background failed`, error);
    }
  }

  /**
   * A backup folder of the store files as they are now (see snapshotStore): hard links, so it
   * costs a few file-system calls per file and never serializes the data. `files` and
   * `schemaVersion` name another set (the old files, before a migration).
   */
  take(
    reason: BackupInfo['reason'],
    files: readonly string[] = this.options.files(),
    schemaVersion = SCHEMA_VERSION,
  ): BackupInfo {
    // Routine backups finish off the main thread; the others are on disk for good at once.
    const durable = !ROUTINE_BACKUPS.has(reason);
    const now = this.options.now();
    const { info, meta, syncLater } = snapshotStore({
      storeDir: this.options.storeDir,
      backupsDir: this.backupsDir,
      name: nextBackupName(this.backupsDir, now, reason),
      files,
      copy: new Set([SETTINGS_FILE]),
      schemaVersion,
      createdAt: now.toISOString(),
      reason,
      previous: this.lastBackup,
      durable,
    });
    this.lastBackup = { name: info.name, meta };
    if (meta.shared.length > 0) {
      if (durable && sharedBytes(meta) <= DETACH_AT_ONCE_BYTES) {
        detachBackupSync(path.join(this.backupsDir, info.name));
        this.lastBackup = { name: info.name, meta: { ...meta, shared: [] } };
      } else {
        this.detachLater(info.name);
      }
    }
    // Old backups leave the list at once (a rename into trash/) and are deleted in the
    // background: deleting a folder of a large store's files takes a while.
    const policy = { ...DEFAULT_RETENTION, newest: this.options.keep };
    const trashed = backupsToPrune(this.backupsDir, now, policy).map((name) => this.toTrash(name));
    if (durable) this.options.sealManifest();
    // Otherwise the manifest waits for the next durable backup or close: it is only a cache
    // (after a crash, files saved since it was written are validated in full at the next start).
    void this.inBackground(info.name, async () => {
      await syncLater();
      for (const folder of trashed)
        if (folder !== null) await fs.promises.rm(folder, { recursive: true, force: true });
    });
    this.lastBackupAt = now.getTime();
    this.changedSinceBackup = false;
    this.startBackupPending = false;
    return info;
  }

  /**
   * The start backup is taken just after open returns (next turn of the event loop) so that a
   * large store opens quickly, but always before the first change, restore or import, and at
   * close: the backup still shows the data as it was found.
   */
  scheduleStart(): void {
    this.startBackupPending = true;
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      if (this.options.writable()) this.flushStart();
    }, 0);
    this.startTimer.unref();
  }

  /** Takes the start backup now if it is still pending (before a change, a list, a close). */
  flushStart(): void {
    if (!this.startBackupPending || !this.options.writable()) return;
    this.startBackupPending = false;
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    this.startTimer = null;
    try {
      this.take('start');
    } catch (error) {
      this.options.log('[storage] the backup at start failed', error);
    }
  }

  /** After a change: a backup now if the last one is older than the interval, else one later. */
  changed(): void {
    this.changedSinceBackup = true;
    const now = this.options.now().getTime();
    const due = this.lastBackupAt === null ? now : this.lastBackupAt + this.options.intervalMs;
    if (now >= due) {
      try {
        this.take('interval');
      } catch (error) {
        this.options.log('[storage] the interval backup failed', error);
      }
      return;
    }
    if (this.intervalTimer !== null) return;
    this.intervalTimer = setTimeout(() => {
      this.intervalTimer = null;
      if (!this.options.writable() || !this.changedSinceBackup) return;
      try {
        this.take('interval');
      } catch (error) {
        this.options.log('[storage] the interval backup failed', error);
      }
    }, due - now);
    this.intervalTimer.unref();
  }

  /**
   * At quit: the timers stop; when the store may be written, the pending start backup and a quit
   * backup (if anything changed) are taken, and every backup still sharing a file with the store
   * is given its own copies before Rapport is gone.
   */
  close(writable: boolean): void {
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    if (this.intervalTimer !== null) clearTimeout(this.intervalTimer);
    this.startTimer = null;
    this.intervalTimer = null;
    if (!writable) return;
    try {
      this.flushStart();
      if (this.changedSinceBackup) this.take('quit');
    } catch (error) {
      this.options.log('[storage] the backup at quit failed', error);
    }
    for (const name of [...this.detaching]) {
      try {
        detachBackupSync(path.join(this.backupsDir, name));
      } catch (error) {
        if (fs.existsSync(path.join(this.backupsDir, name)))
          this.options.log(`[storage] backup ${name} could not be given its own copies`, error);
      }
    }
  }
}
