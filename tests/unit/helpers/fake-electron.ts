import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { StorageStatus } from '../../../shared/contract.js';
import type { Storage } from '../../../electron/services/types.js';
import { collectionNames, type Dataset } from '../../../shared/schema/dataset.js';
import { defaultSettings } from '../../../shared/schema/settings.js';

/**
 * A stand-in for the `electron` module (whose binary is not installed here) that records what
 * the main process and the preload ask of it, so tests can assert on windows, handlers and
 * permissions and then play the OS's part: fire app events, click menu items, call IPC handlers.
 */
export interface FakeOptions {
  lockGranted?: boolean;
  isPackaged?: boolean;
  userData: string;
  appPath: string;
  displays?: { x: number; y: number; width: number; height: number }[];
  dark?: boolean;
}

type Listener = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  addWordToSpellCheckerDictionary = vi.fn((_word: string) => true);
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  session = new FakeSession();
  send = vi.fn();
  replaceMisspelling = vi.fn((_word: string) => undefined);
  loading = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isLoading() {
    return this.loading;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows() {
    return FakeBrowserWindow.instances.filter((win) => !win.destroyed);
  }
  webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  shown = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn(() => {
    this.shown = true;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  setBackgroundColor = vi.fn();
  setOverlayIcon = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    const { x = 0, y = 0, width = 0, height = 0 } = this.options as Record<string, number>;
    return { x, y, width, height };
  }
  /** BrowserWindow.destroy: gone without 'close' (no chance to cancel). */
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  /** What the OS does when the user closes the window. */
  close() {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
}

/** Electron's Notification: records what was shown; `click()` plays the user's click. */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
  show() {
    this.shown = true;
  }
  click() {
    this.emit('click');
  }
}

export function createFakeElectron() {
  let options: FakeOptions = { userData: '', appPath: '' };
  /** The order things happened in, e.g. 'protocol.registerSchemesAsPrivileged' before 'app.ready'. */
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  const ipcHandlers = new Map<string, (event: unknown, args: unknown) => unknown>();
  const exposed = new Map<string, unknown>();
  let ready = false;
  let userData = '';

  const app = {
    on: vi.fn((event: string, listener: Listener) => {
      appEvents.on(event, listener as (...args: unknown[]) => void);
      return app;
    }),
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('app.requestSingleInstanceLock');
      return options.lockGranted ?? true;
    }),
    quit: vi.fn(() => calls.push('app.quit')),
    exit: vi.fn((code?: number) => calls.push(`app.exit:${code ?? 0}`)),
    enableSandbox: vi.fn(() => calls.push('app.enableSandbox')),
    setPath: vi.fn((name: string, value: string) => {
      calls.push(`app.setPath:${name}`);
      if (name === 'userData') userData = value;
    }),
    getPath: vi.fn((name: string) => {
      if (name !== 'userData') throw new Error(`fake app.getPath(${name}) is not implemented`);
      return userData;
    }),
    getAppPath: () => options.appPath,
    getVersion: () => '0.1.0-test',
    getLocale: () => 'en-GB',
    get isPackaged() {
      return options.isPackaged ?? false;
    },
    isReady: () => ready,
    setBadgeCount: vi.fn((_count: number) => true),
    whenReady: vi.fn(async () => {
      ready = true;
      calls.push('app.ready');
    }),
  };

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, args: unknown) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('protocol.registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string) => calls.push(`protocol.handle:${scheme}`)),
    },
    Notification: FakeNotification,
    nativeImage: { createFromDataURL: vi.fn((url: string) => ({ dataUrl: url })) },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template, popup: vi.fn() })),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
        canceled: true,
        filePaths: [] as string[],
      })),
      showSaveDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
          canceled: true,
        }),
      ),
      showErrorBox: vi.fn(),
    },
    shell: {
      openExternal: vi.fn(async (_url: string) => undefined),
      openPath: vi.fn(async (_path: string) => ''),
    },
    nativeTheme: Object.defineProperty(new EventEmitter(), 'shouldUseDarkColors', {
      get: () => options.dark ?? false,
    }) as EventEmitter & { readonly shouldUseDarkColors: boolean },
    screen: {
      getAllDisplays: () =>
        (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }]).map((workArea) => ({
          workArea,
        })),
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
    },
    ipcRenderer: Object.assign(new EventEmitter(), {
      invoke: vi.fn(async (channel: string, args: unknown) => ({
        ok: true,
        value: { channel, args },
      })),
    }),
  };

  return {
    electron,
    calls,
    ipcHandlers,
    exposed,
    /** Fresh records and behaviour for the next import of main.ts / preload.ts. */
    reset(next: FakeOptions) {
      options = next;
      userData = next.userData;
      ready = false;
      calls.length = 0;
      ipcHandlers.clear();
      exposed.clear();
      appEvents.removeAllListeners();
      electron.nativeTheme.removeAllListeners();
      electron.ipcRenderer.removeAllListeners();
      FakeBrowserWindow.instances = [];
      FakeNotification.instances = [];
      FakeNotification.supported = true;
      vi.clearAllMocks();
    },
    windows: () => FakeBrowserWindow.instances,
    menuTemplate(): unknown[] {
      const built = electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as
        { template: unknown[] } | undefined;
      if (!built) throw new Error('no application menu was set');
      return built.template;
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** A Storage that records calls; main.ts only opens, hands on and closes it. */
export function createFakeStorage() {
  const status: StorageStatus = {
    dataDir: '',
    schemaVersion: 1,
    readOnly: null,
    restored: null,
    noticeDismissed: false,
  };
  const storage = {
    dataDir: '',
    status: vi.fn(() => ({ ...status, dataDir: storage.dataDir })),
    dismissNotice: vi.fn(() => status),
    /** What read() answers: no contacts, no reminders, default settings (tests may replace it). */
    data: {
      ...(Object.fromEntries(collectionNames.map((name) => [name, {}])) as Omit<
        Dataset,
        'settings'
      >),
      settings: defaultSettings(),
    } as Dataset,
    read: vi.fn((): Dataset => storage.data),
    transact: vi.fn(() => {
      throw new Error('fake storage cannot write');
    }),
    listBackups: vi.fn(() => []),
    createBackup: vi.fn(),
    restoreBackup: vi.fn((name: string) => ({ restored: name, safetyBackup: 'safety.json' })),
    exportAll: vi.fn(),
    importAll: vi.fn(),
    addAttachment: vi.fn(),
    attachmentPath: vi.fn(),
    onChange: vi.fn(() => () => undefined),
    onStatusChange: vi.fn(() => () => undefined),
    isLoaded: vi.fn(() => true),
    whenLoaded: vi.fn(async () => undefined),
    get: vi.fn(() => undefined),
    fileOf: vi.fn(() => 'contacts.json'),
    holdChanges: vi.fn(() => () => undefined),
    makeRoomFor: vi.fn(),
    close: vi.fn(),
  };
  return storage satisfies Record<keyof Storage | 'data', unknown>;
}
