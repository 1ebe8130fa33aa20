import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DATA_CHANGE_ID_LIMIT,
  type BackupInfo,
  type StorageStatus,
} from '../../shared/contract.js';
import { UserFacingError } from '../../shared/result.js';
import {
  collectionNames,
  collections,
  SCHEMA_VERSION,
  type CollectionName,
  type Dataset,
  type Entity,
} from '../../shared/schema/dataset.js';
import type { Attachment } from '../../shared/schema/entities.js';
import { defaultSettings, Settings } from '../../shared/schema/settings.js';
import { removeTempFiles, writeFileAtomic } from './atomic-file.js';
import { copyIntoAttachments, resolveInside } from './attachments.js';
import { DEFAULT_RETENTION, listBackupFiles, parseBackupName } from './backups.js';
import { BackupSchedule, TRASH_DIR } from './store/backup-schedule.js';
import { replayJournal } from './store/journal.js';
import { copyAside, newestGoodBackup, readBackup } from './store/backup-read.js';
import { planUpgrade } from './store/upgrade.js';
import { DeferredCollections } from './store/deferred.js';
import {
  jsonOf,
  readDeferredFile,
  readLayout,
  scanStoreFiles,
  type DamagedFile,
  type ScannedFile,
} from './store/scan.js';
import {
  CommitIncomplete,
  errorCode,
  fullWrite,
  StoreFiles,
  type FileWrite,
  type Item,
  type ItemRecord,
  type StoreClassLike,
} from './store/store-files.js';
import { readManifest, statMatches } from './store/manifest.js';
import {
  LINES_FORMAT,
  readExportLines,
  snapshotOf,
  writeExportLines,
} from './store/export-lines.js';
import { describeIssue, ExportFileProblem, parseExportText } from './export-file.js';
import { migrations as defaultMigrations, type Migrations } from './migrations.js';
import {
  bucketOf,
  bucketsFor,
  DEFAULT_LAYOUT,
  fileForItem,
  isCurrentLayoutFile,
  LAYOUT_FILE,
  layoutContent,
  TARGET_SHARD_BYTES,
  type Layout,
  parseStoreFileName,
  SETTINGS_FILE,
  settingsContent,
  shardContent,
  shardFileName,
  shardSchema,
} from './shards.js';
import type { Clock, Storage, StoreChange, Transaction } from './types.js';

export type { StoreClassLike };

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

/**
 * An import bigger than this is refused before it is read. The single-JSON export of versions
 * before 0.4 is read whole, so it keeps its 200 MB limit; today's export (lines) is read a line
 * at a time, and 50,000 contacts with their history export to about 250 MB.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_LINES_BYTES = 2 * 1024 * 1024 * 1024;

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

/** How long after open the background reading of deferred files starts. */
const BACKGROUND_READ_DELAY_MS = 3_000;

/** Collections read after open (see FileStorage.defer): most of the bytes, not on Today. */
const LAZY_COLLECTIONS: ReadonlySet<string> = new Set<CollectionName>(['activities', 'preps']);

