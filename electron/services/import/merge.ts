import { emailKey, linkedinKey, nameCompanyKey } from '../../../shared/domain/contact-keys.js';
import type { Contact } from '../../../shared/schema/entities.js';
import type { ContactInput, ImportRowIssue } from '../../../shared/schema/pipeline.js';
import { where, type Draft, type DraftRecord, type RecordUnit } from './draft.js';

export type RowAction = 'new' | 'merge' | 'unchanged';

/** What an import would do to the store, computed against one snapshot of it. */
export interface ImportPlan {
  /** New and changed contacts, one entry per id, ready for `tx.put`. */
  writes: Contact[];
  counts: { new: number; merge: number; unchanged: number };
  /** The first rows as they would be saved. */
  sample: { action: RowAction; contact: ContactInput }[];
  /** Rows combined with an earlier row of the same file (they are imported: warnings). */
  warnings: ImportRowIssue[];
  /**
   * Each contact already in the store that rows matched: as it was when planned, and the drafts
   * merged into it in file order, so a contact changed by someone else while the import saves
   * can be told apart and merged again (`remerge`).
   */
  merged: Map<string, { before: Contact; drafts: Draft[] }>;
}

const SAMPLE_SIZE = 20;

const fillable = [
  'lastName',
  'title',
  'company',
  'industry',
  'location',
  'email',
  'phone',
  'linkedinUrl',
  'notes',
] as const;

/**
 * The merge rule: the user's data wins. Empty fields of `target` are filled from the draft and new
 * tags are appended; nothing the user typed is overwritten. Returns null when nothing would change.
 */
export function mergeDraft(target: Contact, draft: Draft, now: string): Contact | null {
  let changed = false;
  const next: Contact = { ...target, tags: [...target.tags] };
  for (const field of fillable) {
    if (next[field].trim() === '' && draft[field] !== '') {
      next[field] = draft[field];
      changed = true;
    }
  }
  const known = new Set(next.tags.map((tag) => tag.toLowerCase()));
  for (const tag of draft.tags) {
    if (next.tags.length >= 50) break;
    if (known.has(tag.toLowerCase())) continue;
    known.add(tag.toLowerCase());
    next.tags.push(tag);
    changed = true;
  }
  if (!changed) return null;
  next.updatedAt = now;
  return next;
}

const toInput = (contact: Contact): ContactInput => {
  const { id: _id, createdAt: _c, updatedAt: _u, responsiveness: _r, ...input } = contact;
  return input;
};

/** Keys of a contact: the same three the add-contact form checks. */
const keysOf = (
  contact: Pick<Contact, 'linkedinUrl' | 'email' | 'firstName' | 'lastName' | 'company'>,
) => ({
  linkedin: linkedinKey(contact.linkedinUrl),
  email: emailKey(contact.email),
  nameCompany: nameCompanyKey(contact.firstName, contact.lastName, contact.company),
});

/**
 * Matches drafts one by one with the store (LinkedIn URL, else e-mail, else name + company) and
 * with the earlier rows of the same file, so a file that lists someone twice still makes one
 * contact. A name + company match is not taken when both sides have different LinkedIn profiles:
 * two people can share a name at a large employer. `add` takes one record at a time, so a caller
 * can let the event loop breathe between chunks of a large file.
 */
export function createPlanner(
  existing: Readonly<Record<string, Contact>>,
  now: Date,
  newId: () => string,
  unit: RecordUnit = 'row',
) {
  const stamp = now.toISOString();
  const byLinkedin = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const byNameCompany = new Map<string, string>();
  const index = (contact: Contact) => {
    const keys = keysOf(contact);
    if (keys.linkedin !== null && !byLinkedin.has(keys.linkedin))
      byLinkedin.set(keys.linkedin, contact.id);
    if (keys.email !== null && !byEmail.has(keys.email)) byEmail.set(keys.email, contact.id);
    if (keys.nameCompany !== null && !byNameCompany.has(keys.nameCompany)) {
      byNameCompany.set(keys.nameCompany, contact.id);
    }
  };
  for (const id in existing) index(existing[id] as Contact);

  const current = new Map<string, Contact>();
  /** Contacts this import creates -> the row that created them. */
  const createdAt = new Map<string, number>();
  const lookup = (id: string) => current.get(id) ?? (existing[id] as Contact);
  const plan: ImportPlan = {
    writes: [],
    counts: { new: 0, merge: 0, unchanged: 0 },
    sample: [],
    warnings: [],
    merged: new Map(),
  };
  const sample = (action: RowAction, contact: Contact) => {
    if (plan.sample.length < SAMPLE_SIZE) plan.sample.push({ action, contact: toInput(contact) });
  };

  const add = ({ row, draft }: DraftRecord) => {
    const keys = keysOf(draft);
    let matchId =
      (keys.linkedin === null ? undefined : byLinkedin.get(keys.linkedin)) ??
      (keys.email === null ? undefined : byEmail.get(keys.email));
    if (matchId === undefined && keys.nameCompany !== null) {
      const candidate = byNameCompany.get(keys.nameCompany);
      if (candidate !== undefined) {
        const theirs = linkedinKey(lookup(candidate).linkedinUrl);
        if (keys.linkedin === null || theirs === null || theirs === keys.linkedin)
          matchId = candidate;
      }
    }
    if (matchId === undefined) {
      const contact: Contact = {
        id: newId(),
        ...draft,
        referredById: null,
        employerId: null,
        stage: 'prospect',
        responsiveness: 'unknown',
        keepInTouch: { off: false, days: null },
        createdAt: stamp,
        updatedAt: stamp,
      };
      current.set(contact.id, contact);
      createdAt.set(contact.id, row);
      index(contact);
      plan.counts.new += 1;
      sample('new', contact);
      return;
    }
    const target = lookup(matchId);
    if (Object.hasOwn(existing, matchId)) {
      const entry = plan.merged.get(matchId);
      if (entry === undefined)
        plan.merged.set(matchId, { before: existing[matchId] as Contact, drafts: [draft] });
      else entry.drafts.push(draft);
    }
    const merged = mergeDraft(target, draft, stamp);
    if (merged !== null) {
      current.set(merged.id, merged);
      index(merged);
    }
    const earlierRow = createdAt.get(matchId);
    if (earlierRow !== undefined) {
      plan.warnings.push({
        row,
        reason: `${where(unit, row)} is the same person as ${unit} ${earlierRow}; the two were combined into one contact.`,
      });
      plan.counts.unchanged += 1;
      return;
    }
    if (merged === null) {
      plan.counts.unchanged += 1;
      sample('unchanged', target);
    } else {
      plan.counts.merge += 1;
      sample('merge', merged);
    }
  };

  return {
    add,
    /** The plan for every record added so far. */
    finish(): ImportPlan {
      plan.writes = [...current.values()];
      return plan;
    },
  };
}

/**
 * The planned drafts merged again into a contact as it is now (someone changed it while the
 * import was saving); null when they change nothing of it any more.
 */
export function remerge(current: Contact, drafts: readonly Draft[], now: Date): Contact | null {
  const stamp = now.toISOString();
  let next: Contact | null = null;
  for (const draft of drafts) next = mergeDraft(next ?? current, draft, stamp) ?? next;
  return next;
}

/** Plans a whole file in one go (see `createPlanner`). */
export function planImport(
  records: DraftRecord[],
  existing: Readonly<Record<string, Contact>>,
  now: Date,
  newId: () => string,
  unit: RecordUnit = 'row',
): ImportPlan {
  const planner = createPlanner(existing, now, newId, unit);
  for (const record of records) planner.add(record);
  return planner.finish();
}
