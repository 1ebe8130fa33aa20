import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.js';

/**
 * Autosave for text the user writes (thank-you notes, outreach e-mails), the prep workspace's
 * pattern in one place: a save 600 ms after the last keystroke, one save at a time (the first
 * may create the record the next ones update), a save right away when the writer leaves, and a
 * failed save that keeps the text. When the writer left before a save failed, the text is kept
 * here by key and handed back to the next writer of the same thing (`takeUnsaved`).
 */

/** Idle time after the last change before saving, as in the prep workspace. */
export const AUTOSAVE_MS = 600;

export type AutosaveStatus =
  | { state: 'idle' }
  /** Changed; the save waits for the user to pause. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string };

export interface AutosaverOptions<T> {
  save(value: T): Promise<void>;
  delay?: number;
  onStatus?(status: AutosaveStatus): void;
  /** A save failed after `leave()`: nobody shows the text any more, so keep it somewhere. */
  onAbandoned?(value: T): void;
}

/** The engine without React, so the timing and failure rules are tested on their own. */
export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<boolean> = Promise.resolve(true);
  private left = false;
  private current: AutosaveStatus = { state: 'idle' };
  private lastError: unknown = null;

  constructor(private options: AutosaverOptions<T>) {}

  /** Replaces callbacks (a component passes new closures on every render). */
  configure(options: Partial<AutosaverOptions<T>>): void {
    this.options = { ...this.options, ...options };
  }

  get status(): AutosaveStatus {
    return this.current;
  }

  /** True while a change has not been saved (waiting, or its save failed). */
  get dirty(): boolean {
    return this.pending !== null;
  }

  /** Records the latest value and (re)starts the idle timer. */
  change(value: T): void {
    this.pending = { value };
    if (this.current.state !== 'error') this.setStatus({ state: 'pending' });
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delay ?? AUTOSAVE_MS);
  }

  /**
   * Saves what is waiting now, after any save already running. Resolves false when that save
   * failed, or an earlier failure is still unsaved (never rejects: the reason is in `status`).
   */
  flush(): Promise<boolean> {
    this.clearTimer();
    this.queue = this.queue.then(() => this.saveOnce());
    return this.queue;
  }

  /**
   * Saves `value` now even if it did not change (an explicit "Save", an export); throws what the
   * save threw when it fails.
   */
  async saveNow(value: T): Promise<void> {
    this.change(value);
    if (!(await this.flush())) throw this.lastError;
  }

  /** Forgets changes not saved yet (the user chose to discard them). */
  discard(): void {
    this.clearTimer();
    this.pending = null;
    if (this.current.state === 'error' || this.current.state === 'pending')
      this.setStatus({ state: 'idle' });
  }

  /** The writer is going away: save what is waiting; a failure goes to `onAbandoned`. */
  leave(): Promise<boolean> {
    this.left = true;
    return this.flush();
  }

  /** The writer is back (React mounts effects twice in development). */
  enter(): void {
    this.left = false;
  }

  private async saveOnce(): Promise<boolean> {
    const waiting = this.pending;
    if (waiting === null) return this.current.state !== 'error';
    this.pending = null;
    this.setStatus({ state: 'saving' });
    try {
      await this.options.save(waiting.value);
      // A change made while saving keeps "pending"; its own timer saves it.
      if (this.pending === null) this.setStatus({ state: 'saved' });
      else this.setStatus({ state: 'pending' });
      return true;
    } catch (error) {
      this.lastError = error;
      // A newer change waiting to be saved wins over the one that failed.
      this.pending ??= waiting;
      this.setStatus({ state: 'error', message: errorMessage(error) });
      if (this.left && this.options.onAbandoned) {
        this.options.onAbandoned(this.pending.value);
        this.pending = null;
      }
      return false;
    }
  }

  private setStatus(status: AutosaveStatus) {
    this.current = status;
    this.options.onStatus?.(status);
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Text whose save failed after its writer closed, by key, until a writer of it opens again. */
const unsaved = new Map<string, unknown>();
/** Saves still running for writers that closed, by key. */
const leaving = new Map<string, Promise<boolean>>();

/** The text a closed writer could not save, once; the caller shows it and saves it again. */
export function takeUnsaved<T>(key: string): T | undefined {
  const value = unsaved.get(key) as T | undefined;
  unsaved.delete(key);
  return value;
}

/** Gives text back to keep (a writer closed again before it could show it). */
export function keepUnsaved<T>(key: string, value: T): void {
  unsaved.set(key, value);
}

/**
 * Resolves when the saves started by closed writers whose key starts with `prefix` have finished,
 * so a writer opened again right away finds the record the last save created instead of
 * starting a second one.
 */
export async function whenSettled(prefix: string): Promise<void> {
  const running = [...leaving].filter(([key]) => key.startsWith(prefix)).map(([, done]) => done);
  await Promise.all(running);
}

/** For tests: forget kept text and running saves. */
export function resetAutosaves(): void {
  unsaved.clear();
  leaving.clear();
}

export interface UseAutosave<T> {
  status: AutosaveStatus;
  /** Call with the whole value after every edit. */
  change(value: T): void;
  flush(): Promise<boolean>;
  saveNow(value: T): Promise<void>;
  discard(): void;
  /** Whether a change is not saved yet; read at the moment of closing. */
  isDirty(): boolean;
}

/**
 * The hook both composers use. `key` names what is written (e.g. `outreach:<contactId>`); it may
 * change once the first save created the record. Leaving the screen or closing the window saves
 * at once; a save that then fails keeps the text under `key` for `takeUnsaved`.
 */
export function useAutosave<T>(options: {
  key: string;
  save(value: T): Promise<void>;
  delay?: number;
}): UseAutosave<T> {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const [saver] = useState(
    () => new Autosaver<T>({ save: options.save, delay: options.delay, onStatus: setStatus }),
  );
  const { key, save } = options;
  const keyRef = useRef(key);
  useLayoutEffect(() => {
    keyRef.current = key;
    saver.configure({ save, onAbandoned: (value) => unsaved.set(key, value) });
  }, [saver, key, save]);

  useEffect(() => {
    saver.enter();
    const onPageHide = () => void saver.flush();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      const leavingKey = keyRef.current;
      const done = saver.leave();
      leaving.set(leavingKey, done);
      void done.finally(() => {
        if (leaving.get(leavingKey) === done) leaving.delete(leavingKey);
      });
    };
  }, [saver]);

  const change = useCallback((value: T) => saver.change(value), [saver]);
  const flush = useCallback(() => saver.flush(), [saver]);
  const saveNow = useCallback((value: T) => saver.saveNow(value), [saver]);
  const discard = useCallback(() => saver.discard(), [saver]);
  const isDirty = useCallback(() => saver.dirty, [saver]);
  return { status, change, flush, saveNow, discard, isDirty };
}

/**
 * Closing a writer (Cancel, Escape, Close): saves what is waiting first and closes; when that
 * save fails, `asking` turns true so the writer asks "Keep editing" or "Discard changes".
 */
export function useSafeClose(
  autosave: Pick<UseAutosave<unknown>, 'flush' | 'discard'>,
  close: () => void,
) {
  const [asking, setAsking] = useState(false);
  const closeRef = useRef(close);
  useLayoutEffect(() => {
    closeRef.current = close;
  }, [close]);
  const { flush, discard } = autosave;
  const request = useCallback(async () => {
    if (await flush()) closeRef.current();
    else setAsking(true);
  }, [flush]);
  const keepEditing = useCallback(() => setAsking(false), []);
  const discardAndClose = useCallback(() => {
    discard();
    setAsking(false);
    closeRef.current();
  }, [discard]);
  return { asking, request, keepEditing, discardAndClose };
}
