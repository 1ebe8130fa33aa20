import { useId, useRef } from 'react';
import { commandTitle, COMMANDS, shortcutText } from '../../../shared/domain/commands.js';
import { useModalDialog } from '../../components/use-modal-dialog.js';

/** Help > Keyboard shortcuts: every command with a key, from the one table the menu uses. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useModalDialog(closeRef);
  const titleId = useId();
  const platform = navigator.platform;
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Keyboard shortcuts
      </h2>
      <div className="dialog-body">
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {COMMANDS.filter((command) => command.accelerator).map((command) => (
              <tr key={command.id}>
                <th scope="row">{commandTitle(command)}</th>
                <td>
                  <kbd>{shortcutText(command.accelerator as string, platform)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
