import { fullName } from '../../shared/domain/names.js';
import Papa from 'papaparse';
import type { Contact } from '../../shared/schema/entities.js';
import {
  guardFormula,
  needsFormulaGuard,
  unguardFormula,
} from '../../shared/domain/formula-guard.js';

/** The CSV columns, in order; the import mapping guesser reads these same headers back. */
export const csvColumns: Array<
  [header: string, value: (contact: Contact, byId: ReadonlyMap<string, Contact>) => string]
> = [
  ['First Name', (c) => c.firstName],
  ['Last Name', (c) => c.lastName],
  ['Title', (c) => c.title],
  ['Company', (c) => c.company],
  ['Industry', (c) => c.industry],
  ['Location', (c) => c.location],
  ['E-mail', (c) => c.email],
  ['Phone', (c) => c.phone],
  ['LinkedIn URL', (c) => c.linkedinUrl],
  ['Source', (c) => c.source.kind],
  ['Source Detail', (c) => c.source.detail],
  [
    'Referred By',
    (c, byId) => {
      const referrer = c.referredById === null ? undefined : byId.get(c.referredById);
      return referrer === undefined ? '' : fullName(referrer);
    },
  ],
  ['Tags', (c) => c.tags.join('; ')],
  ['Notes', (c) => c.notes],
  ['Stage', (c) => c.stage],
  ['Responsiveness', (c) => c.responsiveness],
  ['Created', (c) => c.createdAt],
  ['Updated', (c) => c.updatedAt],
];

const byName = (a: Contact, b: Contact) =>
  a.lastName.localeCompare(b.lastName) ||
  a.firstName.localeCompare(b.firstName) ||
  a.id.localeCompare(b.id);

export { guardFormula, needsFormulaGuard, unguardFormula };

/**
 * RFC 4180 CSV (papaparse's writer: CRLF, quotes only where needed) with a UTF-8 BOM so Excel
 * shows accents. Cells a spreadsheet could run as a formula get a leading `'` (`guardFormula`),
 * so it shows them as text instead of running them; the importer removes that mark again.
 */
export function contactsToCsv(contacts: readonly Contact[]): string {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const rows = [...contacts]
    .sort(byName)
    .map((contact) => csvColumns.map(([, value]) => guardFormula(value(contact, byId))));
  const body = Papa.unparse(
    { fields: csvColumns.map(([header]) => header), data: rows },
    { newline: '\r\n', escapeFormulae: false, quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}

/** vCard text escaping (RFC 6350 3.4): backslash, comma, semicolon, newline. */
export const escapeVcardText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 6350 3.2) without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const vcardStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/** One vCard 4.0 card; Rapport-only fields go in X-RAPPORT-* properties other apps ignore. */
export function contactToVcard(contact: Contact): string {
  const e = escapeVcardText;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${e(fullName(contact))}`,
    `N:${e(contact.lastName)};${e(contact.firstName)};;;`,
  ];
  const add = (name: string, value: string) => {
    if (value !== '') lines.push(`${name}:${value}`);
  };
  add('ORG', e(contact.company));
  add('TITLE', e(contact.title));
  add('EMAIL', e(contact.email));
  add('TEL;VALUE=text', e(contact.phone));
  add('URL', e(contact.linkedinUrl));
  add('ADR', contact.location === '' ? '' : `;;;${e(contact.location)};;;`);
  add('NOTE', e(contact.notes));
  add('CATEGORIES', contact.tags.map(e).join(','));
  add('X-RAPPORT-INDUSTRY', e(contact.industry));
  add('X-RAPPORT-SOURCE', `${e(contact.source.kind)};${e(contact.source.detail)}`);
  add('X-RAPPORT-STAGE', e(contact.stage));
  add('UID', e(contact.id));
  add('REV', vcardStamp(contact.updatedAt));
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** All contacts as one vCard 4.0 file (UTF-8, CRLF, folded lines). */
export function contactsToVcard(contacts: readonly Contact[]): string {
  return [...contacts].sort(byName).map(contactToVcard).join('');
}

/** "Rapport contacts 2026-12-03.csv", with the user's local calendar date. */
export function exportFileName(now: Date, extension: 'csv' | 'vcf'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `Rapport contacts ${date}.${extension}`;
}
