import type { ChangedCollection, DataChange } from '../../shared/contract.js';
import { isCommandId } from '../../shared/domain/commands.js';
import { onMainEvent } from '../api.js';
import { runCommand } from '../commands.js';
import { useContactDetailStore } from './contact-detail-store.js';
import { useContactsStore } from './contacts-store.js';
import { useEmployersStore } from './employers-store.js';
import { useImportStore } from './import-store.js';
import { useInsightsStore } from './insights-store.js';
import { useLearningsStore } from './learnings-store.js';
import { useMeetingsStore } from './meetings-store.js';
import { useOutreachStore } from './outreach-store.js';
import { usePrepStore } from './prep-store.js';
import { useQuestionBankStore } from './question-bank-store.js';
import { useSettingsStore } from './settings-store.js';
import { useStorageStore } from './storage-store.js';
import { useThanksStore } from './thanks-store.js';
import { useTodayStore } from './today-store.js';
import { useUiStore, type Route } from './ui-store.js';

/**
 * Which store shows which collections. After every committed change main names the collections
 * it touched (`data:changed`); each store whose data is among them refreshes itself (if it has
 * loaded anything). This table is the only place that knows; no store reloads another.
 */
const dependents: ReadonlyArray<{
  collections: readonly ChangedCollection[];
  /** Gets the change (the ids it names, when it names them), for stores that update in place. */
  refresh(change: DataChange): Promise<void> | void;
}> = [
  { collections: ['contacts'], refresh: (change) => useContactsStore.getState().refresh(change) },
  {
    collections: ['reminders', 'contacts', 'meetings', 'settings'],
    refresh: () => useTodayStore.getState().refresh(),
  },
  {
    collections: ['meetings', 'contacts'],
    refresh: () => useMeetingsStore.getState().refresh(),
  },
  {
    collections: ['contacts', 'activities', 'reminders', 'meetings', 'notes'],
    refresh: () => useContactDetailStore.getState().refresh(),
  },
  {
    collections: ['notes', 'contacts', 'meetings'],
    refresh: () => useThanksStore.getState().refresh(),
  },
  {
    collections: ['meetings', 'contacts', 'attachments', 'reminders'],
    refresh: () => usePrepStore.getState().refresh(),
  },
  {
    collections: ['employers', 'contacts', 'meetings'],
    refresh: () => useEmployersStore.getState().refresh(),
  },
  {
    collections: ['meetings', 'preps', 'contacts', 'employers'],
    refresh: () => useLearningsStore.getState().refresh(),
  },
  {
    collections: ['contacts', 'activities', 'meetings', 'notes', 'settings'],
    refresh: () => useInsightsStore.getState().refresh(),
  },
  { collections: ['questions'], refresh: () => useQuestionBankStore.getState().refresh() },
  { collections: ['outreach', 'contacts'], refresh: () => useOutreachStore.getState().refresh() },
  { collections: ['settings'], refresh: () => useSettingsStore.getState().refresh() },
  { collections: ['attachments'], refresh: () => useSettingsStore.getState().refreshAttachments() },
];

/**
 * Two changes as one: every collection either names, and the ids of both where both name ids for
 * a collection (a change without ids for it means "reload it", and so does the merge).
 */
export function mergeChanges(a: DataChange, b: DataChange): DataChange {
  const collections = [...new Set([...a.collections, ...b.collections])];
  const ids: NonNullable<DataChange['ids']> = {};
  for (const name of collections) {
    if (name === 'settings') continue;
    const inA = a.collections.includes(name) ? a.ids?.[name] : [];
    const inB = b.collections.includes(name) ? b.ids?.[name] : [];
    if (inA !== undefined && inB !== undefined) ids[name] = [...new Set([...inA, ...inB])];
  }
  return { collections, ids };
}

/**
 * One refresh at a time per store: changes that arrive while it runs (an import commits many)
 * cause exactly one more run afterwards, with those changes merged, so a burst never piles up
 * calls or shows stale data.
 */
function coalesce(run: (change: DataChange) => Promise<void> | void): (change: DataChange) => void {
  let running = false;
  let pending: DataChange | null = null;
  const go = async () => {
    running = true;
    try {
      while (pending !== null) {
        const change = pending;
        pending = null;
        await run(change);
      }
    } finally {
      running = false;
    }
  };
  return (change) => {
    pending = pending === null ? change : mergeChanges(pending, change);
    if (!running) void go();
  };
}

/** Refreshes every store that shows one of the collections a change touched. */
export function createChangeRouter(): (change: DataChange) => void {
  const runners = dependents.map((dependent) => ({
    collections: new Set(dependent.collections),
    run: coalesce(dependent.refresh),
  }));
  return (change) => {
    const touched = Array.isArray(change?.collections) ? change.collections : [];
    const ids = change?.ids !== null && typeof change?.ids === 'object' ? change.ids : undefined;
    const clean: DataChange = { collections: touched, ...(ids ? { ids } : {}) };
    for (const runner of runners)
      if (touched.some((name) => runner.collections.has(name))) runner.run(clean);
  };
}

/**
 * Wires the events main sends (app menu navigation, storage changes made outside the renderer,
 * import progress, committed data changes) into the stores. Returns the function that
 * unsubscribes, for React effects and tests.
 */
export function connectMainEvents(): () => void {
  const routeChange = createChangeRouter();
  const off = [
    onMainEvent('app:navigate', (payload) => {
      useUiStore.getState().navigate(payload?.to as Route);
    }),
    onMainEvent('app:command', (payload) => {
      if (isCommandId(payload?.command)) runCommand(payload.command);
    }),
    onMainEvent('storage:changed', (status) => {
      if (status && typeof status === 'object') useStorageStore.getState().statusChanged(status);
      else void useStorageStore.getState().loadStatus();
    }),
    onMainEvent('import:progress', (progress) => {
      if (progress && typeof progress === 'object') useImportStore.getState().progressed(progress);
    }),
    onMainEvent('data:changed', routeChange),
    // Insights asks main as the user goes there, not once its page has rendered: main's work
    // (waiting for the activities, the figures) overlaps React's.
    useUiStore.subscribe((state, previous) => {
      if (state.area === 'insights' && previous.area !== 'insights')
        void useInsightsStore.getState().load();
    }),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}

/** First load of everything the shell needs. */
/**
 * The page's start, before React's first render: main's events connected for the page's lifetime,
 * and what the first screen (Today, the shell) needs asked for at once, so main answers while
 * React renders instead of after its first paint. `App` is then told not to do it again.
 * Resolves once the answers are in.
 */
export function startFirstScreen(): Promise<void> {
  connectMainEvents();
  return Promise.all([loadInitialData(), useTodayStore.getState().load()]).then(() => undefined);
}

export function loadInitialData(): Promise<void> {
  return Promise.all([
    useStorageStore.getState().loadStatus(),
    useSettingsStore.getState().load(),
  ]).then(() => undefined);
}
