import { Email } from '../../../shared/schema/common.js';
import type { SourceKind } from '../../../shared/schema/entities.js';
import type { ImportRowIssue } from '../../../shared/schema/pipeline.js';
import { LinkedInUrl, Phone } from '../../../shared/schema/settings.js';

/** One person read from a file, checked field by field, before it is matched with the store. */
export interface Draft {
  firstName: string;
  lastName: string;
  title: string;
  company: string;
  industry: string;
  location: string;
  email: string;
  phone: string;
  linkedinUrl: string;
  tags: string[];
  notes: string;
  source: { kind: SourceKind; detail: string };
}

/** A draft and the 1-based row (CSV) or card (vCard) number it came from. */
export interface DraftRecord {
  row: number;
  draft: Draft;
}

/** Whether the file counts rows (CSV) or cards (vCard); every message says which. */
export type RecordUnit = 'row' | 'card';

/**
 * Where parsers write what the preview tells the user: `skipped` holds exactly one entry per row
 * or card that will not be imported; `warnings` hold notes about rows that will be imported, but
 * not exactly as the file has them (a field left out or cut, two rows combined).
 */
export interface IssueLog {
  skipped: ImportRowIssue[];
  warnings: ImportRowIssue[];
}

/** What a parser hands on: people, and what it skipped or changed on the way. */
export interface ParsedFile extends IssueLog {
  records: DraftRecord[];
}

/** Raw text per field as a parser found it; `notes` lines are joined by the builder. */
export interface RawFields {
  firstName?: string;
  lastName?: string;
  fullName?: string;
  title?: string;
  company?: string;
  industry?: string;
  location?: string;
  email?: string;
  phone?: string;
  linkedinUrl?: string;
  tags?: string[];
  notes?: string[];
}

/** The store's limits (shared/schema): checked here first, so a long value costs one comparison. */
export const fieldLimits = {
  firstName: 100,
  lastName: 100,
  title: 200,
  company: 200,
  industry: 200,
  location: 200,
  email: 320,
  phone: 40,
  linkedinUrl: 300,
  tag: 50,
  tags: 50,
  notes: 20_000,
} as const;

/**
 * Raw text longer than this is too long for any field but the notes, however much whitespace it
 * carries: it is refused on its length alone, before any pattern (trim, control characters, the
 * e-mail check...) looks at it. This keeps every regular expression in import on bounded input.
 */
export const FIELD_SCAN_MAX = 1_000;

const labels = {
  firstName: 'first name',
  lastName: 'last name',
  fullName: 'name',
  title: 'title',
  company: 'company',
  industry: 'industry',
  location: 'location',
  email: 'e-mail address',
  phone: 'phone number',
  linkedinUrl: 'LinkedIn address',
} as const;

/** "Row 8" / "Card 2": how every message names where it comes from. */
export const where = (unit: RecordUnit, row: number) =>
  `${unit === 'card' ? 'Card' : 'Row'} ${row}`;

/** Drops control characters (not tab or line breaks) and trims, as the form's `text()` schema trims. */
export const clean = (value: string | undefined) =>
  (value ?? '').replace(/\p{Cc}/gu, (char) => ('\t\n\r'.includes(char) ? char : '')).trim();

