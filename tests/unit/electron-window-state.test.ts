import { EventEmitter } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  initialBounds,
  isVisibleOnSomeDisplay,
  parseWindowState,
  readWindowState,
  trackWindowState,
  writeWindowState,
  type Rect,
  type WindowState,
} from '../../electron/window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the right of the laptop. */
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

const saved = (overrides: Partial<WindowState> = {}): WindowState => ({
  x: 100,
  y: 80,
  width: 1000,
  height: 700,
  isMaximized: false,
  ...overrides,
});

describe('parseWindowState', () => {
  it.each([
    ['null', null],
    ['a string', 'x'],
    ['an array', [1, 2, 3, 4]],
    ['missing fields', { x: 1, y: 2 }],
    ['text numbers', { x: '1', y: '2', width: '900', height: '600', isMaximized: false }],
    ['NaN', { x: Number.NaN, y: 0, width: 900, height: 600, isMaximized: false }],
    ['Infinity', { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 600, isMaximized: false }],
    ['a zero width', { x: 0, y: 0, width: 0, height: 600, isMaximized: false }],
    ['a negative height', { x: 0, y: 0, width: 900, height: -600, isMaximized: false }],
    ['absurd coordinates', { x: 1e12, y: 0, width: 900, height: 600, isMaximized: false }],
    ['fractions', { x: 0.5, y: 0, width: 900, height: 600, isMaximized: false }],
    ['isMaximized as text', { x: 0, y: 0, width: 900, height: 600, isMaximized: 'yes' }],
  ])('treats %s as no saved state', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });

  it('accepts a saved state, negative coordinates included (monitors left of the primary)', () => {
    const state = saved({ x: -1800, y: -20 });
    expect(parseWindowState(state)).toEqual(state);
  });
});

describe('isVisibleOnSomeDisplay', () => {
  it.each([
    ['fully on the laptop', { x: 100, y: 100, width: 1000, height: 700 }, true],
    ['on the external monitor', { x: 2000, y: 200, width: 1200, height: 800 }, true],
    ['straddling both monitors', { x: 1000, y: 100, width: 1200, height: 700 }, true],
    [
      'mostly off the right edge, title bar still reachable',
      { x: 3800, y: 100, width: 1200, height: 700 },
      true,
    ],
    ['on a monitor that was unplugged', { x: 4200, y: 100, width: 1200, height: 700 }, false],
    ['above every screen, title bar hidden', { x: 100, y: -700, width: 1000, height: 700 }, false],
    ['only 20 px showing at the left edge', { x: -980, y: 100, width: 1000, height: 700 }, false],
    ['far left of everything', { x: -5000, y: 0, width: 1000, height: 700 }, false],
  ])('%s: %s', (_name, bounds, visible) => {
    expect(isVisibleOnSomeDisplay(bounds, [laptop, external])).toBe(visible);
  });

  it('counts nothing as visible when there are no displays', () => {
    expect(isVisibleOnSomeDisplay({ x: 0, y: 0, width: 1000, height: 700 }, [])).toBe(false);
  });
});

describe('initialBounds', () => {
  it('centres the default size when nothing was saved', () => {
    expect(initialBounds(null, [laptop])).toEqual({ width: 1200, height: 800, isMaximized: false });
  });

  it('restores bounds that are still on a connected display', () => {
    expect(initialBounds(saved(), [laptop])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('centres the default size when the saved spot is on an unplugged monitor, keeping maximized', () => {
    const offScreen = saved({ x: 2000, y: 100, isMaximized: true });
    expect(initialBounds(offScreen, [laptop])).toEqual({ ...DEFAULT_SIZE, isMaximized: true });
  });

  it('raises sizes below the minimum to 900x600', () => {
    expect(initialBounds(saved({ width: 300, height: 200 }), [laptop])).toMatchObject({
      width: 900,
      height: 600,
    });
  });

  it('shrinks a window larger than its display to fit it', () => {
    const huge = saved({ x: 0, y: 0, width: 3000, height: 2000 });
    expect(initialBounds(huge, [laptop])).toMatchObject({ width: 1440, height: 875 });
  });

  it('sizes against the display the window is mostly on', () => {
    const onExternal = saved({ x: 1500, y: 0, width: 2400, height: 1400 });
    expect(initialBounds(onExternal, [laptop, external])).toMatchObject({
      width: 2400,
      height: 1400,
    });
  });
});

describe('the window-state file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rapport-window-state-'));
    file = path.join(dir, 'window-state.json');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a state and leaves no temporary file behind', () => {
    writeWindowState(file, saved());
    expect(readWindowState(file)).toEqual(saved());
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('creates the data folder when it does not exist yet', () => {
    const nested = path.join(dir, 'new', 'window-state.json');
    writeWindowState(nested, saved());
    expect(readWindowState(nested)).toEqual(saved());
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['truncated JSON', '{"x": 10, "y": '],
    ['valid JSON of the wrong shape', '{"width": "wide"}'],
    ['binary garbage', '\u0000\u00ff\u00fe'],
  ])('reads a %s file as no saved state', (_name, content) => {
    if (content !== null) writeFileSync(file, content);
    const log = vi.fn();
    expect(readWindowState(file, log)).toBeNull();
  });

  it('logs an unreadable file and carries on', () => {
    // A directory where the file should be cannot be read as a file on any OS.
    writeWindowState(path.join(file, 'inner.json'), saved());
    const log = vi.fn();
    expect(readWindowState(file, log)).toBeNull();
    expect(log).toHaveBeenCalledWith('[window-state] unreadable', expect.anything());
  });

  it('keeps the previous file when a write fails half-way', () => {
    writeWindowState(file, saved({ width: 1111 }));
    // A folder squatting on the temporary file's name makes the write itself fail.
    mkdirSync(`${file}.${process.pid}.tmp`);
    expect(() => writeWindowState(file, saved({ width: 2222 }))).toThrow();
    expect(readWindowState(file)?.width).toBe(1111);
  });

  class FakeWindow extends EventEmitter {
    bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
    maximized = false;
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
  }

  it('saves once after a burst of moves and resizes, not on every event', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    trackWindowState(win, file, { debounceMs: 500 });
    for (let i = 0; i < 20; i++) {
      win.bounds = { ...win.bounds, x: 10 + i };
      win.emit(i % 2 ? 'move' : 'resize');
      vi.advanceTimersByTime(100);
    }
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 29,
      y: 20,
      width: 1000,
      height: 700,
      isMaximized: false,
    });
  });

  it('saves at once on close, with the normal bounds and the maximized flag', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    trackWindowState(win, file);
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(readWindowState(file)).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      isMaximized: true,
    });
    // The pending debounced save was cancelled rather than written again later.
    rmSync(file);
    vi.runAllTimers();
    expect(existsSync(file)).toBe(false);
  });

  it('logs, and does not throw from a window event, when the file cannot be written', () => {
    const win = new FakeWindow();
    const log = vi.fn();
    const blocked = path.join(dir, 'blocker');
    writeFileSync(blocked, 'a file where a folder should be');
    trackWindowState(win, path.join(blocked, 'window-state.json'), { log });
    expect(() => win.emit('close')).not.toThrow();
    expect(log).toHaveBeenCalledWith(
      '[window-state] could not save the window position',
      expect.anything(),
    );
  });
});
