import { create } from 'zustand';
import type { OutreachDraft } from '../../shared/schema/entities.js';
import type { SaveOutreachDraftInput } from '../../shared/schema/outreach.js';
import { call } from '../api.js';

interface OutreachState {
  /** The saved outreach draft of each contact who has one. */
  drafts: Record<string, OutreachDraft>;
  loaded: boolean;
  /** Loads every draft (the contact page asks whether its contact has one). */
  load(): Promise<void>;
  /** After main changed drafts or contacts: reloads if this store has loaded them. */
  refresh(): Promise<void>;
  /** The calls below throw ApiError so the composer keeps the text and says what went wrong. */
  draft(contactId: string): Promise<OutreachDraft | null>;
  saveDraft(input: SaveOutreachDraftInput): Promise<OutreachDraft>;
  discardDraft(contactId: string): Promise<void>;
  /** The e-mail was logged as sent: main removed its draft in the same change. */
  sent(contactId: string): void;
}

const initial = {
  drafts: {} as Record<string, OutreachDraft>,
  loaded: false,
};

const without = (drafts: Record<string, OutreachDraft>, contactId: string) => {
  const next = { ...drafts };
  delete next[contactId];
  return next;
};

/** Outreach e-mails being written: one autosaved draft per contact until it is logged as sent. */
export const useOutreachStore = create<OutreachState>()((set, get) => ({
  ...initial,
  load: async () => {
    try {
      const rows = await call('outreach:drafts');
      set({
        drafts: Object.fromEntries(rows.map((row) => [row.contact.id, row.draft])),
        loaded: true,
      });
    } catch {
      // Only the "Continue writing" notice depends on it; the composer asks main itself.
    }
  },
  refresh: async () => {
    if (get().loaded) await get().load();
  },
  draft: async (contactId) => {
    const draft = await call('outreach:draft', { contactId });
    set((s) => ({
      drafts: draft === null ? without(s.drafts, contactId) : { ...s.drafts, [contactId]: draft },
    }));
    return draft;
  },
  saveDraft: async (input) => {
    const draft = await call('outreach:saveDraft', input);
    set((s) => ({ drafts: { ...s.drafts, [draft.contactId]: draft } }));
    return draft;
  },
  discardDraft: async (contactId) => {
    await call('outreach:discardDraft', { contactId });
    set((s) => ({ drafts: without(s.drafts, contactId) }));
  },
  sent: (contactId) => set((s) => ({ drafts: without(s.drafts, contactId) })),
}));

export const resetOutreachStore = () => useOutreachStore.setState(initial);
