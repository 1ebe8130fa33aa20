import {
  contract,
  createRapportApi,
  type BackupInfo,
  type BridgeTransport,
  type Channel,
  type EventMap,
  type EventName,
  type ParsedArgsOf,
  type RapportApi,
  type ResultOf,
  type StorageStatus,
} from '../../shared/contract.js';
import type { ErrorCode, Result } from '../../shared/result.js';
import { defaultSettings, type Settings } from '../../shared/schema/settings.js';

/** What the fake main process holds: one in-memory row per thing the renderer can ask about. */
export interface FakeState {
  settings: Settings;
  status: StorageStatus;
  backups: BackupInfo[];
}

export interface RecordedCall {
  channel: Channel;
  args: unknown;
}

/** Thrown inside a fake handler to answer with a failed Result, like UserFacingError in main. */
export class FakeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Channels without an entry answer "not-found" unless a test gives one with `respond`. */
type Table = { [C in Channel]?: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> };
type Override = (args: unknown) => unknown;

export const DATA_DIR = '/home/alex/.config/Rapport';

export const okStatus = (patch: Partial<StorageStatus> = {}): StorageStatus => ({
  dataDir: DATA_DIR,
  schemaVersion: 1,
  readOnly: null,
  restored: null,
  noticeDismissed: false,
  ...patch,
});

export const backup = (
  name: string,
  createdAt: string,
  bytes: number,
  reason: BackupInfo['reason'],
) => ({
  name,
  createdAt,
  bytes,
  reason,
});

/**
 * A stand-in for the main process: `createRapportApi` (the preload's own factory) over a
 * transport that checks arguments with the contract's zod schemas, as main does, and answers from
 * an in-memory table. Tests read `calls`, replace single channels with `respond`, and push events
 * with `emit`.
 */
export function createFakeRapport(initial: Partial<FakeState> = {}) {
  const state: FakeState = {
    settings: defaultSettings('en-US'),
    status: okStatus(),
    backups: [],
    ...initial,
  };
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const overrides = new Map<Channel, Override>();
  let backupCounter = 0;

  const addBackup = (reason: BackupInfo['reason']): BackupInfo => {
    backupCounter += 1;
    const info = backup(
      `backup-new-${backupCounter}.json`,
      new Date(Date.UTC(2025, 5, 1, 12, backupCounter)).toISOString(),
      2048,
      reason,
    );
    state.backups = [...state.backups, info];
    return info;
  };

  const table: Table = {
    'app:info': () => ({ version: '0.1.0', platform: 'linux' }),
    'app:openExternal': () => null,
    'settings:get': () => state.settings,
    'settings:updateProfile': (profile) => {
      state.settings = { ...state.settings, profile };
      return state.settings;
    },
    'settings:update': (patch) => {
      state.settings = { ...state.settings, ...patch };
      return state.settings;
    },
    'storage:status': () => state.status,
    'storage:dismissNotice': () => {
      state.status = { ...state.status, noticeDismissed: true };
      return state.status;
    },
    'storage:openFolder': () => null,
    'backups:list': () => state.backups,
    'backups:create': () => addBackup('manual'),
    'backups:restore': ({ name }) => {
      if (!state.backups.some((b) => b.name === name)) {
        throw new FakeFailure('not-found', 'That backup no longer exists.');
      }
      const safety = addBackup('before-restore');
      return { restored: name, safetyBackup: safety.name };
    },
    'data:export': () => ({ path: '/home/alex/Documents/Rapport data 2025-06-01.json' }),
    'data:import': () => null,
    'attachments:add': () => null,
    'attachments:list': () => [],
  };

  const transport: BridgeTransport = {
    async invoke(channel, args): Promise<Result<unknown>> {
      calls.push({ channel, args });
      const parsed = contract[channel].args.safeParse(args);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-args',
            message: parsed.error.issues[0]?.message ?? 'Invalid request.',
          },
        };
      }
      try {
        const override = overrides.get(channel);
        const handler = (override ?? table[channel]) as ((a: unknown) => unknown) | undefined;
        if (!handler) throw new FakeFailure('not-found', `The fake has no answer for ${channel}.`);
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof FakeFailure)
          return { ok: false, error: { code: error.code, message: error.message } };
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Something went wrong. Your saved data was not changed.',
          },
        };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };

  const api: RapportApi = createRapportApi(transport);

  return {
    api,
    state,
    calls,
    /** The arguments of every call to one channel, oldest first. */
    callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.args),
    /** Answers one channel with `handler` instead of the table (throw FakeFailure to fail). */
    respond<C extends Channel>(
      channel: C,
      handler: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>,
    ) {
      overrides.set(channel, handler as Override);
    },
    /** Sends an event as main would. */
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event: EventName) => listeners.get(event)?.size ?? 0,
    /** Makes this fake the app's `window.rapport`. */
    install() {
      Object.defineProperty(window, 'rapport', { value: api, configurable: true, writable: true });
    },
  };
}

export type FakeRapport = ReturnType<typeof createFakeRapport>;

/** A promise with its resolve function, to hold a call open while the test looks at the screen. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
