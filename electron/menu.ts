import type { MenuItemConstructorOptions } from 'electron';
import type { EventMap, EventName } from '../shared/contract.js';
import { COMMANDS, type CommandMenu } from '../shared/domain/commands.js';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools are for people working on Rapport, not for users. */
  isDev: boolean;
  /** Sends an event to the renderer (Settings… asks it to show the settings screen). */
  send<E extends EventName>(event: E, payload: EventMap[E]): void;
  openDataFolder(): void;
  /** Help > Open logs folder: the data folder's logs/. */
  openLogsFolder(): void;
  appName?: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu as data. Pure, so the per-platform differences (macOS app menu, where
 * Settings… and About live) are checked in a unit test rather than by clicking through builds.
 * Standard items use roles, so they get the OS's own labels, shortcuts and translations.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, send, openDataFolder, openLogsFolder, appName = 'Rapport' } = options;
  /**
   * The items of the app's own commands in one menu. Their keys are shown but not registered
   * with the system: the page binds the same keys from the same table (so they also work where
   * there is no native menu), and a key must not run a command twice.
   */
  const commands = (menu: CommandMenu): MenuItemConstructorOptions[] =>
    COMMANDS.filter((command) => command.menu === menu).map((command) => ({
      id: command.id,
      label: command.label,
      ...(command.accelerator
        ? { accelerator: command.accelerator, registerAccelerator: false }
        : {}),
      click: () => {
        if (command.id === 'open-logs') openLogsFolder();
        else send('app:command', { command: command.id });
      },
    }));
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
    submenu: [
      ...commands('File'),
      separator,
      ...(isMac ? [{ role: 'close' } as const] : [settings, separator, { role: 'quit' } as const]),
    ],
  };

  const editCommands = commands('Edit');
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Undo is the page's: in a text field it undoes the typing (as the role would), elsewhere
      // the last action (a stage move, Done…), which the OS's Undo knows nothing of.
      ...editCommands.filter((item) => item.id === 'undo'),
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
      separator,
      ...editCommands.filter((item) => item.id !== 'undo'),
    ],
  };

  const goMenu: MenuItemConstructorOptions = { label: 'Go', submenu: commands('Go') };

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
      ...commands('Help'),
      separator,
      { label: `${appName} data folder`, click: () => openDataFolder() },
      // macOS keeps About in the app menu; elsewhere it belongs under Help.
      ...(isMac ? [] : [separator, { role: 'about', label: `About ${appName}` } as const]),
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, goMenu, windowMenu, helpMenu];
}
