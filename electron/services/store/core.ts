import path from 'node:path';
import { DATA_CHANGE_ID_LIMIT, type StorageStatus } from '../../../shared/contract.js';
import { UserFacingError } from '../../../shared/result.js';
import {
  collectionNames,
  SCHEMA_VERSION,
  type CollectionName,
  type Dataset,
} from '../../../shared/schema/dataset.js';
import { defaultSettings } from '../../../shared/schema/settings.js';
import { writeFileAtomic } from '../atomic-file.js';
import { DEFAULT_RETENTION } from '../backups.js';
import { migrations as defaultMigrations, type Migrations } from '../migrations.js';
import { DEFAULT_LAYOUT, TARGET_SHARD_BYTES, type Layout } from '../shards.js';
import type { Clock, StoreChange } from '../types.js';
import { BackupSchedule } from './backup-schedule.js';
import { DeferredCollections } from './deferred.js';
import type { DamagedFile, ScannedFile } from './scan.js';
import { errorCode, StoreFiles, type StoreClassLike } from './store-files.js';

/** Everything the storage needs from outside, so it runs in Electron, in tests and in the benchmark. */
export interface OpenStorageOptions {
  /** Everything lives under it: store/, backups/, attachments/, damaged/. */
  dataDir: string;
  now: Clock;
  StoreClass: StoreClassLike;
  log?: (message: string, error?: unknown) => void;
  /** Minimum time between automatic backups after changes; default 15 minutes. */
  backupIntervalMs?: number;
  /**
   * How many of the newest backups to keep, safety backups included; default 10. Older ones are
   * kept too while they are the newest of one of the last 7 days or 8 weeks (see backupsToKeep).
   */
  keepBackups?: number;
  /** For defaultSettings() of a brand-new store; default 'en-US'. */
  locale?: string;
  /** Replaces this build's migration table (tests use a synthetic v0 -> v1 step). */
  migrations?: Migrations;
  /**
   * Writes one data file whole or not at all; default `writeFileAtomic` (temp file, fsync,
   * rename). Tests pass a wrapper to record writes or make them fail like a full disk.
   */
  writeFile?: (filePath: string, bytes: Uint8Array) => void;
  /** The size store files aim for (see growLayout); default TARGET_SHARD_BYTES. */
  shardTargetBytes?: number;
  /** How long after open activities and preps start being read in the background (3 s). */
  backgroundReadDelayMs?: number;
}

/** What the core asks of the modules that open and repair the store (see store/open.ts). */
export interface CoreHooks {
  /** Loads one deferred file read after open; returns its problem, or null. */
  loadDeferred(core: StoreCore, file: ScannedFile): string | null;
  /** Damage found in a file read after open: repaired, and the window told. */
  damagedLater(core: StoreCore, files: DamagedFile[]): void;
}

/** How long after open the background reading of deferred files starts. */
const BACKGROUND_READ_DELAY_MS = 3_000;

export const emptyDataset = (settings: Dataset['settings']): Dataset => ({
  settings,
  contacts: {},
  activities: {},
  reminders: {},
  meetings: {},
  preps: {},
  questions: {},
  templates: {},
  notes: {},
  outreach: {},
  attachments: {},
  employers: {},
});

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const everyCollection = (): StoreChange['collections'] => ['settings', ...collectionNames];

/**
 * The state the store's modules share: where the folders are, the data in memory, the files on
 * disk (store-files.ts), the collections still being read (deferred.ts), the backup schedule,
 * and whether the store may be written. It holds no procedure longer than a few lines: opening
 * and repair (open.ts, repair.ts), rewriting whole (rewrite.ts) and saving (transaction.ts) take
 * it as their first argument; storage.ts is the facade the services see.
 */
export class StoreCore {
  readonly dataDir: string;
  readonly storeDir: string;
  readonly backupsDir: string;
  readonly attachmentsDir: string;
  readonly damagedDir: string;
  readonly now: Clock;
  readonly log: (message: string, error?: unknown) => void;
  readonly locale: string;
  readonly migrations: Migrations;
  readonly shardTargetBytes: number;

  /** The data in memory; activities and preps behind getters until read (deferred.ts). */
  dataset: Dataset;
  /** Files per collection (see shards.ts); from layout.json, grown as the data grows. */
  layout: Layout = DEFAULT_LAYOUT;
  /** The store folder's files: what is on disk, each shard's items, and the writer. */
  readonly files: StoreFiles;
  /** Activities and preps: read after open, or when first touched. */
  readonly deferred: DeferredCollections;
  readonly backups: BackupSchedule;

  readOnly: StorageStatus['readOnly'] = null;
  restored: StorageStatus['restored'] = null;
  noticeDismissed = false;
  closed = false;

  readonly changeListeners = new Set<(change: StoreChange) => void>();
  readonly statusListeners = new Set<() => void>();

