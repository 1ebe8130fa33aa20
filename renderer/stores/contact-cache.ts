import { compareContactsByName } from '../../shared/domain/contact-order.js';
import { stageOrder } from '../../shared/domain/stages.js';
import type { Stage } from '../../shared/schema/entities.js';
import type { ContactSummary } from '../../shared/schema/pipeline.js';

/**
 * The renderer's copy of the contacts, in main's order (by name), and the same contacts grouped by
 * stage for the board. Changes are applied to both in place of a reload: a moved card leaves one
 * group and joins another, and every other group keeps its identity, so the board redraws two
 * columns, not all of them, and nothing is regrouped.
 */
export interface ContactCache {
  contacts: readonly ContactSummary[];
  byStage: Readonly<Record<Stage, readonly ContactSummary[]>>;
}

export const emptyGroups = (): Record<Stage, ContactSummary[]> =>
  Object.fromEntries(stageOrder.map((stage) => [stage, []])) as unknown as Record<
    Stage,
    ContactSummary[]
  >;

/** A full list from main, grouped once. */
export function cacheOf(contacts: readonly ContactSummary[]): ContactCache {
  const byStage = emptyGroups();
  for (const contact of contacts) byStage[contact.stage]?.push(contact);
  return { contacts, byStage };
}

/** Where `contact` belongs in a list sorted by name (after any equal entry). */
function sortedPosition(list: readonly ContactSummary[], contact: ContactSummary): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareContactsByName(list[middle] as ContactSummary, contact) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

const sameOrder = (a: ContactSummary, b: ContactSummary) =>
  a.firstName === b.firstName && a.lastName === b.lastName && a.company === b.company;

/** Finds ids in a list: a scan for a few, an index for many. */
function locator(list: readonly ContactSummary[], count: number): (id: string) => number {
  if (count <= 8) return (id) => list.findIndex((c) => c.id === id);
  const index = new Map<string, number>();
  list.forEach((c, i) => index.set(c.id, i));
  return (id) => index.get(id) ?? -1;
}

/**
 * The cache after `saved` (new or changed contacts, as main sent them) and `removed` (ids that no
 * longer exist). Untouched groups are the same arrays as before; the list is copied once.
 */
export function applyChanges(
  cache: ContactCache,
  saved: readonly ContactSummary[],
  removed: readonly string[] = [],
): ContactCache {
  if (saved.length === 0 && removed.length === 0) return cache;
  const contacts = cache.contacts.slice();
  const groups: Record<Stage, ContactSummary[]> = { ...cache.byStage } as Record<
    Stage,
    ContactSummary[]
  >;
  const copied = new Set<Stage>();
  const group = (stage: Stage): ContactSummary[] => {
    if (!copied.has(stage)) {
      groups[stage] = (groups[stage] ?? []).slice();
      copied.add(stage);
    }
    return groups[stage];
  };
  const dropFromGroup = (before: ContactSummary) => {
    const list = group(before.stage);
    const at = list.findIndex((c) => c.id === before.id);
    if (at !== -1) list.splice(at, 1);
  };
  const insertSorted = (list: ContactSummary[], contact: ContactSummary) =>
    list.splice(sortedPosition(list, contact), 0, contact);

  // Positions found up front stay right for in-place replacements; any insert or removal shifts
  // them, after which positions are looked up again.
  const find = locator(contacts, saved.length + removed.length);
  let shifted = false;
  const indexOf = (id: string) => (shifted ? contacts.findIndex((c) => c.id === id) : find(id));

  for (const id of removed) {
    const at = indexOf(id);
    if (at === -1) continue;
    const [before] = contacts.splice(at, 1);
    if (before) dropFromGroup(before);
    shifted = true;
  }
  for (const contact of saved) {
    const at = indexOf(contact.id);
    const before = at === -1 ? undefined : contacts[at];
    if (before === undefined) {
      insertSorted(contacts, contact);
      insertSorted(group(contact.stage), contact);
      shifted = true;
      continue;
    }
    if (before === contact) continue;
    if (sameOrder(before, contact)) contacts[at] = contact;
    else {
      contacts.splice(at, 1);
      insertSorted(contacts, contact);
      shifted = true;
    }
    if (before.stage === contact.stage && sameOrder(before, contact)) {
      const list = group(contact.stage);
      const inGroup = list.findIndex((c) => c.id === contact.id);
      if (inGroup !== -1) list[inGroup] = contact;
      else insertSorted(list, contact);
    } else {
      dropFromGroup(before);
      insertSorted(group(contact.stage), contact);
    }
  }
  return { contacts, byStage: groups };
}
