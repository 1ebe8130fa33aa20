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
  meetings: lazyPage(() => import('../meetings/MeetingsPage.js').then((m) => m.MeetingsPage)),
  meeting: lazyPage(() => import('../prep/PrepWorkspacePage.js').then((m) => m.PrepWorkspacePage)),
  thanks: lazyPage(() => import('../thanks/ThanksPage.js').then((m) => m.ThanksPage)),
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
