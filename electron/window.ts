import { BrowserWindow, Menu, nativeTheme, screen, shell } from 'electron';
import { attachContextMenu } from './context-menu.js';
import type { WebContents, WebPreferences } from 'electron';
import { normalizeExternalUrl } from './services/external-url.js';
import type { Logger } from './ipc/dispatch.js';
import { APP_HOST, APP_SCHEME, APP_START_URL } from './protocol.js';
import { MIN_SIZE, initialBounds, readWindowState, trackWindowState } from './window-state.js';

/**
 * Painted before the first frame so a dark-mode user does not get a white flash; the renderer's
 * own page background should use the same two colours.
 */
export const BACKGROUND_COLORS = { light: '#f7f7f5', dark: '#1d1e22' } as const;

export const backgroundColorFor = (dark: boolean): string =>
  dark ? BACKGROUND_COLORS.dark : BACKGROUND_COLORS.light;

/**
 * The renderer gets no Node, no Electron, no webviews and no mixed content: it can reach main
 * only through the preload's `window.rapport`, whose every call main checks again.
 * `bypassHeatCheck`: V8 caches the renderer's code from the first launch, not only once a script
 * has been seen "hot" twice (with the `codeCache` privilege of app://, see protocol.ts).
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    v8CacheOptions: 'bypassHeatCheck',
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

/** Our pages: `app://rapport/…`, or the Vite dev server during `npm run dev`. */
export function isOwnOrigin(raw: string, devServerUrl?: string): boolean {
  try {
    const url = new URL(raw);
    // Node's URL gives custom schemes an opaque origin ("null"), so compare the parts.
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return devServerUrl !== undefined && url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

export interface HardenOptions {
  devServerUrl?: string;
  /** Gets the normalized link (normalizeExternalUrl), never the page's own string. */
  openExternal(url: string): Promise<void>;
  log: Logger;
}

/**
 * A URL as the log shows it: its scheme and host only (a path, a query or a mail address can name
 * a person or a file of theirs, and the log keeps no personal data), cut short and without line
 * breaks that could fake log lines. "mailto:maya@…" becomes "mailto:…", a file "file://…".
 */
export function forLog(url: string): string {
  let shown: string;
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(/^\/$/, '');
    shown = `${parsed.protocol}${parsed.host === '' ? '' : `//${parsed.host}`}${rest === '' ? '' : '…'}`;
  } catch {
    shown = 'a link that is not a URL';
  }
  // eslint-disable-next-line no-control-regex
  return shown.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
}

/**
 * Everything a page could do to leave the app is refused here: new windows (web and mail links
 * go to the user's browser instead), navigation or redirects to other origins, webviews, and
 * every permission (camera, notifications, geolocation…). Rapport needs none of them.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const { devServerUrl, openExternal, log } = options;
  contents.setWindowOpenHandler(({ url }) => {
    const href = normalizeExternalUrl(url);
    if (href !== null) {
      openExternal(href).catch((error: unknown) => log('[window] could not open a link', error));
    } else {
      log(`[window] refused to open ${forLog(url)}`);
    }
    return { action: 'deny' };
  });
  // Navigating away is refused, not handed to the browser: a redirect or a script-driven
  // navigation is not a click the user meant as "open this in my browser".
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!isOwnOrigin(event.url, devServerUrl)) {
      event.preventDefault();
      log(`[window] refused to leave the app for ${forLog(event.url)}`);
    }
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  contents.session.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  preloadPath: string;
  /** `VITE_DEV_SERVER_URL` in `npm run dev`; otherwise the app:// build is loaded. */
  devServerUrl?: string;
  /** The window-state JSON file in the data folder. */
  stateFile: string;
  log: Logger;
}

/**
 * Opens Rapport's one window where the user left it (if that spot is still on a screen), hidden
 * until the first paint so it never shows blank.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { preloadPath, devServerUrl, stateFile, log } = options;
  const bounds = initialBounds(
    readWindowState(stateFile, log),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined
      ? { x: bounds.x, y: bounds.y }
      : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Rapport',
    backgroundColor: backgroundColorFor(nativeTheme.shouldUseDarkColors),
    webPreferences: hardenedWebPreferences(preloadPath),
  });

  hardenWebContents(win.webContents, {
    devServerUrl,
    openExternal: (url) => shell.openExternal(url),
    log,
  });
  trackWindowState(win, stateFile, { log });
  attachContextMenu(win.webContents, Menu);

  win.once('ready-to-show', () => {
    if (bounds.isMaximized) win.maximize();
    win.show();
  });
  const followTheme = () => {
    if (!win.isDestroyed())
      win.setBackgroundColor(backgroundColorFor(nativeTheme.shouldUseDarkColors));
  };
  nativeTheme.on('updated', followTheme);
  win.on('closed', () => nativeTheme.off('updated', followTheme));

  win.webContents.on('render-process-gone', (_event, details) =>
    log(`[window] the page stopped (${details.reason}, exit code ${details.exitCode})`),
  );
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) log(`[window] could not load ${url}: ${description} (${code})`);
  });
  win
    .loadURL(devServerUrl ?? APP_START_URL)
    .catch((error: unknown) => log('[window] could not load the app', error));
  return win;
}
