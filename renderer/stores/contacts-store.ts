import { create } from 'zustand';
import type { DataChange } from '../../shared/contract.js';
import { contactSummary } from '../../shared/domain/contact-summary.js';
import { fullName } from '../../shared/domain/names.js';
import type { Contact, Stage } from '../../shared/schema/entities.js';
import type {
  ContactChange,
  ContactInput,
  ContactSummary,
  DuplicateMatch,
  NotesSearchResult,
} from '../../shared/schema/pipeline.js';
import { call, errorMessage } from '../api.js';
import { describeEffects } from '../effects.js';
import { impactText } from '../format.js';
import { onUndone, useUndoStore } from './undo-store.js';
import { applyChanges, cacheOf, emptyGroups, type ContactCache } from './contact-cache.js';

export type Notice = { kind: 'success' | 'error'; text: string };

interface ContactsState extends ContactCache {
  loaded: boolean;
  error: string | null;
  /** Last message about a board action (what a move did, or why it failed), shown on the page. */
  notice: Notice | null;
  /** Loads every contact (summaries, without notes) from main. */
  load(): Promise<void>;
  /**
   * Loads the contacts once; after that main's change events keep them current, so a visit to the
   * pipeline does not fetch the whole list again.
   */
  ensureLoaded(): Promise<void>;
  /**
   * After main changed contacts: fetches just the contacts the change names (a missing one was
   * deleted), or everything when it names none (an import, a restore). Nothing before the first
   * load.
   */
  refresh(change?: DataChange): Promise<void>;
  /** Puts a saved contact into the cache (new or replaced), as main returned it. */
  upsert(contact: ContactSummary | Contact): void;
  /** Contacts the query matches only through their notes (searched in main). */
  searchNotes(query: string): Promise<NotesSearchResult>;
  /** Same-person matches for the form's warning; a failed check answers "none" (saving decides). */
  findDuplicates(input: ContactInput, ignoreId?: string): Promise<DuplicateMatch[]>;
  create(input: ContactInput): Promise<Contact>;
  update(id: string, input: ContactInput): Promise<ContactChange>;
  /**
   * Optimistic: the card moves at once and moves back, with a message, if saving fails. Resolves
   * to what main did (null when it failed or nothing was to change).
   */
  setStage(id: string, stage: Stage): Promise<ContactChange | null>;
  /** Deletes at once; a toast says what went with them and offers Undo. */
  remove(id: string, name: string): Promise<void>;
  clearNotice(): void;
}

const initial = {
  contacts: [] as readonly ContactSummary[],
  byStage: emptyGroups() as ContactCache['byStage'],
  loaded: false,
  error: null as string | null,
  notice: null as Notice | null,
};

/** The full list being fetched, if any: changes that arrive meanwhile wait for it. */
let loading: Promise<void> | null = null;

/** All contacts (summaries), for the board, the list and the pickers. */
export const useContactsStore = create<ContactsState>()((set, get) => {
  const apply = (saved: readonly ContactSummary[], removed: readonly string[] = []) =>
    set((state) => applyChanges(state, saved, removed));

  const load = () => {
    const run = (async () => {
      try {
        const contacts = await call('contacts:list');
        set({ ...cacheOf(contacts), loaded: true, error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    })();
    loading = run;
    void run.finally(() => {
      if (loading === run) loading = null;
    });
    return run;
  };

  return {
    ...initial,
    load,
    ensureLoaded: async () => {
      if (loading) return loading;
      if (!get().loaded) await load();
    },
    refresh: async (change) => {
      if (loading) await loading;
      if (!get().loaded) return;
      const ids = change?.ids?.contacts;
      if (ids === undefined) {
        await load();
        return;
      }
      if (ids.length === 0) return;
      try {
        const found = await call('contacts:getMany', { ids });
        const present = new Set(found.map((c) => c.id));
        apply(
          found,
          ids.filter((id) => !present.has(id)),
        );
      } catch {
        // The cache must not drift: fall back to the whole list.
        await load();
      }
    },
    upsert: (contact) => apply([contactSummary(contact)]),
    searchNotes: (query) => call('contacts:searchNotes', { query }),
    findDuplicates: async (input, ignoreId) => {
      try {
        return await call('contacts:findDuplicates', {
          contact: input,
          ...(ignoreId ? { ignoreId } : {}),
        });
      } catch {
        return [];
      }
    },
    create: async (input) => {
      const contact = await call('contacts:create', { contact: input });
      get().upsert(contact);
      return contact;
    },
    update: async (id, input) => {
      const change = await call('contacts:update', { id, contact: input });
      get().upsert(change.contact);
      return change;
    },
    setStage: async (id, stage) => {
      const before = get().contacts.find((c) => c.id === id);
      if (before?.stage === stage) return null;
      if (before) get().upsert({ ...before, stage });
      try {
        const change = await call('contacts:setStage', { id, stage });
        get().upsert(change.contact);
        useUndoStore.getState().offer(change.undo);
        const said = describeEffects(change.effects, () => fullName(change.contact));
        set({ notice: said ? { kind: 'success', text: said } : null });
        return change;
      } catch (error) {
        if (before) {
          // Put back only the stage: anything else main sent meanwhile stays.
          const now = get().contacts.find((c) => c.id === id);
          if (now) get().upsert({ ...now, stage: before.stage });
        }
        set({
          notice: {
            kind: 'error',
            text: `${before ? fullName(before) : 'The contact'} was not moved. ${errorMessage(error)}`,
          },
        });
        return null;
      }
    },
    remove: async (id, name) => {
      const { undoToken, impact } = await call('contacts:delete', { id });
      apply([], [id]);
      set({ notice: null });
      const took = Object.values(impact).some((n) => n > 0) ? ` ${impactText(name, impact)}` : '';
      useUndoStore.getState().offerDeletedContact(`Deleted ${name}.${took}`, { name, undoToken });
    },
    clearNotice: () => set({ notice: null }),
  };
});

// What a move did ("moved from Prospect to Met") is out of date once undone.
onUndone(() => useContactsStore.setState({ notice: null }));

export const resetContactsStore = () => {
  loading = null;
  useContactsStore.setState({ ...initial, byStage: emptyGroups() });
};
