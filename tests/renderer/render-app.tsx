import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/App.js';
import { preloadPages } from '../../renderer/features/shell/pages.js';
import { resetStores, useUiStore, type Route } from '../../renderer/stores/index.js';
import { createFakeRapport, type FakeRapport, type FakeState } from './fake-api.js';

/**
 * Installs a fresh fake `window.rapport`, resets every store, renders the whole app at `route`
 * and waits until the first load has finished.
 */
export async function renderApp(
  options: {
    state?: Partial<FakeState>;
    route?: Route;
    prepare?: (fake: FakeRapport) => void;
  } = {},
) {
  // Every area's chunk is fetched first, so navigating renders the page at once, as before the
  // areas were split (their lazy loading has its own test).
  await preloadPages();
  resetStores();
  const fake = createFakeRapport(options.state);
  options.prepare?.(fake);
  fake.install();
  if (options.route) useUiStore.setState(routeState(options.route));
  const user = userEvent.setup();
  const view = render(<App />);
  await screen.findByRole('heading', { level: 1 });
  await waitForIdle(fake);
  return { fake, user, ...view };
}

function routeState(route: Route) {
  if (route === 'home') return { area: 'home' as const };
  const tab = route.split('/')[1];
  return {
    area: 'settings' as const,
    ...(tab ? { settingsTab: tab as 'profile' | 'preferences' | 'data' } : {}),
  };
}

/** Waits for the initial settings and status calls to be answered and rendered. */
async function waitForIdle(fake: FakeRapport) {
  await waitFor(() => {
    if (fake.callsTo('settings:get').length === 0 || fake.callsTo('storage:status').length === 0) {
      throw new Error('still loading');
    }
    if (screen.queryByText(/Loading your settings/)) throw new Error('still loading');
  });
}
