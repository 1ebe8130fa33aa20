import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  collectionNames,
  collections,
  SCHEMA_VERSION,
  type CollectionName,
  type Dataset,
} from '../../../shared/schema/dataset.js';
import { Settings } from '../../../shared/schema/settings.js';
import { fsyncDir, tempPathFor } from '../atomic-file.js';
import { describeIssue, ExportFileProblem, upgradeAndValidate } from '../export-file.js';
import { describeDataProblem } from '../export-file-messages.js';
import type { Migrations, RawDataset } from '../migrations.js';

/**
 * "Export everything" writes JSON Lines: a header line, the settings, one line per item, and an
 * end line with the counts (so a cut-off file is recognised). Written and read a line at a time,
 * it has no size ceiling (one JSON string of a large store hits V8's string limit near 92,000
 * contacts), and the main thread yields every few milliseconds while doing it.
 *
 *     {"format":"rapport-data-lines","schemaVersion":3,"exportedAt":"2026-12-02T10:00:00.000Z"}
 *     {"settings":{...}}
 *     {"collection":"contacts","item":{"id":"c-1",...}}
 *     {"end":true,"counts":{"contacts":1,...}}
 */
export const LINES_FORMAT = 'rapport-data-lines';

/** What an export holds: the settings and each collection's items, taken at one instant. */
export interface ExportSnapshot {
  settings: Dataset['settings'];
  items: ReadonlyArray<readonly [CollectionName, readonly object[]]>;
}

/** Items are never changed in place (a save puts new objects), so these arrays are a snapshot. */
export function snapshotOf(data: Readonly<Dataset>): ExportSnapshot {
  return {
    settings: data.settings,
    items: collectionNames.map((name) => [name, Object.values(data[name])] as const),
  };
}

/** Longest the main thread works before letting other events in. */
const SLICE_MS = 8;
const CHUNK_BYTES = 1024 * 1024;
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the export to `filePath` (temp file, fsync, rename); returns its size and counts. */
export async function writeExportLines(
  filePath: string,
  snapshot: ExportSnapshot,
  exportedAt: Date,
): Promise<{ bytes: number; counts: Record<string, number> }> {
  const temp = tempPathFor(filePath);
  const handle = await fs.promises.open(temp, 'w', 0o666);
  let bytes = 0;
  const counts: Record<string, number> = {};
  try {
    let chunk: string[] = [];
    let chunkLength = 0;
    let sliceStart = performance.now();
    const flush = async () => {
      if (chunk.length === 0) return;
      const buffer = Buffer.from(chunk.join(''), 'utf8');
      chunk = [];
      chunkLength = 0;
      bytes += buffer.length;
      await handle.write(buffer);
      sliceStart = performance.now();
    };
    const line = async (value: unknown) => {
      const text = `${JSON.stringify(value)}\n`;
      chunk.push(text);
      chunkLength += text.length;
      if (chunkLength >= CHUNK_BYTES) await flush();
      else if (performance.now() - sliceStart > SLICE_MS) {
        await flush();
        await yieldToEvents();
      }
    };
    await line({
      format: LINES_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: exportedAt.toISOString(),
    });
    await line({ settings: snapshot.settings });
    for (const [collection, items] of snapshot.items) {
      counts[collection] = items.length;
      for (const item of items) await line({ collection, item });
    }
    await line({ end: true, counts });
    await flush();
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temp, filePath);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(filePath));
  return { bytes, counts };
}

/** No record of Rapport's comes near this (a note is at most 20,000 characters). */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

const Header = z.object({
  format: z.literal(LINES_FORMAT),
  schemaVersion: z.number().int().min(0),
  exportedAt: z.string().max(40),
});
const End = z.object({
  end: z.literal(true),
  counts: z.record(z.string(), z.number().int().min(0)),
});

/** Reads a file's lines, each at most MAX_LINE_BYTES, without holding the whole file. */
async function* linesOf(filePath: string): AsyncGenerator<string> {
  const stream = fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  for await (const data of stream) {
    const buffer = data as Buffer;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(10, start);
      const end = newline === -1 ? buffer.length : newline;
      pendingBytes += end - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        stream.destroy();
        throw new ExportFileProblem(
          `has a line (number ${lineNumber + 1}) longer than any Rapport record, so it is not a Rapport export`,
        );
      }
      pending.push(buffer.subarray(start, end));
      if (newline === -1) break;
      lineNumber += 1;
      yield Buffer.concat(pending).toString('utf8');
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}

const itemSchemas = new Map<CollectionName, z.ZodType>();
/** `{ <collection>: { <id>: item } }`: issues then have the paths a whole-dataset check gives. */
function itemSchema(collection: CollectionName): z.ZodType {
  let schema = itemSchemas.get(collection);
  if (schema === undefined) {
    schema = z.object({ [collection]: z.record(z.string(), collections[collection]) });
    itemSchemas.set(collection, schema);
  }
  return schema;
}

