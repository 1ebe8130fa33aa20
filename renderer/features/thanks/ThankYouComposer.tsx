import { mergeValuesFor } from '../../../shared/domain/thank-you-templates.js';
import { CheckRow } from '../../components/CheckRow.js';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildMailto, isValidMailAddress } from '../../../shared/domain/mailto.js';
import {
  fillMergeFields,
  mergeFields,
  openTokens,
  type MergeValues,
} from '../../../shared/domain/merge-fields.js';
import { stageAfterEvent } from '../../../shared/domain/stage-machine.js';
import { stageLabel } from '../../../shared/domain/stages.js';
import type { NotePurpose, Template, ThankYouNote } from '../../../shared/schema/entities.js';
import type { MergeContext } from '../../../shared/schema/thanks.js';
import { errorMessage } from '../../api.js';
import {
  AutosaveError,
  AutosaveLine,
  UnsavedChangesDialog,
} from '../../components/AutosaveParts.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import {
  keepUnsaved,
  takeUnsaved,
  useAutosave,
  useSafeClose,
  whenSettled,
} from '../../components/use-autosave.js';
import { useThanksStore, type ComposeTarget } from '../../stores/thanks-store.js';
import { fullName } from '../pipeline/labels.js';
import { describeEffects } from '../../effects.js';
import { checkThankYou, dueText } from './checks.js';
import {
  draftKey,
  findDraft,
  noteHeading,
  purposeLabels,
  resolveTarget,
  sentNoteKey,
  type NoteTarget,
} from './targets.js';

interface ComposerProps {
  target: ComposeTarget;
  now: () => Date;
  /** The id of the composer's heading, which names the section around it. */
  headingId: string;
  /** Move focus to the note's heading once it is open (opened from the history below it). */
  focusOnOpen?: boolean;
  /** After the composer closed itself (Close note, Discard draft): the page moves focus. */
  onClosed(): void;
}

/** What the user writes, saved together. */
interface NoteText {
  templateId: string;
  subject: string;
  body: string;
}

interface Loaded {
  context: MergeContext;
  templates: Template[];
  target: NoteTarget;
  noteId: string | null;
  sentAt: string | null;
  text: NoteText;
  /** Where the autosave keeps text it could not save after the composer closed. */
  key: string;
  /** The text came back from a save that failed after the composer closed. */
  restored: boolean;
}

const longDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(date);
};

/** The merge values a context offers (shared rules); empty strings stay tokens and are flagged. */
export const mergeValues = (context: MergeContext): MergeValues => mergeValuesFor(context);

/** Templates for notes after a meeting; outreach ones belong to the outreach composer. */
const noteTemplates = (templates: Template[]) => templates.filter((t) => t.purpose !== 'outreach');

/** The built-in template of the note's purpose, else the user's first of it, else any. */
function defaultTemplate(templates: Template[], purpose: NotePurpose): Template | undefined {
  return (
    templates.find((t) => t.purpose === purpose && t.builtIn) ??
    templates.find((t) => t.purpose === purpose) ??
    templates[0]
  );
}

function textOf(note: ThankYouNote, templates: Template[]): NoteText {
  const known = templates.some((t) => t.id === note.templateId);
  return {
    templateId: known ? (note.templateId ?? '') : '',
    subject: note.subject,
    body: note.body,
  };
}

/**
 * Container: loads the context, templates and the note (the one asked for, or the draft already
 * written for the same purpose, recipient and meeting), then shows the form.
 */
