import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Dataset as DatasetSchema, SCHEMA_VERSION } from '../../../shared/schema/dataset.js';
import { writeFileAtomic } from '../atomic-file.js';
import { MANIFEST_FILE } from '../shards.js';

/**
 * The manifest vouches for store files this build validated (at open) or wrote (from validated
 * data): the size, modification time and inode each had then. The store never edits a file in
 * place (a save writes a new file, a new inode, and renames it over the old one), so at the next
 * open a file whose stat still matches is the very file vouched for and is used without running
 * zod, which is most of what makes a large store open fast. A file that differs in any way
 * (edited, copied back, written by a session that crashed before sealing) is validated in full.
 * A manifest written under other schemas vouches for nothing.
 */

export interface FileSeal {
  size: number;
  mtimeMs: number;
  ino: number;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let fingerprint: string | null = null;

/** Identifies this build's schemas (their JSON Schema form: shapes, lengths, enums, patterns). */
export function schemaFingerprint(): string {
  fingerprint ??= sha256(
    Buffer.from(
      `${SCHEMA_VERSION}:${JSON.stringify(z.toJSONSchema(DatasetSchema, { unrepresentable: 'any' }))}`,
    ),
  );
  return fingerprint;
}

const Seal = z.object({
  size: z.number().int().min(0),
  mtimeMs: z.number(),
  ino: z.number(),
});

/** The seals of a previous session, if written under this build's schemas; else none. */
export function readManifest(storeDir: string): Map<string, FileSeal> {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(storeDir, MANIFEST_FILE), 'latin1')) as {
      fingerprint?: unknown;
      files?: unknown;
    };
    if (json.fingerprint !== schemaFingerprint() || typeof json.files !== 'object' || !json.files)
      return new Map();
    const seals = new Map<string, FileSeal>();
    for (const [name, value] of Object.entries(json.files)) {
      const seal = Seal.safeParse(value);
      if (seal.success) seals.set(name, seal.data);
    }
    return seals;
  } catch {
    return new Map(); // missing or unreadable: every file is simply validated in full
  }
}

/** Saves the seals atomically. A manifest that cannot be written only costs validation later. */
export function writeManifest(storeDir: string, seals: ReadonlyMap<string, FileSeal>): void {
  writeFileAtomic(
    path.join(storeDir, MANIFEST_FILE),
    JSON.stringify({
      format: 'rapport-manifest',
      schemaVersion: SCHEMA_VERSION,
      fingerprint: schemaFingerprint(),
      files: Object.fromEntries(seals),
    }),
  );
}

/** True when the file on disk is still exactly the one sealed (same size, time and inode). */
export function statMatches(seal: FileSeal | undefined, stat: FileSeal): boolean {
  return (
    seal !== undefined &&
    seal.size === stat.size &&
    seal.mtimeMs === stat.mtimeMs &&
    seal.ino === stat.ino
  );
}

/** The seal of a file as it is on disk now. */
export function sealOf(stat: fs.Stats): FileSeal {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
}

/** True when two maps hold the same seals. */
export function sameSeals(a: ReadonlyMap<string, FileSeal>, b: ReadonlyMap<string, FileSeal>) {
  if (a.size !== b.size) return false;
  for (const [name, seal] of a) {
    const other = b.get(name);
    if (
      other === undefined ||
      other.size !== seal.size ||
      other.mtimeMs !== seal.mtimeMs ||
      other.ino !== seal.ino
    )
      return false;
  }
  return true;
}
