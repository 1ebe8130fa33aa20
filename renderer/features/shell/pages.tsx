import type { ReactNode } from 'react';
import type { Area } from '../../stores/ui-store.js';
import { TodayPage } from '../today/TodayPage.js';
import { lazyPage } from './lazy-page.js';

/**
 * Every area of the app. Today, the first screen, is in the main bundle; each other area is its
 * own chunk (with what only it uses: drag and drop, forms and their schemas, the prep workspace),
 * fetched the first time it is shown.
 */
const lazyPages = {
  pipeline: lazyPage(() => import('../pipeline/PipelinePage.js').then((m) => m.PipelinePage)),
  contact: lazyPage(() => import('../contacts/ContactPage.js').then((m) => m.ContactPage)),
  import: lazyPage(() => import('../import/ImportPage.js').then((m) => m.ImportPage)),
  employers: lazyPage(() => import('../employers/EmployersPage.js').then((m) => m.EmployersPage)),
  employer: lazyPage(() => import('../employers/EmployerPage.js').then((m) => m.EmployerPage)),
  meetings: lazyPage(() => import('../meetings/MeetingsPage.js').then((m) => m.MeetingsPage)),
  meeting: lazyPage(() => import('../prep/PrepWorkspacePage.js').then((m) => m.PrepWorkspacePage)),
  thanks: lazyPage(() => import('../thanks/ThanksPage.js').then((m) => m.ThanksPage)),
  learnings: lazyPage(() => import('../learnings/LearningsPage.js').then((m) => m.LearningsPage)),
  insights: lazyPage(() => import('../insights/InsightsPage.js').then((m) => m.InsightsPage)),
  settings: lazyPage(() => import('../settings/SettingsPage.js').then((m) => m.SettingsPage)),
} as const;

export const pages: Record<Area, () => ReactNode> = {
  home: () => <TodayPage />,
  ...Object.fromEntries(Object.entries(lazyPages).map(([area, Page]) => [area, () => <Page />])),
} as Record<Area, () => ReactNode>;

/** Fetches every area's code (tests, which then render pages without waiting). */
export function preloadPages(): Promise<void> {
  return Promise.all(Object.values(lazyPages).map((page) => page.preload())).then(() => undefined);
}

/**
 * Fetches every area's code one area per idle period, from a moment after the first screen is up: a first visit
 * to an area then renders at once, instead of waiting for its chunk and React's reveal of a page
 * that suspended (held back to at least 300 ms after its loading state showed). One area at a
 * time keeps each piece of work short, so a click or a key is never kept waiting long. The
 * `rapport:preload-areas` mark says when it began (the startup benchmark counts the first
 * screen's code up to it).
 */
export function preloadPagesWhenIdle(): void {
  const queue = Object.values(lazyPages);
  const next = () => {
    const page = queue.shift();
    if (page === undefined) return;
    // A chunk that fails to load is fetched again when its area is opened (see lazyPage).
    void page
      .preload()
      .catch(() => undefined)
      .finally(() => requestIdleCallback(next, { timeout: 2_000 }));
  };
  // Not in the frames that show the first screen: a moment after it is up.
  setTimeout(() => {
    performance.mark('rapport:preload-areas');
    requestIdleCallback(next, { timeout: 2_000 });
  }, AFTER_FIRST_SCREEN_MS);
}

/** How long after the first screen's data the areas' code starts loading. */
const AFTER_FIRST_SCREEN_MS = 300;
