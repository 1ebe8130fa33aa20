import { useEffect } from 'react';
import { AppShell } from './features/shell/AppShell.js';
import { connectMainEvents, loadInitialData } from './stores/events.js';

/** Root: subscribes to main's events and loads what the shell needs, then shows the shell. */
export function App() {
  useEffect(() => {
    const disconnect = connectMainEvents();
    void loadInitialData();
    return disconnect;
  }, []);
  return <AppShell />;
}
