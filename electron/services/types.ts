import type { BackupInfo, StorageStatus } from '../../shared/contract.js';
import type { Attachment } from '../../shared/schema/entities.js';
import type { CollectionName, Dataset, Entity } from '../../shared/schema/dataset.js';
import type { Settings } from '../../shared/schema/settings.js';

/** The clock every service reads; tests and the e2e harness pass a fixed one. */
export type Clock = () => Date;

/** Changes made inside one `Storage.transact` call; persisted together when it returns. */
export interface Transaction {
  readonly data: Readonly<Dataset>;
  put<C extends CollectionName>(collection: C, item: Entity<C>): void;
  remove(collection: CollectionName, id: string): void;
  setSettings(settings: Settings): void;
}

/**
 * The main process's only door to disk for user data. Built from a data folder (never from
 * `electron`), so it runs under plain Node in tests and benchmarks.
 */
export interface Storage {
  readonly dataDir: string;
  status(): StorageStatus;
  dismissNotice(): StorageStatus;
  /** The in-memory dataset. Treat as read-only; change it through `transact`. */
  read(): Readonly<Dataset>;
  /**
   * Applies the changes, validates every touched item, and writes them durably before returning.
   * Throws UserFacingError('read-only') when the store must not be written, ('invalid-args') when
   * an item fails validation (nothing is written then).
   */
  transact<T>(fn: (tx: Transaction) => T): T;
  listBackups(): BackupInfo[];
  createBackup(reason: BackupInfo['reason']): BackupInfo;
  /** Backs up the current state first, then restores the named backup. */
  restoreBackup(name: string): { restored: string; safetyBackup: string };
  exportAll(filePath: string): void;
  /** Validates the whole file first; a bad file changes nothing and throws a clear message. */
  importAll(filePath: string): { counts: Record<string, number>; safetyBackup: string };
  /** Copies a user-chosen file into the data folder, named by its SHA-256. */
  addAttachment(sourcePath: string, role: Attachment['role']): Attachment;
  /** Absolute path of a stored attachment; throws for ids that are unknown or escape the folder. */
  attachmentPath(id: string): string;
  /** Final backup if anything changed since the last one; stops timers. */
  close(): void;
}
