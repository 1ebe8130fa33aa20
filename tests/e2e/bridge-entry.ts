// Bundled by the harness into an init script: installs `window.rapport` with the same factory the
// preload uses, over a Playwright binding instead of ipcRenderer.
import { createRapportApi, type Channel, type EventName } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';

interface HarnessWindow {
  __rapportInvoke(channel: Channel, args: unknown): Promise<Result<unknown>>;
  __rapportEmit?: (event: EventName, payload: unknown) => void;
  rapport?: unknown;
}

const target = window as unknown as HarnessWindow;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

target.__rapportEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
};

const api = createRapportApi({
  // Structured clone on the way in and out, as Electron's IPC does.
  invoke: async (channel, args) =>
    structuredClone(await target.__rapportInvoke(channel, structuredClone(args))),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});

Object.defineProperty(window, 'rapport', { value: api, writable: false, configurable: false });
