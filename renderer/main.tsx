import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { preloadPagesWhenIdle } from './features/shell/pages.js';
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

// Every other area's code, a piece at a time when the page is idle, once the first screen is up.
void firstScreen.then(preloadPagesWhenIdle);
