import { channels, eventNames, type Channel, type EventName } from '../shared/contract.js';

/**
 * The names the preload turns into `window.rapport`. In the built preload this module is replaced
 * by literal lists generated from shared/contract.ts (build/scripts/electron-builds.mjs), so the
 * sandboxed preload carries names only, not zod and the argument schemas. Here (type checks, unit
 * tests) the lists come from the contract itself: both are the same lists by construction.
 */
export const channelNames: readonly Channel[] = channels;
export const bridgeEventNames: readonly EventName[] = eventNames;
