process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDueAlerts } from '../../electron/services/due-alerts.js';
import { platformBadge, startDueNotifier } from '../../electron/due-notifier.js';
import type { Storage } from '../../electron/services/types.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import {
  makeContact,
  makeReminder,
  makeTempDir,
  manualClock,
  open,
} from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
// Thursday 3 December 2026, 09:30 in New York.
const clock = manualClock('2026-12-03T14:30:00.000Z');
const HOUR = 3_600_000;

beforeEach(() => {
  temp = makeTempDir('rapport-due-');
  clock.set('2026-12-03T14:30:00.000Z');
  storage = open(temp.dir, { now: clock.now });
  const reminder = (id: string, contactId: string, due: string, title: string) =>
    makeReminder({ id, contactId, kind: 'custom', due: new Date(due), title, createdBy: null });
  storage.transact((tx) => {
    tx.put('contacts', makeContact('maya', { firstName: 'Maya', lastName: 'Okafor' }));
    tx.put('contacts', makeContact('lee', { firstName: 'Lee', lastName: 'Chen', company: '' }));
    tx.put('reminders', reminder('r1', 'maya', '2026-12-01T14:00:00.000Z', 'Follow up with Maya'));
    tx.put('reminders', reminder('r2', 'lee', '2026-12-02T14:00:00.000Z', 'Write to Lee'));
    tx.put('reminders', reminder('r3', 'lee', '2026-12-03T20:00:00.000Z', 'Call Lee back'));
    // Tomorrow: not today's business.
    tx.put(
      'reminders',
      reminder('r4', 'maya', '2026-12-04T14:00:00.000Z', 'Send Maya the article'),
    );
  });
});
afterEach(() => {
  storage.close();
  temp.cleanup();
});

describe('what the badge and the notifications say', () => {
  it('groups what is already due at start, counts all of today, then tells each one as it falls due', async () => {
    const alerts = createDueAlerts({ read: () => storage.read(), now: clock.now });
    expect(await alerts.check(true)).toEqual({
      count: 3,
      alert: {
        title: '2 reminders are due',
        body: 'Follow up with Maya; Write to Lee',
        open: 'home',
      },
    });
    expect(await alerts.check(true)).toEqual({ count: 3, alert: null });

    clock.set('2026-12-03T20:00:00.000Z'); // 15:00: "Call Lee back" falls due
    expect(await alerts.check(true)).toEqual({
      count: 3,
      alert: { title: 'Call Lee back', body: 'Lee Chen', open: 'contacts/lee' },
    });
    expect((await alerts.check(true)).alert).toBeNull();
  });

  it('tells a snoozed reminder again when its snooze runs out, and counts only what is still due', async () => {
    const alerts = createDueAlerts({ read: () => storage.read(), now: clock.now });
    await alerts.check(true);
    storage.transact((tx) =>
      tx.put('reminders', {
        ...tx.get('reminders', 'r1')!,
        status: 'snoozed',
        snoozedUntil: new Date(clock.now().getTime() + HOUR).toISOString(),
      }),
    );
    expect(await alerts.check(true)).toEqual({ count: 2, alert: null });
    clock.advance(HOUR);
    expect(await alerts.check(true)).toEqual({
      count: 3,
      alert: {
        title: 'Follow up with Maya',
        body: 'Maya Okafor · Northwind',
        open: 'contacts/maya',
      },
    });
  });

  it('turned off, still counts for the badge and saves nothing up for later', async () => {
    const alerts = createDueAlerts({ read: () => storage.read(), now: clock.now });
    expect(await alerts.check(false)).toEqual({ count: 3, alert: null });
    expect(await alerts.check(true)).toEqual({ count: 3, alert: null });
  });

  it('names three and counts the rest when many fall due at once', async () => {
    storage.transact((tx) => {
      for (let n = 0; n < 5; n += 1)
        tx.put(
          'reminders',
          makeReminder({
            id: `x${n}`,
            contactId: 'maya',
            kind: 'custom',
            due: new Date('2026-12-02T10:00:00.000Z'),
            title: `Task ${n}`,
            createdBy: null,
          }),
        );
    });
    const { alert } = await createDueAlerts({
      read: () => storage.read(),
      now: clock.now,
    }).check(true);
    expect(alert).toEqual({
      title: '7 reminders are due',
      body: 'Follow up with Maya; Task 0; Task 1; and 4 more',
      open: 'home',
    });
  });
});

