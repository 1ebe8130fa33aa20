import { z } from 'zod';

/** Ids are generated in main (crypto.randomUUID); any non-empty short string is accepted on read. */
export const Id = z.string().min(1).max(100);

/** ISO 8601 instant with offset, as written by Date#toISOString. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Calendar date without a time, YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/** Optional free text: trimmed, empty allowed, bounded so a paste cannot bloat the store. */
export const text = (max: number) =>
  z.string().trim().max(max, `Keep this under ${max} characters.`);

/** http(s) URLs only: anything else could be opened by the shell. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter a web address that starts with https://');

export const optionalHttpUrl = z.union([z.literal(''), HttpUrl]);

export const Email = z.email('Enter an e-mail address like name@example.com.').max(320);

export const optionalEmail = z.union([z.literal(''), Email]);
