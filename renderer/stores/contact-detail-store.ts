import { create } from 'zustand';
import type {
  ContactDetail,
  LogActivityInput,
  LogActivityResult,
} from '../../shared/schema/pipeline.js';
import type { z } from 'zod';
import type { ResultOf } from '../../shared/contract.js';
import { call, errorMessage } from '../api.js';
import { useContactsStore } from './contacts-store.js';

interface ContactDetailState {
  id: string | null;
  detail: ContactDetail | null;
  loading: boolean;
  error: string | null;
  /** Loads the contact page's data; a later call for another contact wins over an earlier one. */
  load(id: string): Promise<void>;
  /** Logs one activity and reloads the page's data (timeline, reminders, responsiveness). */
  logActivity(input: z.input<typeof LogActivityInput>): Promise<LogActivityResult>;
  /** What deleting would take with it, for the confirm dialog. */
  deletionImpact(id: string): Promise<ResultOf<'contacts:deletionImpact'>>;
}

const initial = {
  id: null as string | null,
  detail: null as ContactDetail | null,
  loading: false,
  error: null as string | null,
};

/** The one contact shown on the contact page. */
export const useContactDetailStore = create<ContactDetailState>()((set, get) => ({
  ...initial,
  load: async (id) => {
    set((state) => ({
      id,
      loading: true,
      error: null,
      detail: state.detail?.contact.id === id ? state.detail : null,
    }));
    try {
      const detail = await call('contacts:get', { id });
      if (get().id === id) set({ detail, loading: false });
    } catch (error) {
      if (get().id === id) set({ loading: false, error: errorMessage(error) });
    }
  },
  logActivity: async (input) => {
    const result = await call('activities:log', input);
    useContactsStore.getState().upsert(result.contact);
    if (get().id === input.contactId) await get().load(input.contactId);
    return result;
  },
  deletionImpact: (id) => call('contacts:deletionImpact', { id }),
}));

export const resetContactDetailStore = () => useContactDetailStore.setState(initial);
