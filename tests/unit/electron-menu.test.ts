import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/menu.js';

const build = (platform: NodeJS.Platform, isDev = false) => {
  const send = vi.fn();
  const openDataFolder = vi.fn();
  const openLogsFolder = vi.fn();
  const template = buildMenuTemplate({ platform, isDev, send, openDataFolder, openLogsFolder });
  return { template, send, openDataFolder, openLogsFolder };
};

const itemsOf = (menu: MenuItemConstructorOptions | undefined) =>
  (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const menuNamed = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((menu) => menu.label === label);
const rolesOf = (menu: MenuItemConstructorOptions | undefined) =>
  itemsOf(menu)
    .map((item) => item.role)
    .filter(Boolean);
const allItems = (template: MenuItemConstructorOptions[]) =>
  template.flatMap((menu) => itemsOf(menu));

describe('buildMenuTemplate', () => {
  it('puts the app menu first on macOS, with About, Settings…, Services, Hide and Quit', () => {
    const { template } = build('darwin');
    expect(template.map((menu) => menu.label)).toEqual([
      'Rapport',
      'File',
      'Edit',
      'View',
      'Go',
      'Window',
      'Help',
    ]);
    const appMenu = itemsOf(template[0]);
    expect(appMenu.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'about',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
  });

  it.each(['linux', 'win32'] as const)(
    'has no app menu on %s; File holds the contact commands, Settings… and Quit',
    (platform) => {
      const { template } = build(platform);
      expect(template.map((menu) => menu.label)).toEqual([
        'File',
        'Edit',
        'View',
        'Go',
        'Window',
        'Help',
      ]);
      const file = itemsOf(menuNamed(template, 'File'));
      expect(file.map((item) => item.role ?? item.label ?? item.type)).toEqual([
        'New contact',
        'Import contacts…',
        'Export contacts…',
        'separator',
        'Settings…',
        'separator',
        'quit',
      ]);
    },
  );

  it('closes the window from File on macOS', () => {
    expect(rolesOf(menuNamed(build('darwin').template, 'File'))).toEqual(['close']);
  });

  it.each(['darwin', 'linux', 'win32'] as const)(
    'Settings… on %s uses Cmd/Ctrl+, and asks the renderer for the profile settings',
    (platform) => {
      const { template, send } = build(platform);
      const settings = allItems(template).filter((item) => item.label === 'Settings…');
      expect(settings).toHaveLength(1);
      expect(settings[0]!.accelerator).toBe('CmdOrCtrl+,');
      (settings[0]!.click as () => void)();
      expect(send).toHaveBeenCalledWith('app:navigate', { to: 'settings/profile' });
    },
  );

  it.each(['darwin', 'linux'] as const)(
    "Edit on %s has every standard editing role, and the page's own Undo first",
    (platform) => {
      const { template, send } = build(platform);
      const edit = menuNamed(template, 'Edit');
      // Undo is the page's (typing in a field, or the last action); no role, so no second Ctrl+Z.
      const [undo] = itemsOf(edit);
      expect(undo).toMatchObject({
        label: 'Undo',
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
      });
      undo?.click?.({} as never, undefined, {} as never);
      expect(send).toHaveBeenLastCalledWith('app:command', { command: 'undo' });
      expect(rolesOf(edit)).toEqual([
        'redo',
        'cut',
        'copy',
        'paste',
        'pasteAndMatchStyle',
        'delete',
        'selectAll',
      ]);
      const find = itemsOf(menuNamed(build(platform).template, 'Edit')).find(
        (item) => item.label === 'Find',
      );
      expect(find?.accelerator).toBe('CmdOrCtrl+F');
    },
  );

  it.each([
    {
      isDev: true,
      roles: [
        'reload',
        'forceReload',
        'toggleDevTools',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
      ],
    },
    { isDev: false, roles: ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'] },
  ])(
    'View offers reload and developer tools only in development (dev: $isDev)',
    ({ isDev, roles }) => {
      expect(rolesOf(menuNamed(build('linux', isDev).template, 'View'))).toEqual(roles);
    },
  );

  it.each([
    { platform: 'darwin' as const, roles: ['minimize', 'zoom', 'front'] },
    { platform: 'win32' as const, roles: ['minimize', 'zoom', 'close'] },
  ])('Window on $platform: $roles', ({ platform, roles }) => {
    expect(rolesOf(menuNamed(build(platform).template, 'Window'))).toEqual(roles);
  });

  it.each([
    { platform: 'darwin' as const, about: false },
    { platform: 'linux' as const, about: true },
    { platform: 'win32' as const, about: true },
  ])('Help on $platform opens the data folder (About here: $about)', ({ platform, about }) => {
    const { template, openDataFolder } = build(platform);
    const help = itemsOf(menuNamed(template, 'Help'));
    const folder = help.find((item) => item.label === 'Rapport data folder');
    (folder!.click as () => void)();
    expect(openDataFolder).toHaveBeenCalledTimes(1);
    expect(help.some((item) => item.role === 'about')).toBe(about);
  });

  it.each(['darwin', 'linux', 'win32'] as const)(
    'Go on %s reaches the eight areas with Cmd/Ctrl+1..8 and the palette with +K, run by the page',
    (platform) => {
      const { template, send } = build(platform);
      const go = itemsOf(menuNamed(template, 'Go'));
      expect(go.map((item) => [item.label, item.accelerator])).toEqual([
        ['Today', 'CmdOrCtrl+1'],
        ['Pipeline', 'CmdOrCtrl+2'],
        ['Meetings', 'CmdOrCtrl+3'],
        ['Thank-you notes', 'CmdOrCtrl+4'],
        ['Settings', 'CmdOrCtrl+5'],
        ['Employers', 'CmdOrCtrl+6'],
        ['Insights', 'CmdOrCtrl+7'],
        ['What I learned', 'CmdOrCtrl+8'],
        ['Go to or run…', 'CmdOrCtrl+K'],
      ]);
      // Shown, not registered: the page binds the same keys, so one press runs once.
      expect(go.every((item) => item.registerAccelerator === false)).toBe(true);
      (go[1]!.click as () => void)();
      expect(send).toHaveBeenCalledWith('app:command', { command: 'go-pipeline' });
    },
  );

  it('File > New contact and Help > Keyboard shortcuts ask the page; Open logs folder is main’s', () => {
    const { template, send, openLogsFolder } = build('linux');
    const item = (menu: string, label: string) =>
      itemsOf(menuNamed(template, menu)).find((entry) => entry.label === label)!;
    expect(item('File', 'New contact').accelerator).toBe('CmdOrCtrl+N');
    (item('File', 'New contact').click as () => void)();
    expect(send).toHaveBeenLastCalledWith('app:command', { command: 'new-contact' });
    (item('Help', 'Keyboard shortcuts').click as () => void)();
    expect(send).toHaveBeenLastCalledWith('app:command', { command: 'keyboard-shortcuts' });
    (item('Help', 'Open logs folder').click as () => void)();
    expect(openLogsFolder).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it.each(['darwin', 'linux', 'win32'] as const)('About appears exactly once on %s', (platform) => {
    expect(allItems(build(platform).template).filter((item) => item.role === 'about')).toHaveLength(
      1,
    );
  });

  it.each(['darwin', 'linux', 'win32'] as const)(
    'has no duplicate explicit shortcuts on %s',
    (platform) => {
      const accelerators = allItems(build(platform, true).template)
        .map((item) => item.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    },
  );

  it('gives every item a role, a label with an action, or separator type', () => {
    for (const item of allItems(build('darwin', true).template).concat(
      allItems(build('linux', true).template),
    )) {
      const ok = item.type === 'separator' || item.role !== undefined || (item.label && item.click);
      expect(ok, JSON.stringify(item)).toBeTruthy();
    }
  });
});
