import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronDeps, createFileLogger } from '../../electron/app-deps.js';

const fakeWindow = (destroyed = false) =>
  ({ isDestroyed: () => destroyed, webContents: { send: vi.fn() } }) as unknown as BrowserWindow & {
    webContents: { send: ReturnType<typeof vi.fn> };
  };

function setup(win: BrowserWindow | null = fakeWindow()) {
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: false,
      filePaths: ['/a.pdf'],
    })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: false,
      filePath: '/out.json',
    })),
  };
  const shell = {
    openPath: vi.fn(async (_path: string) => ''),
    openExternal: vi.fn(async (_url: string) => undefined),
  };
  const deps = createElectronDeps({ dialog, shell, getWindow: () => win });
  return { deps, dialog, shell, win };
}

describe('dialogs', () => {
  it('attaches the open dialog to the window and asks for several files only when allowed', async () => {
    const { deps, dialog, win } = setup();
    const filters = [{ name: 'PDF', extensions: ['pdf'] }];
    await expect(deps.dialogs.showOpen({ title: 'Pick', filters })).resolves.toEqual(['/a.pdf']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Pick',
      filters,
      properties: ['openFile'],
    });
    await deps.dialogs.showOpen({ title: 'Pick', filters, multiple: true });
    expect(dialog.showOpenDialog.mock.calls[1]?.[1]).toMatchObject({
      properties: ['openFile', 'multiSelections'],
    });
  });

  it.each([
    { name: 'cancelled', answer: { canceled: true, filePaths: ['/ignored.pdf'] } },
    { name: 'confirmed with nothing chosen', answer: { canceled: false, filePaths: [] } },
  ])('answers null when the open dialog is $name', async ({ answer }) => {
    const { deps, dialog } = setup();
    dialog.showOpenDialog.mockResolvedValueOnce(answer);
    await expect(deps.dialogs.showOpen({ title: 'Pick', filters: [] })).resolves.toBeNull();
  });

  it.each([
    { name: 'cancelled', answer: { canceled: true, filePath: '/ignored.json' } },
    { name: 'confirmed without a path', answer: { canceled: false, filePath: '' } },
  ])('answers null when the save dialog is $name', async ({ answer }) => {
    const { deps, dialog } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce(answer);
    await expect(
      deps.dialogs.showSave({ title: 'Save', defaultPath: 'x.json', filters: [] }),
    ).resolves.toBeNull();
  });

  it('still works without a window (macOS with every window closed)', async () => {
    const { deps, dialog } = setup(null);
    await expect(
      deps.dialogs.showSave({ title: 'Save', defaultPath: 'x.json', filters: [] }),
    ).resolves.toBe('/out.json');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      title: 'Save',
      defaultPath: 'x.json',
      filters: [],
    });
  });
});

describe('shell', () => {
  it.each([
    ['https://www.linkedin.com/in/someone', true],
    ['mailto:someone@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['ms-settings:privacy', false],
    ['', false],
  ])('opens %s in the default app: %s', async (url, allowed) => {
    const { deps, shell } = setup();
    if (allowed) {
      await deps.openExternal(url);
      expect(shell.openExternal).toHaveBeenCalledWith(url);
    } else {
      await expect(deps.openExternal(url)).rejects.toMatchObject({ code: 'forbidden' });
      expect(shell.openExternal).not.toHaveBeenCalled();
    }
  });

  it('turns a file-manager failure into a message that names the folder', async () => {
    const { deps, shell } = setup();
    shell.openPath.mockResolvedValueOnce('No application is registered');
    await expect(deps.openPath('/data/Rapport')).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/No application is registered.*\/data\/Rapport/),
    });
  });
});

describe('emit', () => {
  it('sends the event and payload to the window', () => {
    const win = fakeWindow();
    setup(win).deps.emit('app:navigate', { to: 'home' });
    expect(win.webContents.send).toHaveBeenCalledWith('app:navigate', { to: 'home' });
  });

  it('does nothing when the window is gone', () => {
    const win = fakeWindow(true);
    setup(win).deps.emit('app:navigate', { to: 'home' });
    expect(win.webContents.send).not.toHaveBeenCalled();
    expect(() => setup(null).deps.emit('app:navigate', { to: 'home' })).not.toThrow();
  });
});

describe('createFileLogger', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rapport-log-'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a timestamped line with the stack to logs/main.log, creating the folder', () => {
    const file = path.join(dir, 'logs', 'main.log');
    const log = createFileLogger(file, () => new Date('2025-03-04T05:06:07.000Z'));
    log('[main] something failed', new Error('boom'));
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('2025-03-04T05:06:07.000Z [main] something failed Error: boom')).toBe(
      true,
    );
    expect(text).toContain('app-deps.test.ts');
    expect(console.error).toHaveBeenCalled();
  });

  it('moves a log over 1 MB aside before writing more', () => {
    const file = path.join(dir, 'main.log');
    writeFileSync(file, 'x'.repeat(1_000_001));
    createFileLogger(file)('fresh line');
    expect(readFileSync(file, 'utf8')).toMatch(/fresh line\n$/);
    expect(existsSync(`${file}.old`)).toBe(true);
  });

  it('never throws, even when the log cannot be written', () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    expect(() => createFileLogger(path.join(blocker, 'main.log'))('message')).not.toThrow();
  });
});
