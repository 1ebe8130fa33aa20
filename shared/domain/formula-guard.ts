/**
 * The spreadsheet formula guard of every CSV Rapport writes (contacts, employers, a chart's data)
 * and reads back: one copy for main and the page.
 */

/** Characters a spreadsheet reads as the start of a formula, full-width forms included. */
const formulaStarts = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
/** A cell starting with one of these is guarded whatever follows (a formula may hide after it). */
const breaks = new Set(['\t', '\r', '\n', '\u2028', '\u2029']);
/** Blanks a spreadsheet may skip before it looks for a formula sign. */
const blanks = new Set([' ', '\u00A0', '\u3000', '\u000B', '\u000C', ...breaks]);

/**
 * True when a spreadsheet could run `cell` as a formula: it starts with = + - @ (or their
 * full-width forms), with a tab or a line break (CR, LF, U+2028, U+2029), or with spaces or tabs
 * followed by a formula sign. Such cells are written with a leading `'`, which spreadsheets show
 * as text; the importer takes it off again (the same test, so a round trip keeps the cell).
 */
export function needsFormulaGuard(cell: string): boolean {
  const first = cell.charAt(0);
  if (first === '') return false;
  if (formulaStarts.has(first) || breaks.has(first)) return true;
  let index = 0;
  while (index < cell.length && blanks.has(cell.charAt(index))) index += 1;
  return index > 0 && formulaStarts.has(cell.charAt(index));
}

/** The cell after its leading apostrophes (`''=1` -> `=1`). */
const afterApostrophes = (cell: string) => {
  let index = 0;
  while (cell.charCodeAt(index) === 0x27) index += 1;
  return index === 0 ? cell : cell.slice(index);
};

/**
 * `'=1+1` for `=1+1`; every other cell as it is. A cell that already starts with `'` before a
 * formula sign gets one more, so the importer (which takes exactly one off) gives it back intact.
 */
export const guardFormula = (cell: string) =>
  needsFormulaGuard(afterApostrophes(cell)) ? `'${cell}` : cell;

/** Undoes `guardFormula`: `'=1+1` -> `=1+1`, `'+1 555` -> `+1 555`, `''=1` -> `'=1`. */
export const unguardFormula = (cell: string) =>
  cell.charCodeAt(0) === 0x27 && needsFormulaGuard(afterApostrophes(cell)) ? cell.slice(1) : cell;

/** One CSV line (RFC 4180): cells quoted where needed, each guarded against formulas. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells
    .map((cell) => {
      const text = guardFormula(String(cell));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
