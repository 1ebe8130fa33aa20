import { employerKey } from '../../shared/domain/employers.js';
import { blankEmployer } from './employers.js';
/**
 * A whole dataset as read from disk before it is checked: `settings` plus one record of raw items
 * per collection name (whatever collections that version had).
 */
export type RawDataset = Record<string, unknown>;

/** Turns a dataset of version n into version n + 1. Pure: no disk access, no clock. */
export type Migration = (data: RawDataset) => RawDataset;

/** Keyed by the version a step starts from: `{ 1: v1ToV2 }` upgrades version 1 stores. */
export type Migrations = Readonly<Record<number, Migration>>;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The items of a collection as a record (a missing or odd collection becomes empty). */
const itemsOf = (data: RawDataset, name: string): Record<string, Raw> => {
  const record = data[name];
  if (!isObject(record)) return {};
  const out: Record<string, Raw> = {};
  for (const [id, item] of Object.entries(record)) if (isObject(item)) out[id] = item;
  return out;
};

const BUILT_IN_PURPOSES: Readonly<Record<string, string>> = {
  'builtin-thank-you': 'thank-you',
  'builtin-report-back': 'report-back',
  'builtin-referrer-thanks': 'referrer-thanks',
};

/**
 * Version 1 -> 2: keep-in-touch per contact, meeting modes (a link meant video), note purposes
 * (a note written from the referrer template becomes a note addressed to the referrer, about the
 * person met), outreach drafts, and the new settings (keep-in-touch days, printed question order).
 */
export function v1ToV2(data: RawDataset): RawDataset {
  const contacts = itemsOf(data, 'contacts');
  for (const contact of Object.values(contacts)) contact.keepInTouch ??= { off: false, days: null };
  const meetings = itemsOf(data, 'meetings');
  for (const meeting of Object.values(meetings))
    meeting.mode ??=
      typeof meeting.link === 'string' && meeting.link !== '' ? 'video' : 'in-person';
  const templates = itemsOf(data, 'templates');
  const notes = itemsOf(data, 'notes');
  for (const note of Object.values(notes)) {
    const templateId = typeof note.templateId === 'string' ? note.templateId : '';
    const own = templates[templateId]?.purpose;
    let purpose = BUILT_IN_PURPOSES[templateId] ?? (typeof own === 'string' ? own : 'thank-you');
    if (purpose === 'outreach') purpose = 'thank-you';
    note.aboutContactId = null;
    if (purpose === 'referrer-thanks') {
      const about = typeof note.contactId === 'string' ? contacts[note.contactId] : undefined;
      const referrerId = about?.referredById;
      if (typeof referrerId === 'string' && contacts[referrerId] !== undefined) {
        note.aboutContactId = note.contactId;
        note.contactId = referrerId;
      } else {
        // Nobody to address it to any more: it stays a note to the person met.
        purpose = 'thank-you';
      }
    }
    note.purpose = purpose;
  }
  const settings = isObject(data.settings) ? data.settings : {};
  settings.keepInTouchDays ??= 90;
  settings.printGroupedByTopic ??= false;
  const early = settings.arriveEarlyMinutes;
  if (typeof early !== 'number') settings.arriveEarlyMinutes = 15;
  return {
    ...data,
    settings,
    contacts,
    meetings,
    notes,
    templates,
    outreach: itemsOf(data, 'outreach'),
  };
}

/** The fields of a meeting that live in its prep record from version 3 on. */
const PREP_FIELDS = [
  'research',
  'questions',
  'notes',
  'checklist',
  'travelMinutes',
  'takeaways',
  'advice',
  'namesSuggested',
  'promises',
  'attachmentIds',
] as const;

/**
 * Version 2 -> 3: each meeting is split into its record (when, where, with whom, status: small,
 * always in memory) and its prep (research, questions, notes...: most of the bytes, read on
 * demand), under the same id.
 */
export function v2ToV3(data: RawDataset): RawDataset {
  const meetings = itemsOf(data, 'meetings');
  const preps: Record<string, Raw> = {};
  for (const [id, meeting] of Object.entries(meetings)) {
    const prep: Raw = { id, updatedAt: meeting.updatedAt };
    for (const field of PREP_FIELDS) {
      prep[field] = meeting[field];
      delete meeting[field];
    }
    preps[id] = prep;
  }
  return { ...data, meetings, preps };
}

/**
 * Version 3 -> 4: employers (the LAMP list). Every company the contacts name becomes an employer
 * (the same company written differently — case, accents, "Inc.", "GmbH" — is one), unscored, and
 * each contact links to theirs. Pure: ids come from the order of the contacts (oldest first), the
 * employer's dates from its oldest contact.
 */
export function v3ToV4(data: RawDataset): RawDataset {
  const contacts = itemsOf(data, 'contacts');
  const employers: Record<string, Raw> = {};
  const byKey = new Map<string, string>();
  const stamp = (contact: Raw) => (typeof contact.createdAt === 'string' ? contact.createdAt : '');
  const ordered = Object.entries(contacts).sort(
    ([a, x], [b, y]) => stamp(x).localeCompare(stamp(y)) || a.localeCompare(b),
  );
  for (const [, contact] of ordered) {
    const company = typeof contact.company === 'string' ? contact.company.trim() : '';
    const key = employerKey(company);
    if (key === '') {
      contact.employerId = null;
      continue;
    }
    let id = byKey.get(key);
    if (id === undefined) {
      id = `employer-${byKey.size + 1}`;
      byKey.set(key, id);
      const at = stamp(contact) || new Date(0).toISOString();
      employers[id] = {
        ...blankEmployer(company),
        id,
        createdAt: at,
        updatedAt: at,
      };
    }
    contact.employerId = id;
  }
  return { ...data, contacts, employers };
}

/**
 * This build's steps, keyed by the version they start from; each bump of SCHEMA_VERSION in
 * shared/schema/dataset.ts adds one.
 */
export const migrations: Migrations = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

/**
 * Runs every step from `from` up to `to`. Throws when a step is missing, so a store is never
 * half-upgraded and then validated against the wrong shape.
 */
export function migrate(data: RawDataset, from: number, to: number, table: Migrations): RawDataset {
  let current = data;
  for (let version = from; version < to; version += 1) {
    const step = table[version];
    if (step === undefined) {
      throw new Error(`No migration from data version ${version} to ${version + 1}.`);
    }
    current = step(structuredClone(current));
  }
  return current;
}
