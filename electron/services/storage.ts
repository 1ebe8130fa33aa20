import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, StorageStatus } from '../../shared/contract.js';
import { UserFacingError } from '../../shared/result.js';
import {
  collectionNames,
  SCHEMA_VERSION,
  type CollectionName,
  type Dataset,
  type Entity,
} from '../../shared/schema/dataset.js';
import type { Attachment } from '../../shared/schema/entities.js';
import { copyIntoAttachments, resolveInside } from './attachments.js';
import { listBackupFiles, parseBackupName } from './backups.js';
import { readBackup } from './store/backup-read.js';
import { everyCollection, StoreCore, type OpenStorageOptions } from './store/core.js';
import {
  LINES_FORMAT,
  readExportLines,
  snapshotOf,
  writeExportLines,
} from './store/export-lines.js';
import { loadDeferred, openStore } from './store/open.js';
import { repairLater } from './store/repair.js';
import { collectionBytes, growLayout, replaceAllFiles } from './store/rewrite.js';
import { errorCode, type StoreClassLike } from './store/store-files.js';
import { getItem, runTransaction } from './store/transaction.js';
import { ExportFileProblem, parseExportText } from './export-file.js';
import { fileForItem } from './shards.js';
import type { Storage, StoreChange, Transaction } from './types.js';

export type { OpenStorageOptions, StoreClassLike };

/**
 * An import bigger than this is refused before it is read. The single-JSON export of versions
 * before 0.4 is read whole, so it keeps its 200 MB limit; today's export (lines) is read a line
 * at a time, and 50,000 contacts with their history export to about 250 MB.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_LINES_BYTES = 2 * 1024 * 1024 * 1024;
/** A collection up to this size is split ahead of a large import (a few tens of ms at most). */
const MAX_EARLY_SPLIT_BYTES = 4 * 1024 * 1024;

