import { create } from 'zustand';
import { fullName } from '../../shared/domain/names.js';
import type { Contact, Stage } from '../../shared/schema/entities.js';
import type { ContactChange, ContactInput, DuplicateMatch } from '../../shared/schema/pipeline.js';
import { call, errorMessage } from '../api.js';
import { describeEffects } from '../effects.js';

/** A deletion the user can still take back from the pipeline page. */
export interface PendingUndo {
  undoToken: string;
  name: string;
}

export type Notice = { kind: 'success' | 'error'; text: string };

interface ContactsState {
  contacts: Contact[];
  loaded: boolean;
  error: string | null;
  /** Last message about a board action (a failed move, an undone delete), shown on the page. */
  notice: Notice | null;
  undo: PendingUndo | null;
  /** Loads every contact from main. */
  load(): Promise<void>;
  /** After main changed contacts: reloads if this store has loaded them. */
  refresh(): Promise<void>;
  /** Puts a saved contact into the list (new or replaced), as main returned it. */
  upsert(contact: Contact): void;
  /** Same-person matches for the form's warning; a failed check answers "none" (saving decides). */
  findDuplicates(input: ContactInput, ignoreId?: string): Promise<DuplicateMatch[]>;
  create(input: ContactInput): Promise<Contact>;
  update(id: string, input: ContactInput): Promise<ContactChange>;
  /**
   * Optimistic: the card moves at once and moves back, with a message, if saving fails. Resolves
   * to what main did (null when it failed or nothing was to change).
   */
  setStage(id: string, stage: Stage): Promise<ContactChange | null>;
  remove(id: string, name: string): Promise<void>;
  undoDelete(): Promise<void>;
  clearNotice(): void;
}

const initial = {
  contacts: [] as Contact[],
  loaded: false,
  error: null as string | null,
  notice: null as Notice | null,
  undo: null as PendingUndo | null,
};

/** All contacts, for the board, the list and the pickers. */
export const useContactsStore = create<ContactsState>()((set, get) => ({
  ...initial,
  load: async () => {
    try {
      set({ contacts: await call('contacts:list'), loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  refresh: async () => {
    if (get().loaded) await get().load();
  },
  upsert: (contact) =>
    set((state) => {
      const index = state.contacts.findIndex((c) => c.id === contact.id);
      if (index === -1) return { contacts: [...state.contacts, contact] };
      const contacts = state.contacts.slice();
      contacts[index] = contact;
      return { contacts };
    }),
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
    const { undoToken } = await call('contacts:delete', { id });
    set((state) => ({
      contacts: state.contacts.filter((c) => c.id !== id),
      undo: { undoToken, name },
      notice: null,
    }));
  },
  undoDelete: async () => {
    const pending = get().undo;
    if (!pending) return;
    try {
      const contact = await call('contacts:undoDelete', { undoToken: pending.undoToken });
      // Meetings, timeline and referrals come back too; main's change event refreshes the lists.
      get().upsert(contact);
      set({ undo: null, notice: { kind: 'success', text: `${fullName(contact)} is back.` } });
    } catch (error) {
      set({
        undo: null,
        notice: {
          kind: 'error',
          text: `${pending.name} could not be brought back. ${errorMessage(error)}`,
        },
      });
    }
  },
  clearNotice: () => set({ notice: null }),
}));

export const resetContactsStore = () => useContactsStore.setState(initial);
