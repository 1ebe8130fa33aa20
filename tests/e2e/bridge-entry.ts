// Bundled by the harness into an init script: installs `window.rapport` with the same factory the
// preload uses, over a Playwright binding instead of ipcRenderer (or, when the harness exposes no
// binding, `transport: 'http'`, over a POST to the page's own server: see static-server.ts).
import type { Channel, EventName } from '../../shared/contract.js';
import { createBridgeApi } from '../../shared/bridge.js';
import { bridgeEventNames, channelNames } from '../../electron/channel-names.js';
import type { Result } from '../../shared/result.js';
import { INVOKE_PATH } from './invoke-path.js';

interface HarnessWindow {
  __rapportInvoke?(channel: Channel, args: unknown): Promise<Result<unknown>>;
  __rapportEmit?: (event: EventName, payload: unknown) => void;
  rapport?: unknown;
}

const target = window as unknown as HarnessWindow;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

target.__rapportEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
};

/** JSON both ways: a copy in and out, as Electron's structured clone makes. */
async function invokeOverHttp(channel: Channel, args: unknown): Promise<Result<unknown>> {
  const response = await fetch(INVOKE_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, args }),
  });
  return (await response.json()) as Result<unknown>;
}

// The preload's own factory and name lists (literal lists in the bundle, as in the app's preload).
const api = createBridgeApi(channelNames, bridgeEventNames, {
  // Structured clone on the way in and out, as Electron's IPC does.
  invoke: async (channel, args) =>
    target.__rapportInvoke
      ? structuredClone(await target.__rapportInvoke(channel, structuredClone(args)))
      : invokeOverHttp(channel, args),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});

Object.defineProperty(window, 'rapport', { value: api, writable: false, configurable: false });