const parseLine = (text: string, lineNumber: number): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ExportFileProblem(
      `has a line (number ${lineNumber}) that is not valid JSON (the file may be cut off or edited)`,
    );
  }
};

/**
 * Reads and checks an export written by `writeExportLines`: the header, every line, the counts at
 * the end. Items of this build's version are validated one by one as they come (yielding to other
 * events every few milliseconds); an older file is upgraded and validated as a whole at the end.
 * Throws ExportFileProblem with a plain reason.
 */
export async function readExportLines(
  filePath: string,
  migrations: Migrations,
): Promise<{ data: Dataset; schemaVersion: number; exportedAt: string }> {
  let header: z.infer<typeof Header> | null = null;
  let end: z.infer<typeof End> | null = null;
  const raw: Record<string, unknown> = {};
  for (const collection of collectionNames) raw[collection] = {};
  let lineNumber = 0;
  let sliceStart = performance.now();
  for await (const text of linesOf(filePath)) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    if (end !== null)
      throw new ExportFileProblem(`has more lines after its end line (line ${lineNumber})`);
    const json = parseLine(
      lineNumber === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      lineNumber,
    );
    if (header === null) {
      const parsed = Header.safeParse(json);
      if (!parsed.success)
        throw new ExportFileProblem(
          'is not a Rapport export (it lacks the "format": "rapport-data-lines" marker)',
        );
      header = parsed.data;
      if (header.schemaVersion > SCHEMA_VERSION) {
        throw new ExportFileProblem(
          `was written by a newer version of Rapport (data version ${header.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Rapport to use it`,
        );
      }
      continue;
    }
    const current = header.schemaVersion === SCHEMA_VERSION;
    const record = json as {
      settings?: unknown;
      collection?: unknown;
      item?: unknown;
      end?: unknown;
    };
    if (typeof json !== 'object' || json === null) {
      throw new ExportFileProblem(`has a line (number ${lineNumber}) that is not a record`);
    } else if (record.end !== undefined) {
      const parsed = End.safeParse(json);
      if (!parsed.success) throw new ExportFileProblem(`has an end line Rapport cannot read`);
      end = parsed.data;
    } else if (record.settings !== undefined) {
      if (current) {
        const settings = Settings.safeParse(record.settings);
        if (!settings.success)
          throw new ExportFileProblem(
            `has a value Rapport cannot use. Settings: ${describeIssue(settings.error)}`,
          );
        raw.settings = settings.data;
      } else raw.settings = record.settings;
    } else if (
      typeof record.collection === 'string' &&
      Object.hasOwn(raw, record.collection) &&
      record.collection !== 'settings'
    ) {
      const collection = record.collection as CollectionName;
      const items = raw[collection] as Record<string, unknown>;
      let item = record.item;
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string')
        throw new ExportFileProblem(`has a record without an id (line ${lineNumber})`);
      if (Object.hasOwn(items, id))
        throw new ExportFileProblem(`holds the record "${id}" twice (line ${lineNumber})`);
      if (current) {
        const parsed = itemSchema(collection).safeParse({ [collection]: { [id]: item } });
        if (!parsed.success) {
          // Worded like a whole-file check: the record (named from what is read so far) and field.
          const seen = { ...raw, [collection]: { ...items, [id]: item } };
          throw new ExportFileProblem(
            `has a value Rapport cannot use. ${describeDataProblem(parsed.error, seen)}`,
          );
        }
        item = (parsed.data as Record<string, Record<string, unknown>>)[collection]?.[id];
      }
      items[id] = item;
    } else {
      throw new ExportFileProblem(`has a line (number ${lineNumber}) Rapport does not know`);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEvents();
      sliceStart = performance.now();
    }
  }
  if (header === null) throw new ExportFileProblem('is empty');
  if (end === null)
    throw new ExportFileProblem('has no end line: it is cut off (the export did not finish)');
  for (const collection of collectionNames) {
    const expected = end.counts[collection] ?? 0;
    const found = Object.keys(raw[collection] as object).length;
    if (expected !== found)
      throw new ExportFileProblem(
        `says it holds ${expected} ${collection} but holds ${found}: it was cut or edited`,
      );
  }
  if (raw.settings === undefined) throw new ExportFileProblem('has no settings line');
  const data =
    header.schemaVersion === SCHEMA_VERSION
      ? (raw as unknown as Dataset)
      : upgradeAndValidate(raw as RawDataset, header.schemaVersion, migrations, false, 'words');
  return { data, schemaVersion: header.schemaVersion, exportedAt: header.exportedAt };
}
