import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createPdfRenderer } from '../../electron/pdf-window.js';

/** Just what the renderer touches of a BrowserWindow; records every call. */
function fakeWindowClass(printToPDF: (options: unknown) => Promise<Buffer>) {
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly destroy = vi.fn();
    readonly webContents = { printToPDF: vi.fn(printToPDF) };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      windows.push(this);
    }
  }
  return {
    windows,
    Window: FakeWindow as unknown as new (
      options: BrowserWindowConstructorOptions,
    ) => BrowserWindow,
  };
}

const html = '<!doctype html><meta charset="utf-8"><p>Zoë Ångström 李雷 #1 &amp; 100%</p>';

describe('the hidden PDF window', () => {
  it('loads the page as a data URL in a hidden, sandboxed window with JavaScript off', async () => {
    const { windows, Window } = fakeWindowClass(async () => Buffer.from('%PDF-1.4 fake'));
    const bytes = await createPdfRenderer(Window)(html, { pageSize: 'Letter' });
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.4 fake');
    expect(bytes).toBeInstanceOf(Uint8Array);
    const [win] = windows;
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
      },
    });
    const url = win?.loadURL.mock.calls[0]?.[0] ?? '';
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    // '#' and '%' would cut or corrupt a data URL if they were not encoded.
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(html);
    expect(win?.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'Letter', printBackground: true }),
    );
    expect(win?.destroy).toHaveBeenCalledTimes(1);
  });

  it('passes the paper size from Settings through', async () => {
    const { windows, Window } = fakeWindowClass(async () => Buffer.from('%PDF'));
    await createPdfRenderer(Window)(html, { pageSize: 'A4' });
    expect(windows[0]?.webContents.printToPDF.mock.calls[0]?.[0]).toMatchObject({ pageSize: 'A4' });
  });

  it('destroys the window even when printing fails, and passes the failure on', async () => {
    const { windows, Window } = fakeWindowClass(async () => {
      throw new Error('printing failed');
    });
    await expect(createPdfRenderer(Window)(html, { pageSize: 'A4' })).rejects.toThrow(
      'printing failed',
    );
    expect(windows[0]?.destroy).toHaveBeenCalledTimes(1);
  });

  it('uses a new window per document, so one packet cannot leak into the next', async () => {
    const { windows, Window } = fakeWindowClass(async () => Buffer.from('%PDF'));
    const render = createPdfRenderer(Window);
    await render(html, { pageSize: 'A4' });
    await render(html, { pageSize: 'A4' });
    expect(windows).toHaveLength(2);
    expect(windows.every((win) => win.destroy.mock.calls.length === 1)).toBe(true);
  });
});
