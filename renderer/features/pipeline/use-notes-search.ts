import { useEffect, useState } from 'react';
import { SEARCH_QUERY_MAX, searchWords } from '../../../shared/domain/text-fold.js';
import { useContactsStore } from '../../stores/contacts-store.js';

/** Main searches notes once typing pauses this long, not on every keystroke. */
export const NOTES_SEARCH_DELAY_MS = 150;

export interface NotesMatches {
  /** The contacts this query matches only through their notes. */
  ids: ReadonlySet<string>;
  /** More contacts matched than main sends back. */
  truncated: boolean;
}

/**
 * The notes half of the pipeline's search: notes stay in main (the board and the list get contacts
 * without them), so main is asked, debounced, and its answer is used only for the query it
 * answered (never a previous one, which could show rows the current query does not match).
 * `revision` (the contact list) asks again after contacts changed.
 */
export function useNotesSearch(query: string, revision: unknown): NotesMatches | null {
  const key = searchWords(query).join(' ').slice(0, SEARCH_QUERY_MAX);
  const [answer, setAnswer] = useState<(NotesMatches & { key: string }) | null>(null);
  useEffect(() => {
    if (key === '') return;
    let current = true;
    const timer = setTimeout(() => {
      useContactsStore
        .getState()
        .searchNotes(key)
        .then(
          (result) => {
            if (current) setAnswer({ key, ids: new Set(result.ids), truncated: result.truncated });
          },
          // Without main's answer the list still shows what name, company and title match.
          () => undefined,
        );
    }, NOTES_SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, revision]);
  return answer !== null && answer.key === key ? answer : null;
}
