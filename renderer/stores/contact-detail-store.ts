import { create } from 'zustand';
import type {
  ContactDetail,
  CustomReminderInput,
  LogActivityInput,
  LogActivityResult,
  ReminderChange,
} from '../../shared/schema/pipeline.js';
import type { z } from 'zod';
import { useUndoStore } from './undo-store.js';
import { call, errorMessage } from '../api.js';

interface ContactDetailState {
  id: string | null;
  detail: ContactDetail | null;
  loading: boolean;
  error: string | null;
  /** Loads the contact page's data; a later call for another contact wins over an earlier one. */
  load(id: string): Promise<void>;
  /** After main changed what the page shows: reloads the contact on screen, if any. */
  refresh(): Promise<void>;
  /** Logs one activity; main's change event brings the timeline and reminders up to date. */
  logActivity(input: z.input<typeof LogActivityInput>): Promise<LogActivityResult>;
  /** Marks one of the contact's reminders done (a keep-in-touch one starts the next). */
  doneReminder(id: string): Promise<ReminderChange>;
  /** Adds the user's own reminder (what and the day); throws the ApiError to keep the text. */
  addReminder(input: z.input<typeof CustomReminderInput>): Promise<ReminderChange>;
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
  refresh: async () => {
    const { id } = get();
    if (id !== null) await get().load(id);
  },
  logActivity: (input) => call('activities:log', input),
  doneReminder: async (id) => {
    const result = await call('reminders:done', { id });
    useUndoStore.getState().offer(result.undo);
    return result;
  },
  addReminder: (input) => call('reminders:add', input),
}));

export const resetContactDetailStore = () => useContactDetailStore.setState(initial);
