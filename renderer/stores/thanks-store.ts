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
import { fullName } from '../../shared/domain/names.js';
import type { NotePurpose } from '../../shared/schema/entities.js';
import { call, errorMessage } from '../api.js';

/**
 * Who the composer writes to and why; `noteId` reopens a saved note instead of starting a new
 * one. For a referrer thank-you, `contactId` is the referrer and `aboutContactId` the person met.
 */
export interface ComposeTarget {
  purpose?: NotePurpose;
  contactId: string;
  aboutContactId?: string | null;
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
  /** After main changed notes, contacts or meetings: reloads the history if it was loaded. */
  refresh(): Promise<void>;
  /** The calls below throw ApiError so the composer keeps the text and says what went wrong. */
  templates(): Promise<Template[]>;
  saveTemplate(input: z.input<typeof SaveTemplateInput>): Promise<Template>;
  deleteTemplate(id: string): Promise<void>;
  context(target: ComposeTarget): Promise<MergeContext>;
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
  refresh: async () => {
    if (get().historyLoaded) await get().loadHistory();
  },
  templates: () => call('templates:list'),
  saveTemplate: (input) => call('templates:save', input),
  deleteTemplate: async (id) => {
    await call('templates:delete', { id });
  },
  context: async (target) => {
    const context = await call('thanks:context', {
      purpose: target.purpose ?? 'thank-you',
      contactId: target.contactId,
      aboutContactId: target.aboutContactId ?? null,
      meetingId: target.meetingId,
    });
    const name = fullName(context.recipient);
    set((state) => ({ names: { ...state.names, [target.contactId]: name } }));
    return context;
  },
  get: (id) => call('thanks:get', { id }),
  save: (input) => call('thanks:save', input),
  exportDocx: (id) => call('thanks:exportDocx', { id }),
  markSent: (id) => call('thanks:markSent', { id }),
  openExternal: async (url) => {
    await call('app:openExternal', { url });
  },
}));

export const resetThanksStore = () => useThanksStore.setState(initial);
