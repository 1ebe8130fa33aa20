import { create } from 'zustand';
import type { Template, ThankYouNote } from '../../shared/schema/entities.js';
import type {
  MarkSentResult,
  MergeContext,
  SaveTemplateInput,
  SaveThankYouInput,
  ThankYouSummary,
} from '../../shared/schema/thanks.js';
import type { z } from 'zod';
import { call, errorMessage } from '../api.js';
import { useContactsStore } from './contacts-store.js';

/** Who the composer writes to; `noteId` reopens a saved note instead of starting a new one. */
export interface ComposeTarget {
  contactId: string;
  meetingId: string | null;
  noteId?: string | null;
}

interface ThanksState {
  /** The note being written, or null to show only the history. */
  target: ComposeTarget | null;
  history: ThankYouSummary[];
  historyLoaded: boolean;
  historyError: string | null;
  /** Contact names learnt from `thanks:context`, for the composer's heading. */
  names: Record<string, string>;
  /** Opens the composer (the caller then navigates to 'thanks'). */
  compose(target: ComposeTarget): void;
  closeComposer(): void;
  loadHistory(): Promise<void>;
  /** The calls below throw ApiError so the composer keeps the text and says what went wrong. */
  templates(): Promise<Template[]>;
  saveTemplate(input: z.input<typeof SaveTemplateInput>): Promise<Template>;
  deleteTemplate(id: string): Promise<void>;
  context(contactId: string, meetingId: string | null): Promise<MergeContext>;
  get(id: string): Promise<ThankYouNote>;
  save(input: z.input<typeof SaveThankYouInput>): Promise<ThankYouNote>;
  exportDocx(id: string): Promise<{ path: string } | null>;
  markSent(id: string): Promise<MarkSentResult>;
  openExternal(url: string): Promise<void>;
}

const initial = {
  target: null as ComposeTarget | null,
  history: [] as ThankYouSummary[],
  historyLoaded: false,
  historyError: null as string | null,
  names: {} as Record<string, string>,
};

/** Thank-you notes: the composer's target and the history of every note. */
export const useThanksStore = create<ThanksState>()((set, get) => ({
  ...initial,
  compose: (target) => set({ target }),
  closeComposer: () => set({ target: null }),
  loadHistory: async () => {
    try {
      set({ history: await call('thanks:list'), historyLoaded: true, historyError: null });
    } catch (error) {
      set({ historyError: errorMessage(error) });
    }
  },
  templates: () => call('templates:list'),
  saveTemplate: (input) => call('templates:save', input),
  deleteTemplate: async (id) => {
    await call('templates:delete', { id });
  },
  context: async (contactId, meetingId) => {
    const context = await call('thanks:context', { contactId, meetingId });
    const name = `${context.contact.firstName} ${context.contact.lastName}`.trim();
    set((state) => ({ names: { ...state.names, [contactId]: name } }));
    return context;
  },
  get: (id) => call('thanks:get', { id }),
  save: async (input) => {
    const note = await call('thanks:save', input);
    void get().loadHistory();
    return note;
  },
  exportDocx: async (id) => {
    const result = await call('thanks:exportDocx', { id });
    void get().loadHistory();
    return result;
  },
  markSent: async (id) => {
    const result = await call('thanks:markSent', { id });
    void get().loadHistory();
    // The contact moved to Thanked: a loaded pipeline shows it at once.
    if (useContactsStore.getState().loaded) void useContactsStore.getState().load();
    return result;
  },
  openExternal: async (url) => {
    await call('app:openExternal', { url });
  },
}));

export const resetThanksStore = () => useThanksStore.setState(initial);
