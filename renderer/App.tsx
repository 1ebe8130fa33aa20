import { useEffect } from 'react';
import { AppShell } from './features/shell/AppShell.js';
import { connectMainEvents, loadInitialData } from './stores/events.js';

/**
 * Root: subscribes to main's events and loads what the shell needs, then shows the shell. With
 * `startedEarly`, main.tsx has done both before the first render (`startFirstScreen`).
 */
export function App({ startedEarly = false }: { startedEarly?: boolean }) {
  useEffect(() => {
    if (startedEarly) return;
    const disconnect = connectMainEvents();
    void loadInitialData();
    return disconnect;
  }, [startedEarly]);
  return <AppShell />;
}
