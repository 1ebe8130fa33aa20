import type { Contact, Employer, SourceKind } from '../schema/entities.js';
import { companyKey } from './contact-keys.js';
import { compareContactsByName } from './contact-order.js';
import { fullName } from './names.js';

/**
 * The LAMP list (Dalton): employers scored on Advocacy (a warm contact there, computed),
 * Motivation (0-3) and Posting (1-3), sorted Motivation, then Posting, then Advocacy. One copy for
 * main (the list it sends, the CSV), the renderer (sorting after an inline edit) and the tests.
 */

/** How many employers "work on these five" marks: the few worked on at a time with 3B7. */
export const FOCUS_SIZE = 5;

export const MOTIVATION_LABELS: Readonly<Record<number, string>> = Object.freeze({
  0: '0 – none',
  1: '1 – some',
  2: '2 – strong',
  3: '3 – dream',
});

export const POSTING_LABELS: Readonly<Record<number, string>> = Object.freeze({
  1: '1 – no openings',
  2: '2 – some',
  3: '3 – relevant',
});

/**
 * The key two company names are the same employer by: case, accents, punctuation and suffixes
 * such as "Inc." or "GmbH" folded away ("Nestlé S.A." is "nestle").
 */
export const employerKey = companyKey;

/** Every key an employer answers to: its name's, and those of the employers merged into it. */
export function employerKeys(employer: Pick<Employer, 'name' | 'aliases'>): string[] {
  const keys = [employerKey(employer.name), ...employer.aliases.map(employerKey)];
  return [...new Set(keys.filter((key) => key !== ''))];
}

/** Employers by each of their keys; the first (oldest) wins a key two of them share. */
export function employerIndex(employers: Iterable<Employer>): Map<string, Employer> {
  const sorted = [...employers].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const index = new Map<string, Employer>();
  for (const employer of sorted)
    for (const key of employerKeys(employer)) if (!index.has(key)) index.set(key, employer);
  return index;
}

/** A warm source: the user has a way in (not a cold "other" contact). */
export const isWarmSource = (kind: SourceKind): boolean => kind !== 'other';

export interface Advocacy {
  /** True when at least one warm contact works there. */
  warm: boolean;
  /** The warm contacts there, in name order: "with who". */
  people: { id: string; name: string }[];
  /** Every contact linked to the employer. */
  contacts: number;
}

type Linked = Pick<
  Contact,
  'id' | 'firstName' | 'lastName' | 'company' | 'employerId' | 'source' | 'stage'
>;

/** Advocacy of every employer, from the contacts linked to them, in one pass. */
export function advocacyByEmployer(contacts: Iterable<Linked>): Map<string, Advocacy> {
  const out = new Map<string, Advocacy>();
  const warmLists = new Map<string, Linked[]>();
  for (const contact of contacts) {
    if (contact.employerId === null) continue;
    let entry = out.get(contact.employerId);
    if (entry === undefined) {
      entry = { warm: false, people: [], contacts: 0 };
      out.set(contact.employerId, entry);
    }
    entry.contacts += 1;
    if (isWarmSource(contact.source.kind)) {
      entry.warm = true;
      const list = warmLists.get(contact.employerId);
      if (list === undefined) warmLists.set(contact.employerId, [contact]);
      else list.push(contact);
    }
  }
  for (const [id, list] of warmLists)
    out.get(id)!.people = list
      .sort(compareContactsByName)
      .map((contact) => ({ id: contact.id, name: fullName(contact) }));
  return out;
}

/** What the LAMP order reads of a row. */
export interface LampScores {
  name: string;
  motivation: number;
  posting: number;
  advocacy: boolean;
}

/**
 * The book's order: Motivation (high first), then Posting, then Advocacy (a warm contact first),
 * then the name, so the list never reshuffles between equal rows.
 */
export function compareLamp(a: LampScores, b: LampScores): number {
  return (
    b.motivation - a.motivation ||
    b.posting - a.posting ||
    Number(b.advocacy) - Number(a.advocacy) ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
  );
}
