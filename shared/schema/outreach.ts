import { z } from 'zod';
import { bounded, Id } from './common.js';
import type { Contact, OutreachDraft } from './entities.js';

/**
 * An outreach e-mail being written, saved as the user types (one draft per contact). Limits match
 * the stored draft's, so a save is refused here, with a sentence, rather than by the store.
 */
export const SaveOutreachDraftInput = z.object({
  contactId: Id,
  subject: bounded(300, 'Keep the subject under 300 characters.'),
  body: bounded(20_000, 'Keep the e-mail under 20000 characters.'),
});
export type SaveOutreachDraftInput = z.infer<typeof SaveOutreachDraftInput>;

/** A draft with the contact it is for, for lists outside the contact's own page. */
export interface OutreachDraftSummary {
  draft: OutreachDraft;
  contact: Contact;
}
