import type { NavigationTarget } from '../shared/contract.js';
import type { Logger } from './ipc/dispatch.js';
import type { DueAlerts } from './services/due-alerts.js';

/**
 * Shows what `services/due-alerts.ts` works out: a system notification when reminders fall due
 * (a click opens the contact, or Today for several) and the count on the dock or taskbar. Checks
 * at start, every minute, and shortly after each change to the data (Done, Snooze, a new
 * reminder). Everything Electron is passed in, so a test drives it with fakes and a clock.
 */

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface DueNotifierDeps {
  alerts: DueAlerts;
  /** Settings > Preferences > notifications. */
  enabled(): boolean;
  Notification: {
    isSupported(): boolean;
    new (options: { title: string; body: string }): NotificationLike;
  };
  setBadge(count: number): void;
  open(target: NavigationTarget): void;
  /** Subscribes to committed data changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  log: Logger;
  everyMs?: number;
  afterChangeMs?: number;
}

export function startDueNotifier(deps: DueNotifierDeps): () => void {
  const { alerts, log } = deps;
  /**
   * The last few shown, kept referenced: Electron forgets the click of a notification that was
   * garbage-collected.
   */
  const kept: NotificationLike[] = [];
  /** One check at a time: one asked for meanwhile runs right after (the data changed since). */
  let running = false;
  let again = false;
  let stopped = false;
  const check = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const { count, alert } = await alerts.check(deps.enabled());
      if (stopped) return;
      deps.setBadge(count);
      if (alert === null || !deps.Notification.isSupported()) return;
      const notification = new deps.Notification({ title: alert.title, body: alert.body });
      notification.on('click', () => deps.open(alert.open));
      notification.show();
      kept.push(notification);
      if (kept.length > 5) kept.shift();
    } catch (error) {
      log('[notifications] could not check what is due', error);
    } finally {
      running = false;
      if (again) {
        again = false;
        void check();
      }
    }
  };
  void check();
  const timer = setInterval(() => void check(), deps.everyMs ?? 60_000);
  let soon: ReturnType<typeof setTimeout> | null = null;
  const off = deps.onChange(() => {
    if (soon !== null) clearTimeout(soon);
    soon = setTimeout(() => {
      soon = null;
      void check();
    }, deps.afterChangeMs ?? 500);
  });
  return () => {
    stopped = true;
    clearInterval(timer);
    if (soon !== null) clearTimeout(soon);
    off();
    kept.length = 0;
  };
}

/** What `platformBadge` needs of Electron (fakes in tests). */
export interface BadgeDeps {
  platform: NodeJS.Platform;
  app: { setBadgeCount(count: number): boolean };
  /** The window whose taskbar button shows the overlay on Windows. */
  getWindow(): {
    isDestroyed(): boolean;
    setOverlayIcon(image: unknown, description: string): void;
  } | null;
  overlayImage(): unknown;
}

/**
 * The count where each OS shows one: the dock (macOS) and launchers that support it (Linux's
 * Unity API) through `app.setBadgeCount`; on Windows, which has no count, a red dot on the
 * taskbar button whose description gives the count.
 */
export function platformBadge(deps: BadgeDeps): (count: number) => void {
  if (deps.platform !== 'win32') return (count) => void deps.app.setBadgeCount(count);
  let image: unknown = null;
  return (count) => {
    const win = deps.getWindow();
    if (win === null || win.isDestroyed()) return;
    if (count === 0) {
      win.setOverlayIcon(null, '');
      return;
    }
    image ??= deps.overlayImage();
    win.setOverlayIcon(image, `${count} due today`);
  };
}

/** A red dot, the Windows taskbar overlay that says something is due (its text is the count). */
export const OVERLAY_DOT_PNG =
  'data:image/png;base64,' +
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAbUlEQVR42mNgwAJu6ipIAHEkEFdDMYgt' +
  'wUAIQDXOBeL/OPBcnAYBJSyA+DEezTAMUmOBzWZiNCMbIoFswFwSNMO9g2z7fzKxBAM0hMk1IJIBGk3k' +
  'GlBNFQMo9gJlgUhxNFIlIVGclKmSmcjNzgC8v59UUBaYggAAAABJRU5ErkJggg==';