  constructor(options: OpenStorageOptions, hooks: CoreHooks) {
    this.dataDir = path.resolve(options.dataDir);
    this.storeDir = path.join(this.dataDir, 'store');
    this.backupsDir = path.join(this.dataDir, 'backups');
    this.attachmentsDir = path.join(this.dataDir, 'attachments');
    this.damagedDir = path.join(this.dataDir, 'damaged');
    this.now = options.now;
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
    this.locale = options.locale ?? 'en-US';
    this.migrations = options.migrations ?? defaultMigrations;
    this.shardTargetBytes = options.shardTargetBytes ?? TARGET_SHARD_BYTES;
    this.files = new StoreFiles({
      storeDir: this.storeDir,
      StoreClass: options.StoreClass,
      writeFile: options.writeFile ?? writeFileAtomic,
      log: this.log,
    });
    this.backups = new BackupSchedule({
      storeDir: this.storeDir,
      backupsDir: this.backupsDir,
      now: this.now,
      log: this.log,
      intervalMs: options.backupIntervalMs ?? 15 * 60_000,
      keep: options.keepBackups ?? DEFAULT_RETENTION.newest,
      files: () => [...this.files.existing].sort(),
      writable: () => !this.closed && this.readOnly === null,
      sealManifest: () => this.sealManifest(),
    });
    this.deferred = new DeferredCollections(
      {
        dataset: () => this.dataset,
        load: (file) => hooks.loadDeferred(this, file),
        damaged: (files) => hooks.damagedLater(this, files),
        closed: () => this.closed,
      },
      options.backgroundReadDelayMs ?? BACKGROUND_READ_DELAY_MS,
    );
    this.dataset = emptyDataset(defaultSettings(this.locale));
  }

  /**
   * Saves the seals of the files as they are, if they changed. Runs with every backup and at
   * close, never inside a save. If it is lost, the next open validates more.
   */
  sealManifest(): void {
    if (this.readOnly === null) this.files.sealManifest();
  }

  setReadOnly(reason: string, storeVersion: number | null): void {
    this.readOnly = { reason, storeVersion };
    this.log(`[storage] read-only: ${reason}`);
  }

  /** The journal holds a committed change that is not in every file: stop writing until restart. */
  enterRecovery(cause: unknown): void {
    this.log(
      '[storage] a save could not be completed; it will be finished at the next start',
      cause,
    );
    this.setReadOnly(
      `Rapport could not finish writing your last change (${errorCode(cause)}). It is kept and will be completed when Rapport starts again; until then Rapport is read-only. Check that the disk is not full, then restart Rapport.`,
      SCHEMA_VERSION,
    );
  }

  recoveryError(): UserFacingError {
    return new UserFacingError(
      'io',
      this.readOnly?.reason ?? 'Rapport could not finish writing your change.',
    );
  }

  assertWritable(): void {
    if (this.closed) throw new Error('Storage is closed.');
    if (this.readOnly !== null) {
      throw new UserFacingError(
        'read-only',
        `Nothing was changed: Rapport is read-only right now. ${this.readOnly.reason}`,
      );
    }
  }

  /** Changes kept back while notifications are held (see `holdChanges`); null when not held. */
  private held: {
    count: number;
    collections: Set<StoreChange['collections'][number]>;
    /** Ids written per collection, while every change named them and they are few enough. */
    ids: Map<CollectionName, Set<string>>;
    /** Collections to reload whole (a change did not name its ids, or too many). */
    reload: Set<CollectionName>;
  } | null = null;

  /** Keeps notifications back until every returned release has been called, then tells once. */
  holdChanges(): () => void {
    this.held ??= { count: 0, collections: new Set(), ids: new Map(), reload: new Set() };
    this.held.count += 1;
    let released = false;
    return () => {
      const held = this.held;
      if (released || held === null) return;
      released = true;
      held.count -= 1;
      if (held.count > 0) return;
      this.held = null;
      const ids: NonNullable<StoreChange['ids']> = {};
      for (const [name, set] of held.ids) if (!held.reload.has(name)) ids[name] = [...set];
      this.notify(
        everyCollection().filter((name) => held.collections.has(name)),
        ids,
      );
    };
  }

  /** Tells listeners what a committed change touched; a listener's failure never undoes it. */
  notify(collections: StoreChange['collections'], ids?: StoreChange['ids']): void {
    if (collections.length === 0) return;
    const held = this.held;
    if (held !== null) {
      for (const name of collections) {
        held.collections.add(name);
        if (name === 'settings' || held.reload.has(name)) continue;
        const given = ids?.[name];
        const set = held.ids.get(name) ?? new Set<string>();
        for (const id of given ?? []) set.add(id);
        held.ids.set(name, set);
        if (given === undefined || set.size > DATA_CHANGE_ID_LIMIT) held.reload.add(name);
      }
      return;
    }
    for (const listener of this.changeListeners) {
      try {
        listener(ids === undefined ? { collections } : { collections, ids });
      } catch (error) {
        this.log('[storage] a change listener failed', error);
      }
    }
  }

  /** Tells listeners that status() changed after open (damage found and repaired). */
  notifyStatus(): void {
    for (const listener of this.statusListeners) {
      try {
        listener();
      } catch (error) {
        this.log('[storage] a status listener failed', error);
      }
    }
  }
}
