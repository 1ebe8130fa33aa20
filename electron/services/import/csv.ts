import Papa from 'papaparse';
import { UserFacingError } from '../../../shared/result.js';
import type { ImportRowIssue, MappableField } from '../../../shared/schema/pipeline.js';
import { unguardFormula } from '../export-contacts.js';
import { breathe, importLimits, NOTHING_CHANGED, tooManyRecords } from './decode.js';
import {
  buildDraft,
  splitTags,
  where,
  type Draft,
  type ParsedFile,
  type RawFields,
} from './draft.js';

/** How many lines from the top may hold a preamble before the header row. */
export const HEADER_SCAN_LINES = 20;

/** The table of a CSV file: every record, where the header is, and the delimiter found. */
export interface CsvTable {
  rows: string[][];
  /** Index into `rows` of the header row. */
  headerIndex: number;
  headers: string[];
  delimiter: string;
  /** Problems papaparse reported (unclosed quotes...), as warnings on their rows. */
  issues: ImportRowIssue[];
}

/** Headers are compared by their first characters only: no pattern runs on a huge header cell. */
const HEADER_CHARS = 100;
/** The header row must be within this many characters from the top (and the first 20 lines). */
const HEAD_MAX_CHARS = 1024 * 1024;

const normalise = (header: string) =>
  header
    .slice(0, HEADER_CHARS)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const guesses: Array<[MappableField, string[]]> = [
  ['firstName', ['firstname', 'first', 'givenname', 'forename', 'prenom', 'vorname', 'nombre']],
  [
    'lastName',
    ['lastname', 'last', 'surname', 'familyname', 'nom', 'nachname', 'apellido', 'apellidos'],
  ],
  ['fullName', ['name', 'fullname', 'displayname', 'contactname', 'contact', 'person']],
  [
    'title',
    ['title', 'position', 'jobtitle', 'role', 'job', 'organizationtitle', 'organization1title'],
  ],
  [
    'company',
    [
      'company',
      'organization',
      'organisation',
      'employer',
      'org',
      'companyname',
      'organizationname',
      'organization1name',
    ],
  ],
  ['industry', ['industry', 'sector', 'field']],
  ['location', ['location', 'city', 'address', 'region', 'place', 'homeaddress', 'workaddress']],
  [
    'email',
    [
      'email',
      'emailaddress',
      'mail',
      'email1',
      'email1value',
      'primaryemail',
      'emailaddress1',
      'workemail',
      'personalemail',
    ],
  ],
  [
    'phone',
    [
      'phone',
      'phonenumber',
      'mobile',
      'mobilephone',
      'telephone',
      'tel',
      'cell',
      'cellphone',
      'phone1value',
      'workphone',
      'homephone',
    ],
  ],
  [
    'linkedinUrl',
    [
      'linkedin',
      'linkedinurl',
      'linkedinprofile',
      'linkedinprofileurl',
      'url',
      'profileurl',
      'profile',
    ],
  ],
  ['tags', ['tags', 'tag', 'labels', 'categories', 'groups', 'groupmembership']],
  ['notes', ['notes', 'note', 'comments', 'comment', 'description', 'remarks']],
];

const guessTable = new Map<string, MappableField>();
for (const [field, names] of guesses) for (const name of names) guessTable.set(name, field);

/** The field a header names, or 'ignore'. */
export function guessField(header: string): MappableField {
  const key = normalise(header);
  const direct = guessTable.get(key);
  if (direct !== undefined) return direct;
  if (key.includes('linkedin')) return 'linkedinUrl';
  if (key.includes('email') || key.includes('mail')) return 'email';
  if (key.includes('phone') || key.includes('mobile')) return 'phone';
  return 'ignore';
}

/**
 * One field per column, guessed from the header. Each field goes to the first column that names
 * it (two "E-mail" columns: the second is ignored); notes and tags may take several columns.
 */
