import { vi } from 'vitest';
import type { HandlerDeps } from '../../../electron/ipc/handlers.js';
import type { Storage } from '../../../electron/services/types.js';

/**
 * What `createHandlers` needs besides a store, as main gives it but quiet: dialogs that answer
 * "cancelled" unless `dialogs` says otherwise, a fixed clock, a shell and events that do nothing.
 */
export function handlerDeps(storage: Storage, overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => null) },
    now: () => new Date('2026-12-03T16:00:00.000Z'),
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
    ...overrides,
  };
}
