import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSwitches } from '../../electron/switches.js';
import type { FakeBrowserWindow } from './helpers/fake-electron.js';

// A packaged Rapport must ignore every development and test switch in its environment: main.ts
// runs against the fake `electron` with isPackaged true and all of them set.
const { fake, storage } = await vi.hoisted(async () => {
  const helpers = await import('./helpers/fake-electron.js');
  return { fake: helpers.createFakeElectron(), storage: helpers.createFakeStorage() };
});
const openStorage = vi.hoisted(() => vi.fn());

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({ default: class FakeStore {} }));
vi.mock('../../electron/services/storage.js', () => ({ openStorage }));

const repo = fileURLToPath(new URL('../..', import.meta.url));
const devUrl = 'http://127.0.0.1:5173/';
const hostileEnv = {
  VITE_DEV_SERVER_URL: devUrl,
  RAPPORT_E2E: '1',
  RAPPORT_NOW: '2001-02-03T04:05:06.000Z',
};

let dir: string;
let keptUncaught: NodeJS.UncaughtExceptionListener[];
let keptUnhandled: NodeJS.UnhandledRejectionListener[];
let consoleError: ReturnType<typeof vi.spyOn>;
const globals = globalThis as Record<string, unknown>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rapport-switches-'));
  keptUncaught = process.listeners('uncaughtException');
  keptUnhandled = process.listeners('unhandledRejection');
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  openStorage.mockImplementation(({ dataDir }: { dataDir: string }) => {
    storage.dataDir = dataDir;
    return storage;
  });
  delete globals.__rapportTest;
  for (const [name, value] of Object.entries(hostileEnv)) vi.stubEnv(name, value);
  vi.stubEnv('RAPPORT_DATA_DIR', path.join(dir, 'elsewhere'));
});

afterEach(() => {
  for (const listener of process.listeners('uncaughtException')) {
    if (!keptUncaught.includes(listener)) process.off('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!keptUnhandled.includes(listener)) process.off('unhandledRejection', listener);
  }
  vi.unstubAllEnvs();
  consoleError.mockRestore();
  delete globals.__rapportTest;
  rmSync(dir, { recursive: true, force: true });
});

async function startMain(isPackaged: boolean) {
  fake.reset({ userData: path.join(dir, 'user-data'), appPath: path.join(dir, 'app'), isPackaged });
  vi.resetModules();
  const main = await import('../../electron/main.js');
  await main.started;
  const windows = fake.windows();
  expect(windows).toHaveLength(1);
  return windows[0] as FakeBrowserWindow;
}

const frame = (url: string) => ({ senderFrame: { url, parent: null } });
const invoke = async (channel: string, event: unknown) =>
  fake.ipcHandlers.get(channel)!(event, undefined);
const clockGivenToStorage = () =>
  (openStorage.mock.calls[0]![0] as { now: () => Date }).now().toISOString();

describe('a packaged app with every development and test switch set', () => {
  it('loads app://rapport, not the dev server', async () => {
    const win = await startMain(true);
    expect(win.loadURL.mock.calls).toEqual([['app://rapport/index.html']]);
  });

  it('does not trust the dev server as an IPC sender', async () => {
    await startMain(true);
    await expect(invoke('app:info', frame(`${devUrl}index.html`))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(invoke('app:info', frame('app://rapport/index.html'))).resolves.toMatchObject({
      ok: true,
    });
  });

  it.each(['will-navigate', 'will-redirect'])('refuses %s to the dev server', async (event) => {
    const win = await startMain(true);
    const preventDefault = vi.fn();
    win.webContents.emit(event, { url: `${devUrl}settings`, preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('keeps its data in the userData folder, not RAPPORT_DATA_DIR', async () => {
    await startMain(true);
    expect(fake.electron.app.setPath).not.toHaveBeenCalled();
    expect(openStorage.mock.calls[0]?.[0]).toMatchObject({
      dataDir: path.join(dir, 'user-data'),
    });
  });

  it('installs no test hooks: no __rapportTest, the real clock, the real dialogs', async () => {
    await startMain(true);
    expect(globals.__rapportTest).toBeUndefined();
    expect(clockGivenToStorage()).not.toBe(hostileEnv.RAPPORT_NOW);
  });
});

describe('the same switches from the source tree (npm run dev, the e2e harness)', () => {
  it('are honoured, so the packaged tests above are not passing by accident', async () => {
    const win = await startMain(false);
    expect(win.loadURL.mock.calls).toEqual([[devUrl]]);
    await expect(invoke('app:info', frame(`${devUrl}index.html`))).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', path.join(dir, 'elsewhere'));
    expect(globals.__rapportTest).toMatchObject({ setNow: expect.any(Function) });
    expect(clockGivenToStorage()).toBe(hostileEnv.RAPPORT_NOW);
  });
});

describe('readSwitches', () => {
  const everything = {
    ...hostileEnv,
    RAPPORT_DATA_DIR: '/tmp/e2e',
    RAPPORT_ANYTHING_ELSE: 'x',
  };

  it('returns nothing at all for a packaged app', () => {
    expect(readSwitches(true, everything)).toEqual({});
  });

  it('reads each switch from the source tree', () => {
    expect(readSwitches(false, everything)).toEqual({
      devServerUrl: devUrl,
      dataDir: '/tmp/e2e',
      e2e: true,
      now: hostileEnv.RAPPORT_NOW,
    });
  });

  it.each([
    ['https://evil.example/', undefined],
    ['http://192.168.1.5:5173/', undefined],
    ['file:///tmp/index.html', undefined],
    ['not a url', undefined],
    ['', undefined],
    ['http://localhost:5173', 'http://localhost:5173/'],
    ['http://[::1]:5173/', 'http://[::1]:5173/'],
  ])('trusts VITE_DEV_SERVER_URL=%j only on this machine: %s', (value, expected) => {
    expect(readSwitches(false, { VITE_DEV_SERVER_URL: value }).devServerUrl).toBe(expected);
  });

  it.each(['0', 'true', 'yes', ''])('leaves the test hooks off for RAPPORT_E2E=%j', (value) => {
    expect(readSwitches(false, { RAPPORT_E2E: value }).e2e).toBeUndefined();
  });
});

describe('reading the environment', () => {
  it('happens in electron/switches.ts only', () => {
    const electronDir = path.join(repo, 'electron');
    const readers = readdirSync(electronDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        /process\.env|process\[['"]env['"]\]/.test(
          readFileSync(path.join(electronDir, file), 'utf8'),
        ),
      )
      .map((file) => file.replaceAll('\\', '/'));
    expect(readers).toEqual(['switches.ts']);
    expect(readFileSync(path.join(electronDir, 'main.ts'), 'utf8')).toContain(
      'readSwitches(app.isPackaged)',
    );
  });
});
