/**
 * How searches compare text: lower case without accents, so "jose" finds "José" and "ÅSA" finds
 * "Åsa". The pipeline's list search (renderer) and the notes search (main) fold the same way, so a
 * query means the same thing on both sides.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The longest search query main accepts (a search box, not a document). */
export const SEARCH_QUERY_MAX = 200;

/** The folded words of a query; every one must appear for a match (order does not matter). */
export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** True when every word is somewhere in `haystack` (already folded). */
export function containsAll(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}
