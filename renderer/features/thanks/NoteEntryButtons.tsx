import { useEffect } from 'react';
import type { Contact } from '../../../shared/schema/entities.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { useThanksStore, type ComposeTarget } from '../../stores/thanks-store.js';
import { thankYouSent } from './targets.js';

interface NoteEntryButtonsProps {
  /** The person met. */
  contact: Pick<Contact, 'id'>;
  /** Who introduced them, if anyone: offered a thank-you of their own. */
  referrer: Pick<Contact, 'id' | 'firstName'> | null;
  meetingId: string | null;
  /** Offer the thank-you note (and the referrer's): a meeting was held. */
  canThank: boolean;
  /** A thank-you was sent: offer the report-back. */
  thanked: boolean;
  /** Show the next note to write (the thank-you, or once sent the report-back) as the main action. */
  primary?: boolean;
  /** After the composer's target is set: go to the composer. */
  onOpen(): void;
}

/**
 * View: the buttons that start a note about a meeting. Each opens the composer for its kind of
 * note; the composer reopens a draft already written for the same note instead of a second one.
 */
export function NoteEntryButtons({
  contact,
  referrer,
  meetingId,
  canThank,
  thanked,
  primary = false,
  onOpen,
}: NoteEntryButtonsProps) {
  const open = (target: ComposeTarget) => {
    useThanksStore.getState().compose(target);
    onOpen();
  };
  return (
    <>
      {canThank ? (
        <button
          type="button"
          className={primary && !thanked ? 'button button-primary' : 'button'}
          onClick={() => open({ purpose: 'thank-you', contactId: contact.id, meetingId })}
        >
          Write thank-you note
        </button>
      ) : null}
      {canThank && referrer ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            open({
              purpose: 'referrer-thanks',
              contactId: referrer.id,
              aboutContactId: contact.id,
              meetingId,
            })
          }
        >
          Thank {referrer.firstName} for the introduction
        </button>
      ) : null}
      {thanked ? (
        <button
          type="button"
          className={primary ? 'button button-primary' : 'button'}
          onClick={() => open({ purpose: 'report-back', contactId: contact.id, meetingId })}
        >
          Write report-back
        </button>
      ) : null}
    </>
  );
}

/**
 * Container for a held meeting's workspace: finds the contact's referrer and whether a thank-you
 * for this meeting was sent (from the notes history, which refreshes itself when notes change).
 */
export function MeetingNoteEntries({
  contact,
  meetingId,
  onOpen,
}: {
  contact: Contact;
  meetingId: string;
  onOpen(): void;
}) {
  const referrer = useContactsStore((s) =>
    contact.referredById === null
      ? null
      : (s.contacts.find((c) => c.id === contact.referredById) ?? null),
  );
  const thanked = useThanksStore((s) => thankYouSent(s.history, contact.id, meetingId));

  useEffect(() => {
    if (contact.referredById !== null && !useContactsStore.getState().loaded)
      void useContactsStore.getState().load();
    if (!useThanksStore.getState().historyLoaded) void useThanksStore.getState().loadHistory();
  }, [contact.referredById]);

  return (
    <NoteEntryButtons
      contact={contact}
      referrer={referrer}
      meetingId={meetingId}
      canThank
      thanked={thanked}
      primary
      onOpen={onOpen}
    />
  );
}
