/**
 * End-to-end harness: `launchApp()` starts Rapport for a spec and returns a Playwright Page.
 *
 * Where an Electron binary is installed (a contributor's machine), the real app is started through
 * Playwright's Electron launcher. Otherwise (CI, offline installs) the built renderer runs in
 * Debian's Chromium, served over http, and `window.rapport` is installed by the same factory the
 * preload uses, wired through one Playwright binding to the SAME handler table Electron registers,
 * with real services writing real files in a temp data folder. Specs find controls by role and
 * accessible name only, so they run unchanged in both modes.
 *
 * This module's exports are a public interface: keep them stable.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { channelNamesPlugin } from '../../build/scripts/electron-builds.mjs';
import Conf from 'conf';
import {
  chromium,
  _electron,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from 'playwright-core';
import type { EventMap, EventName } from '../../shared/contract.js';
import { createHandlers } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { openStorage } from '../../electron/services/storage.js';
import { createDueAlerts } from '../../electron/services/due-alerts.js';
import { startDueNotifier } from '../../electron/due-notifier.js';
import { serveRenderer } from './static-server.js';

export interface LaunchOptions {
  /** Data folder to use; a fresh temp folder when omitted. Pass the same one to "relaunch". */
  dataDir?: string;
  /** Fixes the clock of both the renderer and the handlers (ISO 8601). */
  now?: string;
  /**
   * Chromium mode: how `window.rapport` reaches the handlers. 'binding' (the default) is one
   * Playwright binding; 'http' posts to the page's own server, about as fast as Electron's
   * structured clone for large answers (the binding is ~10x slower), for the bench's timings.
   */
  transport?: 'binding' | 'http';
  /**
   * Chromium mode: an already running browser to open the app in (a new context), so a timing can
   * leave the browser's own launch out. `close()` then closes that context, not the browser.
   */
  browser?: Browser;
  /**
   * Chromium mode: a browser context to open the app's page in (instead of a new context), so a
   * relaunch finds the caches of the launches before it, as Electron's session keeps them on
   * disk. `close()` then closes the page only. Use with `port`.
   */
  context?: BrowserContext;
  /** Chromium mode: the port the page is served from (the origin the browser caches by). */
  port?: number;
}

export interface LaunchedApp {
  page: Page;
  dataDir: string;
  /** Quits the app the way a user would (final backup included). The data folder is kept. */
  close(): Promise<void>;
  /** The answer for the next native open dialog: chosen paths, or null for "cancelled". */
  answerOpenDialog(paths: string[] | null): void;
  /** The answer for the next native save dialog: the chosen path, or null for "cancelled". */
  answerSaveDialog(path: string | null): void;
  /** Moves the fixed clock of the renderer and the handlers. */
  setNow(iso: string): Promise<void>;
  /** Which engine runs the app: 'chromium' (handlers in this process) or 'electron'. */
  mode: 'chromium' | 'electron';
  /** Calls made to the shell (open folder / open external link), in chromium mode. */
  shellCalls: { kind: 'openPath' | 'openExternal'; target: string }[];
  /**
   * Chromium mode: the system notifications main showed (through a stand-in for Electron's
   * `Notification`, driven by the same due notifier as the app), oldest first; `click()` does
   * what clicking it does. Empty under Electron, whose notifications the OS shows.
   */
  notifications: ShownNotification[];
  /** Chromium mode: the count main last put on the dock/taskbar, or null before its first check. */
  badgeCount(): number | null;
}

export interface ShownNotification {
  title: string;
  body: string;
  click(): void;
}

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const rendererDir = join(root, 'out', 'renderer');
/** The Chromium the specs and the benchmarks run, and its switches (no background work of its own). */
export const CHROMIUM = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const createdDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of createdDirs) rmSync(dir, { recursive: true, force: true });
});

let bridgeScript: Promise<string> | undefined;
/** The preload's factory, bundled once per test process for `page.addInitScript`. */
function bridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(root, 'tests/e2e/bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // As in the app's preload: literal channel lists instead of the contract with zod (800 KB of
    // init script that every page would parse before its own scripts).
    plugins: [channelNamesPlugin(root)],
  }).then((result) => result.outputFiles[0]!.text);
  return bridgeScript;
}

