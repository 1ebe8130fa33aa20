import fs from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../../shared/schema/dataset.js';
import {
  asciiBytes,
  itemFragment,
  parseStoreFileName,
  SETTINGS_FILE,
  settingsContent,
  shardBytes,
  shardContent,
} from '../shards.js';
import { SCHEMA_VERSION, type CollectionName } from '../../../shared/schema/dataset.js';
import { clearJournal, writeJournal } from './journal.js';
import { sameSeals, sealOf, writeManifest, type FileSeal } from './manifest.js';

/** electron-store's default export in Electron, conf's `Conf` in tests and the benchmark. */
export interface StoreClassLike {
  new (options: Record<string, unknown>): { store: Record<string, unknown>; path: string };
}

type Instance = InstanceType<StoreClassLike>;
export type Item = { id: string };
export type ItemRecord = Record<string, Item>;

/** One store file to write: the object conf receives and the bytes that go to disk. */
export interface FileWrite {
  name: string;
  content: object;
  bytes: Buffer;
}

/** Whole-file write from a content object (settings, restores, replays). */
export const fullWrite = (name: string, content: object): FileWrite => ({
  name,
  content,
  bytes: asciiBytes(content),
});

/** Thrown by commit() once the journal is durable but a data file could not be written. */
export class CommitIncomplete extends Error {
  constructor(override readonly cause: unknown) {
    super('The change is in the journal but not in every data file.');
  }
}

export const errorCode = (error: unknown) =>
  (error as NodeJS.ErrnoException | undefined)?.code ??
  (error instanceof Error ? error.message : String(error));

export interface StoreFilesOptions {
  storeDir: string;
  StoreClass: StoreClassLike;
  /** Writes one data file whole or not at all (temp file, fsync, rename). */
  writeFile: (filePath: string, bytes: Uint8Array) => void;
  log: (message: string, error?: unknown) => void;
}

/**
 * The store folder as files: what is on disk, the items each shard file holds, and the one way
 * to change them (`commit`: one atomic file write, or the journal then the files). It builds a
 * shard's bytes from cached per-item text so an autosave re-serializes only what changed, and
 * keeps the validation seals that manifest.json records. It knows nothing of transactions,
 * opening, repair or backups (storage.ts and the other store/ modules).
 */
export class StoreFiles {
  /** Store files present on disk: rewrites keep them even when they become empty. */
  readonly existing = new Set<string>();
  /** Size of each store file on disk, to decide when a collection's files have outgrown it. */
  readonly fileBytes = new Map<string, number>();
  /** Items per store file (`contacts-07.json` -> its items), kept in step with the dataset. */
  shards = new Map<string, ItemRecord>();
  /**
   * Validation cache (see manifest.ts). `verified`: the seal (size, time, inode) of each store
   * file that passed the zod schemas at open or was written by this build from validated data.
   * `sealed`: what manifest.json says now. The manifest is saved with each backup and at close,
   * never inside a save; if it is lost, the next open validates more.
   */
  readonly verified = new Map<string, FileSeal>();
  sealed = new Map<string, FileSeal>();

  /** Bytes already computed for a content object, so the journal and the file share them. */
  private readonly texts = new WeakMap<object, Buffer>();
  /**
   * Per shard, each item's serialized `"id":{...}` bytes, built at the shard's second save this
   * session: later saves re-serialize only the items that changed (the rest is one copy).
   */
  private readonly fragments = new Map<string, Map<string, Buffer>>();
  /** Files saved once this session (the second save builds their per-item cache). */
  private readonly savedOnce = new Set<string>();
  private settingsInstance: Instance | null = null;

  constructor(private readonly options: StoreFilesOptions) {}

  /**
   * Persists whole-file contents. One file: a single atomic write. Several: the journal first
   * (one atomic write holding every new content), then the files, then the journal is removed,
   * so a crash at any point leaves either the old state or a journal that finishes the new one.
   * Throws CommitIncomplete once the journal is durable (the change is then committed).
   */
  commit(writes: FileWrite[]): void {
    if (writes.length === 0) return;
    if (writes.length === 1) {
      this.writeStoreFile(writes[0] as FileWrite);
      return;
    }
    writeJournal(this.options.storeDir, writes);
    try {
      for (const write of writes) this.writeStoreFile(write);
      clearJournal(this.options.storeDir);
    } catch (error) {
      throw new CommitIncomplete(error);
    }
  }

