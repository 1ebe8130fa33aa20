import { CheckRow } from '../../components/CheckRow.js';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fullName } from '../../../shared/domain/names.js';
import { buildMailto, isValidMailAddress } from '../../../shared/domain/mailto.js';
import { lintOutreach } from '../../../shared/domain/outreach-lint.js';
import { requestMinutes } from '../../../shared/domain/outreach-request.js';
import type { Contact, Reminder } from '../../../shared/schema/entities.js';
import { errorMessage } from '../../api.js';
import { describeStageMoves } from '../../effects.js';
import {
  AutosaveError,
  AutosaveLine,
  UnsavedChangesDialog,
} from '../../components/AutosaveParts.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import {
  keepUnsaved,
  takeUnsaved,
  useAutosave,
  useSafeClose,
  whenSettled,
} from '../../components/use-autosave.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { useOutreachStore } from '../../stores/outreach-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useTodayStore } from '../../stores/today-store.js';
import { followUpStarter, outreachStarter } from './starter.js';

export interface OutreachComposerProps {
  contact: Contact;
  onClose(): void;
  /** Called after the user sent (copied or opened in the mail app) and the activity was logged. */
  onSent(): void;
  /** The clock for the logged activity; tests pass a fixed one. */
  now?: () => Date;
  /**
   * Day 7 of 3B7: a follow-up to the first e-mail (its subject), logged as "follow-up sent",
   * which completes the day-7 reminder. Without it, the first outreach e-mail.
   */
  followUp?: { lastSubject: string };
}

type Phase =
  | { step: 'writing' }
  /** Copied or opened: the "Log as sent" step is offered. */
  | { step: 'handed-off' }
  | { step: 'logging' }
  | { step: 'logged'; reminders: Reminder[] };

/** What the autosave keeps: the draft's subject and message. */
interface DraftText {
  subject: string;
  body: string;
}

const systemNow = () => new Date();

/** "Jun 3, 2025, 10:15 AM": when a draft was last saved. */
const savedWhen = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? 'earlier'
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};
const dayFormat = () =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Wed, 4 Jun (day 3) and Tue, 10 Jun (day 7)" for the created follow-ups. */
function followUpDates(reminders: Reminder[]): string {
  const format = dayFormat();
  const parts = [...reminders]
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((r) => {
      const day =
        r.kind === 'follow-up-3' ? ' (day 3)' : r.kind === 'follow-up-7' ? ' (day 7)' : '';
      return `${format.format(new Date(r.due))}${day}`;
    });
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(parts);
}

/**
 * The first e-mail to a contact: a starter that follows Dalton's rules, live checks while the
 * user edits, then copy or open in the mail app, then "Log as sent", which makes main create the
 * day-3 and day-7 follow-ups. What the user writes is saved as a draft as they type (one per
 * contact) and comes back when the composer opens again; logging the e-mail removes it. A native
 * modal <dialog>: Escape and Close save what is waiting first, and ask before losing anything.
 */
