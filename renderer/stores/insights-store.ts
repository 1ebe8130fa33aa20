import { create } from 'zustand';
import type { InsightsPeriod } from '../../shared/contract.js';
import type { Insights } from '../../shared/domain/insights.js';
import { call, errorMessage } from '../api.js';

/** The request in flight and its period: asking again for the same period shares it. */
let inflight: { period: InsightsPeriod; done: Promise<void> } | null = null;

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
  load: (period = get().period) => {
    if (inflight?.period === period) return inflight.done;
    set({ period });
    const entry: { period: InsightsPeriod; done: Promise<void> } = {
      period,
      done: Promise.resolve(),
    };
    entry.done = (async () => {
      try {
        const insights = await call('insights:get', { period });
        if (get().period === period) set({ insights, error: null });
      } catch (error) {
        if (get().period === period) set({ error: errorMessage(error) });
      } finally {
        if (inflight === entry) inflight = null;
      }
    })();
    inflight = entry;
    return entry.done;
  },
  refresh: async () => {
    // The data changed: a request already under way may have missed it, so ask again.
    if (get().insights === null) return;
    inflight = null;
    await get().load();
  },
}));

export const resetInsightsStore = () => {
  inflight = null;
  useInsightsStore.setState(initial);
};
