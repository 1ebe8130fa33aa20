import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { z } from 'zod';
import { collectionNames, collections, type CollectionName } from '../../shared/schema/dataset.js';

/**
 * How many files each collection is split into, per store: the `Layout`. One edit rewrites one
 * file, so files must stay small as the data grows; a store's layout is chosen from its size when
 * it is written in full (import, restore, migration) and grown at start when a collection's files
 * have outgrown `TARGET_SHARD_BYTES` (see layout.json). Counts are powers of two.
 */
export type Layout = Readonly<Record<CollectionName, number>>;

/** The smallest layout, and the one of a store that has no layout.json (a new or older store). */
export const DEFAULT_LAYOUT: Layout = {
  contacts: 16,
  activities: 16,
  meetings: 16,
  preps: 16,
  reminders: 4,
  questions: 1,
  templates: 1,
  notes: 4,
  outreach: 1,
  attachments: 1,
  employers: 4,
};

/** @deprecated the default layout; stores carry their own (see `Layout`). */
export const bucketCounts = DEFAULT_LAYOUT;

/** Aim for files about this big: small enough to rewrite in a few milliseconds per save. */
export const TARGET_SHARD_BYTES = 512 * 1024;

/** At most this many files per collection (4 digits in the name). */
export const MAX_BUCKETS = 4096;

/** The bucket count that keeps files of a collection of `bytes` near the target size. */
export function bucketsFor(
  collection: CollectionName,
  bytes: number,
  target = TARGET_SHARD_BYTES,
): number {
  let buckets = DEFAULT_LAYOUT[collection];
  while (buckets < MAX_BUCKETS && bytes / buckets > target) buckets *= 2;
  return buckets;
}

/** The layout file: bucket counts per collection (absent means `DEFAULT_LAYOUT`). */
export const LAYOUT_FILE = 'layout.json';

/** A layout read from layout.json's content; null when it is not a usable layout. */
export function parseLayout(value: unknown): Layout | null {
  if (typeof value !== 'object' || value === null) return null;
  const counts = (value as { layout?: unknown }).layout;
  if (typeof counts !== 'object' || counts === null) return null;
  const layout: Record<string, number> = { ...DEFAULT_LAYOUT };
  for (const [collection, count] of Object.entries(counts)) {
    if (!(collectionNames as string[]).includes(collection)) continue;
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 1 ||
      count > MAX_BUCKETS ||
      (count & (count - 1)) !== 0
    )
      return null;
    layout[collection] = count;
  }
  return layout as Layout;
}

/** layout.json's content. */
export function layoutContent(schemaVersion: number, layout: Layout) {
  return { schemaVersion, layout };
}

/** Settings live in their own small file: most edits of the profile touch nothing else. */
export const SETTINGS_FILE = 'settings.json';
/** The new contents of every file of a multi-file save, written before any of them. */
export const JOURNAL_FILE = 'journal.json';
/** SHA-256 of each store file as this build last wrote it (see FileStorage.sealManifest). */
export const MANIFEST_FILE = 'manifest.json';

/**
 * FNV-1a over the id's UTF-16 code units: stable across runs, platforms and Node versions (unlike
 * anything seeded), so an item is always found in the same file.
 */
export function bucketOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** `contacts-07.json`: readable in a file manager, sortable, and never derived from user input. */
export function shardFileName(collection: string, bucket: number): string {
  return `${collection}-${String(bucket).padStart(2, '0')}.json`;
}

/** The file an item of `collection` with this id lives in. */
export function fileForItem(
  collection: CollectionName,
  id: string,
  layout: Layout = DEFAULT_LAYOUT,
): string {
  return shardFileName(collection, bucketOf(id, layout[collection]));
}

/** What a store file's name says it holds. */
export type StoreFileName =
  { kind: 'settings' } | { kind: 'shard'; collection: string; bucket: number };

/**
 * Recognises the store's file names (of this or any other version's layout). Anything else in the
 * store folder is not ours and is left alone.
 */
export function parseStoreFileName(name: string): StoreFileName | null {
  if (name === SETTINGS_FILE) return { kind: 'settings' };
  const match = /^([a-z][a-zA-Z]{0,40})-(\d{2,4})\.json$/.exec(name);
  if (!match) return null;
  return { kind: 'shard', collection: match[1] as string, bucket: Number(match[2]) };
}

