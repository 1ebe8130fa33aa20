import type { BridgeTransport, Channel, EventName, RapportApi } from './contract.js';

/**
 * Builds `window.rapport` from lists of channel and event names. It needs nothing but the names,
 * so the preload (bundled into every window, sandboxed) imports this file and a list generated at
 * build time from shared/contract.ts, never the contract itself with zod. `createRapportApi` in the
 * contract calls it with the contract's own lists (tests, the e2e harness).
 */
export function createBridgeApi(
  channelNames: readonly Channel[],
  eventNames: readonly EventName[],
  transport: BridgeTransport,
): RapportApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (args?: unknown) => transport.invoke(channel, args);
  }
  const known = new Set<string>(eventNames);
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!known.has(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  for (const domain of Object.values(api)) Object.freeze(domain);
  return Object.freeze({ ...api, on }) as unknown as RapportApi;
}
