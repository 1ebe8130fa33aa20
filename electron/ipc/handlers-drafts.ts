import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './dispatch.js';
import { createOutreachDraftsService } from '../services/outreach-drafts.js';

export type DraftChannel =
  'outreach:draft' | 'outreach:saveDraft' | 'outreach:discardDraft' | 'outreach:drafts';

/**
 * Outreach drafts, so nothing typed is lost: one e-mail being written per contact. Thank-you
 * drafts are unsent notes (`thanks:save`, `thanks:discardDraft`).
 */
export function createDraftHandlers(deps: HandlerDeps): Pick<Handlers, DraftChannel> {
  const outreach = createOutreachDraftsService({ storage: deps.storage, now: deps.now });
  return {
    'outreach:draft': ({ contactId }) => outreach.get(contactId),
    'outreach:saveDraft': (input) => outreach.save(input),
    'outreach:discardDraft': ({ contactId }) => outreach.discard(contactId),
    'outreach:drafts': () => outreach.list(),
  };
}