describe('a check over many reminders', () => {
  it('counts and names across slices, and skips what a save removed in between', async () => {
    const data = structuredClone(storage.read()) as Dataset;
    for (let n = 0; n < 25_000; n += 1)
      data.reminders[`m${String(n).padStart(5, '0')}`] = makeReminder({
        id: `m${String(n).padStart(5, '0')}`,
        contactId: 'maya',
        kind: 'custom',
        due: new Date(Date.parse('2026-11-01T14:00:00.000Z') + n * 60_000),
        title: `Task ${n}`,
        createdBy: null,
      });
    const alerts = createDueAlerts({ read: () => data, now: clock.now });
    const checking = alerts.check(true);
    // Between two slices: the last one is done.
    await new Promise((resolve) => setImmediate(resolve));
    data.reminders.m24999 = { ...data.reminders.m24999!, status: 'done' };
    const { count, alert } = await checking;
    expect(count).toBe(25_002); // r1, r2 and the tasks but the last; r3 (15:00) counts too
    expect(alert).toEqual({
      title: '25001 reminders are due',
      body: 'Task 0; Task 1; Task 2; and 24998 more',
      open: 'home',
    });
  });
});

describe('the notifier (system notifications and the badge, through fakes)', () => {
  class FakeNotification {
    static shown: FakeNotification[] = [];
    static isSupported = () => true;
    listeners: Array<() => void> = [];
    constructor(readonly options: { title: string; body: string }) {}
    on(_event: 'click', listener: () => void) {
      this.listeners.push(listener);
    }
    show() {
      FakeNotification.shown.push(this);
    }
  }

  afterEach(() => {
    vi.useRealTimers();
    FakeNotification.shown = [];
  });

  it('checks at start, every minute and just after a change; a click opens the item', async () => {
    vi.useFakeTimers();
    let enabled = true;
    const setBadge = vi.fn();
    const open = vi.fn();
    const stop = startDueNotifier({
      alerts: createDueAlerts({ read: () => storage.read(), now: clock.now }),
      enabled: () => enabled,
      Notification: FakeNotification,
      setBadge,
      open,
      onChange: (listener) => storage.onChange(listener),
      log: vi.fn(),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(setBadge).toHaveBeenLastCalledWith(3);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['2 reminders are due']);
    FakeNotification.shown[0]!.listeners[0]!();
    expect(open).toHaveBeenCalledWith('home');

    // Done on one: the badge follows half a second later.
    storage.transact((tx) =>
      tx.put('reminders', { ...tx.get('reminders', 'r2')!, status: 'done' }),
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(setBadge).toHaveBeenLastCalledWith(2);

    // 15:00: the next minute's check tells of "Call Lee back"; turned off, it would not.
    clock.set('2026-12-03T20:00:30.000Z');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual([
      '2 reminders are due',
      'Call Lee back',
    ]);
    FakeNotification.shown[1]!.listeners[0]!();
    expect(open).toHaveBeenLastCalledWith('contacts/lee');

    enabled = false;
    storage.transact((tx) =>
      tx.put('reminders', { ...tx.get('reminders', 'r4')!, due: '2026-12-03T20:00:00.000Z' }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeNotification.shown).toHaveLength(2);
    expect(setBadge).toHaveBeenLastCalledWith(3);

    stop();
    const calls = setBadge.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(setBadge).toHaveBeenCalledTimes(calls);
  });

  it('logs a failed check instead of throwing from a timer', async () => {
    const log = vi.fn();
    const stop = startDueNotifier({
      alerts: {
        check: () => Promise.reject(new Error('disk gone')),
      },
      enabled: () => true,
      Notification: FakeNotification,
      setBadge: vi.fn(),
      open: vi.fn(),
      onChange: () => () => undefined,
      log,
    });
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(
        '[notifications] could not check what is due',
        expect.any(Error),
      ),
    );
    stop();
  });

  it('shows the count on the dock (macOS, Linux) and as a taskbar overlay on Windows', () => {
    const app = { setBadgeCount: vi.fn(() => true) };
    const win = { isDestroyed: () => false, setOverlayIcon: vi.fn() };
    const overlayImage = vi.fn(() => 'dot');
    platformBadge({ platform: 'darwin', app, getWindow: () => win, overlayImage })(4);
    expect(app.setBadgeCount).toHaveBeenCalledWith(4);
    const windows = platformBadge({ platform: 'win32', app, getWindow: () => win, overlayImage });
    windows(2);
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith('dot', '2 due today');
    windows(0);
    expect(win.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
    expect(overlayImage).toHaveBeenCalledTimes(1);
    expect(app.setBadgeCount).toHaveBeenCalledTimes(1);
  });
});
