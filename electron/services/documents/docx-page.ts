import type { PaperSize } from '../../../shared/schema/settings.js';

/**
 * What every Word document Rapport writes (prep sheet, thank-you letter, learnings summary)
 * shares: the page sizes, the text cleaning that keeps Word able to open the file, and a date
 * format that falls back to the process's locale.
 */

/** Page sizes in twentieths of a point, as Word stores them. */
export const PAGE: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  A4: { width: 11_906, height: 16_838 },
  Letter: { width: 12_240, height: 15_840 },
};

/**
 * Characters XML 1.0 cannot hold (C0 controls other than tab/newline, lone surrogates, U+FFFE/F):
 * Word refuses to open a file that contains one, so a stray paste must not break a document. One
 * character class, so the replacement is linear in the text.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/** Text as a document may hold it: line breaks as \n, nothing Word would refuse. */
export const cleanDocText = (value: string) => value.replace(/\r\n?/g, '\n').replace(NOT_XML, '');

/** A date format in `locale`, or in the process's when that locale is unknown. */
export function dateFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}
