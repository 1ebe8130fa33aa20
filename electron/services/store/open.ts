import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  collectionNames,
  collections,
  SCHEMA_VERSION,
  type CollectionName,
} from '../../../shared/schema/dataset.js';
import { defaultSettings, Settings } from '../../../shared/schema/settings.js';
import { removeTempFiles } from '../atomic-file.js';
import { describeIssue } from '../export-file.js';
import {
  bucketOf,
  fileForItem,
  isCurrentLayoutFile,
  LAYOUT_FILE,
  parseStoreFileName,
  SETTINGS_FILE,
  settingsContent,
  shardSchema,
} from '../shards.js';
import { TRASH_DIR } from './backup-schedule.js';
import { copyAside, newestGoodBackup } from './backup-read.js';
import { emptyDataset, plural, type StoreCore } from './core.js';
import { replayJournal } from './journal.js';
import { readManifest, statMatches } from './manifest.js';
import { repair } from './repair.js';
import { growLayout, replaceAllFiles } from './rewrite.js';
import {
  jsonOf,
  readDeferredFile,
  readLayout,
  scanStoreFiles,
  type DamagedFile,
  type ScannedFile,
} from './scan.js';
import { errorCode, fullWrite, type Item, type ItemRecord } from './store-files.js';
import { planUpgrade } from './upgrade.js';

/**
 * Opening the store: finish an interrupted save, clean temp files, read and check every file of
 * this version (activities and preps later: deferred.ts), upgrade an older store, repair damaged
 * files from a backup (repair.ts), or open read-only when it must not write. Never throws for bad
 * data on disk: what it found is in the core's `readOnly` and `restored`.
 */

/** Collections read after open (see deferred.ts): most of the bytes, not on Today. */
const LAZY_COLLECTIONS: ReadonlySet<string> = new Set<CollectionName>(['activities', 'preps']);

export function openStore(core: StoreCore): void {
  fs.mkdirSync(core.storeDir, { recursive: true });
  // Old backups whose deletion a previous session did not finish (in the background).
  fs.promises
    .rm(path.join(core.dataDir, TRASH_DIR), { recursive: true, force: true })
    .catch((error: unknown) => core.log('[storage] could not empty trash/', error));
  for (const dir of [core.dataDir, core.storeDir, core.backupsDir, core.attachmentsDir]) {
    const removed = removeTempFiles(dir);
    if (removed.length > 0)
      core.log(`[storage] removed ${plural(removed.length, 'leftover temp file')} in ${dir}`);
  }
  const newerJournal = replayJournalAtOpen(core);
  // Replayed files are checked like any other below; only what passes that check is vouched for.
  core.files.verified.clear();
  core.files.sealed = readManifest(core.storeDir);
  const stored = readLayout(core.storeDir, core.log);
  core.layout = stored.layout;
  if (stored.fromFile) core.files.existing.add(LAYOUT_FILE);
  const files = scanStoreFiles(core.storeDir);
  const hadData = files.length > 0;
  const versions = files
    .map((file) => file.version)
    .filter((version): version is number => version !== null);
  const storeVersion = Math.max(newerJournal ?? -1, ...versions);
  // Only a store of this version opens on demand; any other is read whole (upgrade, read-only).
  if (storeVersion !== SCHEMA_VERSION) for (const file of files) readDeferred(core, file);

  if (storeVersion > SCHEMA_VERSION) {
    openNewer(core, files, storeVersion);
    return;
  }
  if (!hadData) {
    // A brand-new folder: write the settings so the next start knows a store exists here.
    core.files.commit([
      fullWrite(SETTINGS_FILE, settingsContent(SCHEMA_VERSION, core.dataset.settings)),
    ]);
    return;
  }
  if (storeVersion >= 0 && storeVersion < SCHEMA_VERSION) {
    openOlder(core, files, storeVersion);
  } else {
    openCurrent(core, files);
  }
  if (core.readOnly === null) {
    core.backups.findUnfinished();
    growLayout(core);
    core.backups.scheduleStart();
  }
}

/** The normal case: every file is checked strictly; damaged ones are restored from a backup. */
function openCurrent(core: StoreCore, files: ScannedFile[]): void {
  const damaged: DamagedFile[] = [];
  for (const file of files) {
    if (!isCurrentLayoutFile(file.name, core.layout)) {
      if (file.problem === null)
        core.log(`[storage] ignoring ${file.name}: not part of this version's layout`);
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
      defer(core, file);
      continue;
    }
    readDeferred(core, file);
    const problem = file.problem ?? loadCurrentFile(core, file);
    file.text = null;
    file.json = undefined;
    if (problem !== null) damaged.push({ name: file.name, problem });
  }
  if (damaged.length > 0) repair(core, damaged);
  core.deferred.readInBackground();
}

/**
 * A file of a collection opened on demand: kept for later, and (unchanged since the manifest
 * vouched for it) its seal carried over until it is read.
 */
function defer(core: StoreCore, file: ScannedFile): void {
  core.deferred.defer(file);
  core.files.existing.add(file.name);
  core.files.fileBytes.set(file.name, file.size);
  if (file.seal !== null && statMatches(core.files.sealed.get(file.name), file.seal))
    core.files.verified.set(file.name, file.seal);
}

/** Reads a deferred file now; a file changed since the scan loses the manifest's word for it. */
function readDeferred(core: StoreCore, file: ScannedFile): void {
  if (readDeferredFile(file)) core.files.verified.delete(file.name);
}

