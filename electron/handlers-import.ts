import { UserFacingError } from '../shared/result.js';
import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './ipc/dispatch.js';

export type ImportChannel =
  | 'import:choose'
  | 'import:remap'
  | 'import:commit'
  | 'import:cancel'
  | 'export:contactsCsv'
  | 'export:contactsVcard';

const notYet = () => {
  throw new UserFacingError('internal', 'Import is not available yet.');
};

/** Contact import (LinkedIn, CSV, vCard) and export (being built, issue 3). */
export function createImportHandlers(_deps: HandlerDeps): Pick<Handlers, ImportChannel> {
  return {
    'import:choose': notYet,
    'import:remap': notYet,
    'import:commit': notYet,
    'import:cancel': notYet,
    'export:contactsCsv': notYet,
    'export:contactsVcard': notYet,
  };
}
