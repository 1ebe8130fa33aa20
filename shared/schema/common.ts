import { z } from 'zod';

/**
 * A string of at most `max` characters, measured before anything else looks at it.
 *
 * zod 4 runs every check of a chain even after one failed, so `z.string().max(n).refine(fn)` still
 * hands a 50 MB string to `fn` (a URL parse took 0.7 s, the e-mail pattern 0.2 s): `abort: true`
 * ends the chain at the length. zod also counts code points, with a pattern and a loop over the
 * whole string (0.1 s for 50 MB of emoji); a code point is at most two UTF-16 units, so a string
 * of more than `2 * max` units is refused first, in O(1). Every pattern, format and refinement in
 * these schemas comes after one of these.
 */
export const bounded = (max: number, message = `Keep this under ${max} characters.`) =>
  z
    .string()
    .refine((value) => value.length <= 2 * max, {
      message,
      abort: true,
      params: { utf16Limit: 2 * max },
    })
    .max(max, { message, abort: true });

/**
 * Whitespace a pasted value may carry around its text and still be trimmed rather than refused:
 * the raw string is measured before `trim`, so nothing but a length check sees a huge one.
 */
export const TRIM_SLACK = 1_000;

/**
 * Trimmed text of at most `max` characters. Refinements chained after it see at most
 * `max + TRIM_SLACK` characters: the exact limit does not end the chain, so a union still reports
 * "Keep this under…" rather than zod's bare "Invalid input".
 */
export const trimmed = (max: number, message = `Keep this under ${max} characters.`) =>
  bounded(max + TRIM_SLACK, message)
    .trim()
    .max(max, message);

/** Ids are generated in main (crypto.randomUUID); any non-empty short string is accepted on read. */
export const Id = bounded(100).min(1);

/** ISO 8601 instant with offset, as written by Date#toISOString (24 characters; 64 allowed). */
export const IsoDateTime = bounded(64, 'Enter a date and time like 2026-01-15T09:00:00.000Z.').pipe(
  z.iso.datetime({ offset: true }),
);

/** Calendar date without a time, YYYY-MM-DD. */
export const IsoDate = bounded(10, 'Enter a date like 2026-01-15.').pipe(z.iso.date());

/** Optional free text: trimmed, empty allowed, bounded so a paste cannot bloat the store. */
export const text = (max: number) => trimmed(max);

const URL_TOO_LONG = 'Keep the web address under 2000 characters.';

/** http(s) URLs only: anything else could be opened by the shell. */
export const HttpUrl = trimmed(2000, URL_TOO_LONG).refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'Enter a web address that starts with https://');

/** Empty, or an http(s) URL. Measured first, so a huge value is refused by its length alone. */
export const optionalHttpUrl = bounded(2000 + TRIM_SLACK, URL_TOO_LONG).pipe(
  z.union([z.literal(''), HttpUrl]),
);

const EMAIL_TOO_LONG = 'Keep the e-mail address under 320 characters.';

export const Email = bounded(320, EMAIL_TOO_LONG).pipe(
  z.email('Enter an e-mail address like name@example.com.'),
);

/** Empty, or an e-mail address. Measured first, so a huge value is refused by its length alone. */
export const optionalEmail = bounded(320, EMAIL_TOO_LONG).pipe(z.union([z.literal(''), Email]));