export function ThankYouComposer({
  target,
  now,
  headingId,
  focusOnOpen = false,
  onClosed,
}: ComposerProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const store = useThanksStore.getState();
    void (async () => {
      try {
        // A composer closed a moment ago may still be saving the draft this one should open.
        await whenSettled('thanks:');
        const [all, notes, asked] = await Promise.all([
          store.templates(),
          store.notesTo(target.contactId),
          target.noteId ? store.get(target.noteId) : Promise.resolve(null),
        ]);
        let resolved = resolveTarget(target, notes, asked);
        if (resolved.meetingId === null && !asked) {
          // Opened without a meeting (from a reminder): the person met's latest held meeting.
          const met =
            resolved.purpose === 'referrer-thanks' ? resolved.aboutContactId : resolved.contactId;
          const held = met ? await store.heldMeetingsOf(met).catch(() => []) : [];
          resolved = resolveTarget(target, notes, asked, held);
        }
        const note = asked ?? findDraft(notes, resolved) ?? null;
        const context = await store.context(resolved);
        const templates = noteTemplates(all);
        const key = note?.sentAt ? sentNoteKey(note.id) : draftKey(resolved);
        const kept = takeUnsaved<NoteText>(key);
        let text: NoteText;
        if (kept) text = kept;
        else if (note) text = textOf(note, templates);
        else {
          const chosen = defaultTemplate(templates, resolved.purpose);
          const values = mergeValues(context);
          text = {
            templateId: chosen?.id ?? '',
            subject: fillMergeFields(chosen?.subject ?? '', values),
            body: fillMergeFields(chosen?.body ?? '', values),
          };
        }
        if (!live) {
          // Closed while loading: the kept text waits for the next time.
          if (kept) keepUnsaved(key, kept);
          return;
        }
        setLoaded({
          context,
          templates,
          target: resolved,
          noteId: note?.id ?? null,
          sentAt: note?.sentAt ?? null,
          text,
          key,
          restored: kept !== undefined,
        });
        setError(null);
      } catch (caught) {
        if (live) setError(errorMessage(caught));
      }
    })();
    return () => {
      live = false;
    };
  }, [target, attempt]);

  const close = () => {
    useThanksStore.getState().closeComposer();
    onClosed();
  };
  const purpose = target.purpose ?? 'thank-you';

  if (error) {
    return (
      <>
        <ComposerHeader id={headingId} text={noteHeading(purpose, null, null)} onClose={close} />
        <ErrorMessage>
          <p>The note could not be opened. {error}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => setAttempt((n) => n + 1)}
            >
              Try again
            </button>
          </div>
        </ErrorMessage>
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        <ComposerHeader id={headingId} text={noteHeading(purpose, null, null)} onClose={close} />
        <Loading label="Opening the note…" />
      </>
    );
  }
  return (
    <ComposerForm
      initial={loaded}
      now={now}
      headingId={headingId}
      focusOnOpen={focusOnOpen}
      onClosed={onClosed}
    />
  );
}

function ComposerHeader({ id, text, onClose }: { id: string; text: string; onClose(): void }) {
  return (
    <div className="thanks-compose-header">
      <h2 className="section-title" id={id} tabIndex={-1}>
        {text}
      </h2>
      <button type="button" className="button button-small" onClick={onClose}>
        Close note
      </button>
    </div>
  );
}

