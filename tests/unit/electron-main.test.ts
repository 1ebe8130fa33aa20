import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type RapportApi } from '../../shared/contract.js';
import { forLog } from '../../electron/window.js';
import { FakeNotification, type FakeBrowserWindow } from './helpers/fake-electron.js';
import { makeContact, makeReminder } from './helpers/storage-fixtures.js';

// main.ts and preload.ts run against a recording fake of `electron` (the binary is not
// installed here). Each test imports them afresh, as Electron would at launch.
const { fake, storage } = await vi.hoisted(async () => {
  const helpers = await import('./helpers/fake-electron.js');
  return { fake: helpers.createFakeElectron(), storage: helpers.createFakeStorage() };
});
const openStorage = vi.hoisted(() => vi.fn());

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({ default: class FakeStore {} }));
vi.mock('../../electron/services/storage.js', () => ({ openStorage }));

let dir: string;
let keptUncaught: NodeJS.UncaughtExceptionListener[];
let keptUnhandled: NodeJS.UnhandledRejectionListener[];
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rapport-main-'));
  keptUncaught = process.listeners('uncaughtException');
  keptUnhandled = process.listeners('unhandledRejection');
  // main logs refusals and failures to the console and to logs/main.log; tests read the file.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  openStorage.mockImplementation(({ dataDir }: { dataDir: string }) => {
    storage.dataDir = dataDir;
    return storage;
  });
});

afterEach(() => {
  // main.ts adds process-wide error listeners; keep them from piling up across tests.
  for (const listener of process.listeners('uncaughtException')) {
    if (!keptUncaught.includes(listener)) process.off('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!keptUnhandled.includes(listener)) process.off('unhandledRejection', listener);
  }
  vi.unstubAllEnvs();
  consoleError.mockRestore();
  rmSync(dir, { recursive: true, force: true });
});

async function startMain(options: { lockGranted?: boolean; isPackaged?: boolean } = {}) {
  fake.reset({
    userData: path.join(dir, 'user-data'),
    appPath: path.join(dir, 'app'),
    ...options,
  });
  vi.resetModules();
  const main = await import('../../electron/main.js');
  await main.started;
}

function theWindow(): FakeBrowserWindow {
  const windows = fake.windows();
  expect(windows).toHaveLength(1);
  return windows[0]!;
}

const readLog = () => readFileSync(path.join(dir, 'user-data', 'logs', 'main.log'), 'utf8');

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

async function invoke(channel: string, event: unknown, args?: unknown) {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, args);
}

