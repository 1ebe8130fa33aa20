import { describe, expect, it, vi } from 'vitest';
import {
  createHandlers,
  isAllowedExternalUrl,
  type HandlerDeps,
} from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import type { Storage } from '../../electron/services/types.js';

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    storage: {
      dataDir: '/data',
      exportAll: vi.fn(),
      importAll: vi.fn(() => ({ counts: {}, safetyBackup: 'b' })),
      addAttachment: vi.fn(),
      onChange: vi.fn(() => () => undefined),
    } as unknown as Storage,
    dialogs: { showOpen: vi.fn(async () => null), showSave: vi.fn(async () => null) },
    now: () => new Date('2026-12-03T10:00:00Z'),
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: vi.fn(),
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
    ...overrides,
  };
}

describe('opening links outside the app', () => {
  it.each([
    ['https://www.linkedin.com/in/maya', true],
    ['http://example.com', true],
    ['mailto:maya@example.com?subject=Thanks', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['not a url', false],
    ['', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('refuses a file: URL without calling the shell', async () => {
    const d = deps();
    const result = await dispatch(createHandlers(d), 'app:openExternal', {
      url: 'file:///etc/passwd',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(d.openExternal).not.toHaveBeenCalled();
  });
});

describe('dialogs', () => {
  it('does nothing when the user cancels the export dialog', async () => {
    const d = deps();
    const result = await dispatch(createHandlers(d), 'data:export', undefined);
    expect(result).toEqual({ ok: true, value: null });
    expect(d.storage.exportAll).not.toHaveBeenCalled();
  });

  it('suggests a dated file name for the export and writes to the chosen path', async () => {
    const showSave = vi.fn<HandlerDeps['dialogs']['showSave']>(async () => '/chosen/export.json');
    const d = deps({ dialogs: { showOpen: vi.fn(async () => null), showSave } });
    const result = await dispatch(createHandlers(d), 'data:export', undefined);
    expect(showSave.mock.calls[0]![0]).toMatchObject({
      defaultPath: 'Rapport data 2026-12-03.jsonl',
    });
    expect(d.storage.exportAll).toHaveBeenCalledWith('/chosen/export.json');
    expect(result).toEqual({ ok: true, value: { path: '/chosen/export.json' } });
  });

  it('imports only a path that came from the open dialog', async () => {
    const d = deps({
      dialogs: {
        showOpen: vi.fn(async () => ['/picked/data.json']),
        showSave: vi.fn(async () => null),
      },
    });
    await dispatch(createHandlers(d), 'data:import', { path: '/etc/shadow' });
    expect(d.storage.importAll).not.toHaveBeenCalled();
    await dispatch(createHandlers(d), 'data:import', undefined);
    expect(d.storage.importAll).toHaveBeenCalledWith('/picked/data.json');
  });
});
