import { z } from 'zod';
import type { BackupInfo } from '../../shared/contract.js';
import {
  collectionNames,
  Dataset,
  ExportFile,
  SCHEMA_VERSION,
} from '../../shared/schema/dataset.js';
import {
  describeDataProblem,
  describeEnvelopeProblem,
  recordLabel,
} from './export-file-messages.js';
import { migrate, type Migrations, type RawDataset } from './migrations.js';

/**
 * Backups and "Export everything" share one format (`ExportFile`). A store written before version
 * 1 (only ever seen in tests and very old files) may say 0, so the version floor is relaxed here.
 */
const Envelope = ExportFile.extend({ schemaVersion: z.number().int().min(0) });

/** The single JSON text of an export or backup; `reason` is only set for backups. */
export function exportText(
  data: Dataset | RawDataset,
  exportedAt: Date,
  reason?: BackupInfo['reason'],
  schemaVersion = SCHEMA_VERSION,
): string {
  const head = {
    format: 'rapport-data',
    schemaVersion,
    exportedAt: exportedAt.toISOString(),
    ...(reason === undefined ? {} : { reason }),
  };
  // Built by hand so the large `data` part is stringified once, straight into the result.
  return `${JSON.stringify(head).slice(0, -1)},"data":${JSON.stringify(data)}}`;
}

/** Why a file is not usable, in words that fit after "This file ..." / "This backup ...". */
export class ExportFileProblem extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'ExportFileProblem';
  }
}

/** `contacts.c-12.email` — where in the data a zod issue points. */
export function issuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return '';
  return issue.path.map((part) => String(part)).join('.');
}

/** `<field>: <message>` for the first issue, the form every storage error uses. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issuePath(error);
  const message = issue?.message ?? 'is not valid';
  return where === '' ? message : `${where}: ${message}`;
}

/** Every item must sit under its own id: the store files are chosen from the id. */
export function checkKeys(data: Dataset, wording: 'words' | 'paths' = 'paths'): string | null {
  for (const collection of collectionNames) {
    for (const [key, item] of Object.entries(data[collection])) {
      if (item.id === key) continue;
      return wording === 'words'
        ? `${recordLabel(data, collection, key)} is filed under the id "${key}" but its own id is "${item.id}"`
        : `${collection}.${key}: the item's id is "${item.id}", not "${key}"`;
    }
  }
  return null;
}

/** What `ExportFileProblem` says about data of the wrong shape (after "This file ..."). */
const wrongValue = (what: string) => `has a value Rapport cannot use. ${what}`;

/**
 * Parses and fully validates an export or backup text: JSON, the Rapport marker, a version this
 * build can read (older ones are migrated), then every item. Throws ExportFileProblem with a
 * plain reason; returns the dataset ready to replace the store, plus what the file said.
 */
export function parseExportText(
  text: string,
  migrations: Migrations,
  /** True for our own backups: one taken from store files lists only collections with files. */
  fillMissingCollections = false,
): { data: Dataset; schemaVersion: number; exportedAt: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new ExportFileProblem(
      'is not valid JSON, so it is not a Rapport export (it may be cut off, or be another kind of file)',
    );
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { format?: unknown }).format !== 'rapport-data'
  ) {
    throw new ExportFileProblem(
      'is not a Rapport export (it lacks the "format": "rapport-data" marker)',
    );
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    throw new ExportFileProblem(
      `is not a complete Rapport export: ${describeEnvelopeProblem(envelope.error)}`,
    );
  }
  const { schemaVersion, exportedAt } = envelope.data;
  return {
    data: upgradeAndValidate(
      envelope.data.data,
      schemaVersion,
      migrations,
      fillMissingCollections,
      'words',
    ),
    schemaVersion,
    exportedAt,
  };
}

/**
 * Brings a raw dataset of `schemaVersion` up to this build's version and checks every value.
 * Throws ExportFileProblem (newer than this build, a failing migration, or the first wrong field).
 */
export function upgradeAndValidate(
  raw: unknown,
  schemaVersion: number,
  migrations: Migrations,
  /** Store files: a collection without files is simply empty (an export must list every one). */
  fillMissingCollections = false,
  /**
   * 'words' names the record and field in plain words (what a user importing a file reads);
   * 'paths' gives the schema path (`contacts.c-2.email`), as store-file messages still do.
   */
  wording: 'words' | 'paths' = 'paths',
): Dataset {
  if (schemaVersion > SCHEMA_VERSION) {
    throw new ExportFileProblem(
      `was written by a newer version of Rapport (data version ${schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Rapport to use it`,
    );
  }
  let data = raw;
  if (schemaVersion < SCHEMA_VERSION) {
    if (typeof data !== 'object' || data === null) throw new ExportFileProblem('has no data in it');
    try {
      data = migrate(data as RawDataset, schemaVersion, SCHEMA_VERSION, migrations);
    } catch (error) {
      throw new ExportFileProblem(
        `could not be upgraded from data version ${schemaVersion} (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  if (fillMissingCollections && typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    for (const collection of collectionNames) record[collection] ??= {};
  }
  const parsed = Dataset.safeParse(data);
  if (!parsed.success) {
    throw new ExportFileProblem(
      wording === 'words'
        ? wrongValue(describeDataProblem(parsed.error, data))
        : `has a wrong value at ${describeIssue(parsed.error)}`,
    );
  }
  const keyProblem = checkKeys(parsed.data, wording);
  if (keyProblem !== null) {
    throw new ExportFileProblem(
      wording === 'words' ? wrongValue(keyProblem) : `has a wrong value at ${keyProblem}`,
    );
  }
  return parsed.data;
}