/** True when the file starts like an export of today's kind (a `rapport-data-lines` header). */
function startsWithLinesHeader(filePath: string): boolean {
  const head = Buffer.alloc(64);
  const fd = fs.openSync(filePath, 'r');
  try {
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return head
      .subarray(0, read)
      .toString('latin1')
      .replace(/^\xef\xbb\xbf/, '')
      .replace(/\s/g, '')
      .includes(`"format":"${LINES_FORMAT}"`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens (or creates) the store under `dataDir`: replays an interrupted multi-file save, cleans
 * temp files, reads and validates every file, migrates an older store, moves damaged files aside
 * and restores them from the newest good backup, or opens read-only when it must not write.
 * Never throws for bad data on disk: what it found is reported through `status()`.
 */
export function openStorage(options: OpenStorageOptions): Storage {
  return new FileStorage(options);
}

/**
 * The store as the services see it: a small facade over the modules in store/, each with one
 * job: core.ts (the shared state), open.ts (opening and checking files), repair.ts (damaged
 * files from a backup), deferred.ts (activities and preps read after open), transaction.ts
 * (saving), rewrite.ts (writing it whole, splitting files as data grows), store-files.ts (the
 * files and their atomic writer), journal.ts (multi-file saves), manifest.ts (what was
 * validated), backup-schedule.ts and backup-folders.ts (backups), export-lines.ts (export).
 */
class FileStorage implements Storage {
  readonly dataDir: string;
  private readonly core: StoreCore;

  constructor(options: OpenStorageOptions) {
    this.core = new StoreCore(options, { loadDeferred, damagedLater: repairLater });
    this.dataDir = this.core.dataDir;
    openStore(this.core);
  }

  isLoaded(collection: CollectionName): boolean {
    return this.core.deferred.isLoaded(collection);
  }

  whenLoaded(collection: CollectionName): Promise<void> {
    return this.core.deferred.whenLoaded(collection);
  }

  onStatusChange(listener: () => void): () => void {
    this.core.statusListeners.add(listener);
    return () => this.core.statusListeners.delete(listener);
  }

  status(): StorageStatus {
    const { readOnly, restored } = this.core;
    return {
      dataDir: this.dataDir,
      schemaVersion: SCHEMA_VERSION,
      readOnly: readOnly === null ? null : { ...readOnly },
      restored: restored === null ? null : { ...restored, movedAside: [...restored.movedAside] },
      noticeDismissed: this.core.noticeDismissed,
    };
  }

  dismissNotice(): StorageStatus {
    this.core.noticeDismissed = true;
    return this.status();
  }

  read(): Readonly<Dataset> {
    return this.core.dataset;
  }

  get<C extends CollectionName>(collection: C, id: string): Entity<C> | undefined {
    return getItem(this.core, collection, id);
  }

  transact<T>(fn: (tx: Transaction) => T): T {
    return runTransaction(this.core, fn);
  }

  fileOf(collection: CollectionName, id: string): string {
    return fileForItem(collection, id, this.core.layout);
  }

  holdChanges(): () => void {
    return this.core.holdChanges();
  }

  makeRoomFor(collection: CollectionName, bytes: number): void {
    this.core.assertWritable();
    // Splitting rewrites the collection's files in one go: cheap while they are small; a larger
    // collection is split at the next start instead (as it grows through ordinary saves).
    if (!this.core.deferred.isLoaded(collection)) return;
    if ((collectionBytes(this.core).get(collection) ?? 0) > MAX_EARLY_SPLIT_BYTES) return;
    growLayout(this.core, { collection, bytes });
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.core.changeListeners.add(listener);
    return () => this.core.changeListeners.delete(listener);
  }

  listBackups(): BackupInfo[] {
    return this.core.backups.list();
  }

  createBackup(reason: BackupInfo['reason']): BackupInfo {
    this.core.assertWritable();
    return this.core.backups.take(reason);
  }

  restoreBackup(name: string): { restored: string; safetyBackup: string } {
    this.core.assertWritable();
    if (
      typeof name !== 'string' ||
      parseBackupName(name) === null ||
      !listBackupFiles(this.core.backupsDir).some((info) => info.name === name)
    ) {
      throw new UserFacingError(
        'not-found',
        'There is no backup with that name. Choose one from the list of backups.',
      );
    }
    let data: Dataset;
    try {
      data = readBackup(this.core.backupsDir, name, this.core.migrations);
    } catch (error) {
      const problem =
        error instanceof ExportFileProblem
          ? error.problem
          : `could not be read (${errorCode(error)})`;
      throw new UserFacingError(
        'invalid-file',
        `This backup cannot be restored: it ${problem}. Nothing was changed; choose an older backup.`,
      );
    }
    const safety = this.createBackup('before-restore');
    replaceAllFiles(this.core, data);
    growLayout(this.core);
    this.core.backups.changed();
    this.core.notify(everyCollection());
    return { restored: name, safetyBackup: safety.name };
  }

  async exportAll(filePath: string): Promise<{ bytes: number; counts: Record<string, number> }> {
    if (this.core.closed) throw new Error('Storage is closed.');
    try {
      return await writeExportLines(
        path.resolve(filePath),
        snapshotOf(this.read()),
        this.core.now(),
      );
    } catch (error) {
      throw new UserFacingError(
        'io',
        `The export could not be written to ${filePath} (${errorCode(error)}). Nothing was saved there; choose another folder.`,
      );
    }
  }

  async importAll(
    filePath: string,
  ): Promise<{ counts: Record<string, number>; safetyBackup: string }> {
    this.core.assertWritable();
    const shown = path.basename(filePath);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch (error) {
      throw new UserFacingError(
        'not-found',
        `"${shown}" could not be opened (${errorCode(error)}). Nothing was changed.`,
      );
    }
    if (!stat.isFile())
      throw new UserFacingError('invalid-file', `"${shown}" is not a file. Nothing was changed.`);
    const lines = startsWithLinesHeader(filePath);
    const limit = lines ? MAX_IMPORT_LINES_BYTES : MAX_IMPORT_BYTES;
    if (stat.size > limit) {
      throw new UserFacingError(
        'invalid-file',
        `"${shown}" is ${Math.round(stat.size / (1024 * 1024))} MB, larger than any Rapport export (the limit is ${limit / (1024 * 1024)} MB). Nothing was changed.`,
      );
    }
    let data: Dataset;
    try {
      data = lines
        ? (await readExportLines(filePath, this.core.migrations)).data
        : parseExportText(fs.readFileSync(filePath, 'utf8'), this.core.migrations).data;
    } catch (error) {
      const problem =
        error instanceof ExportFileProblem
          ? error.problem
          : `could not be read (${errorCode(error)})`;
      throw new UserFacingError(
        'invalid-file',
        `"${shown}" cannot be imported: it ${problem}. Nothing was changed.`,
      );
    }
    this.core.assertWritable(); // still, after the wait
    const safety = this.createBackup('before-import');
    replaceAllFiles(this.core, data);
    growLayout(this.core);
    this.core.backups.changed();
    this.core.notify(everyCollection());
    const counts: Record<string, number> = {};
    for (const collection of collectionNames)
      counts[collection] = Object.keys(data[collection]).length;
    return { counts, safetyBackup: safety.name };
  }

  addAttachment(sourcePath: string, role: Attachment['role']): Attachment {
    this.core.assertWritable();
    const stored = copyIntoAttachments(this.core.attachmentsDir, sourcePath);
    const known = this.core.dataset.attachments[stored.sha256];
    if (known !== undefined && Object.hasOwn(this.core.dataset.attachments, stored.sha256))
      return known;
    const attachment: Attachment = {
      id: stored.sha256,
      sha256: stored.sha256,
      originalName: stored.originalName,
      mimeType: stored.mimeType,
      size: stored.size,
      role,
      fileName: stored.fileName,
      addedAt: this.core.now().toISOString(),
    };
    this.transact((tx) => tx.put('attachments', attachment));
    return this.core.dataset.attachments[attachment.id] as Attachment;
  }

  attachmentPath(id: string): string {
    if (typeof id !== 'string' || !Object.hasOwn(this.core.dataset.attachments, id)) {
      throw new UserFacingError(
        'not-found',
        "That attachment is not in Rapport's data folder. It may have been removed.",
      );
    }
    const attachment = this.core.dataset.attachments[id] as Attachment;
    const full = resolveInside(this.core.attachmentsDir, attachment.fileName);
    if (!fs.existsSync(full)) {
      throw new UserFacingError(
        'not-found',
        `The file of "${attachment.originalName}" is missing from Rapport's data folder. Attach it again.`,
      );
    }
    return full;
  }

  close(): void {
    if (this.core.closed) return;
    this.core.backups.close(this.core.readOnly === null);
    if (this.core.readOnly === null) this.core.sealManifest();
    this.core.closed = true;
  }
}