/** A file of a collection opened on demand, read after open: checked like any other. */
export function loadDeferred(core: StoreCore, file: ScannedFile): string | null {
  readDeferred(core, file);
  return file.problem ?? loadCurrentFile(core, file);
}

/** Loads one current-version file into memory; returns why it cannot be used, or null. */
function loadCurrentFile(core: StoreCore, file: ScannedFile): string | null {
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
    core.dataset.settings = parsed.data.settings;
    core.files.existing.add(file.name);
    if (file.seal !== null) core.files.verified.set(file.name, file.seal);
    return null;
  }
  const collection = parsedName.collection as CollectionName;
  let content: { bucket: number; items: ItemRecord };
  const raw = json as { collection?: unknown; bucket?: unknown; items?: unknown } | null;
  if (
    file.seal !== null &&
    statMatches(core.files.sealed.get(file.name), file.seal) &&
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
  const count = core.layout[collection];
  for (const key of keys) {
    const item = content.items[key] as Item;
    if (item.id !== key) return `has an item filed under "${key}" whose id is "${item.id}"`;
    if (bucketOf(key, count) !== parsedName.bucket)
      return `holds "${key}", which belongs in ${fileForItem(collection, key, core.layout)}`;
  }
  // A collection being opened on demand: its record, without going through the getter.
  const record = core.deferred.record(collection) ?? (core.dataset[collection] as ItemRecord);
  for (const key of keys) record[key] = content.items[key] as Item;
  core.files.shards.set(file.name, content.items);
  core.files.existing.add(file.name);
  core.files.fileBytes.set(file.name, file.size);
  if (file.seal !== null) core.files.verified.set(file.name, file.seal);
  return null;
}

/**
 * An older store: upgraded as upgrade.ts decides (copy, backup, migrate, or restore from a backup
 * when files are damaged), then every file is rewritten; read-only when it cannot be.
 */
function openOlder(core: StoreCore, files: ScannedFile[], storeVersion: number): void {
  const plan = planUpgrade(files, storeVersion, {
    dataDir: core.dataDir,
    storeDir: core.storeDir,
    now: core.now,
    migrations: core.migrations,
    log: core.log,
    takeBackup: () =>
      void core.backups.take(
        'before-migration',
        files.map((file) => file.name),
        storeVersion,
      ),
    copyAside: (names) => copyAside(core.storeDir, core.damagedDir, core.now(), names),
    damagedDir: core.damagedDir,
    newestGoodBackup: () => newestGoodBackup(core.backupsDir, core.migrations, core.log),
  });
  if (plan.kind === 'read-only') {
    openLenient(core, files, storeVersion, plan.reason);
    return;
  }
  if (plan.restored !== null) core.restored = plan.restored;
  try {
    replaceAllFiles(core, plan.data, true);
  } catch (error) {
    if (core.readOnly !== null) return; // the journal holds the upgrade; it finishes next start
    openLenient(
      core,
      files,
      storeVersion,
      `Your data could not be upgraded because writing it failed (${errorCode(error)}). Rapport opened read-only; the old files are in ${plan.copyDir}.`,
    );
  }
}

/** A store written by a newer Rapport: never written to; shows what this build can read. */
function openNewer(core: StoreCore, files: ScannedFile[], storeVersion: number): void {
  openLenient(
    core,
    files,
    storeVersion,
    `This data was saved by a newer version of Rapport (data version ${storeVersion}; this version understands up to ${SCHEMA_VERSION}). Rapport opened it read-only so nothing is overwritten. Install the newer version to make changes.`,
  );
}

/** Read-only view: every item and setting that passes this build's schemas, nothing written. */
function openLenient(
  core: StoreCore,
  files: ScannedFile[],
  storeVersion: number,
  reason: string,
): void {
  core.dataset = emptyDataset(defaultSettings(core.locale));
  core.deferred.forget();
  core.files.shards.clear();
  for (const file of files) {
    const json = jsonOf(file) as { settings?: unknown; items?: unknown } | undefined;
    if (typeof json !== 'object' || json === null) continue;
    const parsedName = parseStoreFileName(file.name);
    if (parsedName?.kind === 'settings') {
      const settings = Settings.safeParse(json.settings);
      if (settings.success) core.dataset.settings = settings.data;
    } else if (
      parsedName?.kind === 'shard' &&
      (collectionNames as string[]).includes(parsedName.collection)
    ) {
      const collection = parsedName.collection as CollectionName;
      if (typeof json.items !== 'object' || json.items === null) continue;
      const record = core.dataset[collection] as ItemRecord;
      for (const [key, value] of Object.entries(json.items)) {
        const item = collections[collection].safeParse(value);
        if (item.success && item.data.id === key) record[key] = item.data;
      }
    }
  }
  core.setReadOnly(reason, storeVersion);
}

/**
 * Finishes a multi-file save that was interrupted (see journal.ts). Returns the journal's
 * version when it came from a newer Rapport (then nothing is replayed).
 */
function replayJournalAtOpen(core: StoreCore): number | null {
  const result = replayJournal(core.storeDir, core.damagedDir, core.now(), (name, content) =>
    core.files.writeStoreFile(fullWrite(name, content)),
  );
  if (result.kind === 'set-aside')
    core.log('[storage] an unreadable save journal was set aside; it was never acknowledged');
  if (result.kind === 'replayed')
    core.log(`[storage] finished an interrupted save (${plural(result.files, 'file')})`);
  return result.kind === 'newer' ? result.schemaVersion : null;
}
