import type { Contact } from '../schema/entities.js';
import type { DuplicateMatch } from '../schema/pipeline.js';
import { emailKey, linkedinKey, nameCompanyKey } from './contact-keys.js';

/** The fields that identify a person; a form draft or an imported row has them all. */
export type DuplicateProbe = Pick<
  Contact,
  'firstName' | 'lastName' | 'company' | 'email' | 'linkedinUrl'
>;

const strength: Record<DuplicateMatch['reason'], number> = {
  linkedin: 0,
  email: 1,
  'name-company': 2,
};

/**
 * Contacts that are probably the same person as `probe`, so the add form can warn before a
 * second card is made. A LinkedIn profile or an e-mail address names one person; a name alone
 * does not, so names only count together with the company. Each contact appears once, with the
 * strongest reason, and the strongest matches come first. `ignoreId` leaves out the contact being
 * edited.
 */
export function findDuplicates(
  probe: Partial<DuplicateProbe>,
  contacts: Iterable<Contact>,
  ignoreId?: string,
): DuplicateMatch[] {
  const linkedin = linkedinKey(probe.linkedinUrl ?? '');
  const email = emailKey(probe.email ?? '');
  const nameCompany = nameCompanyKey(
    probe.firstName ?? '',
    probe.lastName ?? '',
    probe.company ?? '',
  );
  if (linkedin === null && email === null && nameCompany === null) return [];
  const matches: DuplicateMatch[] = [];
  for (const contact of contacts) {
    if (ignoreId !== undefined && contact.id === ignoreId) continue;
    let reason: DuplicateMatch['reason'] | null = null;
    if (linkedin !== null && linkedinKey(contact.linkedinUrl) === linkedin) reason = 'linkedin';
    else if (email !== null && emailKey(contact.email) === email) reason = 'email';
    else if (
      nameCompany !== null &&
      nameCompanyKey(contact.firstName, contact.lastName, contact.company) === nameCompany
    ) {
      reason = 'name-company';
    }
    if (reason !== null) matches.push({ contact, reason });
  }
  return matches.sort((a, b) => strength[a.reason] - strength[b.reason]);
}
