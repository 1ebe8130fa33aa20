import { create } from 'zustand';
import { ApiError, call, errorMessage } from '../api.js';
import type { BackupInfo, StorageStatus } from '../../shared/contract.js';
import { formatBytes, formatCounts, formatDateTime } from '../format.js';

export type Feedback = { kind: 'success' | 'error'; text: string };
export type DataTask = 'backup' | 'restore' | 'export' | 'import';

interface StorageState {
  status: StorageStatus | null;
  statusError: string | null;
  /** Local fallback: the notice hides even when telling main fails. Keyed so a new event shows again. */
  hiddenRestoredNotice: string | null;
  hiddenReadOnlyNotice: string | null;
  backups: BackupInfo[] | null;
  backupsLoading: boolean;
  backupsError: string | null;
  busy: DataTask | null;
  backupFeedback: Feedback | null;
  transferFeedback: Feedback | null;
  loadStatus(): Promise<void>;
  /** Applies a status main pushed (`storage:changed`) and refreshes what depends on it. */
  statusChanged(status: StorageStatus): void;
  dismissRestoredNotice(): Promise<void>;
  hideReadOnlyNotice(): void;
  loadBackups(): Promise<void>;
  createBackup(): Promise<void>;
  restoreBackup(backup: BackupInfo): Promise<void>;
  openFolder(): Promise<void>;
  exportAll(): Promise<void>;
  importAll(): Promise<void>;
}

const initial = {
  status: null,
  statusError: null,
  hiddenRestoredNotice: null,
  hiddenReadOnlyNotice: null,
  backups: null,
  backupsLoading: false,
  backupsError: null,
  busy: null,
  backupFeedback: null,
  transferFeedback: null,
};

const restoredKey = (status: StorageStatus | null) =>
  status?.restored ? `${status.restored.backupName}|${status.restored.backupCreatedAt}` : null;

export const useStorageStore = create<StorageState>()((set, get) => {
  /** Runs one data task at a time; the buttons are disabled meanwhile, this guards double clicks. */
  const task = async (name: DataTask, run: () => Promise<void>) => {
    if (get().busy) return;
    set({ busy: name });
    try {
      await run();
    } finally {
      set({ busy: null });
    }
  };
  /** Status and backups after a restore or import; the data itself refreshes from main's event. */
  const reloadStorage = () => Promise.all([get().loadStatus(), get().loadBackups()]);

  return {
    ...initial,
    loadStatus: async () => {
      try {
        const status = await call('storage:status');
        set({ status, statusError: null });
      } catch (error) {
        set({ statusError: errorMessage(error) });
      }
    },
    statusChanged: (status) => {
      set({ status, statusError: null });
      void get().loadBackups();
    },
    dismissRestoredNotice: async () => {
      set((state) => ({ hiddenRestoredNotice: restoredKey(state.status) }));
      try {
        const status = await call('storage:dismissNotice');
        set({ status });
      } catch {
        // Already hidden locally; main shows it again at the next start at worst.
      }
    },
    hideReadOnlyNotice: () =>
      set((state) => ({ hiddenReadOnlyNotice: state.status?.readOnly?.reason ?? null })),
    loadBackups: async () => {
      set({ backupsLoading: true });
      try {
        const backups = await call('backups:list');
        const sorted = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        set({ backups: sorted, backupsLoading: false, backupsError: null });
      } catch (error) {
        set({ backupsLoading: false, backupsError: errorMessage(error) });
      }
    },
    createBackup: () =>
      task('backup', async () => {
        try {
          const backup = await call('backups:create');
          set({
            backupFeedback: {
              kind: 'success',
              text: `Backed up your data (${formatBytes(backup.bytes)}) on ${formatDateTime(backup.createdAt)}.`,
            },
          });
          await get().loadBackups();
        } catch (error) {
          set({
            backupFeedback: { kind: 'error', text: `The backup failed. ${errorMessage(error)}` },
          });
        }
      }),
    restoreBackup: (backup) =>
      task('restore', async () => {
        try {
          await call('backups:restore', { name: backup.name });
          set({
            backupFeedback: {
              kind: 'success',
              text: `Restored the backup from ${formatDateTime(backup.createdAt)}. Your data from before the restore was backed up first.`,
            },
          });
          await reloadStorage();
        } catch (error) {
          set({
            backupFeedback: {
              kind: 'error',
              text: `The backup could not be restored. ${errorMessage(error)}`,
            },
          });
        }
      }),
    openFolder: async () => {
      try {
        await call('storage:openFolder');
      } catch (error) {
        set({ transferFeedback: { kind: 'error', text: errorMessage(error) } });
      }
    },
    exportAll: () =>
      task('export', async () => {
        try {
          const result = await call('data:export');
          if (result === null) return;
          set({ transferFeedback: { kind: 'success', text: `Exported to ${result.path}.` } });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'cancelled') return;
          set({
            transferFeedback: { kind: 'error', text: `The export failed. ${errorMessage(error)}` },
          });
        }
      }),
    importAll: () =>
      task('import', async () => {
        try {
          const summary = await call('data:import');
          if (summary === null) return;
          const counts = formatCounts(summary.counts);
          set({
            transferFeedback: {
              kind: 'success',
              text: `${counts ? `Imported ${counts}.` : 'Imported the file; it held no contacts, meetings or notes.'} Your previous data was backed up first (${summary.safetyBackup}).`,
            },
          });
          await reloadStorage();
        } catch (error) {
          if (error instanceof ApiError && error.code === 'cancelled') return;
          set({
            transferFeedback: {
              kind: 'error',
              text: `${errorMessage(error)} Nothing was changed: your current data is as it was.`,
            },
          });
        }
      }),
  };
});

/** Whether the restored-backup notice should show. */
export const selectRestoredNotice = (state: StorageState) => {
  const status = state.status;
  if (!status?.restored || status.noticeDismissed) return null;
  if (state.hiddenRestoredNotice === restoredKey(status)) return null;
  return status.restored;
};

export const selectReadOnly = (state: StorageState) => state.status?.readOnly ?? null;

export const selectReadOnlyNotice = (state: StorageState) => {
  const readOnly = state.status?.readOnly;
  if (!readOnly || state.hiddenReadOnlyNotice === readOnly.reason) return null;
  return readOnly;
};

export const resetStorageStore = () => useStorageStore.setState(initial);
