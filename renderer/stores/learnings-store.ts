import { create } from 'zustand';
import type { Learnings, LearningsFilter } from '../../shared/domain/learnings.js';
import { call, errorMessage } from '../api.js';

interface LearningsState {
  filter: LearningsFilter;
  learnings: Learnings | null;
  error: string | null;
  load(filter?: LearningsFilter): Promise<void>;
  /** After main changed meetings, their preps, contacts or employers: reloads if shown. */
  refresh(): Promise<void>;
}

const initial = {
  filter: {} as LearningsFilter,
  learnings: null as Learnings | null,
  error: null as string | null,
};

export const useLearningsStore = create<LearningsState>()((set, get) => ({
  ...initial,
  load: async (filter = get().filter) => {
    set({ filter });
    try {
      const learnings = await call('learnings:get', filter);
      // A newer filter was chosen meanwhile: its answer is the one to show.
      if (get().filter === filter) set({ learnings, error: null });
    } catch (error) {
      if (get().filter === filter) set({ error: errorMessage(error) });
    }
  },
  refresh: async () => {
    if (get().learnings !== null) await get().load();
  },
}));

export const resetLearningsStore = () => useLearningsStore.setState(initial);
