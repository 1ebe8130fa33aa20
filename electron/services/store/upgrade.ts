import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, StorageStatus } from '../../../shared/contract.js';
import { SCHEMA_VERSION, type Dataset } from '../../../shared/schema/dataset.js';
import { fileStamp, uniquePath } from '../atomic-file.js';
import { describeIssue, ExportFileProblem, upgradeAndValidate } from '../export-file.js';
import type { Migrations, RawDataset } from '../migrations.js';
import { parseStoreFileName, RawSettingsFile, RawShardFile } from '../shards.js';
import type { Clock } from '../types.js';
import { jsonOf, type DamagedFile, type ScannedFile } from './scan.js';
import { errorCode } from './store-files.js';

/** What opening an older store needs from the storage around it. */
export interface UpgradeContext {
  dataDir: string;
  storeDir: string;
  damagedDir: string;
  now: Clock;
  migrations: Migrations;
  log: (message: string, error?: unknown) => void;
  /** The 'before-migration' backup of the files as they are; throws if it cannot be written. */
  takeBackup(): void;
  /** Copies damaged files aside (damaged/<time>/); returns the copies' paths. */
  copyAside(names: string[]): string[];
  newestGoodBackup(): { info: BackupInfo; data: Dataset } | null;
}

/**
 * What to do with a store written by an older Rapport: the data to write in this version's
 * files (with, when damaged files made a backup's data stand in, what the notice says), or why
 * it must open read-only.
 */
export type UpgradePlan =
  | { kind: 'upgrade'; data: Dataset; restored: StorageStatus['restored']; copyDir: string }
  | { kind: 'read-only'; reason: string };

/**
 * An older store: copy the folder to pre-migration-v<old>-<time>/, take a 'before-migration'
 * backup, run the migration steps on the whole raw dataset and validate it. Damaged files in an
 * older store cannot be upgraded piece by piece, so then the newest good backup stands in. The
 * caller writes the data (or opens read-only with the reason); nothing here writes store files.
 */
export function planUpgrade(
  files: readonly ScannedFile[],
  storeVersion: number,
  ctx: UpgradeContext,
): UpgradePlan {
  const copyDir = uniquePath(
    path.join(ctx.dataDir, `pre-migration-v${storeVersion}-${fileStamp(ctx.now())}`),
  );
  try {
    fs.cpSync(ctx.storeDir, copyDir, { recursive: true });
  } catch (error) {
    return {
      kind: 'read-only',
      reason: `Your data is from an older version of Rapport and could not be copied before upgrading it (${errorCode(error)}). Rapport opened read-only so nothing is changed; free some disk space and restart Rapport.`,
    };
  }
  const raw: RawDataset = {};
  const damaged: DamagedFile[] = [];
  for (const file of files) {
    const problem =
      file.problem ??
      (file.version === storeVersion
        ? null
        : `holds data version ${String(file.version)}, not ${storeVersion}`);
    const parsedName = parseStoreFileName(file.name);
    if (problem !== null || parsedName === null) {
      damaged.push({ name: file.name, problem: problem ?? 'has an unknown name' });
      continue;
    }
    if (parsedName.kind === 'settings') {
      const parsed = RawSettingsFile.safeParse(jsonOf(file));
      if (parsed.success) raw.settings = parsed.data.settings;
      else
        damaged.push({
          name: file.name,
          problem: `has a wrong value at ${describeIssue(parsed.error)}`,
        });
      continue;
    }
    const parsed = RawShardFile.safeParse(jsonOf(file));
    if (!parsed.success) {
      damaged.push({
        name: file.name,
        problem: `has a wrong value at ${describeIssue(parsed.error)}`,
      });
      continue;
    }
    const record = (raw[parsedName.collection] ??= {}) as Record<string, unknown>;
    Object.assign(record, parsed.data.items);
  }
  let data: Dataset | null = null;
  let restored: StorageStatus['restored'] = null;
  let failure = '';
  if (damaged.length === 0) {
    try {
      data = upgradeAndValidate(raw, storeVersion, ctx.migrations, true);
    } catch (error) {
      failure = error instanceof ExportFileProblem ? error.problem : errorCode(error);
    }
  }
  if (data === null && damaged.length === 0) {
    return {
      kind: 'read-only',
      reason: `Your data is from an older version of Rapport (data version ${storeVersion}) and could not be upgraded: it ${failure}. Rapport opened read-only and changed nothing; a copy is in ${copyDir}.`,
    };
  }
  if (data !== null) {
    try {
      ctx.takeBackup();
    } catch (error) {
      return {
        kind: 'read-only',
        reason: `Your data is from an older version of Rapport and no backup could be written before upgrading it (${errorCode(error)}). Rapport opened read-only and changed nothing.`,
      };
    }
    ctx.log(
      `[storage] migrated the store from data version ${storeVersion} to ${SCHEMA_VERSION}; the old files are in ${copyDir}`,
    );
  } else {
    // Damaged files in an older store: the files cannot be upgraded piece by piece, so the whole
    // store comes from the newest good backup (the old files stay in the pre-migration copy).
    const what = damaged.map((file) => `${file.name} ${file.problem}`).join('; ');
    let movedAside: string[];
    try {
      movedAside = ctx.copyAside(damaged.map((file) => file.name));
    } catch (error) {
      return {
        kind: 'read-only',
        reason: `Some of your data could not be read (${what}) and Rapport could not keep a copy of the damaged files (${errorCode(error)}). Rapport opened read-only; check the disk and restart Rapport.`,
      };
    }
    const backup = ctx.newestGoodBackup();
    if (backup === null) {
      return {
        kind: 'read-only',
        reason: `Some of your data could not be read (${what}) and no backup could replace it. Rapport opened read-only and left the files where they are; a copy is in ${path.dirname(movedAside[0] ?? ctx.damagedDir)}.`,
      };
    }
    data = backup.data;
    restored = {
      backupName: backup.info.name,
      backupCreatedAt: backup.info.createdAt,
      movedAside,
      reason: `Some data files were damaged (${what}). Your data was restored from the backup of ${backup.info.createdAt}; the old files are in ${copyDir}.`,
    };
  }
  return { kind: 'upgrade', data, restored, copyDir };
}
