import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * Renders HTML to PDF in a hidden, sandboxed window with JavaScript off: Chromium lays out any
 * script the system fonts cover (Zoë, 李雷) and paginates, which a hand-drawn PDF cannot do well.
 */
export function createPdfRenderer(Window: WindowConstructor) {
  return async (html: string, options: { pageSize: 'A4' | 'Letter' }): Promise<Uint8Array> => {
    const win = new Window({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
      },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const pdf = await win.webContents.printToPDF({
        pageSize: options.pageSize,
        printBackground: true,
      });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
    }
  };
}
