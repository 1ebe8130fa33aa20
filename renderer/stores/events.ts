import { onMainEvent } from '../api.js';
import { useImportStore } from './import-store.js';
import { useSettingsStore } from './settings-store.js';
import { useStorageStore } from './storage-store.js';
import { useUiStore, type Route } from './ui-store.js';

/**
 * Wires the events main sends (app menu navigation, storage changes made outside the renderer,
 * import progress) into the stores. Returns the function that unsubscribes, for React effects and tests.
 */
export function connectMainEvents(): () => void {
  const off = [
    onMainEvent('app:navigate', (payload) => {
      useUiStore.getState().navigate(payload?.to as Route);
    }),
    onMainEvent('storage:changed', (status) => {
      if (status && typeof status === 'object') useStorageStore.getState().statusChanged(status);
      else void useStorageStore.getState().loadStatus();
    }),
    onMainEvent('import:progress', (progress) => {
      if (progress && typeof progress === 'object') useImportStore.getState().progressed(progress);
    }),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}

/** First load of everything the shell needs. */
export function loadInitialData(): Promise<void> {
  return Promise.all([
    useStorageStore.getState().loadStatus(),
    useSettingsStore.getState().load(),
  ]).then(() => undefined);
}
