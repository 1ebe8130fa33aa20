import fs from 'node:fs';
import path from 'node:path';
import {
  collectionNames,
  SCHEMA_VERSION,
  type CollectionName,
  type Dataset,
} from '../../../shared/schema/dataset.js';
import {
  bucketsFor,
  fileForItem,
  isCurrentLayoutFile,
  LAYOUT_FILE,
  layoutContent,
  parseStoreFileName,
  SETTINGS_FILE,
  settingsContent,
  shardContent,
  shardFileName,
  type Layout,
} from '../shards.js';
import type { StoreCore } from './core.js';
import { CommitIncomplete, fullWrite, type FileWrite, type ItemRecord } from './store-files.js';

/**
 * Writing the store whole: every file from a dataset (restore, import, upgrade), and splitting a
 * collection into more files as it grows. Both are one journaled commit (see journal.ts).
 */

/** Rewrites every file from `data` (restore, import, migration); old files become empty. */
export function replaceAllFiles(core: StoreCore, data: Dataset, removeOldLayout = false): void {
  const shards = new Map<string, ItemRecord>();
  for (const collection of collectionNames) {
    for (const [key, item] of Object.entries(data[collection] as ItemRecord)) {
      const name = fileForItem(collection, key, core.layout);
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
    ...[...core.files.existing].filter((name) => isCurrentLayoutFile(name, core.layout)),
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
  core.files.dropFragments();
  try {
    core.files.commit(writes);
  } catch (error) {
    if (!(error instanceof CommitIncomplete)) throw error;
    core.dataset = data;
    core.deferred.forget();
    core.files.shards = shards;
    core.enterRecovery(error.cause);
    throw core.recoveryError();
  }
  core.dataset = data;
  core.deferred.forget();
  core.files.shards = shards;
  if (removeOldLayout) {
    for (const name of fs.readdirSync(core.storeDir)) {
      if (parseStoreFileName(name) !== null && !isCurrentLayoutFile(name, core.layout)) {
        fs.rmSync(path.join(core.storeDir, name), { force: true });
        core.files.existing.delete(name);
        core.files.fileBytes.delete(name);
      }
    }
  }
}

/**
 * One save rewrites one file per collection it touches, so files must stay small as the data
 * grows: a collection whose files average over twice the target size is split into more files
 * (a power of two, so each old file's items go to a known set of new ones). Done at open, after
 * an import or restore, and for one collection `ahead` of a large save (sized for the bytes about
 * to come), after a backup of the files as they were, in one journaled commit
 * with the new layout.json: a crash leaves the old layout or finishes the new one.
 */
export function growLayout(
  core: StoreCore,
  ahead?: { collection: CollectionName; bytes: number },
): void {
  if (core.readOnly !== null) return;
  let totals = collectionBytes(core);
  if (ahead !== undefined) {
    // Only that collection (the others may still be being read), as it will be once the bytes
    // about to be saved are in.
    totals = new Map([[ahead.collection, (totals.get(ahead.collection) ?? 0) + ahead.bytes]]);
  }
  const grown: CollectionName[] = [];
  const next: Record<string, number> = { ...core.layout };
  for (const [collection, total] of totals) {
    if (total / core.layout[collection] <= 2 * core.shardTargetBytes) continue;
    next[collection] = bucketsFor(collection, total, core.shardTargetBytes);
    if ((next[collection] as number) > core.layout[collection]) grown.push(collection);
  }
  if (grown.length === 0) return;
  const started = performance.now();
  try {
    core.backups.flushStart();
    core.backups.take('before-migration');
  } catch (error) {
    core.log('[storage] no backup before splitting files; they stay as they are', error);
    return;
  }
  const layout = next as Layout;
  const writes: FileWrite[] = [fullWrite(LAYOUT_FILE, layoutContent(SCHEMA_VERSION, layout))];
  const shards = new Map<string, ItemRecord>();
  for (const collection of grown) {
    for (let bucket = 0; bucket < layout[collection]; bucket += 1)
      shards.set(shardFileName(collection, bucket), {});
    for (const [key, item] of Object.entries(core.dataset[collection] as ItemRecord)) {
      (shards.get(fileForItem(collection, key, layout)) as ItemRecord)[key] = item;
    }
  }
  for (const [name, items] of shards) {
    // A file that would be empty and is not there need not be written: a missing file is empty.
    if (!core.files.existing.has(name) && Object.keys(items).length === 0) continue;
    const parsed = parseStoreFileName(name) as { collection: CollectionName; bucket: number };
    writes.push(
      fullWrite(name, shardContent(SCHEMA_VERSION, parsed.collection, parsed.bucket, items)),
    );
  }
  try {
    core.files.commit(writes);
  } catch (error) {
    if (error instanceof CommitIncomplete) {
      core.layout = layout; // the journal holds the new layout; it is finished next start
      core.enterRecovery(error.cause);
    } else {
      core.log('[storage] splitting files failed; they stay as they are', error);
    }
    return;
  }
  core.layout = layout;
  for (const [name, items] of shards) {
    core.files.shards.set(name, items);
    core.files.dropFragments([name]);
  }
  core.log(
    `[storage] split ${grown.map((c) => `${c} into ${layout[c]} files`).join(', ')} in ${Math.round(performance.now() - started)} ms`,
  );
}

/** Bytes on disk of each collection's files. */
export function collectionBytes(core: StoreCore): Map<CollectionName, number> {
  const totals = new Map<CollectionName, number>();
  for (const [name, bytes] of core.files.fileBytes) {
    const parsed = parseStoreFileName(name);
    if (parsed?.kind !== 'shard') continue;
    const collection = parsed.collection as CollectionName;
    totals.set(collection, (totals.get(collection) ?? 0) + bytes);
  }
  return totals;
}