/** True when `name` is a data file of `layout` (settings, or a bucket that exists in it). */
export function isCurrentLayoutFile(name: string, layout: Layout = DEFAULT_LAYOUT): boolean {
  const parsed = parseStoreFileName(name);
  if (parsed === null) return false;
  if (parsed.kind === 'settings') return true;
  if (!(collectionNames as string[]).includes(parsed.collection)) return false;
  return (
    parsed.bucket < layout[parsed.collection as CollectionName] &&
    shardFileName(parsed.collection, parsed.bucket) === name
  );
}

/** Every data file name of `layout`, settings first. */
export function allStoreFileNames(layout: Layout = DEFAULT_LAYOUT): string[] {
  const names = [SETTINGS_FILE];
  for (const collection of collectionNames) {
    for (let bucket = 0; bucket < layout[collection]; bucket += 1) {
      names.push(shardFileName(collection, bucket));
    }
  }
  return names;
}

/** What every store file starts with, whatever its version: enough to decide what to do next. */
export const FileEnvelope = z.object({ schemaVersion: z.number().int().min(0) });

/** The raw shape of a shard of any version: items keyed by id, contents not yet checked (migrations do that). */
export const RawShardFile = z.object({
  schemaVersion: z.number().int().min(0),
  collection: z.string(),
  bucket: z.number().int().min(0),
  items: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** The raw shape of settings.json of any version, checked only as far as migrations need. */
export const RawSettingsFile = z.object({
  schemaVersion: z.number().int().min(0),
  settings: z.record(z.string(), z.unknown()),
});

const shardSchemas = new Map<CollectionName, z.ZodType>();

/** The strict schema of a current-version shard of `collection` (built once, reused). */
export function shardSchema(collection: CollectionName): z.ZodType {
  let schema = shardSchemas.get(collection);
  if (schema === undefined) {
    schema = z.object({
      schemaVersion: z.number().int(),
      collection: z.literal(collection),
      bucket: z.number().int().min(0),
      items: z.record(z.string(), collections[collection]),
    });
    shardSchemas.set(collection, schema);
  }
  return schema;
}

/** The content object of a shard file; its key order is the file's. */
export function shardContent(
  schemaVersion: number,
  collection: CollectionName,
  bucket: number,
  items: Record<string, unknown>,
) {
  return { schemaVersion, collection, bucket, items };
}

/** The content object of settings.json. */
export function settingsContent(schemaVersion: number, settings: unknown) {
  return { schemaVersion, settings };
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON with every non-ASCII character written as a `\\uXXXX` escape. The files then decode as Latin-1
 * (a plain copy) instead of UTF-8, which made opening a large store ~3x faster to read; JSON.parse
 * turns the escapes back into the same characters.
 */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return NON_ASCII.test(text) ? text.replace(NON_ASCII_ALL, escapeChar) : text;
}

/**
 * `"id":{...}` as ASCII bytes — one item's part of a shard file, cached so an edit re-serializes
 * one item. Bytes rather than strings: joining a few hundred cached strings into one large string
 * per save cost more than the disk write itself (a fresh large V8 string each time); a
 * Buffer.concat is one copy outside the JS heap.
 */
export function itemFragment(id: string, item: unknown): Buffer {
  return Buffer.from(`${asciiJson(id)}:${asciiJson(item)}`, 'latin1');
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('}}');

/** The bytes of a shard file from its items' fragments (same shape as `shardContent`). */
export function shardBytes(
  schemaVersion: number,
  collection: string,
  bucket: number,
  fragments: Iterable<Buffer>,
): Buffer {
  const parts: Buffer[] = [
    Buffer.from(
      `{"schemaVersion":${schemaVersion},"collection":${JSON.stringify(collection)},"bucket":${bucket},"items":{`,
      'latin1',
    ),
  ];
  let first = true;
  for (const fragment of fragments) {
    if (!first) parts.push(COMMA);
    parts.push(fragment);
    first = false;
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/** A whole content object as ASCII JSON bytes. */
export function asciiBytes(value: unknown): Buffer {
  return Buffer.from(asciiJson(value), 'latin1');
}

/** Decodes a store file; files we wrote are pure ASCII and skip the slower UTF-8 decoding. */
export function decodeStoreBytes(buffer: Buffer): string {
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/** Reads a store file as text (see decodeStoreBytes). */
export function readStoreText(filePath: string): string {
  return decodeStoreBytes(fs.readFileSync(filePath));
}
