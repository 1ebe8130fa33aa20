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

/** What a parser hands on: people, per-row notes, and how many rows it refused. */
export interface ParsedFile {
  records: DraftRecord[];
  /** Rejections and dropped fields, in file order. */
  issues: ImportRowIssue[];
  rejected: number;
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

const limits = {
  firstName: 100,
  lastName: 100,
  title: 200,
  company: 200,
  industry: 200,
  location: 200,
} as const;

const labels = {
  firstName: 'first name',
  lastName: 'last name',
  title: 'title',
  company: 'company',
  industry: 'industry',
  location: 'location',
} as const;

const NOTES_MAX = 20_000;
const TAG_MAX = 50;
const TAGS_MAX = 50;

/** Drops control characters (not tab or line breaks) and trims, as the form's `text()` schema trims. */
export const clean = (value: string | undefined) =>
  (value ?? '').replace(/\p{Cc}/gu, (char) => ('\t\n\r'.includes(char) ? char : '')).trim();

const quote = (value: string) => `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;

/**
 * "Maya Okafor" -> Maya / Okafor; "Okafor, Maya" -> Maya / Okafor. The first word is the first
 * name: a guess, but the one the user can fix in one edit.
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
  const trimmed = clean(value);
  if (/^(www\.|[a-z]{2}\.)?linkedin\.com\//i.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}

/** Splits a tags cell: "a; b, c" -> [a, b, c]. */
export const splitTags = (value: string) =>
  value
    .split(/[;,]/)
    .map((tag) => clean(tag))
    .filter((tag) => tag !== '');

/**
 * Builds a draft from raw fields. A row without a first name is refused (returns null, one issue);
 * a bad e-mail, phone or LinkedIn address is left out of that row with a note, so one typo does not
 * cost the user the whole person.
 */
export function buildDraft(
  row: number,
  raw: RawFields,
  source: Draft['source'],
  issues: ImportRowIssue[],
  unit: 'row' | 'card' = 'row',
): Draft | null {
  let firstName = clean(raw.firstName);
  let lastName = clean(raw.lastName);
  if (firstName === '' && clean(raw.fullName) !== '') {
    const split = splitFullName(raw.fullName ?? '');
    firstName = split.first;
    if (lastName === '') lastName = split.last;
  }
  if (firstName === '') {
    issues.push({ row, reason: `No first name, so this ${unit} was not imported.` });
    return null;
  }
  if (firstName.length > limits.firstName) {
    issues.push({
      row,
      reason: `The first name is longer than ${limits.firstName} characters, so this ${unit} was not imported.`,
    });
    return null;
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
  const kept = (field: keyof typeof limits, value: string) => {
    if (value.length <= limits[field]) return value;
    issues.push({
      row,
      reason: `The ${labels[field]} is longer than ${limits[field]} characters and was left out; the rest of the ${unit} was kept.`,
    });
    return '';
  };
  draft.lastName = kept('lastName', lastName);
  draft.title = kept('title', clean(raw.title));
  draft.company = kept('company', clean(raw.company));
  draft.industry = kept('industry', clean(raw.industry));
  draft.location = kept('location', clean(raw.location));

  const email = clean(raw.email);
  if (email !== '') {
    if (Email.safeParse(email).success) draft.email = email;
    else
      issues.push({
        row,
        reason: `The e-mail ${quote(email)} is not a valid address and was left out; the rest of the ${unit} was kept.`,
      });
  }
  const phone = clean(raw.phone);
  if (phone !== '') {
    if (Phone.safeParse(phone).success) draft.phone = phone;
    else
      issues.push({
        row,
        reason: `The phone number ${quote(phone)} was left out (use digits, spaces and + ( ) -); the rest of the ${unit} was kept.`,
      });
  }
  const url = normaliseLinkedIn(raw.linkedinUrl ?? '');
  if (url !== '') {
    if (LinkedInUrl.safeParse(url).success) draft.linkedinUrl = url;
    else
      issues.push({
        row,
        reason: `${quote(url)} is not a LinkedIn profile address and was left out; the rest of the ${unit} was kept.`,
      });
  }
  const tags: string[] = [];
  for (const tag of raw.tags ?? []) {
    const value = clean(tag);
    if (value === '' || tags.includes(value)) continue;
    if (value.length > TAG_MAX || tags.length >= TAGS_MAX) {
      issues.push({
        row,
        reason: `The tag ${quote(value)} was left out (too long or too many tags).`,
      });
      continue;
    }
    tags.push(value);
  }
  draft.tags = tags;
  let notes = (raw.notes ?? [])
    .map((line) => line.replace(/\r\n?/g, '\n').trim())
    .filter((line) => line !== '')
    .join('\n');
  if (notes.length > NOTES_MAX) {
    notes = notes.slice(0, NOTES_MAX).trim();
    issues.push({
      row,
      reason: `The notes were longer than ${NOTES_MAX.toLocaleString('en-US')} characters and were cut there.`,
    });
  }
  draft.notes = notes;
  return draft;
}
