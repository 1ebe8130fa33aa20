import path from 'node:path';
import { SCHEMA_VERSION, type CollectionName } from '../../../shared/schema/dataset.js';
import { fileForItem, parseStoreFileName, settingsContent, shardContent } from '../shards.js';
import { copyAside, newestGoodBackup } from './backup-read.js';
import { everyCollection, type StoreCore } from './core.js';
import type { DamagedFile } from './scan.js';
import {
  CommitIncomplete,
  errorCode,
  fullWrite,
  type FileWrite,
  type Item,
  type ItemRecord,
} from './store-files.js';

/**
 * Damaged files: keep a copy under damaged/<time>/, then rebuild exactly those files from the
 * newest backup that validates (everything else stays as last saved). With no good backup the
 * damaged files stay where they are and the store opens read-only.
 */
export function repair(core: StoreCore, damaged: DamagedFile[]): void {
  const what = damaged.map((file) => `${file.name} ${file.problem}`).join('; ');
  core.log(`[storage] damaged store files: ${what}`);
  let movedAside: string[];
  try {
    movedAside = copyAside(
      core.storeDir,
      core.damagedDir,
      core.now(),
      damaged.map((file) => file.name),
    );
  } catch (error) {
    core.setReadOnly(
      `Some of your data could not be read (${what}), and Rapport could not keep a copy of the damaged files (${errorCode(error)}). Rapport opened read-only so nothing more is lost. Check the disk and restart Rapport.`,
      SCHEMA_VERSION,
    );
    return;
  }
  const copies = path.dirname(movedAside[0] ?? core.damagedDir);
  const backup = newestGoodBackup(core.backupsDir, core.migrations, core.log);
  if (backup === null) {
    core.setReadOnly(
      `Some of your data could not be read (${what}) and no backup could replace it. Rapport opened read-only and left the files where they are, so nothing is overwritten; a copy is in ${copies}. Restore a backup from Settings > Data, or ask for help with those files.`,
      SCHEMA_VERSION,
    );
    return;
  }
  const writes: FileWrite[] = [];
  for (const { name } of damaged) {
    const parsedName = parseStoreFileName(name);
    if (parsedName?.kind === 'settings') {
      core.dataset.settings = backup.data.settings;
      writes.push(fullWrite(name, settingsContent(SCHEMA_VERSION, backup.data.settings)));
    } else if (parsedName?.kind === 'shard') {
      const collection = parsedName.collection as CollectionName;
      const items: ItemRecord = {};
      for (const [key, item] of Object.entries(backup.data[collection] as ItemRecord)) {
        if (fileForItem(collection, key, core.layout) === name) items[key] = item;
      }
      const record = core.dataset[collection] as ItemRecord;
      for (const key in items) record[key] = items[key] as Item;
      core.files.shards.set(name, items);
      writes.push(
        fullWrite(name, shardContent(SCHEMA_VERSION, collection, parsedName.bucket, items)),
      );
    }
  }
  try {
    core.files.commit(writes);
  } catch (error) {
    core.log('[storage] writing the restored files failed', error);
    if (!(error instanceof CommitIncomplete)) {
      core.setReadOnly(
        `Some of your data could not be read (${what}) and restoring it from the backup of ${backup.info.createdAt} failed (${errorCode(error)}). Rapport opened read-only; a copy of the damaged files is in ${copies}.`,
        SCHEMA_VERSION,
      );
      return;
    }
    core.enterRecovery(error.cause);
  }
  const one = damaged.length === 1;
  core.restored = {
    backupName: backup.info.name,
    backupCreatedAt: backup.info.createdAt,
    movedAside,
    reason: `${one ? 'A data file was' : 'Some data files were'} damaged (${what}). ${one ? 'It was' : 'They were'} moved to ${copies}, and ${one ? 'its' : 'their'} part of your data was restored from the backup of ${backup.info.createdAt}. Everything else is as you last saved it; changes to that part made after the backup are missing.`,
  };
}

/** Damage found after open (a file read on demand): repaired like at open, and the window told. */
export function repairLater(core: StoreCore, damaged: DamagedFile[]): void {
  for (const { name } of damaged) core.files.verified.delete(name);
  repair(core, damaged);
  core.noticeDismissed = false;
  core.notifyStatus();
  core.notify(everyCollection());
}
