import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from './ipc/dispatch.js';

/** Kept next to the store, not inside it: a broken window file must never touch user data. */
export const WINDOW_STATE_FILE = 'window-state.json';
/** First start, or a saved spot that is no longer on any screen. */
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** Below this the pipeline board and the settings forms stop fitting side by side. */
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the window's top edge (where the title bar is) must be on a screen to reuse it. */
export const MIN_VISIBLE = { width: 100, height: 40 } as const;

/** Electron's Rectangle, restated so this module runs (and is tested) without `electron`. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const WindowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  isMaximized: z.boolean(),
});
/** The saved file's content: the un-maximized bounds plus whether the window was maximized. */
export type WindowState = z.infer<typeof WindowStateSchema>;

/** Where the window opens: no x/y means "let Electron centre it". */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

/** Anything that is not exactly a saved state (hand-edited, truncated, older format) counts as none. */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = WindowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * A monitor may have been unplugged or rearranged since the last run; a window restored off
 * screen looks like an app that did not start. Only the title bar strip counts, since that is
 * what the user needs in order to drag the window back.
 */
export function isVisibleOnSomeDisplay(bounds: Rect, workAreas: Rect[]): boolean {
  const titleBar = { ...bounds, height: Math.min(bounds.height, MIN_VISIBLE.height) };
  return workAreas.some((area) => {
    const shared = overlap(titleBar, area);
    return (
      shared.width >= Math.min(MIN_VISIBLE.width, bounds.width) &&
      shared.height >= Math.min(MIN_VISIBLE.height, bounds.height)
    );
  });
}

/**
 * Decides the first bounds of the window from what was saved and the displays connected now.
 * Sizes are kept within the minimum and within the display the window lands on.
 */
export function initialBounds(saved: WindowState | null, workAreas: Rect[]): InitialBounds {
  if (saved === null || !isVisibleOnSomeDisplay(saved, workAreas)) {
    return { ...DEFAULT_SIZE, isMaximized: saved?.isMaximized ?? false };
  }
  const sharedArea = (area: Rect) => {
    const shared = overlap(saved, area);
    return Math.max(0, shared.width) * Math.max(0, shared.height);
  };
  const home = [...workAreas].sort((a, b) => sharedArea(b) - sharedArea(a))[0];
  const maxWidth = home ? Math.max(MIN_SIZE.width, home.width) : saved.width;
  const maxHeight = home ? Math.max(MIN_SIZE.height, home.height) : saved.height;
  return {
    x: saved.x,
    y: saved.y,
    width: Math.min(Math.max(saved.width, MIN_SIZE.width), maxWidth),
    height: Math.min(Math.max(saved.height, MIN_SIZE.height), maxHeight),
    isMaximized: saved.isMaximized,
  };
}

/** A missing, unreadable or malformed file means "use the defaults", never an error at start. */
export function readWindowState(file: string, log?: Logger): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log?.('[window-state] unreadable', error);
    return null;
  }
  try {
    return parseWindowState(JSON.parse(text));
  } catch {
    log?.(`[window-state] ignored a malformed ${path.basename(file)}`);
    return null;
  }
}

/** Write-then-rename, so a crash mid-write leaves the old file rather than half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Leave it; the next write replaces it.
    }
    throw error;
  }
}

/** The part of BrowserWindow the tracker needs, so a plain EventEmitter can stand in for tests. */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/**
 * Saves the window's bounds after it stops moving or resizing (debounced: a drag fires dozens
 * of events) and once more, synchronously, when it closes. The normal (un-maximized) bounds are
 * saved, so un-maximizing next time returns to the size the user chose.
 */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  options: { debounceMs?: number; log?: Logger } = {},
): { flush(): void } {
  const { debounceMs = 500, log } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    try {
      const bounds = win.getNormalBounds();
      const state = parseWindowState({
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
        isMaximized: win.isMaximized(),
      });
      if (state) writeWindowState(file, state);
    } catch (error) {
      log?.('[window-state] could not save the window position', error);
    }
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const)
    win.on(event, schedule);
  win.on('close', flush);
  return { flush };
}
