import { UserFacingError } from '../../shared/result.js';
import type { ImportKind } from '../../shared/schema/pipeline.js';
import type { FileFilter, HandlerDeps } from './handlers.js';
import type { Handlers } from './dispatch.js';
import { writeFileAtomic } from '../services/atomic-file.js';
import { contactsToCsv, contactsToVcard, exportFileName } from '../services/export-contacts.js';
import { createImportService } from '../services/import/session.js';

export type ImportChannel =
  | 'import:choose'
  | 'import:dropped'
  | 'import:remap'
  | 'import:reencode'
  | 'import:commit'
  | 'import:cancel'
  | 'export:contactsCsv'
  | 'export:contactsVcard';

const openDialogs: Record<ImportKind, { title: string; filters: FileFilter[] }> = {
  linkedin: {
    title: 'Import LinkedIn connections (Connections.csv)',
    filters: [{ name: 'LinkedIn Connections.csv', extensions: ['csv'] }],
  },
  csv: {
    title: 'Import contacts from a CSV file',
    filters: [{ name: 'CSV or text file', extensions: ['csv', 'txt', 'tsv'] }],
  },
  vcard: {
    title: 'Import contacts from a vCard file',
    filters: [{ name: 'vCard', extensions: ['vcf', 'vcard'] }],
  },
};

/**
 * Contact import (LinkedIn, any CSV, vCard) and export (CSV, vCard 4.0). Paths only ever come from
 * the native dialogs; a file dropped on the window comes as its bytes, never as a path. The
 * renderer holds a preview token. Files are parsed in a
 * worker thread (see services/import/runner.ts); only the final save runs on main's event loop.
 */
export function createImportHandlers(deps: HandlerDeps): Pick<Handlers, ImportChannel> {
  const service = createImportService({
    storage: deps.storage,
    now: deps.now,
    emit: (progress) => deps.emit('import:progress', progress),
  });

  const exportTo = async (extension: 'csv' | 'vcf') => {
    const filePath = await deps.dialogs.showSave({
      title: extension === 'csv' ? 'Export contacts as CSV' : 'Export contacts as vCard',
      defaultPath: exportFileName(deps.now(), extension),
      filters:
        extension === 'csv'
          ? [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }]
          : [{ name: 'vCard', extensions: ['vcf'] }],
    });
    if (filePath === null) return null;
    const contacts = Object.values(deps.storage.read().contacts);
    const text = extension === 'csv' ? contactsToCsv(contacts) : contactsToVcard(contacts);
    try {
      writeFileAtomic(filePath, text);
    } catch {
      throw new UserFacingError(
        'io',
        'The export could not be written there. Your contacts were not changed. Choose another folder and try again.',
      );
    }
    return { path: filePath, count: contacts.length };
  };

  return {
    'import:choose': async ({ kind }) => {
      const paths = await deps.dialogs.showOpen(openDialogs[kind]);
      const filePath = paths?.[0];
      if (filePath === undefined) return null;
      return service.preview(filePath, kind);
    },
    'import:dropped': ({ kind, name, data }) =>
      service.previewBytes(Buffer.from(data, 'base64'), name, kind),
    'import:remap': ({ token, mapping }) => service.remap(token, mapping),
    'import:reencode': ({ token, encoding }) => service.reencode(token, encoding),
    'import:commit': ({ token }) => service.commit(token),
    'import:cancel': ({ token }) => {
      service.cancel(token);
      return null;
    },
    'export:contactsCsv': () => exportTo('csv'),
    'export:contactsVcard': () => exportTo('vcf'),
  };
}
