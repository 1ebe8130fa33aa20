import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  shell,
} from 'electron';
import Store from 'electron-store';
import type { EventMap, EventName } from '../shared/contract.js';
import { createElectronDeps, createFileLogger } from './app-deps.js';
import { OVERLAY_DOT_PNG, platformBadge, startDueNotifier } from './due-notifier.js';
import { createHandlers } from './ipc/handlers.js';
import type { Logger } from './ipc/dispatch.js';
import { registerHandlers, trustedFrameCheck } from './ipc/register.js';
import { buildMenuTemplate } from './menu.js';
import { handleAppProtocol, registerAppScheme } from './protocol.js';
import { createDueAlerts } from './services/due-alerts.js';
import { openStorage } from './services/storage.js';
import type { Storage } from './services/types.js';
import { readSwitches } from './switches.js';
import { withTestHooks } from './test-hooks.js';
import { createPdfRenderer } from './pdf-window.js';
import { createMainWindow } from './window.js';
import { WINDOW_STATE_FILE } from './window-state.js';

// Lifecycle only: which process runs, when storage opens and closes, when the window appears.
// Everything else lives in modules that take their side effects as arguments.

/**
 * `npm run dev` and end-to-end switches (dev server, data folder, test hooks); always empty in a
 * packaged app, so nothing in the environment can redirect what a user runs.
 */
const switches = readSwitches(app.isPackaged);
const { devServerUrl } = switches;

let log: Logger = (message, error) => console.error(message, error);
let logFile = '';
let storage: Storage | null = null;
let storageClosed = false;
let stopNotifier = () => {};
let mainWindow: BrowserWindow | null = null;

let now = () => new Date();
const outDir = () => path.join(app.getAppPath(), 'out');

function openWindow(): BrowserWindow {
  const win = createMainWindow({
    preloadPath: path.join(outDir(), 'preload', 'preload.cjs'),
    devServerUrl,
    stateFile: path.join(app.getPath('userData'), WINDOW_STATE_FILE),
    log,
  });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

/** Brings the existing window forward (a second launch, the dock icon), or opens one. */
function showWindow(): BrowserWindow | null {
  if (!app.isReady()) return null;
  if (!mainWindow || mainWindow.isDestroyed()) return openWindow(); // shows itself when painted
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

/** Menu commands reach the renderer even when the window was closed (macOS) or is still loading. */
function sendToWindow<E extends EventName>(event: E, payload: EventMap[E]): void {
  const win = showWindow();
  if (!win) return;
  const send = () => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  };
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
  else send();
}

/** The final backup happens here; it must run once even if quitting is cancelled and retried. */
function closeStorage(): void {
  stopNotifier();
  if (!storage || storageClosed) return;
  storageClosed = true;
  try {
    storage.close();
  } catch (error) {
    log('[main] the final backup on quit failed', error);
  }
}

/** A start that cannot finish says so and exits, instead of leaving a process with no window. */
function failStart(error: unknown): void {
  log('[main] Rapport could not start', error);
  // The window opens before the store (see onReady): a store that cannot open closes it again.
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.destroy();
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    'Rapport could not start',
    `${reason}\n\nNothing in your data folder was deleted. Details were written to ${logFile || 'the console'}. ` +
      'Try opening Rapport again; if this keeps happening, keep that file for support.',
  );
  app.exit(1);
}

function onReady(): void {
  const dataDir = app.getPath('userData');
  const electronDeps = createElectronDeps({ dialog, shell, getWindow: () => mainWindow });
  const hooks = withTestHooks(switches, electronDeps.dialogs);
  now = hooks.now;
  // The window first: its renderer process loads the page while this thread opens the store (the
  // app:// handler and the IPC handlers below are in place before this turn of the event loop
  // ends, so no request of the page can arrive before them).
  handleAppProtocol(protocol, path.join(outDir(), 'renderer'), log);
  openWindow();
  const opened = openStorage({ dataDir, now, StoreClass: Store, log, locale: app.getLocale() });
  storage = opened;
  const handlers = createHandlers({
    storage: opened,
    ...electronDeps,
    dialogs: hooks.dialogs,
    renderPdf: createPdfRenderer(BrowserWindow),
    now,
    appInfo: { version: app.getVersion(), platform: process.platform },
  });
  registerHandlers(ipcMain, handlers, trustedFrameCheck(devServerUrl), log);

  const openFolder = (folder: string, title: string) => {
    electronDeps.openPath(folder).catch((error: unknown) => {
      log(`[main] could not open ${title}`, error);
      dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
    });
  };
  const openDataFolder = () => openFolder(dataDir, 'Rapport data folder');
  const openLogsFolder = () => {
    // There may be no log yet: the folder is made so that the file manager has something to show.
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    openFolder(path.dirname(logFile), 'Rapport logs folder');
  };
  // Reminders falling due: a system notification (unless turned off) and the dock/taskbar count.
  stopNotifier = startDueNotifier({
    alerts: createDueAlerts({ read: () => opened.read(), now }),
    enabled: () => opened.read().settings.notifications,
    Notification,
    setBadge: platformBadge({
      platform: process.platform,
      app,
      getWindow: () => mainWindow,
      overlayImage: () => nativeImage.createFromDataURL(OVERLAY_DOT_PNG),
    }),
    open: (to) => sendToWindow('app:navigate', { to }),
    onChange: (listener) => opened.onChange(listener),
    log,
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDev: !app.isPackaged,
        send: sendToWindow,
        openDataFolder,
        openLogsFolder,
      }),
    ),
  );
}

function start(): Promise<void> {
  // Before anything else: the userData folder also keys the single-instance lock.
  if (switches.dataDir) app.setPath('userData', path.resolve(switches.dataDir));
  logFile = path.join(app.getPath('userData'), 'logs', 'main.log');
  log = createFileLogger(logFile);

  if (!app.requestSingleInstanceLock()) {
    // Another Rapport owns the store (one writer); it focuses its window on 'second-instance'.
    app.quit();
    return Promise.resolve();
  }

  process.on('uncaughtException', (error) => log('[main] uncaught exception', error));
  process.on('unhandledRejection', (reason) => log('[main] unhandled promise rejection', reason));

  registerAppScheme(protocol);
  app.enableSandbox();
  app.on('second-instance', () => showWindow());
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock with no window; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', closeStorage);

  return app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => failStart(error));
}

/** Resolves once the window is open (or the start failed and was reported); awaited by tests. */
export const started: Promise<void> = start();
