import type { TodayRequest, TodaySection } from '../schema/pipeline.js';

/** Rows each of Today's long lists shows at first and adds on "Show more". */
export const TODAY_PAGE_SIZE = 50;

/**
 * The first rows of Today's long lists, as asked for (`TODAY_PAGE_SIZE` of each list not named),
 * and how many each has in all. Main pages its view with this; the renderer's fake does too.
 */
export function firstRowsOfToday<I extends { overdue: boolean }, O>(
  items: readonly I[],
  outcomes: readonly O[],
  shown: TodayRequest = {},
): { items: I[]; outcomes: O[]; totals: Record<TodaySection, number> } {
  const limit = (section: TodaySection) => shown[section] ?? TODAY_PAGE_SIZE;
  const overdue = items.filter((item) => item.overdue);
  const due = items.filter((item) => !item.overdue);
  return {
    // Overdue rows come first in the view, as they are older.
    items: [...overdue.slice(0, limit('overdue')), ...due.slice(0, limit('due'))],
    outcomes: outcomes.slice(0, limit('outcomes')),
    totals: { outcomes: outcomes.length, overdue: overdue.length, due: due.length },
  };
}