const quote = (value: string) => `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;

/**
 * "Maya Okafor" -> Maya / Okafor; "Okafor, Maya" -> Maya / Okafor. The first word is the first
 * name: a guess, but the one the user can fix in one edit. Callers pass bounded text.
 */
export function splitFullName(full: string): { first: string; last: string } {
  const value = clean(full).replace(/\s+/g, ' ');
  const comma = value.indexOf(',');
  if (comma > 0) {
    return { first: value.slice(comma + 1).trim(), last: value.slice(0, comma).trim() };
  }
  const space = value.indexOf(' ');
  return space < 0
    ? { first: value, last: '' }
    : { first: value.slice(0, space), last: value.slice(space + 1) };
}

/** Adds https:// to a bare `linkedin.com/in/...` so the schema (which wants a scheme) accepts it. */
export function normaliseLinkedIn(value: string): string {
  if (value.length > FIELD_SCAN_MAX) return value;
  const trimmed = clean(value);
  if (/^(www\.|[a-z]{2}\.)?linkedin\.com\//i.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}

/**
 * Splits a tags cell ("a; b, c" -> [a, b, c]) with a plain scan: no pattern and no spread, so a
 * 1 MB cell of tags costs one pass and never a deep stack. Pieces are raw; the builder cleans them.
 */
export function splitTags(value: string, into: string[] = []): string[] {
  let start = 0;
  for (let index = 0; index <= value.length; index += 1) {
    const code = index < value.length ? value.charCodeAt(index) : 0x3b;
    if (code !== 0x3b /* ; */ && code !== 0x2c /* , */) continue;
    const piece = value.slice(start, index);
    if (piece.trim() !== '') into.push(piece);
    start = index + 1;
  }
  return into;
}

/**
 * Builds a draft from raw fields. A row without a usable first name is skipped (returns null, one
 * entry in `log.skipped`); a bad or over-long e-mail, phone, LinkedIn address or other field is
 * left out of that row with a warning, so one typo does not cost the user the whole person.
 * Every length is checked before any pattern runs on the text.
 */
export function buildDraft(
  row: number,
  raw: RawFields,
  source: Draft['source'],
  log: IssueLog,
  unit: RecordUnit = 'row',
): Draft | null {
  const at = where(unit, row);
  const skip = (reason: string) => {
    log.skipped.push({ row, reason: `${at}${reason}` });
    return null;
  };
  const warn = (reason: string) => log.warnings.push({ row, reason: `${at}: ${reason}` });
  const tooLong = (value: string | undefined, max: number) =>
    (value ?? '').length > FIELD_SCAN_MAX || clean(value).length > max;

  if (tooLong(raw.firstName, fieldLimits.firstName)) {
    return skip(
      `: the first name is longer than ${fieldLimits.firstName} characters, so the ${unit} was skipped.`,
    );
  }
  let firstName = clean(raw.firstName);
  let lastName = raw.lastName;
  if (firstName === '' && (raw.fullName ?? '') !== '') {
    if ((raw.fullName ?? '').length > FIELD_SCAN_MAX) {
      return skip(
        `: the name is longer than ${FIELD_SCAN_MAX.toLocaleString('en-US')} characters, so the ${unit} was skipped.`,
      );
    }
    const split = splitFullName(raw.fullName ?? '');
    firstName = split.first;
    if ((lastName ?? '').trim() === '') lastName = split.last;
    if (firstName.length > fieldLimits.firstName) {
      return skip(
        `: the first name is longer than ${fieldLimits.firstName} characters, so the ${unit} was skipped.`,
      );
    }
  }
  if (firstName === '') {
    return skip(
      unit === 'card'
        ? ' has no name, so it was skipped.'
        : ' has no first name, so it was skipped.',
    );
  }
  const draft: Draft = {
    firstName,
    lastName: '',
    title: '',
    company: '',
    industry: '',
    location: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    tags: [],
    notes: '',
    source,
  };
  const text = (
    field: 'lastName' | 'title' | 'company' | 'industry' | 'location',
    value: string | undefined,
  ) => {
    if (!tooLong(value, fieldLimits[field])) return clean(value);
    warn(
      `the ${labels[field]} is longer than ${fieldLimits[field]} characters, so it was left out.`,
    );
    return '';
  };
  draft.lastName = text('lastName', lastName);
  draft.title = text('title', raw.title);
  draft.company = text('company', raw.company);
  draft.industry = text('industry', raw.industry);
  draft.location = text('location', raw.location);

  const checked = (
    field: 'email' | 'phone' | 'linkedinUrl',
    value: string,
    valid: (value: string) => boolean,
    invalid: (shown: string) => string,
  ) => {
    if (value.length > FIELD_SCAN_MAX) {
      warn(
        `the ${labels[field]} is longer than ${fieldLimits[field]} characters, so it was left out.`,
      );
      return '';
    }
    const cleaned = clean(value);
    if (cleaned === '') return '';
    if (cleaned.length > fieldLimits[field]) {
      warn(
        `the ${labels[field]} is longer than ${fieldLimits[field]} characters, so it was left out.`,
      );
      return '';
    }
    if (valid(cleaned)) return cleaned;
    warn(invalid(quote(cleaned)));
    return '';
  };
  draft.email = checked(
    'email',
    raw.email ?? '',
    (value) => Email.safeParse(value).success,
    (shown) => `the e-mail address ${shown} is not valid, so it was left out.`,
  );
  draft.phone = checked(
    'phone',
    raw.phone ?? '',
    (value) => Phone.safeParse(value).success,
    (shown) => `the phone number ${shown} was left out (use digits, spaces and + ( ) -).`,
  );
  draft.linkedinUrl = checked(
    'linkedinUrl',
    normaliseLinkedIn(raw.linkedinUrl ?? ''),
    (value) => LinkedInUrl.safeParse(value).success,
    (shown) => `${shown} is not a LinkedIn profile address, so it was left out.`,
  );

  const tags: string[] = [];
  const seen = new Set<string>();
  let droppedTags = 0;
  let firstDropped = '';
  for (const tag of raw.tags ?? []) {
    if (tag.length > FIELD_SCAN_MAX) {
      droppedTags += 1;
      if (firstDropped === '') firstDropped = tag;
      continue;
    }
    const value = clean(tag);
    if (value === '' || seen.has(value)) continue;
    if (value.length > fieldLimits.tag || tags.length >= fieldLimits.tags) {
      droppedTags += 1;
      if (firstDropped === '') firstDropped = value;
      continue;
    }
    seen.add(value);
    tags.push(value);
  }
  if (droppedTags > 0) {
    warn(
      `${
        droppedTags === 1
          ? `the tag ${quote(firstDropped)} was`
          : `${droppedTags.toLocaleString('en-US')} tags were`
      } left out (a contact has up to ${fieldLimits.tags} tags of up to ${fieldLimits.tag} characters).`,
    );
  }
  draft.tags = tags;

  // Notes are cut, not refused: each line is cut to what is left of the limit before any pattern.
  const lines: string[] = [];
  let room = fieldLimits.notes;
  let cut = false;
  for (const line of raw.notes ?? []) {
    if (room <= 0) {
      if (line.trim() !== '') cut = true;
      continue;
    }
    let value = line;
    if (value.length > room + FIELD_SCAN_MAX) {
      value = value.slice(0, room + FIELD_SCAN_MAX);
      cut = true;
    }
    value = value.replace(/\r\n?/g, '\n').trim();
    if (value === '') continue;
    if (value.length > room) {
      value = value.slice(0, room).trim();
      cut = true;
    }
    lines.push(value);
    room -= value.length + 1;
  }
  if (cut) {
    warn(
      `the notes are longer than ${fieldLimits.notes.toLocaleString('en-US')} characters and were cut there.`,
    );
  }
  draft.notes = lines.join('\n');
  return draft;
}
