import { contactSummary } from '../../shared/domain/contact-summary.js';
import { fullName } from '../../shared/domain/names.js';
import { fold, searchWords } from '../../shared/domain/text-fold.js';
import type { Contact } from '../../shared/schema/entities.js';
import type { ContactSummary, NotesSearchResult } from '../../shared/schema/pipeline.js';
import type { Storage } from './types.js';

/** At most this many ids come back from one notes search (the renderer says when there are more). */
export const NOTES_SEARCH_LIMIT = 1_000;

/**
 * The reads behind the renderer's contact cache: the summaries of a few contacts (after a change
 * event named them), and the notes search. Notes never leave main for the board or the list, so
 * searching them happens here, folded the same way as the renderer's own search
 * (shared/domain/text-fold.ts).
 */
export interface ContactQueries {
  /** The summaries of the contacts that still exist, in the order asked; missing ids are left out. */
  getMany(ids: readonly string[]): ContactSummary[];
  /**
   * Contacts that match `query` only because of their notes: every word is in the name, company,
   * title or notes, and at least one word is only in the notes. Matches on the other fields are
   * the renderer's to find (it has them), so they never use up the limit.
   */
  searchNotes(query: string): NotesSearchResult;
}

interface Folded {
  updatedAt: string;
  /** What the renderer searches itself: name, company and title. */
  base: string;
  notes: string;
  /** The search pass that last saw this contact; older entries belong to deleted contacts. */
  seen: number;
}

export function createContactQueries(options: { storage: Pick<Storage, 'read'> }): ContactQueries {
  const contacts = (): Readonly<Record<string, Contact>> => options.storage.read().contacts;
  /** Folded text per contact id, reused while the contact's updatedAt is unchanged. */
  const folded = new Map<string, Folded>();
  let pass = 0;

  const foldedOf = (contact: Contact): Folded => {
    let entry = folded.get(contact.id);
    if (entry === undefined || entry.updatedAt !== contact.updatedAt) {
      entry = {
        updatedAt: contact.updatedAt,
        base: fold(`${fullName(contact)}\n${contact.company}\n${contact.title}`),
        notes: fold(contact.notes),
        seen: pass,
      };
      folded.set(contact.id, entry);
    }
    entry.seen = pass;
    return entry;
  };

  return {
    getMany(ids) {
      const all = contacts();
      const found: ContactSummary[] = [];
      for (const id of new Set(ids)) {
        const contact = Object.hasOwn(all, id) ? all[id] : undefined;
        if (contact !== undefined) found.push(contactSummary(contact));
      }
      return found;
    },

    searchNotes(query) {
      const words = searchWords(query);
      if (words.length === 0) return { ids: [], truncated: false };
      pass += 1;
      const ids: string[] = [];
      let truncated = false;
      for (const contact of Object.values(contacts())) {
        if (contact.notes === '') {
          folded.delete(contact.id);
          continue;
        }
        const { base, notes } = foldedOf(contact);
        let needsNotes = false;
        let matches = true;
        for (const word of words) {
          if (base.includes(word)) continue;
          if (!notes.includes(word)) {
            matches = false;
            break;
          }
          needsNotes = true;
        }
        if (!matches || !needsNotes) continue;
        if (ids.length === NOTES_SEARCH_LIMIT) {
          truncated = true;
          continue;
        }
        ids.push(contact.id);
      }
      // Forget deleted contacts (and those whose notes were emptied were dropped above).
      for (const [id, entry] of folded) if (entry.seen !== pass) folded.delete(id);
      return { ids, truncated };
    },
  };
}
