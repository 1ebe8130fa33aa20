import type { Contact } from '../../../shared/schema/entities.js';

export interface OutreachComposerProps {
  contact: Contact;
  onClose(): void;
  /** Called after the user sent (copied or opened in the mail app) and the activity was logged. */
  onSent(): void;
}

/** Placeholder while the composer is being built (issue 3). */
export function OutreachComposer({ onClose }: OutreachComposerProps) {
  return (
    <div role="dialog" aria-label="Write an outreach e-mail">
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
