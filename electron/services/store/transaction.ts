import { DATA_CHANGE_ID_LIMIT } from '../../../shared/contract.js';
import { UserFacingError } from '../../../shared/result.js';
import {
  collections,
  type CollectionName,
  type Dataset,
  type Entity,
} from '../../../shared/schema/dataset.js';
import { Settings } from '../../../shared/schema/settings.js';
import { describeIssue } from '../export-file.js';
import { fileForItem, parseStoreFileName, SETTINGS_FILE } from '../shards.js';
import type { StoreChange, Transaction } from '../types.js';
import { everyCollection, type StoreCore } from './core.js';
import { CommitIncomplete, errorCode, type Item, type ItemRecord } from './store-files.js';

/**
 * Saving: a transaction changes items in memory (validated with the collections' schemas), then
 * writes every store file it touched in one commit (one atomic file, or the journal then the
 * files: store-files.ts). Anything that fails puts the memory back as it was; listeners hear of
 * what was committed.
 */

/**
 * One item. In a collection still being read after open, only the file the item lives in is
 * read (not the whole collection, which could hold main up at 50,000 contacts).
 */
export function getItem<C extends CollectionName>(
  core: StoreCore,
  collection: C,
  id: string,
): Entity<C> | undefined {
  const record = (
    core.deferred.isLoaded(collection)
      ? core.dataset[collection]
      : core.deferred.loadFileOf(collection, fileForItem(collection, id, core.layout))
  ) as Record<string, Entity<C>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

export function runTransaction<T>(core: StoreCore, fn: (tx: Transaction) => T): T {
  core.assertWritable();
  core.backups.flushStart();
  const undo: Array<() => void> = [];
  /** Store file -> ids changed in it (an empty set for the settings file). */
  const dirty = new Map<string, Set<string>>();
  let invalid: UserFacingError | null = null;
  const reject = (message: string): never => {
    invalid ??= new UserFacingError('invalid-args', message);
    throw invalid;
  };
  const setItem = (collection: CollectionName, id: string, value: Item | undefined) => {
    const name = fileForItem(collection, id, core.layout);
    // A collection still being read: only the file this item lives in is needed now.
    const record = !core.deferred.isLoaded(collection)
      ? core.deferred.loadFileOf(collection, name)
      : (core.dataset[collection] as ItemRecord);
    let shard = core.files.shards.get(name);
    if (shard === undefined) core.files.shards.set(name, (shard = {}));
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
    data: core.dataset,
    get: (collection, id) => getItem(core, collection, id),
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
      if (typeof id !== 'string' || getItem(core, collection, id) === undefined) return;
      setItem(collection, id, undefined);
    },
    setSettings: (settings) => {
      const parsed = Settings.safeParse(settings);
      if (!parsed.success) reject(describeIssue(parsed.error));
      const previous = core.dataset.settings;
      undo.push(() => {
        core.dataset.settings = previous;
      });
      core.dataset.settings = parsed.data as Dataset['settings'];
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
      core.files.shardWrite(name, dirty.get(name) as Set<string>, core.dataset.settings),
    );
  try {
    core.files.commit(writes);
  } catch (error) {
    if (error instanceof CommitIncomplete) {
      core.enterRecovery(error.cause);
      throw core.recoveryError();
    }
    rollback();
    // The cached texts already describe the rolled-back change: rebuild them at the next save.
    core.files.dropFragments(dirty.keys());
    core.log('[storage] a save failed; nothing was changed', error);
    throw new UserFacingError(
      'io',
      `Your change could not be saved (${errorCode(error)}). Nothing was changed. Check that the disk is not full and that Rapport may write to ${core.dataDir}.`,
    );
  }
  core.backups.changed();
  core.notify(changedCollections(dirty.keys()), changedIds(dirty));
  return result;
}

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