/**
 * The Electron binary, only if it is already there. Since Electron 45, `require('electron')`
 * downloads it on first use (printing to stdout and reaching for the network), so the package's
 * path.txt and dist/ are read directly: a spec never starts a download.
 */
function electronBinary(): string | null {
  if (process.env.RAPPORT_E2E_MODE === 'chromium') return null;
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Dialog answers are consumed in order; a dialog with no queued answer fails the test loudly. */
class DialogQueue<T> {
  private readonly answers: T[] = [];
  push(answer: T) {
    this.answers.push(answer);
  }
  take(kind: string): T {
    if (this.answers.length === 0) {
      throw new Error(`A native ${kind} dialog opened but the test gave no answer for it.`);
    }
    return this.answers.shift() as T;
  }
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:app` before the e2e specs.');
  }
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
    createdDirs.add(dataDir);
  }
  const binary = electronBinary();
  return binary ? launchElectron(binary, dataDir, options) : launchChromium(dataDir, options);
}

async function launchChromium(dataDir: string, options: LaunchOptions): Promise<LaunchedApp> {
  let now = options.now ? new Date(options.now) : null;
  const clock = () => (now ? new Date(now) : new Date());
  const openAnswers = new DialogQueue<string[] | null>();
  const saveAnswers = new DialogQueue<string | null>();
  const shellCalls: LaunchedApp['shellCalls'] = [];
  let page: Page | undefined;
  let browser: Browser | undefined;

  const storage = openStorage({ dataDir, now: clock, StoreClass: Conf });
  const emit = <E extends EventName>(event: E, payload: EventMap[E]) => {
    void page
      ?.evaluate(
        ([name, data]) =>
          (window as unknown as { __rapportEmit(n: string, d: unknown): void }).__rapportEmit(
            name,
            data,
          ),
        [event, payload] as const,
      )
      .catch(() => undefined);
  };
  const handlers = createHandlers({
    storage,
    now: clock,
    dialogs: {
      showOpen: async () => openAnswers.take('open'),
      showSave: async () => saveAnswers.take('save'),
    },
    openPath: async (target) => void shellCalls.push({ kind: 'openPath', target }),
    openExternal: async (target) => void shellCalls.push({ kind: 'openExternal', target }),
    emit,
    appInfo: { version: 'e2e', platform: process.platform },
    // Chromium's own PDF printing, as Electron's printToPDF does in the app.
    renderPdf: async (html, { pageSize }) => {
      if (!browser) throw new Error('The browser is not running.');
      const pdfPage = await browser.newPage();
      try {
        await pdfPage.setContent(html);
        return await pdfPage.pdf({ format: pageSize, printBackground: true });
      } finally {
        await pdfPage.close();
      }
    },
  });

  const invoke = (channel: unknown, args: unknown) =>
    dispatch(handlers, channel, args, () => undefined);

  // Main's due notifier, as main.ts starts it, with stand-ins for the notification and the badge.
  // It checks at start and after each change; here also when the spec moves the clock (its
  // minute timer would make a spec wait).
  const notifications: ShownNotification[] = [];
  let badge: number | null = null;
  const clockMoved = new Set<() => void>();
  const stopNotifier = startDueNotifier({
    alerts: createDueAlerts({ read: () => storage.read(), now: clock }),
    enabled: () => storage.read().settings.notifications,
    Notification: class {
      static isSupported() {
        return true;
      }
      private onClick = () => undefined as void;
      constructor(private readonly options: { title: string; body: string }) {}
      on(_event: 'click', listener: () => void) {
        this.onClick = listener;
      }
      show() {
        notifications.push({ ...this.options, click: () => this.onClick() });
      }
    },
    setBadge: (count) => {
      badge = count;
    },
    open: (to) => emit('app:navigate', { to }),
    onChange: (listener) => {
      const off = storage.onChange(() => listener());
      clockMoved.add(listener);
      return () => {
        off();
        clockMoved.delete(listener);
      };
    },
    log: () => undefined,
    everyMs: 24 * 60 * 60 * 1000,
    afterChangeMs: 50,
  });
  const server = await serveRenderer(
    rendererDir,
    options.transport === 'http' ? invoke : undefined,
    options.port,
  );
  const ownBrowser = options.browser === undefined && options.context === undefined;
  const ownContext = options.context === undefined;
  let context: BrowserContext | undefined;
  try {
    if (options.context) {
      context = options.context;
      browser = context.browser() ?? undefined;
    } else {
      const running =
        options.browser ??
        (await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
      browser = running;
      // The handlers compute local dates (09:00 reminders, business days) in this process's time
      // zone; the renderer must read the same wall clock.
      context = await running.newContext({
        viewport: { width: 1200, height: 800 },
        timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    }
    page = await context.newPage();
    if (options.transport !== 'http')
      await page.exposeBinding('__rapportInvoke', (_source, channel: unknown, args: unknown) =>
        invoke(channel, args),
      );
    await page.addInitScript({ content: await bridge() });
    if (now) await page.clock.setFixedTime(now);
    await page.goto(server.url);
  } catch (error) {
    stopNotifier();
    if (ownBrowser) await browser?.close();
    else if (ownContext) await context?.close();
    else await page?.close();
    await server.close();
    storage.close();
    throw error;
  }
  const launchedPage = page;
  const launchedBrowser = browser;
  const launchedContext = context;

  return {
    mode: 'chromium',
    page: launchedPage,
    dataDir,
    shellCalls,
    notifications,
    badgeCount: () => badge,
    answerOpenDialog: (paths) => openAnswers.push(paths),
    answerSaveDialog: (path) => saveAnswers.push(path),
    setNow: async (iso) => {
      now = new Date(iso);
      await launchedPage.clock.setFixedTime(now);
      for (const listener of clockMoved) listener();
    },
    close: async () => {
      stopNotifier();
      if (ownBrowser) await launchedBrowser?.close();
      else if (ownContext) await launchedContext.close();
      else await launchedPage.close();
      await server.close();
      storage.close();
    },
  };
}

/**
 * The real app. Main reads RAPPORT_DATA_DIR / RAPPORT_NOW and, with RAPPORT_E2E=1, exposes
 * `globalThis.__rapportTest` (setNow, queued dialog answers) for `electronApp.evaluate`.
 */
async function launchElectron(
  executablePath: string,
  dataDir: string,
  options: LaunchOptions,
): Promise<LaunchedApp> {
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(root, 'out/main/main.js')],
    cwd: root,
    env: {
      ...process.env,
      RAPPORT_E2E: '1',
      RAPPORT_DATA_DIR: dataDir,
      ...(options.now ? { RAPPORT_NOW: options.now } : {}),
    },
  });
  const page = await app.firstWindow();
  if (options.now) await page.clock.setFixedTime(new Date(options.now));
  type HookName = 'setNow' | 'answerOpen' | 'answerSave';
  const hook = (name: HookName, arg: unknown) =>
    app.evaluate(
      (_modules, [method, value]) => {
        const hooks = (globalThis as { __rapportTest?: Record<string, (v: unknown) => void> })
          .__rapportTest;
        if (!hooks) throw new Error('Main was not started with RAPPORT_E2E=1.');
        hooks[method]!(value);
      },
      [name, arg] as const,
    );
  return {
    mode: 'electron',
    page,
    dataDir,
    shellCalls: [],
    notifications: [],
    badgeCount: () => null,
    // Sent at once; main queues the answer before the click that opens the dialog arrives.
    answerOpenDialog: (paths) => void hook('answerOpen', paths),
    answerSaveDialog: (path) => void hook('answerSave', path),
    setNow: async (iso) => {
      await hook('setNow', iso);
      await page.clock.setFixedTime(new Date(iso));
    },
    close: async () => {
      await app.close();
    },
  };
}
