import { CheckRow } from '../../components/CheckRow.js';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fullName } from '../../../shared/domain/names.js';
import { buildMailto, isValidMailAddress } from '../../../shared/domain/mailto.js';
import { lintOutreach } from '../../../shared/domain/outreach-lint.js';
import type { Contact, Reminder } from '../../../shared/schema/entities.js';
import { errorMessage } from '../../api.js';
import { describeStageMoves } from '../../effects.js';
import { TextField } from '../../components/Field.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useTodayStore } from '../../stores/today-store.js';
import { outreachStarter } from './starter.js';

export interface OutreachComposerProps {
  contact: Contact;
  onClose(): void;
  /** Called after the user sent (copied or opened in the mail app) and the activity was logged. */
  onSent(): void;
  /** The clock for the logged activity; tests pass a fixed one. */
  now?: () => Date;
}

type Phase =
  | { step: 'writing' }
  /** Copied or opened: the "Log as sent" step is offered. */
  | { step: 'handed-off' }
  | { step: 'logging' }
  | { step: 'logged'; reminders: Reminder[] };

const systemNow = () => new Date();
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
 * day-3 and day-7 follow-ups. A native modal <dialog>: Escape and Cancel close it.
 */
export function OutreachComposer({
  contact,
  onClose,
  onSent,
  now = systemNow,
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
  const [starter] = useState(() => outreachStarter({ contact, referrerName, senderName }));
  const [to, setTo] = useState(contact.email);
  const [subject, setSubject] = useState(starter.subject);
  const [body, setBody] = useState(starter.body);
  const [phase, setPhase] = useState<Phase>({ step: 'writing' });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const titleId = useId();
  const checksId = useId();
  const reasonId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    firstFieldRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const checks = useMemo(
    () => lintOutreach({ subject, body, contact, referrerName }),
    [subject, body, contact, referrerName],
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
    try {
      const result = await logOutreach(contact.id, subject, now());
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
      setPhase({ step: 'handed-off' });
      setError(`The e-mail was not logged. ${errorMessage(caught)} Try again.`);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-wide composer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        Write an outreach e-mail to {name}
      </h2>
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
              address !== '' && !addressOk ? 'Enter an e-mail address like name@example.com.' : null
            }
          />
          <TextField label="Subject" value={subject} onChange={setSubject} />
          <TextField label="Message" value={body} onChange={setBody} multiline rows={12} />
        </div>
        <aside className="composer-checks" aria-labelledby={checksId}>
          <h3 id={checksId} className="composer-checks-title">
            Checks
          </h3>
          <p className="composer-summary" aria-live="polite">
            {passing === checks.length
              ? 'All 5 checks pass.'
              : `${passing} of ${checks.length} checks pass.`}
          </p>
          <ul className="checks">
            {checks.map((check) => (
              <CheckRow key={check.id} check={check} />
            ))}
          </ul>
        </aside>
      </div>

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

      {mailReason && !logged ? (
        <p className="field-hint composer-reason" id={reasonId}>
          {mailReason}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {logged ? 'Close' : 'Cancel'}
        </button>
        {!logged ? (
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
    </dialog>
  );
}
