import fs from 'node:fs';
import type { CollectionName, Dataset } from '../../../shared/schema/dataset.js';
import { decodeStoreBytes, parseStoreFileName } from '../shards.js';
import { sealOf, statMatches } from './manifest.js';
import type { DamagedFile, ScannedFile } from './scan.js';
import type { ItemRecord } from './store-files.js';

/** What the collections opened on demand need from the storage that holds them. */
export interface DeferredHost {
  /** The dataset the collections belong to (a restore or an import replaces it whole). */
  dataset(): Dataset;
  /** Reads one file if it is still deferred, then loads it; returns its problem, or null. */
  load(file: ScannedFile): string | null;
  /** Damaged files found after open: repaired, and the window told. */
  damaged(files: DamagedFile[]): void;
  closed(): boolean;
}

/**
 * Activities and meeting preps (most of a large store's bytes) are not read at open: Today, the
 * board and the list need neither. Their files are read in the background a moment after open,
 * a file per turn of the event loop; anything that touches one of them before that is done (a
 * contact's timeline, a meeting's workspace, an export) reads the rest of that collection at
 * once, and a save into one reads just the file it writes. Each file gets the same checks as at
 * open (the host's `load`: manifest seal, zod, ids and buckets), and a damaged one is repaired
 * the same way. Until a collection is read whole, the dataset answers it through a getter.
 */
export class DeferredCollections {
  /** Files of collections opened on demand, not read yet. */
  private readonly pending = new Map<CollectionName, ScannedFile[]>();
  /** The records of collections opened on demand (behind a getter until loaded). */
  private readonly records = new Map<CollectionName, ItemRecord>();
  /** Callers of `whenLoaded`, per collection, told when its last file is read. */
  private readonly waiters = new Map<CollectionName, (() => void)[]>();
  /** Starts the background reading now instead of after its delay (set by `readInBackground`). */
  private startNow: (() => void) | null = null;

  constructor(
    private readonly host: DeferredHost,
    /** How long after open the reading in the background starts. */
    private readonly delayMs: number,
  ) {}

  /** Keeps a current-version file of an activities or preps shard for later. */
  defer(file: ScannedFile): void {
    const collection = (parseStoreFileName(file.name) as { collection: CollectionName }).collection;
    let list = this.pending.get(collection);
    if (list === undefined) {
      list = [];
      this.pending.set(collection, list);
      const dataset = this.host.dataset();
      const record = dataset[collection];
      Object.defineProperty(dataset, collection, {
        configurable: true,
        enumerable: true,
        get: () => {
          this.ensureLoaded(collection);
          return record;
        },
        set: (value: unknown) => {
          this.pending.delete(collection);
          Object.defineProperty(dataset, collection, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        },
      });
      this.records.set(collection, record as ItemRecord);
    }
    list.push(file);
  }

  isLoaded(collection: CollectionName): boolean {
    return !this.pending.has(collection);
  }

  /**
   * Resolves once the collection is read whole, by the background reading (started now if it
   * was still waiting for its delay), a file per turn of the event loop: a caller that needs all
   * of it (Insights, What I learned) waits without holding up main.
   */
  whenLoaded(collection: CollectionName): Promise<void> {
    if (this.isLoaded(collection)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(collection);
      if (list === undefined) this.waiters.set(collection, [resolve]);
      else list.push(resolve);
      this.startNow?.();
    });
  }

  private settle(collection: CollectionName): void {
    const list = this.waiters.get(collection);
    this.waiters.delete(collection);
    for (const resolve of list ?? []) resolve();
  }

  /** A collection's record while it is still being read (items are added to it as files load). */
  record(collection: CollectionName): ItemRecord | undefined {
    return this.records.get(collection);
  }

  /** The data was replaced whole (restore, import, read-only view): nothing is left to read. */
  forget(): void {
    this.pending.clear();
    this.records.clear();
    for (const collection of [...this.waiters.keys()]) this.settle(collection);
  }

  /** Loads what is left of a collection opened on demand; damage found is repaired. */
  ensureLoaded(collection: CollectionName): void {
    const list = this.pending.get(collection);
    if (list === undefined) return;
    this.pending.delete(collection);
    this.settle(collection);
    Object.defineProperty(this.host.dataset(), collection, {
      value: this.records.get(collection),
      writable: true,
      enumerable: true,
      configurable: true,
    });
    const damaged: DamagedFile[] = [];
    for (const file of list) {
      if (file.loaded) continue;
      const problem = this.host.load(file);
      file.loaded = true;
      file.text = null;
      if (problem !== null) damaged.push({ name: file.name, problem });
    }
    if (damaged.length > 0) this.host.damaged(damaged);
  }

  /**
   * Reads the one deferred file `name` of a collection being opened on demand (a save into it)
   * and returns the collection's record, without reading the rest.
   */
  loadFileOf(collection: CollectionName, name: string): ItemRecord {
    const list = this.pending.get(collection) as ScannedFile[];
    const file = list.find((candidate) => candidate.name === name && !candidate.loaded);
    if (file !== undefined) this.loadOne(file);
    return this.records.get(collection) as ItemRecord;
  }

  /**
   * One deferred file per turn of the event loop, read by the thread pool, until none is left.
   * It starts a moment after open, so the first screen's requests are answered first.
   */
  readInBackground(): void {
    if (this.pending.size === 0) return;
    const step = async () => {
      if (this.host.closed()) return;
      // A collection someone waits for (`whenLoaded`) is read before the others.
      const wanted = [...this.waiters.keys()].find((name) => this.pending.has(name));
      const [collection, list] =
        wanted !== undefined
          ? [wanted, this.pending.get(wanted)]
          : (this.pending.entries().next().value ?? []);
      if (collection === undefined || list === undefined) return;
      const file = list.find((candidate) => !candidate.loaded);
      if (file === undefined) {
        this.ensureLoaded(collection); // all read: swap the getter for the plain record
        setImmediate(() => void step());
        return;
      }
      let bytes: Buffer | null = null;
      try {
        bytes = await fs.promises.readFile(file.path);
      } catch {
        bytes = null; // read again, and its problem reported, by ensureLoaded
      }
      // Meanwhile ensureLoaded may have read it (a save touched the collection), or a restore or
      // import replaced the data: then this read is dropped.
      const current = this.pending.get(collection) === list;
      if (this.host.closed() || file.loaded || !current || bytes === null) {
        if (bytes === null && !file.loaded && current) this.ensureLoaded(collection);
        setImmediate(() => void step());
        return;
      }
      const stat = fs.statSync(file.path, { throwIfNoEntry: false });
      if (stat === undefined || !statMatches(file.seal ?? undefined, sealOf(stat))) {
        this.ensureLoaded(collection); // changed under us: the careful path
      } else {
        file.deferred = false;
        file.text = decodeStoreBytes(bytes);
        this.loadOne(file);
      }
      setImmediate(() => void step());
    };
    const timer = setTimeout(() => {
      this.startNow = null;
      void step();
    }, this.delayMs);
    timer.unref();
    this.startNow = () => {
      this.startNow = null;
      clearTimeout(timer);
      void step();
    };
  }

  private loadOne(file: ScannedFile): void {
    const problem = this.host.load(file);
    file.loaded = true;
    file.text = null;
    if (problem !== null) this.host.damaged([{ name: file.name, problem }]);
  }
}
