import { ConfirmDialog } from './ConfirmDialog.js';
import { ErrorMessage } from './Messages.js';
import type { AutosaveStatus } from './use-autosave.js';

/**
 * The quiet line that says whether what the user wrote is saved: a polite live region, but not a
 * "status" one, so the writer's own status message (copied, logged, sent) stays the only one.
 */
export function AutosaveLine({
  status,
  className,
}: {
  status: AutosaveStatus;
  className?: string;
}) {
  const text =
    status.state === 'pending' || status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? 'All changes saved'
        : '';
  return (
    <p className={`autosave-line${className ? ` ${className}` : ''}`} aria-live="polite">
      {text}
    </p>
  );
}

/** A failed save: the text is still on screen; the user can try again at once. */
export function AutosaveError({ status, onRetry }: { status: AutosaveStatus; onRetry(): void }) {
  if (status.state !== 'error') return null;
  return (
    <ErrorMessage>
      <p>
        Your latest changes were not saved. {status.message} What you wrote is still here; Rapport
        tries again when you keep typing.
      </p>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again now
        </button>
      </div>
    </ErrorMessage>
  );
}

/** Asked when closing a writer whose latest changes could not be saved: never discard silently. */
export function UnsavedChangesDialog({
  status,
  onKeepEditing,
  onDiscard,
}: {
  status: AutosaveStatus;
  onKeepEditing(): void;
  onDiscard(): void;
}) {
  return (
    <ConfirmDialog
      title="Your latest changes are not saved"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      onConfirm={onDiscard}
      onCancel={onKeepEditing}
    >
      <p>
        Rapport could not save them.
        {status.state === 'error' ? ` ${status.message}` : ''} Keep editing to try again, or discard
        the changes and close. What was saved before stays.
      </p>
    </ConfirmDialog>
  );
}
