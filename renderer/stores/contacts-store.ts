import { create } from 'zustand';
import type { Contact } from '../../shared/schema/entities.js';
import { call } from '../api.js';

interface ContactsState {
  contacts: Contact[];
  loaded: boolean;
  error: string | null;
  /** Reloads every contact from main (after an import, a restore, or at start). */
  load(): Promise<void>;
}

const initial = { contacts: [] as Contact[], loaded: false, error: null as string | null };

/** All contacts, for the board, the list and the pickers. */
export const useContactsStore = create<ContactsState>()((set) => ({
  ...initial,
  load: async () => {
    try {
      set({ contacts: await call('contacts:list'), loaded: true, error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

export const resetContactsStore = () => useContactsStore.setState(initial);