export function guessMapping(headers: string[]): MappableField[] {
  const used = new Set<MappableField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (field === 'ignore') return field;
    if (used.has(field) && field !== 'notes' && field !== 'tags') return 'ignore';
    used.add(field);
    return field;
  });
}

const headerScore = (row: string[]) => {
  const mapping = guessMapping(row);
  return mapping.filter((field) => field !== 'ignore').length;
};

const linkedinHeader = (row: string[]) => {
  const names = row.map(normalise);
  return names.includes('firstname') && names.includes('lastname') && names.includes('connectedon');
};

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

/** The first `lines` lines of `text` (at most `maxChars`), found without a pattern. */
function headOf(text: string, lines: number, maxChars: number): string {
  const limit = Math.min(text.length, maxChars);
  let found = 0;
  let index = 0;
  while (index < limit && found < lines) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) found += 1;
    else if (code === 0x0d) {
      found += 1;
      if (text.charCodeAt(index + 1) === 0x0a) index += 1;
    }
    index += 1;
  }
  return text.slice(0, index);
}

function tooManyColumns(rows: string[][], headerIndex: number): void {
  for (let index = 0; index < rows.length; index += 1) {
    const width = (rows[index] as string[]).length;
    if (width <= importLimits.maxColumns) continue;
    const count = width.toLocaleString('en-US');
    throw new UserFacingError(
      'invalid-file',
      index <= headerIndex
        ? `This file has ${count} columns; Rapport imports files with up to ${importLimits.maxColumns}. ${NOTHING_CHANGED} ` +
            'Delete the columns you do not need in a spreadsheet, save it as CSV and import that file.'
        : `Row ${index + 1} of this file has ${count} columns; Rapport imports files with up to ${importLimits.maxColumns}. ${NOTHING_CHANGED} ` +
            'Check that row in the original file (a missing quotation mark can run many cells together).',
    );
  }
}

/**
 * Parses CSV text with papaparse. The delimiter (comma, semicolon or tab) is the one whose best
 * header row in the first lines names the most contact fields; the header row is found the same
 * way, so a preamble (LinkedIn's "Notes:" lines) is skipped whatever its length.
 */
