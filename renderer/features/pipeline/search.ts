import type { Contact, SourceKind, Stage } from '../../../shared/schema/entities.js';
import { fullName, sourceLabels, stageLabels } from './labels.js';

/** Lower case without accents, so "jose" finds "José" and "ÅSA" finds "Åsa". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The text a search looks through, folded once per contact version (not per keystroke): name,
 * company, title and notes. Cached by object identity, so an edited contact gets a new entry and
 * untouched ones are reused.
 */
const haystacks = new WeakMap<Contact, string>();
export function haystackOf(contact: Contact): string {
  let text = haystacks.get(contact);
  if (text === undefined) {
    text = fold(`${fullName(contact)}\n${contact.company}\n${contact.title}\n${contact.notes}`);
    haystacks.set(contact, text);
  }
  return text;
}

/** Every word of the query must appear somewhere in the contact (order does not matter). */
export function searchContacts(contacts: readonly Contact[], query: string): readonly Contact[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return contacts;
  return contacts.filter((contact) => {
    const text = haystackOf(contact);
    for (const word of words) if (!text.includes(word)) return false;
    return true;
  });
}

export interface ListFilters {
  stage: Stage | '';
  source: SourceKind | '';
  company: string;
  tag: string;
}

export const noFilters: ListFilters = { stage: '', source: '', company: '', tag: '' };

export function filterContacts(
  contacts: readonly Contact[],
  filters: ListFilters,
): readonly Contact[] {
  const { stage, source, company, tag } = filters;
  if (!stage && !source && !company && !tag) return contacts;
  return contacts.filter(
    (c) =>
      (!stage || c.stage === stage) &&
      (!source || c.source.kind === source) &&
      (!company || c.company === company) &&
      (!tag || c.tags.includes(tag)),
  );
}

export type SortKey = 'name' | 'company' | 'title' | 'stage' | 'source' | 'updated';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const stageOrder = new Map<string, number>(Object.keys(stageLabels).map((s, i) => [s, i]));

const sortValue: Record<SortKey, (c: Contact) => string | number> = {
  name: (c) => fullName(c),
  company: (c) => c.company,
  title: (c) => c.title,
  stage: (c) => stageOrder.get(c.stage) ?? 0,
  source: (c) => sourceLabels[c.source.kind],
  updated: (c) => c.updatedAt,
};

/** Sorted copy; empty text sorts last either way, so blanks never crowd the top. */
export function sortContacts(contacts: readonly Contact[], sort: Sort): Contact[] {
  const get = sortValue[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...contacts].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y) || byName(a, b);
    const xs = String(x);
    const ys = String(y);
    if (xs === '' && ys !== '') return 1;
    if (ys === '' && xs !== '') return -1;
    return sign * collator.compare(xs, ys) || byName(a, b);
  });
}

const byName = (a: Contact, b: Contact) => collator.compare(fullName(a), fullName(b));

/** Distinct non-empty values, sorted, for the Company and Tag filters. */
export function distinct(values: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value) set.add(value);
  return [...set].sort(collator.compare);
}
