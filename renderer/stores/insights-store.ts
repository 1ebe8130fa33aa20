import { create } from 'zustand';
import type { InsightsPeriod } from '../../shared/contract.js';
import type { Insights } from '../../shared/domain/insights.js';
import { call, errorMessage } from '../api.js';

interface InsightsState {
  period: InsightsPeriod;
  insights: Insights | null;
  error: string | null;
  load(period?: InsightsPeriod): Promise<void>;
  /** After main changed what the figures count: reloads if they were shown. */
  refresh(): Promise<void>;
}

const initial = {
  period: '12w' as InsightsPeriod,
  insights: null as Insights | null,
  error: null as string | null,
};

export const useInsightsStore = create<InsightsState>()((set, get) => ({
  ...initial,
  load: async (period = get().period) => {
    set({ period });
    try {
      const insights = await call('insights:get', { period });
      if (get().period === period) set({ insights, error: null });
    } catch (error) {
      if (get().period === period) set({ error: errorMessage(error) });
    }
  },
  refresh: async () => {
    if (get().insights !== null) await get().load();
  },
}));

export const resetInsightsStore = () => useInsightsStore.setState(initial);