  /**
   * Data files are written by our own atomic writer (new file, fsync, rename over the old one):
   * a file is never changed in place, which is what lets a backup hard-link it. settings.json is
   * written through electron-store's public API (its `store` setter, with our serializer).
   */
  writeStoreFile({ name, content, bytes }: FileWrite): void {
    const filePath = path.join(this.options.storeDir, name);
    this.texts.set(content, bytes);
    this.verified.delete(name);
    if (name === SETTINGS_FILE) this.settingsStore().store = content as Record<string, unknown>;
    else this.options.writeFile(filePath, bytes);
    this.existing.add(name);
    this.fileBytes.set(name, bytes.length);
    // Its stat is its seal: this build wrote these bytes from validated data.
    this.verified.set(name, sealOf(fs.statSync(filePath)));
  }

  /** The write for a file changed by a transaction; shards reuse the unchanged items' text. */
  shardWrite(name: string, changed: ReadonlySet<string>, settings: Dataset['settings']): FileWrite {
    if (name === SETTINGS_FILE) return fullWrite(name, settingsContent(SCHEMA_VERSION, settings));
    const { collection, bucket } = parseStoreFileName(name) as {
      collection: CollectionName;
      bucket: number;
    };
    const items = this.shards.get(name) ?? {};
    let cache = this.fragments.get(name);
    if (cache === undefined) {
      const content = shardContent(SCHEMA_VERSION, collection, bucket, items);
      if (!this.savedOnce.has(name)) {
        // The first save of a file this session: one JSON.stringify of the whole file is quicker
        // than building the per-item cache, which pays off only for a file saved again (an
        // autosaved meeting, a contact being edited), so that is built at the second save.
        this.savedOnce.add(name);
        return fullWrite(name, content);
      }
      cache = new Map();
      for (const id in items) cache.set(id, itemFragment(id, items[id]));
      this.fragments.set(name, cache);
    } else {
      for (const id of changed) {
        if (Object.hasOwn(items, id)) cache.set(id, itemFragment(id, items[id]));
        else cache.delete(id);
      }
    }
    return {
      name,
      content: shardContent(SCHEMA_VERSION, collection, bucket, items),
      bytes: shardBytes(SCHEMA_VERSION, collection, bucket, cache.values()),
    };
  }

  /** The cached item texts of `names` (all files when omitted) no longer describe their items. */
  dropFragments(names?: Iterable<string>): void {
    if (names === undefined) this.fragments.clear();
    else for (const name of names) this.fragments.delete(name);
  }

  /** Saves the seals of the files as they are (atomically), if they changed. */
  sealManifest(): void {
    const seals = new Map([...this.verified].filter(([name]) => this.existing.has(name)));
    if (sameSeals(seals, this.sealed)) return;
    try {
      writeManifest(this.options.storeDir, seals);
      this.sealed = seals;
    } catch (error) {
      this.options.log('[storage] the validation manifest could not be written', error);
    }
  }

  private settingsStore(): Instance {
    let instance = this.settingsInstance;
    if (instance === null) {
      // Built lazily, at the first write: the file was read and validated at open (or did not
      // exist), so electron-store never meets a damaged file, and nothing is read twice at start.
      const { storeDir, StoreClass } = this.options;
      const configName = SETTINGS_FILE.replace(/\.json$/, '');
      instance = new StoreClass({
        cwd: storeDir,
        configName,
        name: configName, // electron-store takes the file name from `name`, conf from `configName`
        fileExtension: 'json',
        projectName: 'rapport',
        serialize: this.serialize,
        deserialize: this.deserialize,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
        watch: false,
      });
      if (path.resolve(instance.path) !== path.join(storeDir, SETTINGS_FILE)) {
        throw new Error(
          `The store class wrote to ${instance.path}, expected ${path.join(storeDir, SETTINGS_FILE)}.`,
        );
      }
      this.settingsInstance = instance;
    }
    return instance;
  }

  /**
   * Compact ASCII JSON. Answers with the bytes commit() already made (shared with the journal):
   * conf hands the result to `atomically`, which writes a Buffer as it is, so a save never builds
   * a large string (see itemFragment). Unknown values fall back to a string.
   */
  private readonly serialize = (value: unknown): Buffer | string => {
    if (typeof value === 'object' && value !== null) {
      const bytes = this.texts.get(value);
      if (bytes !== undefined) return bytes;
    }
    return JSON.stringify(value);
  };

  /**
   * conf parses its file once in its constructor (and `.store` would re-read it on every access).
   * The data was already read and validated with zod before the instance exists and lives in
   * memory, and `.store` is never read, so conf's copy is not needed: answering an empty object
   * avoids parsing the same bytes a second time and can never hand conf a damaged value.
   */
  private readonly deserialize = (): Record<string, unknown> =>
    Object.create(null) as Record<string, unknown>;
}
