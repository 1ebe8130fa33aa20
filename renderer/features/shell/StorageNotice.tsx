import type { StorageStatus } from '../../../shared/contract.js';
import { WarningIcon } from '../../components/Messages.js';
import { asSentence, formatDateTime } from '../../format.js';
import {
  selectReadOnlyNotice,
  selectRestoredNotice,
  useStorageStore,
} from '../../stores/storage-store.js';

interface StorageNoticeViewProps {
  restored: StorageStatus['restored'];
  readOnly: StorageStatus['readOnly'];
  onDismissRestored(): void;
  onHideReadOnly(): void;
}

/** What the storage layer had to do at start, told plainly at the top of the content. */
export function StorageNoticeView({
  restored,
  readOnly,
  onDismissRestored,
  onHideReadOnly,
}: StorageNoticeViewProps) {
  if (!restored && !readOnly) return null;
  return (
    <div className="notices">
      {restored ? (
        <div className="notice notice-warning" role="alert">
          <WarningIcon />
          <p className="notice-text">
            Your data file was damaged, so Rapport restored the backup from{' '}
            {formatDateTime(restored.backupCreatedAt)}.{' '}
            {restored.movedAside.length > 1
              ? 'The damaged files were kept in the data folder.'
              : 'The damaged file was kept in the data folder.'}{' '}
            Anything you changed after that backup may be missing.
          </p>
          <button type="button" className="button button-small" onClick={onDismissRestored}>
            Dismiss
          </button>
        </div>
      ) : null}
      {readOnly ? (
        <div className="notice notice-error" role="alert">
          <WarningIcon />
          <p className="notice-text">
            Rapport opened your data read-only: {asSentence(readOnly.reason)} You can look at
            everything, but changes cannot be saved.
          </p>
          <button type="button" className="button button-small" onClick={onHideReadOnly}>
            Hide
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Container: reads the storage status and the user's dismissals. */
export function StorageNotice() {
  const restored = useStorageStore(selectRestoredNotice);
  const readOnly = useStorageStore(selectReadOnlyNotice);
  const dismiss = useStorageStore((s) => s.dismissRestoredNotice);
  const hide = useStorageStore((s) => s.hideReadOnlyNotice);
  return (
    <StorageNoticeView
      restored={restored}
      readOnly={readOnly}
      onDismissRestored={() => void dismiss()}
      onHideReadOnly={hide}
    />
  );
}
