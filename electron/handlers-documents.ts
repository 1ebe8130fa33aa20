import { UserFacingError } from '../shared/result.js';
import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './ipc/dispatch.js';

export type DocumentChannel =
  'export:prepSheet' | 'export:packet' | 'export:printPacket' | 'export:calendar';

const notYet = () => {
  throw new UserFacingError('internal', 'Documents are not available yet.');
};

/** Prep sheet (.docx), printed packet (PDF) and calendar file (.ics) (being built, issue 4). */
export function createDocumentHandlers(_deps: HandlerDeps): Pick<Handlers, DocumentChannel> {
  return {
    'export:prepSheet': notYet,
    'export:packet': notYet,
    'export:printPacket': notYet,
    'export:calendar': notYet,
  };
}
