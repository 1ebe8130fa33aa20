import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/contract.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatDateTime } from '../../format.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { DataView } from './DataView.js';

type Pending = { kind: 'restore'; backup: BackupInfo } | { kind: 'import' } | null;

/** Container for Settings > Data: reads the storage store and asks before anything destructive. */
export function DataTab() {
  const dataDir = useStorageStore((s) => s.status?.dataDir ?? null);
  const readOnly = useStorageStore(selectReadOnly);
  const backups = useStorageStore((s) => s.backups);
  const backupsError = useStorageStore((s) => s.backupsError);
  const busy = useStorageStore((s) => s.busy);
  const backupFeedback = useStorageStore((s) => s.backupFeedback);
  const transferFeedback = useStorageStore((s) => s.transferFeedback);
  const loadBackups = useStorageStore((s) => s.loadBackups);
  const createBackup = useStorageStore((s) => s.createBackup);
  const restoreBackup = useStorageStore((s) => s.restoreBackup);
  const openFolder = useStorageStore((s) => s.openFolder);
  const exportAll = useStorageStore((s) => s.exportAll);
  const importAll = useStorageStore((s) => s.importAll);
  const [pending, setPending] = useState<Pending>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const confirm = () => {
    const current = pending;
    setPending(null);
    if (current?.kind === 'restore') void restoreBackup(current.backup);
    if (current?.kind === 'import') void importAll();
  };

  return (
    <>
      <DataView
        dataDir={dataDir}
        backups={backups}
        backupsError={backupsError}
        busy={busy}
        backupFeedback={backupFeedback}
        transferFeedback={transferFeedback}
        readOnlyReason={readOnly?.reason ?? null}
        onOpenFolder={() => void openFolder()}
        onBackUp={() => void createBackup()}
        onRestore={(backup) => setPending({ kind: 'restore', backup })}
        onExport={() => void exportAll()}
        onImport={() => setPending({ kind: 'import' })}
        onRetryBackups={() => void loadBackups()}
      />
      {pending?.kind === 'restore' ? (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore"
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>
            Rapport will replace your current data with the backup from{' '}
            <strong>{formatDateTime(pending.backup.createdAt)}</strong>.
          </p>
          <p>
            Your current data is backed up first, so you can restore it later from this list if you
            change your mind.
          </p>
        </ConfirmDialog>
      ) : null}
      {pending?.kind === 'import' ? (
        <ConfirmDialog
          title="Import data from a file?"
          confirmLabel="Import"
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>
            Importing replaces <strong>all</strong> your current contacts, meetings, notes and
            settings with the contents of the file you choose next.
          </p>
          <p>Rapport backs up your current data first, so you can restore it from Backups.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