/** The template picker: the templates of this kind of note first, the others after them. */
function TemplatePicker({
  purpose,
  templates,
  value,
  onChange,
}: {
  purpose: NotePurpose;
  templates: Template[];
  value: string;
  onChange(id: string): void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const own = templates.filter((t) => t.purpose === purpose);
  const others = templates.filter((t) => t.purpose !== purpose);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Template
      </label>
      <p className="field-hint" id={hintId}>
        Choosing a template replaces the subject and the note.
      </p>
      <select
        id={id}
        className="input input-select"
        value={value}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      >
        {value === '' ? <option value="">No template</option> : null}
        {own.length > 0 ? (
          <optgroup label={`${purposeLabels[purpose]} templates`}>
            {own.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {others.length > 0 ? (
          <optgroup label="Other kinds of note">
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}

/** What "Mark as sent" will do, from the same stage rules main applies. */
function sendingText(context: MergeContext, purpose: NotePurpose): string {
  const { recipient, contact } = context;
  const to = fullName(recipient);
  if (purpose === 'referrer-thanks')
    return `Rapport saves the note and logs it on ${to}’s timeline. Nothing changes for ${fullName(contact)}: their stage and reminders stay as they are.`;
  const event = purpose === 'report-back' ? 'report-back-sent' : 'thank-you-sent';
  const next = stageAfterEvent(recipient.stage, event);
  const moves =
    next !== recipient.stage ? ` ${recipient.firstName} moves to ${stageLabel(next)}.` : '';
  return purpose === 'report-back'
    ? `Rapport saves the note, logs it on ${to}’s timeline and marks the report-back reminder done.${moves}`
    : `Rapport saves the note, logs it on ${to}’s timeline, marks the thank-you reminder done and sets a reminder to report back on what you did with the advice.${moves}`;
}

const tokenLabel = (name: string) => mergeFields.find((f) => f.name === name)?.label;

type Busy = 'save' | 'export' | 'send' | 'discard' | null;

/** The form itself: template, subject, note, merge-field picker, checks and every output. */
function ComposerForm({
  initial,
  now,
  headingId,
  focusOnOpen,
  onClosed,
}: {
  initial: Loaded;
  now: () => Date;
  headingId: string;
  focusOnOpen: boolean;
  onClosed(): void;
}) {
  const { context, templates, target } = initial;
  const { recipient } = context;
  const recipientName = fullName(recipient);
  const values = useMemo(() => mergeValues(context), [context]);
  const store = useThanksStore.getState();

  const noteIdRef = useRef(initial.noteId);
  const [noteId, setNoteId] = useState(initial.noteId);
  const [text, setText] = useState(initial.text);
  const [field, setField] = useState<string>(mergeFields[0].name);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirming, setConfirming] = useState<'send' | 'discard' | null>(null);
  const [sentAt, setSentAt] = useState(initial.sentAt);
  const [status, setStatus] = useState<string | null>(
    initial.restored
      ? 'Your last changes to this note were not saved when you left; they are shown again and saved now.'
      : null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [clock, setClock] = useState(() => now());
  const bodyRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const focusSent = useRef(false);
  const caret = useRef<number | null>(null);
  const openId = useId();
  const checksId = useId();

  const autosave = useAutosave<NoteText>({
    key: initial.key,
    save: async (value) => {
      const id = noteIdRef.current;
      const note = await store.save({
        ...(id ? { id } : {}),
        purpose: target.purpose,
        contactId: target.contactId,
        aboutContactId: target.aboutContactId,
        meetingId: target.meetingId,
        templateId: value.templateId === '' ? null : value.templateId,
        subject: value.subject,
        body: value.body,
      });
      noteIdRef.current = note.id;
      setNoteId(note.id);
    },
  });
  const closer = useSafeClose(autosave, () => {
    useThanksStore.getState().closeComposer();
    onClosed();
  });

  // Text given back after a failed save is saved again at once.
  const { change } = autosave;
  useEffect(() => {
    if (initial.restored) change(initial.text);
  }, [change, initial]);

  useEffect(() => {
    if (focusOnOpen) document.getElementById(headingId)?.focus();
  }, [focusOnOpen, headingId]);

  // The due indicator counts down while the page is open.
  useEffect(() => {
    const timer = window.setInterval(() => setClock(now()), 60_000);
    return () => window.clearInterval(timer);
  }, [now]);

  useLayoutEffect(() => {
    if (caret.current === null || !bodyRef.current) return;
    bodyRef.current.focus();
    bodyRef.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text.body]);

  // "Mark as sent" is gone once the note is sent: focus goes to the line that says when.
  useEffect(() => {
    if (sentAt && focusSent.current) {
      focusSent.current = false;
      sentRef.current?.focus();
    }
  }, [sentAt]);

  const edit = (patch: Partial<NoteText>) => {
    const next = { ...text, ...patch };
    setText(next);
    change(next);
  };

  const { subject, body, templateId } = text;
  const open = useMemo(() => {
    const seen = new Set<string>();
    return [...openTokens(subject), ...openTokens(body)].filter((token) => {
      if (seen.has(token.name)) return false;
      seen.add(token.name);
      return true;
    });
  }, [subject, body]);
  const blocked = open.length > 0;
  const checks = useMemo(
    // What was learned is in the takeaways and the advice: naming either counts.
    () =>
      checkThankYou({
        body,
        takeaways: [context.meeting?.takeaways ?? '', context.meeting?.advice ?? '']
          .filter((part) => part.trim() !== '')
          .join('\n'),
      }),
    [body, context.meeting],
  );
  // The countdown is for a thank-you after a held meeting only (main gives dueAt only then).
  const due =
    !sentAt && target.purpose === 'thank-you' && context.dueAt
      ? dueText(context.dueAt, clock)
      : null;

  const chooseTemplate = (id: string) => {
    const template = templates.find((t) => t.id === id);
    if (!template) return edit({ templateId: id });
    edit({
      templateId: id,
      subject: fillMergeFields(template.subject, values),
      body: fillMergeFields(template.body, values),
    });
  };

  const insertField = () => {
    const area = bodyRef.current;
    const token = `{{${field}}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? start;
    caret.current = start + token.length;
    edit({ body: body.slice(0, start) + token + body.slice(end) });
  };

  /** Saves now (after any autosave still running) and gives the note's id. */
  const persist = async (): Promise<string> => {
    await autosave.saveNow(text);
    return noteIdRef.current as string;
  };

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<string>, failure: string) => {
    if (busy) return;
    setBusy(kind);
    setProblem(null);
    setStatus(null);
    try {
      setStatus(await action());
    } catch (caught) {
      setProblem(`${failure} ${errorMessage(caught)}`);
    } finally {
      setBusy(null);
    }
  };

  const onSave = () =>
    run(
      'save',
      async () => {
        await persist();
        return sentAt ? 'Changes saved.' : 'Draft saved.';
      },
      'The note was not saved; your text is still here.',
    );

  const onExport = () =>
    run(
      'export',
      async () => {
        const id = await persist();
        const result = await store.exportDocx(id);
        return result
          ? `Saved the letter as ${result.path}.`
          : `Export cancelled. The note is saved${sentAt ? '' : ' as a draft'}.`;
      },
      'The Word document was not created; your text is still here.',
    );

  const emailText = () => `${subject}\n\n${body}`;
  const copy = async (value: string) => {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(value);
  };

  const onCopy = async () => {
    setProblem(null);
    try {
      await copy(emailText());
      setStatus('The subject and note were copied to your clipboard. Paste them into an e-mail.');
    } catch {
      setStatus(null);
      setProblem('The note could not be copied. Select the text and copy it yourself.');
    }
  };

  const onOpenMail = async () => {
    setProblem(null);
    const to = isValidMailAddress(recipient.email) ? recipient.email : '';
    try {
      const { url, truncated } = buildMailto({ to, subject, body });
      let said = `Opened the note to ${recipientName} in your mail app.`;
      if (truncated) {
        try {
          await copy(emailText());
          said =
            'The note was too long for the mail app; the full text was copied to your clipboard.';
        } catch {
          said =
            'The note was too long for the mail app and was shortened. Copy the full text from here.';
        }
      }
      await store.openExternal(url);
      setStatus(said);
    } catch (caught) {
      setStatus(null);
      setProblem(`Your mail app could not be opened. ${errorMessage(caught)}`);
    }
  };

  const onMarkSent = () => {
    setConfirming(null);
    void run(
      'send',
      async () => {
        const id = await persist();
        const result = await store.markSent(id);
        focusSent.current = true;
        setSentAt(result.note.sentAt);
        const names = new Map([
          [context.contact.id, fullName(context.contact)],
          [recipient.id, recipientName],
          [result.contact.id, fullName(result.contact)],
        ]);
        const said = describeEffects(result.effects, (contactId) => names.get(contactId) ?? '');
        return `Marked as sent and logged on ${fullName(result.contact)}’s timeline.${said ? ` ${said}` : ''}`;
      },
      'The note was not marked as sent.',
    );
  };

  const onDiscard = () => {
    setConfirming(null);
    void run(
      'discard',
      async () => {
        autosave.discard();
        // A save still running may be the one that created the note.
        await autosave.flush();
        const id = noteIdRef.current;
        if (id) await store.discardDraft(id);
        useThanksStore.getState().closeComposer();
        onClosed();
        return '';
      },
      'The draft was not discarded.',
    );
  };

  const blockedBy = blocked ? openId : undefined;
  const heading = noteHeading(
    target.purpose,
    recipient,
    target.purpose === 'referrer-thanks' ? context.contact : null,
  );

  return (
    <>
      <ComposerHeader id={headingId} text={heading} onClose={() => void closer.request()} />
      <div className="thanks-composer">
        <div className="thanks-composer-top">
          {due ? (
            <p className={`thanks-due${due.overdue ? ' thanks-due-overdue' : ''}`}>
              <strong>{due.text}</strong>
              <span className="muted"> · send a thank-you within 24 hours of the meeting</span>
            </p>
          ) : null}
          {sentAt ? (
            <p className="thanks-sent muted" ref={sentRef} tabIndex={-1}>
              Sent on {longDate(sentAt)}.
            </p>
          ) : null}
        </div>
        <div className="composer-grid">
          <div className="composer-form">
            <TemplatePicker
              purpose={target.purpose}
              templates={templates}
              value={templateId}
              onChange={chooseTemplate}
            />
            <TextField label="Subject" value={subject} onChange={(v) => edit({ subject: v })} />
            <TextField
              label="Note"
              value={body}
              onChange={(v) => edit({ body: v })}
              multiline
              rows={14}
              inputRef={bodyRef}
            />
            <div className="thanks-insert">
              <SelectField
                label="Merge field"
                value={field}
                onChange={setField}
                options={mergeFields.map((f) => ({ value: f.name, label: f.label }))}
              />
              <button type="button" className="button" onClick={insertField}>
                Insert field
              </button>
            </div>
          </div>
          <aside className="composer-checks" aria-labelledby={checksId}>
            <h3 id={checksId} className="composer-checks-title">
              Checks
            </h3>
            <ul className="checks">
              {checks.map((check) => (
                <CheckRow key={check.id} check={check} />
              ))}
            </ul>
          </aside>
        </div>

        {blocked ? (
          <div className="thanks-open" id={openId}>
            <p className="thanks-open-title">Fill in before exporting:</p>
            <ul aria-label="Fill in before exporting">
              {open.map((token) => {
                const label = tokenLabel(token.name);
                return (
                  <li key={token.name}>
                    {label
                      ? `${label} ({{${token.name}}} is empty)`
                      : `{{${token.name}}} is not a field Rapport knows; replace it with your own words`}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}

        <AutosaveError status={autosave.status} onRetry={() => void autosave.flush()} />
        {problem ? (
          <ErrorMessage>
            <p>{problem}</p>
          </ErrorMessage>
        ) : null}
        <StatusMessage>{status}</StatusMessage>

        <div className="button-row thanks-actions">
          <button
            type="button"
            className="button"
            onClick={() => void onSave()}
            disabled={busy !== null}
            aria-busy={busy === 'save' || undefined}
          >
            {sentAt ? 'Save changes' : 'Save draft'}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void onExport()}
            disabled={blocked || busy !== null}
            aria-describedby={blockedBy}
            aria-busy={busy === 'export' || undefined}
          >
            Export as Word document…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void onCopy()}
            disabled={blocked}
            aria-describedby={blockedBy}
          >
            Copy as e-mail text
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void onOpenMail()}
            disabled={blocked}
            aria-describedby={blockedBy}
          >
            Open in mail app
          </button>
          {sentAt ? null : (
            <button
              type="button"
              className="button"
              onClick={() => setConfirming('send')}
              disabled={blocked || busy !== null}
              aria-describedby={blockedBy}
              aria-busy={busy === 'send' || undefined}
            >
              Mark as sent
            </button>
          )}
          {sentAt || noteId === null ? null : (
            <button
              type="button"
              className="button button-danger thanks-discard"
              onClick={() => setConfirming('discard')}
              disabled={busy !== null}
              aria-busy={busy === 'discard' || undefined}
            >
              Discard draft
            </button>
          )}
          <AutosaveLine status={autosave.status} className="thanks-autosave" />
        </div>

        {confirming === 'send' ? (
          <ConfirmDialog
            title="Mark this note as sent?"
            confirmLabel="Mark as sent"
            onConfirm={onMarkSent}
            onCancel={() => setConfirming(null)}
          >
            <p>{sendingText(context, target.purpose)}</p>
          </ConfirmDialog>
        ) : null}
        {confirming === 'discard' ? (
          <ConfirmDialog
            title="Discard this draft?"
            confirmLabel="Discard draft"
            cancelLabel="Keep draft"
            onConfirm={onDiscard}
            onCancel={() => setConfirming(null)}
          >
            <p>
              The draft {heading.charAt(0).toLowerCase() + heading.slice(1)} is deleted. This cannot
              be undone.
            </p>
          </ConfirmDialog>
        ) : null}
        {closer.asking ? (
          <UnsavedChangesDialog
            status={autosave.status}
            onKeepEditing={closer.keepEditing}
            onDiscard={closer.discardAndClose}
          />
        ) : null}
      </div>
    </>
  );
}