describe('main process start', () => {
  it('opens the window (its page loading) before the store, with app:// served by then', async () => {
    let seenAtOpen: { windows: number; loading: number } | null = null;
    openStorage.mockImplementationOnce(({ dataDir }: { dataDir: string }) => {
      seenAtOpen = {
        windows: fake.windows().length,
        loading: fake.windows().reduce((n, win) => n + win.loadURL.mock.calls.length, 0),
      };
      storage.dataDir = dataDir;
      return storage;
    });
    await startMain();
    expect(seenAtOpen).toEqual({ windows: 1, loading: 1 });
    expect(fake.electron.protocol.handle).toHaveBeenCalled();
  });

  it('opens one hidden, hardened window that loads app://rapport with the built preload', async () => {
    await startMain();
    const win = theWindow();
    expect(win.options).toMatchObject({
      show: false,
      width: 1200,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      center: true,
      backgroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(win.options.webPreferences).toEqual({
      preload: path.join(dir, 'app', 'out', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // The renderer's compiled code is cached from the first launch (with app://'s codeCache).
      v8CacheOptions: 'bypassHeatCheck',
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://rapport/index.html');
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();

    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('paints the window background dark when the OS uses a dark theme', async () => {
    await startMain();
    const light = theWindow().options.backgroundColor;
    fake.reset({ userData: path.join(dir, 'user-data'), appPath: dir, dark: true });
    vi.resetModules();
    await (
      await import('../../electron/main.js')
    ).started;
    expect(theWindow().options.backgroundColor).not.toBe(light);
  });

  it('registers a handler for every contract channel, and no other', async () => {
    await startMain();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('registers app:// as a privileged scheme with a V8 code cache before ready, and serves it once ready', async () => {
    await startMain();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    const order = (call: string) => fake.calls.indexOf(call);
    expect(order('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(order('protocol.registerSchemesAsPrivileged')).toBeLessThan(order('app.ready'));
    expect(order('protocol.handle:app')).toBeGreaterThan(order('app.ready'));
  });

  it('opens storage in the userData folder with a clock, the electron-store class and the OS locale', async () => {
    await startMain();
    expect(openStorage).toHaveBeenCalledTimes(1);
    const [options] = openStorage.mock.calls[0] as [Record<string, unknown>];
    expect(options.dataDir).toBe(path.join(dir, 'user-data'));
    expect((options.now as () => Date)()).toBeInstanceOf(Date);
    expect(typeof options.StoreClass).toBe('function');
    expect(options.locale).toBe('en-GB');
  });

  it('uses RAPPORT_DATA_DIR as the data folder, set before the single-instance lock', async () => {
    const override = path.join(dir, 'e2e-data');
    vi.stubEnv('RAPPORT_DATA_DIR', override);
    await startMain();
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', override);
    expect(fake.calls.indexOf('app.setPath:userData')).toBeLessThan(
      fake.calls.indexOf('app.requestSingleInstanceLock'),
    );
    expect(openStorage.mock.calls[0]?.[0]).toMatchObject({ dataDir: override });
  });
});

describe('single instance', () => {
  it('requests the lock and quits, opening nothing, when another Rapport holds it', async () => {
    await startMain({ lockGranted: false });
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(openStorage).not.toHaveBeenCalled();
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.windows()).toHaveLength(0);
  });

  it('restores and focuses the existing window when Rapport is launched again', async () => {
    await startMain();
    const win = theWindow();
    win.minimized = true;
    fake.electron.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(fake.windows()).toHaveLength(1);
  });
});

describe('leaving the app', () => {
  const openCases = [
    { url: 'https://example.com/page', external: true },
    { url: 'http://example.com/', external: true },
    { url: 'mailto:someone@example.com', external: true },
    { url: 'file:///etc/passwd', external: false },
    { url: 'javascript:alert(1)', external: false },
    { url: 'data:text/html,<script>alert(1)</script>', external: false },
    { url: 'app://rapport/index.html', external: false },
    { url: 'smb://server/share', external: false },
    { url: 'not a url', external: false },
  ];

  it.each(openCases)(
    'denies a new window for $url (to the browser: $external)',
    async ({ url, external }) => {
      await startMain();
      const handler = theWindow().webContents.windowOpenHandler!;
      expect(handler({ url })).toEqual({ action: 'deny' });
      if (external) expect(fake.electron.shell.openExternal).toHaveBeenCalledWith(url);
      else expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  const navigationCases = [
    { url: 'app://rapport/index.html', allowed: true },
    { url: 'app://rapport/settings/profile', allowed: true },
    { url: 'https://evil.example/', allowed: false },
    { url: 'file:///etc/passwd', allowed: false },
    { url: 'app://other/index.html', allowed: false },
    { url: 'http://127.0.0.1:5173/', allowed: false },
    { url: 'javascript:alert(1)', allowed: false },
  ];

  it.each(
    navigationCases.flatMap((c) => [
      { ...c, event: 'will-navigate' },
      { ...c, event: 'will-redirect' },
    ]),
  )('$event to $url is allowed: $allowed', async ({ url, allowed, event }) => {
    await startMain();
    const preventDefault = vi.fn();
    theWindow().webContents.emit(event, { url, preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(allowed ? 0 : 1);
    if (!allowed) expect(readLog()).toContain(`refused to leave the app for ${forLog(url)}`);
  });

  it('refuses webviews', async () => {
    await startMain();
    const preventDefault = vi.fn();
    theWindow().webContents.emit('will-attach-webview', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'denies the %s permission, both when asked and when checked',
    async (permission) => {
      await startMain();
      const { session } = theWindow().webContents;
      const callback = vi.fn();
      (session.permissionRequestHandler as (...args: unknown[]) => void)(
        {},
        permission,
        callback,
        {},
      );
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        (session.permissionCheckHandler as (...args: unknown[]) => unknown)(
          {},
          permission,
          'app://rapport',
          {},
        ),
      ).toBe(false);
    },
  );
});

describe('reminders falling due', () => {
  it('notifies at start of what is overdue, counts it on the badge, and a click opens the contact', async () => {
    const saved = storage.data;
    storage.data = {
      ...saved,
      contacts: { maya: makeContact('maya', { firstName: 'Maya', lastName: 'Okafor' }) },
      reminders: {
        r1: makeReminder({
          id: 'r1',
          contactId: 'maya',
          kind: 'follow-up-3',
          due: new Date(Date.now() - 86_400_000),
          title: 'Follow up with Maya',
          createdBy: null,
        }),
      },
    };
    try {
      await startMain();
      await vi.waitFor(() => expect(fake.electron.app.setBadgeCount).toHaveBeenLastCalledWith(1));
      const [shown] = FakeNotification.instances;
      expect(shown?.options).toEqual({
        title: 'Follow up with Maya',
        body: 'Maya Okafor · Northwind',
      });
      expect(shown?.shown).toBe(true);
      shown!.click();
      expect(theWindow().webContents.send).toHaveBeenCalledWith('app:navigate', {
        to: 'contacts/maya',
      });
      fake.electron.app.emit('before-quit'); // stops the minute timer
    } finally {
      storage.data = saved;
    }
  });

  it('shows no notification when Preferences turned them off, but still counts', async () => {
    const saved = storage.data;
    storage.data = {
      ...saved,
      settings: { ...saved.settings, notifications: false },
      contacts: { maya: makeContact('maya') },
      reminders: {
        r1: makeReminder({
          id: 'r1',
          contactId: 'maya',
          kind: 'custom',
          due: new Date(Date.now() - 60_000),
          title: 'Call Maya',
          createdBy: null,
        }),
      },
    };
    try {
      await startMain();
      await vi.waitFor(() => expect(fake.electron.app.setBadgeCount).toHaveBeenLastCalledWith(1));
      expect(FakeNotification.instances).toEqual([]);
      fake.electron.app.emit('before-quit');
    } finally {
      storage.data = saved;
    }
  });
});

describe('right-click in the window', () => {
  const params = {
    isEditable: true,
    selectionText: 'recieve',
    misspelledWord: 'recieve',
    dictionarySuggestions: ['receive', 'relieve'],
    editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
  };

  it('pops up the spelling and editing menu, whose suggestions replace the word in the page', async () => {
    await startMain();
    const win = theWindow();
    fake.electron.Menu.buildFromTemplate.mockClear();
    win.webContents.emit('context-menu', {}, params);
    expect(fake.electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    const built = fake.electron.Menu.buildFromTemplate.mock.results[0]!.value as {
      template: { label?: string; role?: string; click?: () => void }[];
      popup: ReturnType<typeof vi.fn>;
    };
    expect(built.popup).toHaveBeenCalledTimes(1);
    const labels = built.template.map((item) => item.label ?? item.role);
    expect(labels.slice(0, 2)).toEqual(['receive', 'relieve']);
    built.template[0]!.click!();
    expect(win.webContents.replaceMisspelling).toHaveBeenCalledWith('receive');
    built.template.find((item) => item.label === 'Add to dictionary')!.click!();
    expect(win.webContents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('recieve');
  });

  it('shows nothing on a right-click with no text field and no selection', async () => {
    await startMain();
    fake.electron.Menu.buildFromTemplate.mockClear();
    theWindow().webContents.emit(
      'context-menu',
      {},
      {
        ...params,
        isEditable: false,
        selectionText: '',
        misspelledWord: '',
      },
    );
    expect(fake.electron.Menu.buildFromTemplate).not.toHaveBeenCalled();
  });
});

describe('IPC from the window', () => {
  it.each([
    { name: 'another site', event: frame('https://evil.example') },
    {
      name: 'a frame inside our page',
      event: frame('app://rapport/index.html', { url: 'app://rapport/' }),
    },
    { name: 'a file page', event: frame('file:///tmp/x.html') },
    { name: 'the dev server when not in dev', event: frame('http://127.0.0.1:5173/') },
    { name: 'no frame at all', event: { senderFrame: null } },
  ])('refuses a call from $name', async ({ event }) => {
    await startMain();
    await expect(invoke('app:info', event)).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This request did not come from Rapport.' },
    });
  });

  it('answers our own page', async () => {
    await startMain();
    await expect(invoke('app:info', frame('app://rapport/index.html'))).resolves.toEqual({
      ok: true,
      value: { version: '0.1.0-test', platform: process.platform },
    });
  });

  it('sends events to the window through webContents.send (a restore announces the new state)', async () => {
    await startMain();
    const result = await invoke('backups:restore', frame('app://rapport/index.html'), {
      name: 'b1.json',
    });
    expect(result).toMatchObject({ ok: true, value: { restored: 'b1.json' } });
    expect(theWindow().webContents.send).toHaveBeenCalledWith(
      'storage:changed',
      expect.objectContaining({ dataDir: path.join(dir, 'user-data') }),
    );
  });

  it('shows save dialogs attached to the window and treats cancel as null', async () => {
    await startMain();
    const win = theWindow();
    await expect(invoke('data:export', frame('app://rapport/'))).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(fake.electron.dialog.showSaveDialog.mock.calls[0]?.[0]).toBe(win);
    expect(storage.exportAll).not.toHaveBeenCalled();

    const target = path.join(dir, 'export.json');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    });
    await expect(invoke('data:export', frame('app://rapport/'))).resolves.toEqual({
      ok: true,
      value: { path: target },
    });
    expect(storage.exportAll).toHaveBeenCalledWith(target);
  });

  it('opens the data folder with the OS file manager', async () => {
    await startMain();
    await invoke('storage:openFolder', frame('app://rapport/'));
    expect(fake.electron.shell.openPath).toHaveBeenCalledWith(path.join(dir, 'user-data'));
  });
});

describe('npm run dev', () => {
  const devUrl = 'http://127.0.0.1:5173/';

  it('loads the dev server and trusts its top frame only', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', devUrl);
    await startMain();
    const win = theWindow();
    expect(win.loadURL).toHaveBeenCalledWith(devUrl);
    await expect(invoke('app:info', frame(`${devUrl}index.html`))).resolves.toMatchObject({
      ok: true,
    });
    await expect(invoke('app:info', frame('http://127.0.0.1:5174/'))).resolves.toMatchObject({
      ok: false,
    });
    const preventDefault = vi.fn();
    win.webContents.emit('will-navigate', { url: `${devUrl}settings`, preventDefault });
    expect(preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    { isPackaged: false, devItems: true },
    { isPackaged: true, devItems: false },
  ])(
    'shows reload and developer tools in the menu only unpackaged (packaged: $isPackaged)',
    async (c) => {
      await startMain({ isPackaged: c.isPackaged });
      const roles = JSON.stringify(fake.menuTemplate());
      expect(roles.includes('toggleDevTools')).toBe(c.devItems);
    },
  );
});

describe('lifecycle', () => {
  it('closes storage (the final backup) once on quit, even if quit is requested twice', async () => {
    await startMain();
    expect(storage.close).not.toHaveBeenCalled();
    fake.electron.app.emit('before-quit');
    fake.electron.app.emit('before-quit');
    expect(storage.close).toHaveBeenCalledTimes(1);
  });

  it('logs a failing final backup instead of crashing the quit', async () => {
    await startMain();
    storage.close.mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    expect(() => fake.electron.app.emit('before-quit')).not.toThrow();
    expect(readLog()).toContain('final backup');
    expect(readLog()).toContain('disk full');
  });

  it.each([
    { platform: 'darwin', quits: false },
    { platform: 'linux', quits: true },
    { platform: 'win32', quits: true },
  ])('when the last window closes on $platform, quits: $quits', async ({ platform, quits }) => {
    await startMain();
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: platform });
    try {
      theWindow().close();
      fake.electron.app.emit('window-all-closed');
    } finally {
      Object.defineProperty(process, 'platform', real);
    }
    expect(fake.electron.app.quit).toHaveBeenCalledTimes(quits ? 1 : 0);
  });

  it('re-creates the window on activate when none is open (macOS dock click)', async () => {
    await startMain();
    theWindow().close();
    fake.electron.app.emit('activate');
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
    fake.electron.app.emit('activate');
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('saves the window bounds in the data folder when the window closes', async () => {
    await startMain();
    theWindow().close();
    const saved = JSON.parse(
      readFileSync(path.join(dir, 'user-data', 'window-state.json'), 'utf8'),
    );
    expect(saved).toMatchObject({ width: 1200, height: 800, isMaximized: false });
  });

  it('reopens the window where it was left, maximized again once painted', async () => {
    mkdirSync(path.join(dir, 'user-data'), { recursive: true });
    const state = { x: 40, y: 30, width: 1000, height: 700, isMaximized: true };
    writeFileSync(path.join(dir, 'user-data', 'window-state.json'), JSON.stringify(state));
    await startMain();
    const win = theWindow();
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 });
    expect(win.options.center).toBeUndefined();
    expect(win.maximize).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalledTimes(1);
  });

  it('centres the window at the default size when it was last on a monitor that is gone', async () => {
    mkdirSync(path.join(dir, 'user-data'), { recursive: true });
    const state = { x: 3000, y: 30, width: 1000, height: 700, isMaximized: false };
    writeFileSync(path.join(dir, 'user-data', 'window-state.json'), JSON.stringify(state));
    await startMain();
    expect(theWindow().options).toMatchObject({ center: true, width: 1200, height: 800 });
    expect(theWindow().options.x).toBeUndefined();
  });

  it('Settings… with every window closed (macOS) opens a window and then navigates it', async () => {
    await startMain();
    theWindow().close();
    const items = (
      fake.menuTemplate() as { submenu?: { label?: string; click?: () => void }[] }[]
    ).flatMap((menu) => menu.submenu ?? []);
    const fresh = () => fake.electron.BrowserWindow.getAllWindows();
    items.find((item) => item.label === 'Settings…')!.click!();
    expect(fresh()).toHaveLength(1);
    expect(fresh()[0]!.webContents.send).toHaveBeenCalledWith('app:navigate', {
      to: 'settings/profile',
    });
  });

  it('Settings… in the menu asks the renderer to show the profile settings', async () => {
    await startMain();
    const items = (
      fake.menuTemplate() as { submenu?: { label?: string; click?: () => void }[] }[]
    ).flatMap((menu) => menu.submenu ?? []);
    items.find((item) => item.label === 'Settings…')!.click!();
    expect(theWindow().webContents.send).toHaveBeenCalledWith('app:navigate', {
      to: 'settings/profile',
    });
  });

  it('reports a start failure in a dialog and the log, then exits with code 1', async () => {
    openStorage.mockImplementationOnce(() => {
      throw new Error('The data folder cannot be read.');
    });
    await startMain();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Rapport could not start',
      expect.stringContaining('The data folder cannot be read.'),
    );
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    // The window opens while the store opens; a store that cannot open closes it again.
    expect(fake.windows().filter((win) => !win.isDestroyed())).toHaveLength(0);
    expect(readLog()).toContain('could not start');
  });
});

describe('preload', () => {
  async function loadPreload() {
    fake.reset({ userData: dir, appPath: dir });
    vi.resetModules();
    await import('../../electron/preload.js');
    return fake.exposed.get('rapport') as RapportApi;
  }

  it('exposes exactly one key, window.rapport', async () => {
    await loadPreload();
    expect(fake.electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...fake.exposed.keys()]).toEqual(['rapport']);
  });

  it('invokes the contract channel with the arguments as given', async () => {
    const api = await loadPreload();
    await api.backups.restore({ name: 'b1.json' });
    expect(fake.electron.ipcRenderer.invoke).toHaveBeenCalledWith('backups:restore', {
      name: 'b1.json',
    });
  });

  it('passes listeners the payload only, never the IPC event, and unsubscribes', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    const off = api.on('app:navigate', listener);
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    fake.electron.ipcRenderer.emit('app:navigate', ipcEvent, { to: 'settings/profile' });
    expect(listener.mock.calls).toEqual([[{ to: 'settings/profile' }]]);

    off();
    expect(fake.electron.ipcRenderer.listenerCount('app:navigate')).toBe(0);
    fake.electron.ipcRenderer.emit('app:navigate', ipcEvent, { to: 'home' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
