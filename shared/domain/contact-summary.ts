import type { ContactSummary } from '../schema/pipeline.js';

/**
 * The board's and the list's view of a contact: the same object without its notes, which can be
 * 20,000 characters each and are only shown (and searched, in main) elsewhere.
 */
export function contactSummary(contact: ContactSummary & { notes?: string }): ContactSummary {
  const { notes: _notes, ...summary } = contact;
  return summary;
}
