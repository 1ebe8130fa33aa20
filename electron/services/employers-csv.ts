import Papa from 'papaparse';
import { employerIndex, employerKey } from '../../shared/domain/employers.js';
import type { Employer } from '../../shared/schema/entities.js';
import type { EmployerRow } from '../../shared/schema/employers.js';
import { guardFormula, unguardFormula } from './export-contacts.js';

/**
 * The LAMP list as CSV, out and back in: the same formula guard as the contacts' export (a cell a
 * spreadsheet could run gets a leading `'`, which the import takes off again), RFC 4180 with a
 * UTF-8 BOM. Advocacy is computed, so it is written for reading and ignored when read back.
 */

/** Above this, an employer list file is refused before it is parsed (a list is ~40 rows). */
export const EMPLOYERS_CSV_MAX_BYTES = 1_000_000;
export const EMPLOYERS_CSV_MAX_ROWS = 5_000;

const yes = (value: boolean) => (value ? 'yes' : 'no');

export const employerColumns: Array<[header: string, value: (row: EmployerRow) => string]> = [
  ['Name', (r) => r.name],
  ['Motivation', (r) => String(r.motivation)],
  ['Posting', (r) => String(r.posting)],
  ['Advocacy', (r) => yes(r.advocacy.warm)],
  ['Warm contacts', (r) => r.advocacy.people.map((p) => p.name).join('; ')],
  ['Focus', (r) => yes(r.focus)],
  ['Website', (r) => r.website],
  ['Location', (r) => r.location],
  ['Posting link', (r) => r.postingUrl],
  ['Notes', (r) => r.notes],
  ['Company research', (r) => r.research],
  ['Contacts', (r) => String(r.advocacy.contacts)],
];

/** The rows in the LAMP order they are given in. */
export function employersToCsv(rows: readonly EmployerRow[]): string {
  const body = Papa.unparse(
    {
      fields: employerColumns.map(([header]) => header),
      data: rows.map((row) => employerColumns.map(([, value]) => guardFormula(value(row)))),
    },
    { newline: '\r\n', escapeFormulae: false, quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}

export interface EmployerCsvPlan {
  /** New employers (without id and dates). */
  create: Omit<Employer, 'id' | 'createdAt' | 'updatedAt'>[];
  /** Employers on the list already, with the fields the file gives. */
  update: { id: string; patch: Partial<Employer> }[];
  /** Rows left out, with the row's number in the file (the header is row 1) and why. */
  skipped: { row: number; reason: string }[];
}

const header = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const known = new Map<string, keyof Employer>([
  ['name', 'name'],
  ['employer', 'name'],
  ['company', 'name'],
  ['motivation', 'motivation'],
  ['posting', 'posting'],
  ['focus', 'focus'],
  ['website', 'website'],
  ['location', 'location'],
  ['posting link', 'postingUrl'],
  ['notes', 'notes'],
  ['company research', 'research'],
  ['research', 'research'],
]);

const MAX_TEXT: Partial<Record<keyof Employer, number>> = {
  name: 200,
  location: 200,
  website: 2000,
  postingUrl: 2000,
  notes: 20_000,
  research: 20_000,
};

const isWebAddress = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Reads an employer list (ours, or any CSV with a Name column) into what to add and what to
 * update: a name already on the list (folded, merged names included) updates that employer with
 * the cells the file fills in; a row with a bad score is left out, with its row number and why.
 * Throws a plain message for a file that is not such a list.
 */
export function planEmployersCsv(text: string, existing: Iterable<Employer>): EmployerCsvPlan {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  });
  const [head, ...rows] = parsed.data;
  const columns = (head ?? []).map((cell) => known.get(header(cell)) ?? null);
  if (!columns.includes('name'))
    throw new Error(
      'This file has no Name column. Export your employers from Rapport to see the columns it reads.',
    );
  if (rows.length > EMPLOYERS_CSV_MAX_ROWS)
    throw new Error(
      `This file has ${rows.length.toLocaleString('en-US')} rows; Rapport reads up to ${EMPLOYERS_CSV_MAX_ROWS.toLocaleString('en-US')} employers at a time.`,
    );
  const index = employerIndex(existing);
  const plan: EmployerCsvPlan = { create: [], update: [], skipped: [] };
  const seen = new Map<string, number>();
  rows.forEach((cells, at) => {
    const row = at + 2;
    const fields: Partial<Employer> = {};
    const problems: string[] = [];
    columns.forEach((key, column) => {
      if (key === null) return;
      const cell = unguardFormula((cells[column] ?? '').trim());
      if (cell === '') return;
      if (key === 'motivation' || key === 'posting') {
        const n = Number(cell.split(/\s/, 1)[0]);
        const [low, high] = key === 'motivation' ? [0, 3] : [1, 3];
        if (!Number.isInteger(n) || n < low || n > high)
          problems.push(
            `${key === 'motivation' ? 'Motivation' : 'Posting'} must be ${low} to ${high}`,
          );
        else fields[key] = n;
      } else if (key === 'focus') {
        fields.focus = /^(yes|y|true|1|x)$/i.test(cell);
      } else if ((key === 'website' || key === 'postingUrl') && !isWebAddress(cell)) {
        problems.push(`${key === 'website' ? 'Website' : 'Posting link'} is not a web address`);
      } else {
        const max = MAX_TEXT[key] ?? 200;
        if (cell.length > max) problems.push(`a cell is longer than ${max} characters`);
        else (fields as Record<string, string>)[key] = cell;
      }
    });
    const name = fields.name ?? '';
    if (name === '') problems.unshift('no name');
    const key = employerKey(name);
    if (problems.length === 0 && seen.has(key))
      problems.push(`the same employer as row ${seen.get(key)}`);
    if (problems.length > 0) {
      plan.skipped.push({ row, reason: problems.join('; ') });
      return;
    }
    seen.set(key, row);
    const found = index.get(key);
    if (found !== undefined) {
      const { name: _name, ...patch } = fields;
      plan.update.push({ id: found.id, patch });
    } else {
      plan.create.push({
        name,
        aliases: [],
        website: fields.website ?? '',
        location: fields.location ?? '',
        notes: fields.notes ?? '',
        motivation: fields.motivation ?? 0,
        posting: fields.posting ?? 1,
        postingUrl: fields.postingUrl ?? '',
        research: fields.research ?? '',
        focus: fields.focus ?? false,
      });
    }
  });
  return plan;
}

/** "Rapport employers 2026-12-03.csv", with the user's local calendar date. */
export function employersFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Rapport employers ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