export function OutreachComposer({
  contact,
  onClose,
  onSent,
  now = systemNow,
  followUp,
}: OutreachComposerProps) {
  const referrerName = useContactsStore((s) => {
    const referrer = contact.referredById
      ? s.contacts.find((c) => c.id === contact.referredById)
      : undefined;
    return referrer ? fullName(referrer) : '';
  });
  const senderName = useSettingsStore((s) => s.settings?.profile.name ?? '');
  const logOutreach = useTodayStore((s) => s.logOutreach);
  const openExternal = useTodayStore((s) => s.openExternal);

  const name = `${contact.firstName} ${contact.lastName}`.trim();
  const meetingMinutes = useSettingsStore((s) => requestMinutes(s.settings));
  const [starter] = useState(() =>
    followUp
      ? followUpStarter({ contact, senderName, meetingMinutes, lastSubject: followUp.lastSubject })
      : outreachStarter({ contact, referrerName, senderName, meetingMinutes }),
  );
  const [to, setTo] = useState(contact.email);
  const [subject, setSubject] = useState(starter.subject);
  const [body, setBody] = useState(starter.body);
  const [phase, setPhase] = useState<Phase>({ step: 'writing' });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The saved draft is being read; the form waits so nothing overwrites it. */
  const [opening, setOpening] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [attempt, setAttempt] = useState(0);
  const [hasDraft, setHasDraft] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  /** Once the e-mail is being logged, edits are no longer a draft. */
  const sending = useRef(false);
  const closing = useRef(false);

  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const titleId = useId();
  const checksId = useId();
  const reasonId = useId();
  const draftKey = `outreach:${contact.id}`;

  const autosave = useAutosave<DraftText>({
    key: draftKey,
    save: async (value) => {
      await useOutreachStore.getState().saveDraft({ contactId: contact.id, ...value });
      setHasDraft(true);
    },
  });
  const { change } = autosave;
  const closer = useSafeClose(autosave, onClose);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    closing.current = false;
    return () => {
      closing.current = true;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // The contact's saved draft (or text whose save failed after the composer closed) comes back.
  useEffect(() => {
    let live = true;
    void (async () => {
      // A composer closed a moment ago may still be saving this contact's draft.
      await whenSettled(draftKey);
      const kept = takeUnsaved<DraftText>(draftKey);
      try {
        const draft = await useOutreachStore.getState().draft(contact.id);
        if (!live) {
          if (kept) keepUnsaved(draftKey, kept);
          return;
        }
        const text = kept ?? draft;
        if (text) {
          setSubject(text.subject);
          setBody(text.body);
        }
        if (kept) {
          change(kept);
          setStatus(
            'Your last changes to this e-mail were not saved when you closed it; they are shown again and saved now.',
          );
        } else if (draft) setStatus(`Draft from ${savedWhen(draft.updatedAt)} restored.`);
        setHasDraft(draft !== null || kept !== undefined);
        setOpening('ready');
      } catch (caught) {
        if (kept) keepUnsaved(draftKey, kept);
        if (live) setOpening({ error: errorMessage(caught) });
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt, change, contact.id, draftKey]);

  const ready = opening === 'ready';
  useEffect(() => {
    if (ready) firstFieldRef.current?.focus();
  }, [ready]);

  const edit = (next: DraftText) => {
    setSubject(next.subject);
    setBody(next.body);
    if (!sending.current) change(next);
  };

  const checks = useMemo(
    () =>
      lintOutreach({ subject, body, contact, referrerName, meetingMinutes }).filter(
        // A follow-up answers the first e-mail, which made the connection already.
        (check) => !followUp || check.id !== 'connection-first',
      ),
    [subject, body, contact, referrerName, meetingMinutes, followUp],
  );
  const passing = checks.filter((c) => c.ok).length;

  const address = to.trim();
  const addressOk = address !== '' && isValidMailAddress(address);
  const mailReason =
    address === ''
      ? `Add ${contact.firstName}’s e-mail address to open the message in your mail app.`
      : addressOk
        ? null
        : 'Enter a valid e-mail address, like name@example.com, to open your mail app.';

  const busy = phase.step === 'logging';
  const logged = phase.step === 'logged';

  const copy = async (text: string) => {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
  };

  const onCopy = async () => {
    setError(null);
    try {
      await copy(body);
      setStatus('The message was copied to your clipboard. Paste it into a new e-mail.');
      if (phase.step === 'writing') setPhase({ step: 'handed-off' });
    } catch {
      setStatus(null);
      setError('The message could not be copied. Select the text and copy it yourself.');
    }
  };

  const onOpenMail = async () => {
    if (!addressOk) return;
    setError(null);
    try {
      const { url, truncated } = buildMailto({ to: address, subject, body });
      let note = `Opened the e-mail to ${name} in your mail app.`;
      if (truncated) {
        try {
          await copy(body);
          note =
            'The e-mail was too long for the mail app; the full text was copied to your clipboard.';
        } catch {
          note =
            'The e-mail was too long for the mail app and was shortened. Copy the full text from here.';
        }
      }
      await openExternal(url);
      setStatus(note);
      if (phase.step === 'writing') setPhase({ step: 'handed-off' });
    } catch (caught) {
      setStatus(null);
      setError(`Your mail app could not be opened. ${errorMessage(caught)}`);
    }
  };

  const onLog = async () => {
    if (busy || logged) return;
    setPhase({ step: 'logging' });
    setError(null);
    sending.current = true;
    try {
      // A save still running must not bring the draft back after main removed it.
      await autosave.flush();
      const result = await logOutreach(
        contact.id,
        subject,
        now(),
        followUp ? 'follow-up-sent' : 'outreach-sent',
      );
      // Main removes the draft with a first e-mail it logs; a follow-up's goes here.
      if (followUp) await useOutreachStore.getState().discardDraft(contact.id);
      // Main removed the draft in the same change that logged the e-mail.
      autosave.discard();
      useOutreachStore.getState().sent(contact.id);
      setHasDraft(false);
      const created = result.effects.reminders.created;
      setPhase({ step: 'logged', reminders: created });
      const moved = describeStageMoves(result.effects, () => contact.firstName);
      setStatus(
        [
          'Logged as sent.',
          moved,
          created.length > 0 ? `Follow-ups: ${followUpDates(created)}.` : '',
        ]
          .filter((part) => part !== '')
          .join(' '),
      );
      onSent();
    } catch (caught) {
      sending.current = false;
      setPhase({ step: 'handed-off' });
      setError(`The e-mail was not logged. ${errorMessage(caught)} Try again.`);
    }
  };

  const onDiscard = async () => {
    setConfirmDiscard(false);
    setError(null);
    try {
      autosave.discard();
      // A save still running would otherwise bring the draft back.
      await autosave.flush();
      await useOutreachStore.getState().discardDraft(contact.id);
      onClose();
    } catch (caught) {
      setError(`The draft was not discarded. ${errorMessage(caught)}`);
    }
  };

  const requestClose = () => {
    if (logged) onClose();
    else void closer.request();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-wide composer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: save what is waiting first, and ask before losing anything.
        event.preventDefault();
        requestClose();
      }}
      onClose={() => {
        // The browser closes a dialog whose Escape was refused twice: open it again and close
        // it our way, so unsaved text is never dropped.
        const dialog = dialogRef.current;
        if (closing.current || !dialog || dialog.open) return;
        dialog.showModal();
        requestClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {followUp ? 'Write a follow-up e-mail to' : 'Write an outreach e-mail to'} {name}
      </h2>
      {opening === 'loading' ? <Loading label="Opening your draft…" /> : null}
      {typeof opening === 'object' ? (
        <ErrorMessage>
          <p>Your saved draft could not be opened. {opening.error}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setOpening('loading');
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </button>
          </div>
        </ErrorMessage>
      ) : null}
      {ready ? (
        <div className="composer-grid">
          <div className="composer-form">
            <TextField
              label="To"
              type="email"
              value={to}
              onChange={setTo}
              autoComplete="off"
              inputRef={firstFieldRef}
              error={
                address !== '' && !addressOk
                  ? 'Enter an e-mail address like name@example.com.'
                  : null
              }
            />
            <TextField
              label="Subject"
              value={subject}
              onChange={(value) => edit({ subject: value, body })}
            />
            <TextField
              label="Message"
              value={body}
              onChange={(value) => edit({ subject, body: value })}
              multiline
              rows={12}
            />
          </div>
          <aside className="composer-checks" aria-labelledby={checksId}>
            <h3 id={checksId} className="composer-checks-title">
              Checks
            </h3>
            <p className="composer-summary" aria-live="polite">
              {passing === checks.length
                ? `All ${checks.length} checks pass.`
                : `${passing} of ${checks.length} checks pass.`}
            </p>
            <ul className="checks">
              {checks.map((check) => (
                <CheckRow key={check.id} check={check} />
              ))}
            </ul>
          </aside>
        </div>
      ) : null}

      <AutosaveError status={autosave.status} onRetry={() => void autosave.flush()} />
      {error ? (
        <ErrorMessage>
          <p>{error}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>{status}</StatusMessage>

      {phase.step === 'handed-off' || phase.step === 'logging' ? (
        <div className="composer-log card card-accent">
          <p className="card-text">
            Sent it? Log it as sent and Rapport will remind you after 3 and 7 business days if{' '}
            {contact.firstName} has not replied.
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void onLog()}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            Log as sent
          </button>
        </div>
      ) : null}

      {mailReason && ready && !logged ? (
        <p className="field-hint composer-reason" id={reasonId}>
          {mailReason}
        </p>
      ) : null}
      <div className="dialog-actions">
        {ready && !logged ? (
          <AutosaveLine status={autosave.status} className="composer-autosave" />
        ) : null}
        {ready && hasDraft && !logged ? (
          <button
            type="button"
            className="button button-danger"
            onClick={() => setConfirmDiscard(true)}
            disabled={busy}
          >
            Discard draft
          </button>
        ) : null}
        <button type="button" className="button" onClick={requestClose} disabled={busy}>
          Close
        </button>
        {ready && !logged ? (
          <>
            <button type="button" className="button" onClick={() => void onCopy()} disabled={busy}>
              Copy to clipboard
            </button>
            <button
              type="button"
              className="button"
              onClick={() => void onOpenMail()}
              disabled={busy || !addressOk}
              aria-describedby={mailReason ? reasonId : undefined}
            >
              Open in mail app
            </button>
          </>
        ) : null}
      </div>

      {confirmDiscard ? (
        <ConfirmDialog
          title="Discard this draft?"
          confirmLabel="Discard draft"
          cancelLabel="Keep draft"
          onConfirm={() => void onDiscard()}
          onCancel={() => setConfirmDiscard(false)}
        >
          <p>The e-mail to {name} is deleted and the composer closes. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
      {closer.asking ? (
        <UnsavedChangesDialog
          status={autosave.status}
          onKeepEditing={closer.keepEditing}
          onDiscard={closer.discardAndClose}
        />
      ) : null}
    </dialog>
  );
}
