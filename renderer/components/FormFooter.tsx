import type { RefObject } from 'react';
import type { SaveState } from '../stores/settings-store.js';
import { ErrorMessage, StatusMessage } from './Messages.js';

interface FormFooterProps {
  /** Used in messages and ids: "profile" gives "Your profile was not saved." */
  subject: string;
  saveLabel: string;
  savedMessage: string;
  saveState: SaveState;
  dirty: boolean;
  readOnlyReason: string | null;
  submitRef: RefObject<HTMLButtonElement | null>;
}

/** The save button, unsaved badge, result messages and read-only note shared by settings forms. */
export function FormFooter({
  subject,
  saveLabel,
  savedMessage,
  saveState,
  dirty,
  readOnlyReason,
  submitRef,
}: FormFooterProps) {
  const explainerId = `read-only-explainer-${subject}`;
  return (
    <>
      {saveState.state === 'error' ? (
        <ErrorMessage>
          <p>
            Your {subject} {subject.endsWith('s') ? 'were' : 'was'} not saved. {saveState.message}
          </p>
        </ErrorMessage>
      ) : null}
      <div className="form-actions form-actions-sticky">
        <button
          ref={submitRef}
          type="submit"
          className="button button-primary"
          disabled={saveState.state === 'saving' || readOnlyReason !== null}
          aria-describedby={readOnlyReason ? explainerId : undefined}
        >
          {saveLabel}
        </button>
        {dirty ? <span className="unsaved-badge">Unsaved changes</span> : null}
        <StatusMessage>{saveState.state === 'saved' && !dirty ? savedMessage : null}</StatusMessage>
      </div>
      {readOnlyReason ? (
        <p className="read-only-explainer" id={explainerId}>
          Saving is turned off because Rapport opened your data read-only.
        </p>
      ) : null}
    </>
  );
}