const emptyDataset = (settings: Dataset['settings']): Dataset => ({
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

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The collections (and settings) whose files a transaction wrote, in a stable order. */
function changedCollections(fileNames: Iterable<string>): StoreChange['collections'] {
  const touched = new Set<string>();
  for (const name of fileNames) {
    const parsed = parseStoreFileName(name);
    if (parsed?.kind === 'settings') touched.add('settings');
    else if (parsed?.kind === 'shard') touched.add(parsed.collection);
  }
  return everyCollection().filter((name) => touched.has(name));
}

const everyCollection = (): StoreChange['collections'] => ['settings', ...collectionNames];

/** The ids a transaction wrote, per collection, while there are few enough to name. */
function changedIds(dirty: ReadonlyMap<string, ReadonlySet<string>>): StoreChange['ids'] {
  const ids: Partial<Record<CollectionName, string[]>> = {};
  const tooMany = new Set<string>();
  for (const [name, set] of dirty) {
    const parsed = parseStoreFileName(name);
    if (parsed?.kind !== 'shard') continue;
    const collection = parsed.collection as CollectionName;
    if (tooMany.has(collection)) continue;
    const list = (ids[collection] ??= []);
    for (const id of set) {
      if (list.length === DATA_CHANGE_ID_LIMIT) {
        delete ids[collection];
        tooMany.add(collection);
        break;
      }
      list.push(id);
    }
  }
  return ids;
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

class FileStorage implements Storage {
  readonly dataDir: string;
  private readonly storeDir: string;
  private readonly backupsDir: string;
  private readonly attachmentsDir: string;
  private readonly damagedDir: string;
  private readonly now: Clock;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly backups: BackupSchedule;
  private readonly locale: string;
  private readonly migrations: Migrations;
  private readonly shardTargetBytes: number;

  private dataset: Dataset;
  /** Files per collection (see shards.ts); from layout.json, grown as the data grows. */
  private layout: Layout = DEFAULT_LAYOUT;
  /** Activities and preps: read after open, or when first touched (see store/deferred.ts). */
  private readonly deferred: DeferredCollections;
  /** The store folder's files: what is on disk, each shard's items, and the writer. */
  private readonly files: StoreFiles;

  private readOnly: StorageStatus['readOnly'] = null;
  private restored: StorageStatus['restored'] = null;
  private noticeDismissed = false;

  private closed = false;
  private readonly changeListeners = new Set<(change: StoreChange) => void>();
  private readonly statusListeners = new Set<() => void>();

  constructor(options: OpenStorageOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.storeDir = path.join(this.dataDir, 'store');
    this.backupsDir = path.join(this.dataDir, 'backups');
    this.attachmentsDir = path.join(this.dataDir, 'attachments');
    this.damagedDir = path.join(this.dataDir, 'damaged');
    this.now = options.now;
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
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
    this.locale = options.locale ?? 'en-US';
    this.migrations = options.migrations ?? defaultMigrations;
    this.files = new StoreFiles({
      storeDir: this.storeDir,
      StoreClass: options.StoreClass,
      writeFile: options.writeFile ?? writeFileAtomic,
      log: this.log,
    });
    this.shardTargetBytes = options.shardTargetBytes ?? TARGET_SHARD_BYTES;
    this.deferred = new DeferredCollections(
      {
        dataset: () => this.dataset,
        load: (file) => {
          this.readDeferred(file);
          return file.problem ?? this.loadCurrentFile(file);
        },
        damaged: (files) => this.repairLater(files),
        closed: () => this.closed,
      },
      options.backgroundReadDelayMs ?? BACKGROUND_READ_DELAY_MS,
    );
    this.dataset = emptyDataset(defaultSettings(this.locale));
    this.open();
  }

  // ---------------------------------------------------------------------------------------------
  // Opening

  private open(): void {
    fs.mkdirSync(this.storeDir, { recursive: true });
    // Old backups whose deletion a previous session did not finish (in the background).
    fs.promises
      .rm(path.join(this.dataDir, TRASH_DIR), { recursive: true, force: true })
      .catch((error: unknown) => this.log('[storage] could not empty trash/', error));
    for (const dir of [this.dataDir, this.storeDir, this.backupsDir, this.attachmentsDir]) {
      const removed = removeTempFiles(dir);
      if (removed.length > 0)
        this.log(`[storage] removed ${plural(removed.length, 'leftover temp file')} in ${dir}`);
    }
    const newerJournal = this.replayJournal();
    // Replayed files are checked like any other below; only what passes that check is vouched for.
    this.files.verified.clear();
    this.files.sealed = readManifest(this.storeDir);
    const stored = readLayout(this.storeDir, this.log);
    this.layout = stored.layout;
    if (stored.fromFile) this.files.existing.add(LAYOUT_FILE);
    const files = scanStoreFiles(this.storeDir);
    const hadData = files.length > 0;
    const versions = files
      .map((file) => file.version)
      .filter((version): version is number => version !== null);
    const storeVersion = Math.max(newerJournal ?? -1, ...versions);
    // Only a store of this version opens on demand; any other is read whole (upgrade, read-only).
    if (storeVersion !== SCHEMA_VERSION) for (const file of files) this.readDeferred(file);

    if (storeVersion > SCHEMA_VERSION) {
      this.openNewer(files, storeVersion);
      return;
    }
    if (!hadData) {
      // A brand-new folder: write the settings so the next start knows a store exists here.
      this.files.commit([
        fullWrite(SETTINGS_FILE, settingsContent(SCHEMA_VERSION, this.dataset.settings)),
      ]);
      return;
    }
    if (storeVersion >= 0 && storeVersion < SCHEMA_VERSION) {
      this.openOlder(files, storeVersion);
    } else {
      this.openCurrent(files);
    }
    if (this.readOnly === null) {
      this.backups.findUnfinished();
      this.growLayout();
      this.backups.scheduleStart();
    }
  }

  /**
   * One save rewrites one file per collection it touches, so files must stay small as the data
   * grows: a collection whose files average over twice the target size is split into more files
   * (a power of two, so each old file's items go to a known set of new ones). Done at open and
   * after an import or restore, after a backup of the files as they were, in one journaled commit
   * with the new layout.json: a crash leaves the old layout or finishes the new one.
   */
  private growLayout(): void {
    if (this.readOnly !== null) return;
    const totals = new Map<CollectionName, number>();
    for (const [name, bytes] of this.files.fileBytes) {
      const parsed = parseStoreFileName(name);
      if (parsed?.kind !== 'shard') continue;
      const collection = parsed.collection as CollectionName;
      totals.set(collection, (totals.get(collection) ?? 0) + bytes);
    }
    const grown: CollectionName[] = [];
    const next: Record<string, number> = { ...this.layout };
    for (const [collection, total] of totals) {
      if (total / this.layout[collection] <= 2 * this.shardTargetBytes) continue;
      next[collection] = bucketsFor(collection, total, this.shardTargetBytes);
      if ((next[collection] as number) > this.layout[collection]) grown.push(collection);
    }
    if (grown.length === 0) return;
    const started = performance.now();
    try {
      this.backups.flushStart();
      this.backups.take('before-migration');
    } catch (error) {
      this.log('[storage] no backup before splitting files; they stay as they are', error);
      return;
    }
    const layout = next as Layout;
    const writes: FileWrite[] = [fullWrite(LAYOUT_FILE, layoutContent(SCHEMA_VERSION, layout))];
    const shards = new Map<string, ItemRecord>();
    for (const collection of grown) {
      for (let bucket = 0; bucket < layout[collection]; bucket += 1)
        shards.set(shardFileName(collection, bucket), {});
      for (const [key, item] of Object.entries(this.dataset[collection] as ItemRecord)) {
        (shards.get(fileForItem(collection, key, layout)) as ItemRecord)[key] = item;
      }
    }
    for (const [name, items] of shards) {
      const parsed = parseStoreFileName(name) as { collection: CollectionName; bucket: number };
      writes.push(
        fullWrite(name, shardContent(SCHEMA_VERSION, parsed.collection, parsed.bucket, items)),
      );
    }
    try {
      this.files.commit(writes);
    } catch (error) {
      if (error instanceof CommitIncomplete) {
        this.layout = layout; // the journal holds the new layout; it is finished next start
        this.enterRecovery(error.cause);
      } else {
        this.log('[storage] splitting files failed; they stay as they are', error);
      }
      return;
    }
    this.layout = layout;
    for (const [name, items] of shards) {
      this.files.shards.set(name, items);
      this.files.dropFragments([name]);
    }
    this.log(
      `[storage] split ${grown.map((c) => `${c} into ${layout[c]} files`).join(', ')} in ${Math.round(performance.now() - started)} ms`,
    );
  }

  /** The normal case: every file is checked strictly; damaged ones are restored from a backup. */
  private openCurrent(files: ScannedFile[]): void {
    const damaged: DamagedFile[] = [];
    for (const file of files) {
      if (!isCurrentLayoutFile(file.name, this.layout)) {
        if (file.problem === null)
          this.log(`[storage] ignoring ${file.name}: not part of this version's layout`);
        continue;
      }
      const parsedName = parseStoreFileName(file.name);
      if (
        file.deferred &&
        file.problem === null &&
        file.version === SCHEMA_VERSION &&
        parsedName?.kind === 'shard' &&
        LAZY_COLLECTIONS.has(parsedName.collection)
      ) {
        this.defer(file);
        continue;
      }
      this.readDeferred(file);
      const problem = file.problem ?? this.loadCurrentFile(file);
      file.text = null;
      file.json = undefined;
      if (problem !== null) damaged.push({ name: file.name, problem });
    }
    if (damaged.length > 0) this.repair(damaged);
    this.deferred.readInBackground();
  }

  // ---------------------------------------------------------------------------------------------
  // Collections opened on demand (store/deferred.ts)

  /**
   * A file of a collection opened on demand: kept for later, and (unchanged since the manifest
   * vouched for it) its seal carried over until it is read.
   */
  private defer(file: ScannedFile): void {
    this.deferred.defer(file);
    this.files.existing.add(file.name);
    this.files.fileBytes.set(file.name, file.size);
    if (file.seal !== null && statMatches(this.files.sealed.get(file.name), file.seal))
      this.files.verified.set(file.name, file.seal);
  }

  /** Reads a deferred file now; a file changed since the scan loses the manifest's word for it. */
  private readDeferred(file: ScannedFile): void {
    if (readDeferredFile(file)) this.files.verified.delete(file.name);
  }

  /** Damage found after open: repaired like at open, and the window is told (status, data). */
  private repairLater(damaged: DamagedFile[]): void {
    for (const { name } of damaged) this.files.verified.delete(name);
    this.repair(damaged);
    this.noticeDismissed = false;
    for (const listener of this.statusListeners) {
      try {
        listener();
      } catch (error) {
        this.log('[storage] a status listener failed', error);
      }
    }
    this.notify(everyCollection());
  }

  isLoaded(collection: CollectionName): boolean {
    return this.deferred.isLoaded(collection);
  }

  whenLoaded(collection: CollectionName): Promise<void> {
    return this.deferred.whenLoaded(collection);
  }

  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Loads one current-version file into memory; returns why it cannot be used, or null. */
  private loadCurrentFile(file: ScannedFile): string | null {
    if (file.version !== SCHEMA_VERSION) {
      return `holds data version ${String(file.version)} while the rest of the store is version ${SCHEMA_VERSION}`;
    }
    const parsedName = parseStoreFileName(file.name);
    if (parsedName === null) return 'has an unknown name';
    let json = file.json;
    if (json === undefined) {
      try {
        json = JSON.parse(file.text ?? '');
      } catch {
        return 'is not valid JSON (it may have been cut off)';
      }
    }
    if (parsedName.kind === 'settings') {
      const parsed = z.object({ schemaVersion: z.number(), settings: Settings }).safeParse(json);
      if (!parsed.success) return `has a wrong value at ${describeIssue(parsed.error)}`;
      this.dataset.settings = parsed.data.settings;
      this.files.existing.add(file.name);
      if (file.seal !== null) this.files.verified.set(file.name, file.seal);
      return null;
    }
    const collection = parsedName.collection as CollectionName;
    let content: { bucket: number; items: ItemRecord };
    const raw = json as { collection?: unknown; bucket?: unknown; items?: unknown } | null;
    if (
      file.seal !== null &&
      statMatches(this.files.sealed.get(file.name), file.seal) &&
      typeof raw === 'object' &&
      raw !== null &&
      raw.collection === collection &&
      typeof raw.bucket === 'number' &&
      typeof raw.items === 'object' &&
      raw.items !== null
    ) {
      // Byte-identical to what this build validated and wrote: the zod pass would change nothing.
      content = raw as { bucket: number; items: ItemRecord };
    } else {
      const parsed = shardSchema(collection).safeParse(json);
      if (!parsed.success) return `has a wrong value at ${describeIssue(parsed.error)}`;
      content = parsed.data as { bucket: number; items: ItemRecord };
    }
    if (content.bucket !== parsedName.bucket)
      return `says it is part ${content.bucket}, but its name says ${parsedName.bucket}`;
    const keys = Object.keys(content.items);
    const count = this.layout[collection];
    for (const key of keys) {
      const item = content.items[key] as Item;
      if (item.id !== key) return `has an item filed under "${key}" whose id is "${item.id}"`;
      if (bucketOf(key, count) !== parsedName.bucket)
        return `holds "${key}", which belongs in ${fileForItem(collection, key, this.layout)}`;
    }
    // A collection being opened on demand: its record, without going through the getter.
    const record = this.deferred.record(collection) ?? (this.dataset[collection] as ItemRecord);
    for (const key of keys) record[key] = content.items[key] as Item;
    this.files.shards.set(file.name, content.items);
    this.files.existing.add(file.name);
    this.files.fileBytes.set(file.name, file.size);
    if (file.seal !== null) this.files.verified.set(file.name, file.seal);
    return null;
  }

  /**
   * Damaged files at start: keep a copy under damaged/<time>/, then rebuild exactly those files
   * from the newest backup that validates (everything else stays as last saved). With no good
   * backup the damaged files stay where they are and the store opens read-only.
   */
  private repair(damaged: DamagedFile[]): void {
    const what = damaged.map((file) => `${file.name} ${file.problem}`).join('; ');
    this.log(`[storage] damaged store files: ${what}`);
    let movedAside: string[];
    try {
      movedAside = this.copyAside(damaged.map((file) => file.name));
    } catch (error) {
      this.setReadOnly(
        `Some of your data could not be read (${what}), and Rapport could not keep a copy of the damaged files (${errorCode(error)}). Rapport opened read-only so nothing more is lost. Check the disk and restart Rapport.`,
        SCHEMA_VERSION,
      );
      return;
    }
    const backup = this.newestGoodBackup();
    if (backup === null) {
      this.setReadOnly(
        `Some of your data could not be read (${what}) and no backup could replace it. Rapport opened read-only and left the files where they are, so nothing is overwritten; a copy is in ${path.dirname(movedAside[0] ?? this.damagedDir)}. Restore a backup from Settings > Data, or ask for help with those files.`,
        SCHEMA_VERSION,
      );
      return;
    }
    const writes: FileWrite[] = [];
    for (const { name } of damaged) {
      const parsedName = parseStoreFileName(name);
      if (parsedName?.kind === 'settings') {
        this.dataset.settings = backup.data.settings;
        writes.push(fullWrite(name, settingsContent(SCHEMA_VERSION, backup.data.settings)));
      } else if (parsedName?.kind === 'shard') {
        const collection = parsedName.collection as CollectionName;
        const items: ItemRecord = {};
        for (const [key, item] of Object.entries(backup.data[collection] as ItemRecord)) {
          if (fileForItem(collection, key, this.layout) === name) items[key] = item;
        }
        const record = this.dataset[collection] as ItemRecord;
        for (const key in items) record[key] = items[key] as Item;
        this.files.shards.set(name, items);
        writes.push(
          fullWrite(name, shardContent(SCHEMA_VERSION, collection, parsedName.bucket, items)),
        );
      }
    }
    try {
      this.files.commit(writes);
    } catch (error) {
      this.log('[storage] writing the restored files failed', error);
      if (!(error instanceof CommitIncomplete)) {
        this.setReadOnly(
          `Some of your data could not be read (${what}) and restoring it from the backup of ${backup.info.createdAt} failed (${errorCode(error)}). Rapport opened read-only; a copy of the damaged files is in ${path.dirname(movedAside[0] ?? this.damagedDir)}.`,
          SCHEMA_VERSION,
        );
        return;
      }
      this.enterRecovery(error.cause);
    }
    this.restored = {
      backupName: backup.info.name,
      backupCreatedAt: backup.info.createdAt,
      movedAside,
      reason: `${damaged.length === 1 ? 'A data file was' : 'Some data files were'} damaged (${what}). ${damaged.length === 1 ? 'It was' : 'They were'} moved to ${path.dirname(movedAside[0] ?? this.damagedDir)}, and ${damaged.length === 1 ? 'its' : 'their'} part of your data was restored from the backup of ${backup.info.createdAt}. Everything else is as you last saved it; changes to that part made after the backup are missing.`,
    };
  }

  /** Copies store files into a new damaged/<time>/ folder; returns the copies' paths. */
  private copyAside(names: string[]): string[] {
    return copyAside(this.storeDir, this.damagedDir, this.now(), names);
  }

  /** The newest backup that parses, is not newer than this build, and validates completely. */
  private newestGoodBackup(): { info: BackupInfo; data: Dataset } | null {
    return newestGoodBackup(this.backupsDir, this.migrations, this.log);
  }

  /** A backup's data, upgraded and validated; throws ExportFileProblem or a file-system error. */
  private readBackup(name: string): Dataset {
    return readBackup(this.backupsDir, name, this.migrations);
  }

  /**
   * An older store: upgraded as store/upgrade.ts decides (copy, backup, migrate, or restore from
   * a backup when files are damaged), then every file is rewritten; read-only when it cannot be.
   */
  private openOlder(files: ScannedFile[], storeVersion: number): void {
    const plan = planUpgrade(files, storeVersion, {
      dataDir: this.dataDir,
      storeDir: this.storeDir,
      now: this.now,
      migrations: this.migrations,
      log: this.log,
      takeBackup: () =>
        void this.backups.take(
          'before-migration',
          files.map((file) => file.name),
          storeVersion,
        ),
      copyAside: (names) => this.copyAside(names),
      damagedDir: this.damagedDir,
      newestGoodBackup: () => this.newestGoodBackup(),
    });
    if (plan.kind === 'read-only') {
      this.openLenient(files, storeVersion, plan.reason);
      return;
    }
    if (plan.restored !== null) this.restored = plan.restored;
    try {
      this.replaceAllFiles(plan.data, true);
    } catch (error) {
      if (this.readOnly !== null) return; // the journal holds the upgrade; it finishes next start
      this.openLenient(
        files,
        storeVersion,
        `Your data could not be upgraded because writing it failed (${errorCode(error)}). Rapport opened read-only; the old files are in ${plan.copyDir}.`,
      );
    }
  }

  /** A store written by a newer Rapport: never written to; shows what this build can read. */
  private openNewer(files: ScannedFile[], storeVersion: number): void {
    this.openLenient(
      files,
      storeVersion,
      `This data was saved by a newer version of Rapport (data version ${storeVersion}; this version understands up to ${SCHEMA_VERSION}). Rapport opened it read-only so nothing is overwritten. Install the newer version to make changes.`,
    );
  }

  /** Read-only view: every item and setting that passes this build's schemas, nothing written. */
  private openLenient(files: ScannedFile[], storeVersion: number, reason: string): void {
    this.dataset = emptyDataset(defaultSettings(this.locale));
    this.deferred.forget();
    this.files.shards.clear();
    for (const file of files) {
      const json = jsonOf(file) as { settings?: unknown; items?: unknown } | undefined;
      if (typeof json !== 'object' || json === null) continue;
      const parsedName = parseStoreFileName(file.name);
      if (parsedName?.kind === 'settings') {
        const settings = Settings.safeParse(json.settings);
        if (settings.success) this.dataset.settings = settings.data;
      } else if (
        parsedName?.kind === 'shard' &&
        (collectionNames as string[]).includes(parsedName.collection)
      ) {
        const collection = parsedName.collection as CollectionName;
        if (typeof json.items !== 'object' || json.items === null) continue;
        const record = this.dataset[collection] as ItemRecord;
        for (const [key, value] of Object.entries(json.items)) {
          const item = collections[collection].safeParse(value);
          if (item.success && item.data.id === key) record[key] = item.data;
        }
      }
    }
    this.setReadOnly(reason, storeVersion);
  }

  /**
   * Finishes a multi-file save that was interrupted (see store/journal.ts). Returns the journal's
   * version when it came from a newer Rapport (then nothing is replayed).
   */
  private replayJournal(): number | null {
    const result = replayJournal(this.storeDir, this.damagedDir, this.now(), (name, content) =>
      this.files.writeStoreFile(fullWrite(name, content)),
    );
    if (result.kind === 'set-aside')
      this.log('[storage] an unreadable save journal was set aside; it was never acknowledged');
    if (result.kind === 'replayed')
      this.log(`[storage] finished an interrupted save (${plural(result.files, 'file')})`);
    return result.kind === 'newer' ? result.schemaVersion : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** Rewrites every file from `data` (restore, import, migration); old files become empty. */
  private replaceAllFiles(data: Dataset, removeOldLayout = false): void {
    const shards = new Map<string, ItemRecord>();
    for (const collection of collectionNames) {
      for (const [key, item] of Object.entries(data[collection] as ItemRecord)) {
        const name = fileForItem(collection, key, this.layout);
        let items = shards.get(name);
        if (items === undefined) shards.set(name, (items = {}));
        items[key] = item;
      }
    }
    const writes: FileWrite[] = [
      fullWrite(SETTINGS_FILE, settingsContent(SCHEMA_VERSION, data.settings)),
    ];
    const names = new Set([
      ...shards.keys(),
      ...[...this.files.existing].filter((name) => isCurrentLayoutFile(name, this.layout)),
    ]);
    names.delete(SETTINGS_FILE);
    for (const name of [...names].sort()) {
      const parsedName = parseStoreFileName(name);
      if (parsedName?.kind !== 'shard') continue;
      writes.push(
        fullWrite(
          name,
          shardContent(
            SCHEMA_VERSION,
            parsedName.collection as CollectionName,
            parsedName.bucket,
            shards.get(name) ?? {},
          ),
        ),
      );
    }
    this.files.dropFragments();
    try {
      this.files.commit(writes);
    } catch (error) {
      if (!(error instanceof CommitIncomplete)) throw error;
      this.dataset = data;
      this.deferred.forget();
      this.files.shards = shards;
      this.enterRecovery(error.cause);
      throw this.recoveryError();
    }
    this.dataset = data;
    this.deferred.forget();
    this.files.shards = shards;
    if (removeOldLayout) {
      for (const name of fs.readdirSync(this.storeDir)) {
        if (parseStoreFileName(name) !== null && !isCurrentLayoutFile(name, this.layout)) {
          fs.rmSync(path.join(this.storeDir, name), { force: true });
          this.files.existing.delete(name);
          this.files.fileBytes.delete(name);
        }
      }
    }
  }

  /**
   * Saves the seals of the files as they are, if they changed. Runs with every backup and at
   * close, never inside a save. If it is lost, the next open validates more.
   */
  private sealManifest(): void {
    if (this.readOnly === null) this.files.sealManifest();
  }

  private setReadOnly(reason: string, storeVersion: number | null): void {
    this.readOnly = { reason, storeVersion };
    this.log(`[storage] read-only: ${reason}`);
  }

  /** The journal holds a committed change that is not in every file: stop writing until restart. */
  private enterRecovery(cause: unknown): void {
    this.log(
      '[storage] a save could not be completed; it will be finished at the next start',
      cause,
    );
    this.setReadOnly(
      `Rapport could not finish writing your last change (${errorCode(cause)}). It is kept and will be completed when Rapport starts again; until then Rapport is read-only. Check that the disk is not full, then restart Rapport.`,
      SCHEMA_VERSION,
    );
  }

  private recoveryError(): UserFacingError {
    return new UserFacingError(
      'io',
      this.readOnly?.reason ?? 'Rapport could not finish writing your change.',
    );
  }

  private assertWritable(): void {
    if (this.closed) throw new Error('Storage is closed.');
    if (this.readOnly !== null) {
      throw new UserFacingError(
        'read-only',
        `Nothing was changed: Rapport is read-only right now. ${this.readOnly.reason}`,
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Storage API

  status(): StorageStatus {
    return {
      dataDir: this.dataDir,
      schemaVersion: SCHEMA_VERSION,
      readOnly: this.readOnly === null ? null : { ...this.readOnly },
      restored:
        this.restored === null
          ? null
          : { ...this.restored, movedAside: [...this.restored.movedAside] },
      noticeDismissed: this.noticeDismissed,
    };
  }

  dismissNotice(): StorageStatus {
    this.noticeDismissed = true;
    return this.status();
  }

  read(): Readonly<Dataset> {
    return this.dataset;
  }

  get<C extends CollectionName>(collection: C, id: string): Entity<C> | undefined {
    const record = this.dataset[collection] as Record<string, Entity<C>>;
    return Object.hasOwn(record, id) ? record[id] : undefined;
  }

  transact<T>(fn: (tx: Transaction) => T): T {
    this.assertWritable();
    this.backups.flushStart();
    const undo: Array<() => void> = [];
    /** Store file -> ids changed in it (an empty set for the settings file). */
    const dirty = new Map<string, Set<string>>();
    let invalid: UserFacingError | null = null;
    const reject = (message: string): never => {
      invalid ??= new UserFacingError('invalid-args', message);
      throw invalid;
    };
    const setItem = (collection: CollectionName, id: string, value: Item | undefined) => {
      const name = fileForItem(collection, id, this.layout);
      // A collection still being read: only the file this item lives in is needed now.
      const record = !this.deferred.isLoaded(collection)
        ? this.deferred.loadFileOf(collection, name)
        : (this.dataset[collection] as ItemRecord);
      let shard = this.files.shards.get(name);
      if (shard === undefined) this.files.shards.set(name, (shard = {}));
      const had = Object.hasOwn(record, id);
      const previous = record[id];
      const target = shard;
      undo.push(() => {
        if (had) {
          record[id] = previous as Item;
          target[id] = previous as Item;
        } else {
          delete record[id];
          delete target[id];
        }
      });
      if (value === undefined) {
        delete record[id];
        delete shard[id];
      } else {
        record[id] = value;
        shard[id] = value;
      }
      let ids = dirty.get(name);
      if (ids === undefined) dirty.set(name, (ids = new Set()));
      ids.add(id);
    };
    const tx: Transaction = {
      data: this.dataset,
      get: (collection, id) => this.get(collection, id),
      put: (collection, item) => {
        if (!Object.hasOwn(collections, collection))
          reject(`collection: "${String(collection)}" is not a collection`);
        const parsed = collections[collection].safeParse(item);
        if (!parsed.success) reject(describeIssue(parsed.error));
        const value = parsed.data as Item;
        if (value.id === '__proto__') reject('id: "__proto__" cannot be used as an id');
        setItem(collection, value.id, value);
      },
      remove: (collection, id) => {
        if (!Object.hasOwn(collections, collection))
          reject(`collection: "${String(collection)}" is not a collection`);
        if (typeof id !== 'string' || !Object.hasOwn(this.dataset[collection], id)) return;
        setItem(collection, id, undefined);
      },
      setSettings: (settings) => {
        const parsed = Settings.safeParse(settings);
        if (!parsed.success) reject(describeIssue(parsed.error));
        const previous = this.dataset.settings;
        undo.push(() => {
          this.dataset.settings = previous;
        });
        this.dataset.settings = parsed.data as Dataset['settings'];
        dirty.set(SETTINGS_FILE, new Set());
      },
    };
    const rollback = () => {
      for (let i = undo.length - 1; i >= 0; i -= 1) (undo[i] as () => void)();
    };
    let result: T;
    try {
      result = fn(tx);
      // A validation error counts even if `fn` caught it: a half-valid change is not saved.
      if (invalid !== null) throw invalid;
    } catch (error) {
      rollback();
      throw error;
    }
    if (dirty.size === 0) return result;
    const writes = [...dirty.keys()]
      .sort()
      .map((name) =>
        this.files.shardWrite(name, dirty.get(name) as Set<string>, this.dataset.settings),
      );
    try {
      this.files.commit(writes);
    } catch (error) {
      if (error instanceof CommitIncomplete) {
        this.enterRecovery(error.cause);
        throw this.recoveryError();
      }
      rollback();
      // The cached texts already describe the rolled-back change: rebuild them at the next save.
      this.files.dropFragments(dirty.keys());
      this.log('[storage] a save failed; nothing was changed', error);
      throw new UserFacingError(
        'io',
        `Your change could not be saved (${errorCode(error)}). Nothing was changed. Check that the disk is not full and that Rapport may write to ${this.dataDir}.`,
      );
    }
    this.backups.changed();
    this.notify(changedCollections(dirty.keys()), changedIds(dirty));
    return result;
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Tells listeners what a committed change touched; a listener's failure never undoes it. */
  private notify(collections: StoreChange['collections'], ids?: StoreChange['ids']): void {
    if (collections.length === 0) return;
    for (const listener of this.changeListeners) {
      try {
        listener(ids === undefined ? { collections } : { collections, ids });
      } catch (error) {
        this.log('[storage] a change listener failed', error);
      }
    }
  }

  listBackups(): BackupInfo[] {
    return this.backups.list();
  }

  createBackup(reason: BackupInfo['reason']): BackupInfo {
    this.assertWritable();
    return this.backups.take(reason);
  }

  restoreBackup(name: string): { restored: string; safetyBackup: string } {
    this.assertWritable();
    if (
      typeof name !== 'string' ||
      parseBackupName(name) === null ||
      !listBackupFiles(this.backupsDir).some((info) => info.name === name)
    ) {
      throw new UserFacingError(
        'not-found',
        'There is no backup with that name. Choose one from the list of backups.',
      );
    }
    let data: Dataset;
    try {
      data = this.readBackup(name);
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
    this.replaceAllFiles(data);
    this.growLayout();
    this.backups.changed();
    this.notify(everyCollection());
    return { restored: name, safetyBackup: safety.name };
  }

  async exportAll(filePath: string): Promise<{ bytes: number; counts: Record<string, number> }> {
    if (this.closed) throw new Error('Storage is closed.');
    try {
      return await writeExportLines(path.resolve(filePath), snapshotOf(this.read()), this.now());
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
    this.assertWritable();
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
        ? (await readExportLines(filePath, this.migrations)).data
        : parseExportText(fs.readFileSync(filePath, 'utf8'), this.migrations).data;
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
    this.assertWritable(); // still, after the wait
    const safety = this.createBackup('before-import');
    this.replaceAllFiles(data);
    this.growLayout();
    this.backups.changed();
    this.notify(everyCollection());
    const counts: Record<string, number> = {};
    for (const collection of collectionNames)
      counts[collection] = Object.keys(data[collection]).length;
    return { counts, safetyBackup: safety.name };
  }

  addAttachment(sourcePath: string, role: Attachment['role']): Attachment {
    this.assertWritable();
    const stored = copyIntoAttachments(this.attachmentsDir, sourcePath);
    const known = this.dataset.attachments[stored.sha256];
    if (known !== undefined && Object.hasOwn(this.dataset.attachments, stored.sha256)) return known;
    const attachment: Attachment = {
      id: stored.sha256,
      sha256: stored.sha256,
      originalName: stored.originalName,
      mimeType: stored.mimeType,
      size: stored.size,
      role,
      fileName: stored.fileName,
      addedAt: this.now().toISOString(),
    };
    this.transact((tx) => tx.put('attachments', attachment));
    return this.dataset.attachments[attachment.id] as Attachment;
  }

  attachmentPath(id: string): string {
    if (typeof id !== 'string' || !Object.hasOwn(this.dataset.attachments, id)) {
      throw new UserFacingError(
        'not-found',
        "That attachment is not in Rapport's data folder. It may have been removed.",
      );
    }
    const attachment = this.dataset.attachments[id] as Attachment;
    const full = resolveInside(this.attachmentsDir, attachment.fileName);
    if (!fs.existsSync(full)) {
      throw new UserFacingError(
        'not-found',
        `The file of "${attachment.originalName}" is missing from Rapport's data folder. Attach it again.`,
      );
    }
    return full;
  }

  close(): void {
    if (this.closed) return;
    this.backups.close(this.readOnly === null);
    if (this.readOnly === null) this.sealManifest();
    this.closed = true;
  }
}