export function readCsvTable(text: string, mode: 'linkedin' | 'csv'): CsvTable {
  const head = headOf(text, HEADER_SCAN_LINES, HEAD_MAX_CHARS);
  let best: { delimiter: string; index: number; score: number; width: number } | null = null;
  for (const delimiter of [',', ';', '\t']) {
    const preview = Papa.parse<string[]>(head, { delimiter, skipEmptyLines: false }).data;
    preview.forEach((row, index) => {
      // A row wider than the limit is not looked into; if it is the widest, the file is refused.
      const wide = row.length > importLimits.maxColumns;
      if (mode === 'linkedin' && (wide || !linkedinHeader(row))) return;
      const score = wide ? 0 : headerScore(row);
      if (
        best === null ||
        score > best.score ||
        (score === best.score && row.length > best.width)
      ) {
        best = { delimiter, index, score, width: row.length };
      }
    });
  }
  const found = best as { delimiter: string; index: number; score: number; width: number } | null;
  if (found === null) {
    throw new UserFacingError(
      'invalid-file',
      mode === 'linkedin'
        ? 'This does not look like a LinkedIn Connections.csv: no "First Name, Last Name, ... Connected On" header in its first 20 lines. ' +
            `${NOTHING_CHANGED} Choose the file from LinkedIn's data export, or import it as "Other CSV file" to match the columns yourself.`
        : `No rows were found in this file. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: found.delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  // papaparse adds an empty record for a final line break; real blank lines stay (row numbers).
  if (rows.length > 0 && isBlank(rows[rows.length - 1] ?? [])) rows.pop();
  let headerIndex = found.score > 0 ? found.index : rows.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) headerIndex = 0;
  // The preview parsed only the first lines: a quoted field spanning them can shift the index.
  if (mode === 'linkedin' && !linkedinHeader(rows[headerIndex] ?? [])) {
    const index = rows.slice(0, HEADER_SCAN_LINES * 2).findIndex(linkedinHeader);
    if (index < 0) {
      throw new UserFacingError(
        'invalid-file',
        `This does not look like a LinkedIn Connections.csv: its header row could not be read. ${NOTHING_CHANGED}`,
      );
    }
    headerIndex = index;
  }
  const dataRows = rows.length - headerIndex - 1;
  if (dataRows > importLimits.maxRecords) tooManyRecords(dataRows, 'rows');
  tooManyColumns(rows, headerIndex);
  const issues: ImportRowIssue[] = [];
  for (const error of parsed.errors.slice(0, 20)) {
    if (error.type !== 'Quotes') continue;
    const row = (error.row ?? 0) + 1;
    issues.push({
      row,
      reason: `${where('row', row)}: a quotation mark is not closed here, so the rest of the file may have been read as one cell. Check this row in the original file.`,
    });
  }
  const headers = (rows[headerIndex] ?? []).map((cell) => cell.trim());
  return { rows, headerIndex, headers, delimiter: found.delimiter, issues };
}

/** Undoes the export's formula guard: `'=1+1` -> `=1+1`, `'+1 555` -> `+1 555`. */
export const unguardCell = unguardFormula;

/** Options that only LinkedIn files have. */
export interface CsvDraftOptions {
  source: Draft['source'];
  /** Column of LinkedIn's "Connected On": kept as a note line. */
  connectedOnColumn: number | null;
  progress?: (done: number, total: number) => void;
}

/**
 * Turns the data rows into drafts with the given mapping; yields every 1,000 rows. Every data row
 * is accounted for: a draft, or one entry in `skipped` (empty rows too: "Row 8 is empty.").
 */
export async function csvDrafts(
  table: CsvTable,
  mapping: MappableField[],
  options: CsvDraftOptions,
): Promise<ParsedFile> {
  const parsed: ParsedFile = { records: [], skipped: [], warnings: [...table.issues] };
  const total = table.rows.length - table.headerIndex - 1;
  const nameMapped = mapping.some((field) => field === 'firstName' || field === 'fullName');
  for (let index = table.headerIndex + 1; index < table.rows.length; index += 1) {
    const done = index - table.headerIndex - 1;
    if (done > 0 && done % 1_000 === 0) {
      options.progress?.(done, total);
      await breathe();
    }
    const row = table.rows[index] ?? [];
    const number = index + 1;
    if (isBlank(row)) {
      parsed.skipped.push({ row: number, reason: `${where('row', number)} is empty.` });
      continue;
    }
    if (!nameMapped) {
      parsed.skipped.push({
        row: number,
        reason: `${where('row', number)}: no column is matched to a first name or full name, so the row was skipped.`,
      });
      continue;
    }
    const raw: RawFields = { tags: [], notes: [] };
    row.forEach((rawCell, column) => {
      const field = mapping[column] ?? 'ignore';
      if (field === 'ignore') return;
      const cell = unguardCell(rawCell);
      if (cell.trim() === '') return;
      if (field === 'tags') splitTags(cell, raw.tags);
      else if (field === 'notes') raw.notes?.push(cell);
      else if ((raw[field] ?? '').trim() === '') raw[field] = cell;
    });
    if (options.connectedOnColumn !== null) {
      const connected = (row[options.connectedOnColumn] ?? '').trim();
      if (connected !== '') raw.notes?.push(`Connected on LinkedIn: ${connected}`);
    }
    const draft = buildDraft(number, raw, options.source, parsed, 'row');
    if (draft !== null) parsed.records.push({ row: number, draft });
  }
  options.progress?.(total, total);
  return parsed;
}

/** Column of "Connected On" in a LinkedIn header, or null. */
export const connectedOnColumn = (headers: string[]) => {
  const index = headers.findIndex((header) => normalise(header) === 'connectedon');
  return index < 0 ? null : index;
};
