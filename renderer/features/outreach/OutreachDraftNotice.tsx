import { useEffect } from 'react';
import type { Contact } from '../../../shared/schema/entities.js';
import { useOutreachStore } from '../../stores/outreach-store.js';

const savedWhen = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

/**
 * Container for the contact page: says that an outreach e-mail to this contact is half written
 * and offers to continue it. Shows nothing when there is no draft.
 */
export function OutreachDraftNotice({
  contact,
  onContinue,
}: {
  contact: Pick<Contact, 'id' | 'firstName'>;
  onContinue(): void;
}) {
  const draft = useOutreachStore((s) => s.drafts[contact.id] ?? null);
  useEffect(() => {
    void useOutreachStore.getState().load();
  }, [contact.id]);
  if (draft === null) return null;
  const when = savedWhen(draft.updatedAt);
  return (
    <div className="card card-accent outreach-draft">
      <p className="card-text">
        <strong>An outreach e-mail to {contact.firstName} is not sent yet.</strong>{' '}
        {when ? `Draft saved ${when}.` : 'The draft is saved.'}
      </p>
      <button type="button" className="button" onClick={onContinue}>
        Continue writing
      </button>
    </div>
  );
}
