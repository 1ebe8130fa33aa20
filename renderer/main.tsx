import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { preloadPages } from './features/shell/pages.js';
import { startFirstScreen } from './stores/events.js';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const firstScreen = startFirstScreen();
createRoot(container).render(
  <StrictMode>
    <ErrorBoundary scope="app">
      <App startedEarly />
    </ErrorBoundary>
  </StrictMode>,
);

// Every other area's code once the first screen is up and the page is idle: a first visit to an
// area then renders at once, instead of waiting for its chunk and React's reveal of a page that
// suspended (held back to at least 300 ms after its loading state showed).
void firstScreen.then(() =>
  requestIdleCallback(() => void preloadPages().catch(() => undefined), { timeout: 2_000 }),
);
