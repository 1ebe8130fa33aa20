import type { BackupInfo, DataChange, StorageStatus } from '../../shared/contract.js';
import type { Attachment } from '../../shared/schema/entities.js';
import type { CollectionName, Dataset, Entity } from '../../shared/schema/dataset.js';
import type { Settings } from '../../shared/schema/settings.js';

/** The clock every service reads; tests and the e2e harness pass a fixed one. */
export type Clock = () => Date;

/**
 * One item by id, reading only the file it lives in when its collection is loaded on demand
 * (meeting preps, activities): the way to get at a single meeting's workspace without reading
 * every workspace.
 */
export interface ItemReader {
  get<C extends CollectionName>(collection: C, id: string): Entity<C> | undefined;
}

/** Changes made inside one `Storage.transact` call; persisted together when it returns. */
export interface Transaction extends ItemReader {
  /**
   * Everything, as in `Storage.read()`: a collection loaded on demand is read in full the first
   * time it is enumerated, so prefer `get` for single items.
   */
  readonly data: Readonly<Dataset>;
  put<C extends CollectionName>(collection: C, item: Entity<C>): void;
  remove(collection: CollectionName, id: string): void;
  setSettings(settings: Settings): void;
}

/**
 * The main process's only door to disk for user data. Built from a data folder (never from
 * `electron`), so it runs under plain Node in tests and benchmarks.
 */
export interface Storage extends ItemReader {
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
  /** Writes every item, a line each (see store/export-lines.ts), yielding to other events. */
  exportAll(filePath: string): Promise<{ bytes: number; counts: Record<string, number> }>;
  /**
   * Reads an export (lines, or the single JSON file of older versions) and validates all of it
   * first; a bad file changes nothing and throws a clear message.
   */
  importAll(filePath: string): Promise<{ counts: Record<string, number>; safetyBackup: string }>;
  /**
   * Calls `listener` when status() changes after open (damage found in a file read on demand,
   * and repaired from a backup), so main can show the notice. Optional for test doubles.
   */
  onStatusChange?(listener: () => void): () => void;
  /**
   * False while a collection read after open (activities, preps) is still being read in the
   * background; reading it then reads the rest at once. Optional for test doubles (always read).
   */
  isLoaded?(collection: CollectionName): boolean;
  /**
   * Resolves once a collection read after open is read whole, by the background reading (a file
   * per turn of the event loop): for callers that need all of it without holding main up.
   * Optional for test doubles (always read).
   */
  whenLoaded?(collection: CollectionName): Promise<void>;
  /**
   * The store file an item is saved in: a save whose items all live in one file writes that
   * one file (no journal), so a large save can go in parts that each write little. Optional for
   * test doubles (one file for everything).
   */
  fileOf?(collection: CollectionName, id: string): string;
  /**
   * Holds back change notifications until the returned function is called, then tells listeners
   * once what all the saves meanwhile touched (an import saved in parts is one change to the
   * window). Optional for test doubles (they tell at once).
   */
  holdChanges?(): () => void;
  /**
   * About to save this many bytes more of a collection (a large import): split its files now if
   * they would grow too big and are still small enough to split at once, so each part of the save
   * rewrites a small file. Optional for test doubles (one file for everything).
   */
  makeRoomFor?(collection: CollectionName, bytes: number): void;
  /** Copies a user-chosen file into the data folder, named by its SHA-256. */
  addAttachment(sourcePath: string, role: Attachment['role']): Attachment;
  /** Absolute path of a stored attachment; throws for ids that are unknown or escape the folder. */
  attachmentPath(id: string): string;
  /**
   * Calls `listener` after every committed change (a transaction, a restore, an import) with the
   * collections it touched, so main can tell the renderer what to refresh. Returns the unsubscribe.
   */
  onChange(listener: (change: StoreChange) => void): () => void;
  /** Final backup if anything changed since the last one; stops timers. */
  close(): void;
}

/** What one committed change touched: the same names the `data:changed` event carries. */
export interface StoreChange {
  collections: DataChange['collections'];
  ids?: DataChange['ids'];
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native dialogs, passed in so tests and the e2e harness can answer them. */
export interface Dialogs {
  /** Resolves to the chosen paths, or null when the user cancelled. */
  showOpen(options: {
    title: string;
    filters: FileFilter[];
    multiple?: boolean;
  }): Promise<string[] | null>;
  /** Resolves to the chosen path, or null when the user cancelled. */
  showSave(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<string | null>;
}
