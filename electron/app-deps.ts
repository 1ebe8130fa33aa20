import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, Shell } from 'electron';
import type { EventMap, EventName } from '../shared/contract.js';
import { UserFacingError } from '../shared/result.js';
import type { HandlerDeps } from './ipc/handlers.js';
import { externalHrefOrThrow } from './services/external-url.js';
import type { Dialogs } from './services/types.js';
import type { Logger } from './ipc/dispatch.js';

type WindowGetter = () => BrowserWindow | null;

/**
 * Native dialogs as the handlers see them: attached to our window when there is one (so they are
 * modal to it), and `null` instead of an empty result when the user cancels.
 */
export function createDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  getWindow: WindowGetter,
): Dialogs {
  return {
    async showOpen({ title, filters, multiple }) {
      const options: OpenDialogOptions = {
        title,
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const win = getWindow();
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async showSave({ title, defaultPath, filters }) {
      const options = { title, defaultPath, filters };
      const win = getWindow();
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/**
 * The Electron side effects `createHandlers` needs besides storage. Kept apart from main.ts so
 * the fake-electron test can drive them; the URL allowlist is applied again here because this
 * is the last stop before the OS opens something, and only its normalized link goes on.
 */
export function createElectronDeps(electron: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath' | 'openExternal'>;
  getWindow: WindowGetter;
}): Pick<HandlerDeps, 'dialogs' | 'openPath' | 'openExternal' | 'emit'> {
  const { dialog, shell, getWindow } = electron;
  return {
    dialogs: createDialogs(dialog, getWindow),
    async openPath(folder) {
      // shell.openPath resolves with an error message instead of rejecting.
      const problem = await shell.openPath(folder);
      if (problem) {
        throw new UserFacingError(
          'io',
          `Rapport could not open the folder in your file manager (${problem}). It is at ${folder}.`,
        );
      }
    },
    async openExternal(url) {
      // The OS gets the rebuilt link, never the string the renderer sent.
      await shell.openExternal(externalHrefOrThrow(url));
    },
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      const win = getWindow();
      if (win && !win.isDestroyed()) win.webContents.send(event, payload);
    },
  };
}

const MAX_LOG_BYTES = 1_000_000;

/**
 * Errors in main go to the console and to `logs/main.log` in the data folder: a packaged app has
 * no visible console, and "it closed" is not something anyone can fix. The file is rotated once
 * at 1 MB so it cannot grow without bound. Logging never throws.
 */
export function createFileLogger(logFile: string, now: () => Date = () => new Date()): Logger {
  return (message, error) => {
    console.error(message, ...(error === undefined ? [] : [error]));
    try {
      mkdirSync(path.dirname(logFile), { recursive: true });
      try {
        if (statSync(logFile).size > MAX_LOG_BYTES) renameSync(logFile, `${logFile}.old`);
      } catch {
        // No log file yet.
      }
      const detail =
        error === undefined
          ? ''
          : ` ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      appendFileSync(logFile, `${now().toISOString()} ${message}${detail}\n`, 'utf8');
    } catch {
      // The console line above is all we can do.
    }
  };
}
