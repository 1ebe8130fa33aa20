import { containsAll, fold, searchWords } from '../../../shared/domain/text-fold.js';
import type { SourceKind, Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { fullName, sourceLabels, stageLabels } from './labels.js';

export { fold };

/**
 * The text a search looks through (name, company and title; notes are searched in main), folded
 * once per contact version: kept by id and reused while `updatedAt` is the same, so a list that
 * main sent again (new objects, same contacts) costs nothing, and an edited contact is folded anew.
 */
const haystacks = new Map<string, { updatedAt: string; text: string }>();
export function haystackOf(contact: ContactSummary): string {
  const cached = haystacks.get(contact.id);
  if (cached !== undefined && cached.updatedAt === contact.updatedAt) return cached.text;
  const text = fold(`${fullName(contact)}\n${contact.company}\n${contact.title}`);
  haystacks.set(contact.id, { updatedAt: contact.updatedAt, text });
  return text;
}

/** Forgets every folded text (tests; a restore that replaced everything need not, ids differ). */
export function clearSearchCache(): void {
  haystacks.clear();
}

/** The last search over each list: a longer query only filters what the shorter one found. */
const lastSearch = new WeakMap<
  readonly ContactSummary[],
  { folded: string; result: readonly ContactSummary[] }
>();

/**
 * Every word of the query must appear somewhere in the contact (order does not matter). Typing on
 * narrows: when the folded query extends the previous one over the same list, every old word is
 * inside a new word, so only the previous matches can still match and only they are checked.
 */
export function searchContacts<T extends ContactSummary>(
  contacts: readonly T[],
  query: string,
): readonly T[] {
  const words = searchWords(query);
  if (words.length === 0) return contacts;
  const folded = words.join(' ');
  const previous = lastSearch.get(contacts);
  const from =
    previous !== undefined && folded.startsWith(previous.folded)
      ? (previous.result as readonly T[])
      : contacts;
  const result =
    previous?.folded === folded
      ? from
      : from.filter((contact) => containsAll(haystackOf(contact), words));
  lastSearch.set(contacts, { folded, result });
  return result;
}

/**
 * Adds the contacts main found through their notes (`notesIds`, for this same query) to what the
 * list's own search found, keeping the list's order. Nothing to add: the search's own result.
 */
export function withNotesMatches<T extends ContactSummary>(
  contacts: readonly T[],
  found: readonly T[],
  notesIds: ReadonlySet<string> | null,
): readonly T[] {
  if (notesIds === null || notesIds.size === 0 || found === contacts) return found;
  const matched = new Set<string>(found.map((c) => c.id));
  return contacts.filter((c) => matched.has(c.id) || notesIds.has(c.id));
}

export interface ListFilters {
  stage: Stage | '';
  source: SourceKind | '';
  company: string;
  tag: string;
}

export const noFilters: ListFilters = { stage: '', source: '', company: '', tag: '' };

export function filterContacts<T extends ContactSummary>(
  contacts: readonly T[],
  filters: ListFilters,
): readonly T[] {
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

const sortValue: Record<SortKey, (c: ContactSummary) => string | number> = {
  name: (c) => fullName(c),
  company: (c) => c.company,
  title: (c) => c.title,
  stage: (c) => stageOrder.get(c.stage) ?? 0,
  source: (c) => sourceLabels[c.source.kind],
  updated: (c) => c.updatedAt,
};

/** Sorted copy; empty text sorts last either way, so blanks never crowd the top. */
export function sortContacts<T extends ContactSummary>(contacts: readonly T[], sort: Sort): T[] {
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

const byName = (a: ContactSummary, b: ContactSummary) => collator.compare(fullName(a), fullName(b));

/** Distinct non-empty values, sorted, for the Company and Tag filters. */
export function distinct(values: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const value of values) if (value) set.add(value);
  return [...set].sort(collator.compare);
}
