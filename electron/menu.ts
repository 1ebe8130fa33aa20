import type { MenuItemConstructorOptions } from 'electron';
import type { EventMap, EventName } from '../shared/contract.js';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools are for people working on Rapport, not for users. */
  isDev: boolean;
  /** Sends an event to the renderer (Settings… asks it to show the settings screen). */
  send<E extends EventName>(event: E, payload: EventMap[E]): void;
  openDataFolder(): void;
  appName?: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu as data. Pure, so the per-platform differences (macOS app menu, where
 * Settings… and About live) are checked in a unit test rather than by clicking through builds.
 * Standard items use roles, so they get the OS's own labels, shortcuts and translations.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, send, openDataFolder, appName = 'Rapport' } = options;
  const isMac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => send('app:navigate', { to: 'settings/profile' }),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: isMac ? [{ role: 'close' }] : [settings, separator, { role: 'quit' }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            separator,
          ] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [
      { label: `${appName} data folder`, click: () => openDataFolder() },
      // macOS keeps About in the app menu; elsewhere it belongs under Help.
      ...(isMac ? [] : [separator, { role: 'about', label: `About ${appName}` } as const]),
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
