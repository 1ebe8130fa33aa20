import { create } from 'zustand';
import type { BankQuestion, QuestionCategory } from '../../shared/schema/entities.js';
import { questionMatchKey } from '../../shared/domain/questions.js';
import { call, errorMessage } from '../api.js';

interface QuestionBankState {
  questions: BankQuestion[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Loads the starter bank plus the user's own questions (once; `force` reloads). */
  load(force?: boolean): Promise<void>;
  /** After main changed saved questions: reloads if the bank was loaded. */
  refresh(): Promise<void>;
  /**
   * Saves a question to the user's bank for later meetings. A question already in the bank (same
   * words, whatever the case or spacing) is not sent again. Throws the main process's message.
   */
  save(text: string, category: QuestionCategory): Promise<BankQuestion>;
}

const initial = {
  questions: [] as BankQuestion[],
  loaded: false,
  loading: false,
  error: null as string | null,
};

/** The question bank the prep workspace adds from and saves to. */
export const useQuestionBankStore = create<QuestionBankState>()((set, get) => ({
  ...initial,
  load: async (force = false) => {
    if (get().loading || (get().loaded && !force)) return;
    set({ loading: true, error: null });
    try {
      set({ questions: await call('questions:bank'), loaded: true, loading: false });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
  refresh: async () => {
    if (get().loaded) await get().load(true);
  },
  save: async (text, category) => {
    const key = questionMatchKey(text);
    const existing = get().questions.find((q) => questionMatchKey(q.text) === key);
    if (existing) return existing;
    const saved = await call('questions:save', { text, category });
    set((state) => ({
      questions: state.questions.some((q) => q.id === saved.id)
        ? state.questions.map((q) => (q.id === saved.id ? saved : q))
        : [...state.questions, saved],
    }));
    return saved;
  },
}));

export const resetQuestionBankStore = () => useQuestionBankStore.setState(initial);
