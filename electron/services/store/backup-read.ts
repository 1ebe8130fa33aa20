import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/contract.js';
import type { Dataset } from '../../../shared/schema/dataset.js';
import { copyFileDurably, fileStamp, uniquePath } from '../atomic-file.js';
import { listBackupFiles, parseBackupName } from '../backups.js';
import { ExportFileProblem, parseExportText } from '../export-file.js';
import type { Migrations } from '../migrations.js';
import { readBackupFolder } from './backup-folders.js';

/** A backup's data, upgraded and validated; throws ExportFileProblem or a file-system error. */
export function readBackup(backupsDir: string, name: string, migrations: Migrations): Dataset {
  const full = path.join(backupsDir, name);
  if (parseBackupName(name)?.kind === 'folder') return readBackupFolder(full, migrations);
  return parseExportText(fs.readFileSync(full, 'utf8'), migrations, true).data;
}

/** The newest backup that parses, is not newer than this build, and validates completely. */
export function newestGoodBackup(
  backupsDir: string,
  migrations: Migrations,
  log: (message: string, error?: unknown) => void,
): { info: BackupInfo; data: Dataset } | null {
  for (const info of listBackupFiles(backupsDir)) {
    try {
      return { info, data: readBackup(backupsDir, info.name, migrations) };
    } catch (error) {
      log(
        `[storage] backup ${info.name} is not usable`,
        error instanceof ExportFileProblem ? error.problem : error,
      );
    }
  }
  return null;
}

/** Copies store files into a new damaged/<time>/ folder; returns the copies' paths. */
export function copyAside(
  storeDir: string,
  damagedDir: string,
  now: Date,
  names: readonly string[],
): string[] {
  const folder = uniquePath(path.join(damagedDir, fileStamp(now)));
  return names.map((name) => {
    const target = path.join(folder, name);
    copyFileDurably(path.join(storeDir, name), target);
    return target;
  });
}
