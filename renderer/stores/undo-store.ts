import { toast } from 'sonner';
import { create } from 'zustand';
import type { UndoTicket } from '../../shared/schema/effects.js';
import { call, errorMessage } from '../api.js';
import { focusWasLost } from '../components/use-focus-on-navigate.js';

/**
 * The last action that can be undone (a stage move, Done, Snooze, mark held, mark sent, a deleted
 * contact): offered in a toast with an Undo button and by Ctrl/⌘+Z outside text fields. What the
 * toast says comes from main: the ticket's label says what was done, main's answer what was undone.
 */
interface Pending {
  label: string;
  /** Asks main to undo it; resolves to main's sentence about what it undid. */
  run(): Promise<string>;
}

interface UndoState {
  last: Pending | null;
  /**
   * How many actions were undone: a page's message about what an action did ("moved to Met") is
   * out of date once it is undone, so the stores that keep one clear it when this changes.
   */
  undoneCount: number;
  /** Offers main's ticket for an action just done (nothing when the action changed nothing). */
  offer(ticket: UndoTicket | null): void;
  /** A deleted contact, which main brings back through its own channel (with its meetings…). */
  offerDeletedContact(label: string, deleted: { name: string; undoToken: string }): void;
  undoLast(): Promise<void>;
}

/** Long enough to read and reach with the keyboard; hovering or focusing the toast pauses it. */
export const UNDO_TOAST_MS = 10_000;
const TOAST_ID = 'undo';

/**
 * After the undo the focus goes to the page's heading if what had it goes away: the toast's Undo
 * button (the toast now says what was undone), or a row the undo redrew.
 */
function keepFocus(fromToast: boolean): void {
  const heading = () => document.querySelector<HTMLElement>('main h1');
  if (fromToast) heading()?.focus();
  else
    setTimeout(() => {
      if (focusWasLost()) heading()?.focus();
    }, 0);
}

export const useUndoStore = create<UndoState>()((set, get) => {
  const show = (pending: Pending) => {
    set({ last: pending });
    toast(pending.label, {
      id: TOAST_ID,
      duration: UNDO_TOAST_MS,
      action: { label: 'Undo', onClick: () => void get().undoLast() },
    });
  };
  return {
    last: null,
    undoneCount: 0,
    offer(ticket) {
      if (ticket === null) return;
      show({
        label: ticket.label,
        run: async () => (await call('app:undo', { token: ticket.token })).undone,
      });
    },
    offerDeletedContact(label, { name, undoToken }) {
      show({
        label,
        run: async () => {
          await call('contacts:undoDelete', { undoToken });
          return `Undone: ${name} is back.`;
        },
      });
    },
    async undoLast() {
      const pending = get().last;
      if (pending === null) {
        toast('Nothing to undo.', { id: TOAST_ID, duration: 4_000 });
        return;
      }
      set({ last: null });
      const fromToast = document.activeElement?.closest('[data-sonner-toaster]') != null;
      // The same toast says what happened next, without its Undo button.
      const next = { id: TOAST_ID, action: undefined };
      try {
        const said = await pending.run();
        set((s) => ({ undoneCount: s.undoneCount + 1 }));
        toast.success(said, { ...next, duration: 6_000 });
      } catch (error) {
        toast.error(errorMessage(error), { ...next, duration: UNDO_TOAST_MS });
      }
      keepFocus(fromToast);
    },
  };
});

export function resetUndoStore(): void {
  useUndoStore.setState({ last: null, undoneCount: 0 });
  toast.dismiss();
}

/** Calls `clear` whenever an action is undone (see `undoneCount`); returns the unsubscribe. */
export function onUndone(clear: () => void): () => void {
  return useUndoStore.subscribe((state, previous) => {
    if (state.undoneCount !== previous.undoneCount) clear();
  });
}
