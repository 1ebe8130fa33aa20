import { toast } from 'sonner';
import { create } from 'zustand';
import type { UndoTicket } from '../../shared/schema/effects.js';
import { call, errorMessage } from '../api.js';
import { focusHeadingIfLost } from '../components/use-focus-on-navigate.js';

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
/**
 * One message at a time: each new one replaces the last. Every toast gets its own id (sonner
 * removes a toast whose action was clicked a moment later, which would take a reused id with it).
 */
let shown: string | number | null = null;
const say = (show: () => string | number) => {
  if (shown !== null) toast.dismiss(shown);
  shown = show();
};

/**
 * After the undo the focus goes to the page's heading if what had it goes away: the toast's Undo
 * button (a new toast says what was undone), or a row the undo redrew.
 */
function keepFocus(fromToast: boolean): void {
  if (fromToast) document.querySelector<HTMLElement>('main h1')?.focus();
  else setTimeout(focusHeadingIfLost, 0);
}

export const useUndoStore = create<UndoState>()((set, get) => {
  const show = (pending: Pending) => {
    set({ last: pending });
    say(() =>
      toast(pending.label, {
        duration: UNDO_TOAST_MS,
        action: { label: 'Undo', onClick: () => void get().undoLast() },
      }),
    );
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
        say(() => toast('Nothing to undo.', { duration: 4_000 }));
        return;
      }
      set({ last: null });
      const fromToast = document.activeElement?.closest('[data-sonner-toaster]') != null;
      try {
        const said = await pending.run();
        set((s) => ({ undoneCount: s.undoneCount + 1 }));
        say(() => toast.success(said, { duration: 6_000 }));
      } catch (error) {
        const text = errorMessage(error);
        say(() => toast.error(text, { duration: UNDO_TOAST_MS }));
      }
      keepFocus(fromToast);
    },
  };
});

export function resetUndoStore(): void {
  useUndoStore.setState({ last: null, undoneCount: 0 });
  shown = null;
  toast.dismiss();
}

/** Calls `clear` whenever an action is undone (see `undoneCount`); returns the unsubscribe. */
export function onUndone(clear: () => void): () => void {
  return useUndoStore.subscribe((state, previous) => {
    if (state.undoneCount !== previous.undoneCount) clear();
  });
}
