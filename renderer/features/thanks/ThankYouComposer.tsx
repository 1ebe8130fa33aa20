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
import type { Template } from '../../../shared/schema/entities.js';
import type { MergeContext } from '../../../shared/schema/thanks.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { useThanksStore, type ComposeTarget } from '../../stores/thanks-store.js';
import { fullName } from '../pipeline/labels.js';
import { describeEffects } from '../../effects.js';
import { checkThankYou, dueText } from './checks.js';

interface ComposerProps {
  target: ComposeTarget;
  now: () => Date;
}

interface Loaded {
  context: MergeContext;
  templates: Template[];
  noteId: string | null;
  templateId: string;
  subject: string;
  body: string;
  sentAt: string | null;
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

function defaultTemplate(templates: Template[]): Template | undefined {
  return templates.find((t) => t.purpose === 'thank-you' && t.builtIn) ?? templates[0];
}

/** Container: loads the context, templates and (when reopening) the note, then shows the form. */
export function ThankYouComposer({ target, now }: ComposerProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const store = useThanksStore.getState();
    void (async () => {
      try {
        const [context, all, note] = await Promise.all([
          store.context(target),
          store.templates(),
          target.noteId ? store.get(target.noteId) : Promise.resolve(null),
        ]);
        const templates = noteTemplates(all);
        const values = mergeValues(context);
        const chosen = note
          ? templates.find((t) => t.id === note.templateId)
          : defaultTemplate(templates);
        if (!live) return;
        setLoaded({
          context,
          templates,
          noteId: note?.id ?? null,
          templateId: chosen?.id ?? '',
          subject: note ? note.subject : fillMergeFields(chosen?.subject ?? '', values),
          body: note ? note.body : fillMergeFields(chosen?.body ?? '', values),
          sentAt: note?.sentAt ?? null,
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

  if (error) {
    return (
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
    );
  }
  if (!loaded) return <Loading label="Opening the note…" />;
  return <ComposerForm initial={loaded} target={target} now={now} />;
}

const tokenLabel = (name: string) => mergeFields.find((f) => f.name === name)?.label;

type Busy = 'save' | 'export' | 'send' | null;

/** The form itself: template, subject, note, merge-field picker, checks and every output. */
function ComposerForm({
  initial,
  target,
  now,
}: {
  initial: Loaded;
  target: ComposeTarget;
  now: () => Date;
}) {
  const { context, templates } = initial;
  const { contact } = context;
  const name = fullName(contact);
  const values = useMemo(() => mergeValues(context), [context]);
  const store = useThanksStore.getState();

  const [noteId, setNoteId] = useState(initial.noteId);
  const [templateId, setTemplateId] = useState(initial.templateId);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [field, setField] = useState<string>(mergeFields[0].name);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirming, setConfirming] = useState(false);
  const [sentAt, setSentAt] = useState(initial.sentAt);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [clock, setClock] = useState(() => now());
  const bodyRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const openId = useId();
  const checksId = useId();

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
  }, [body]);

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
  const due = !sentAt && context.dueAt ? dueText(context.dueAt, clock) : null;

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((t) => t.id === id);
    if (!template) return;
    setSubject(fillMergeFields(template.subject, values));
    setBody(fillMergeFields(template.body, values));
  };

  const insertField = () => {
    const area = bodyRef.current;
    const token = `{{${field}}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? start;
    caret.current = start + token.length;
    setBody(body.slice(0, start) + token + body.slice(end));
  };

  const persist = async () => {
    const note = await store.save({
      ...(noteId ? { id: noteId } : {}),
      contactId: contact.id,
      meetingId: target.meetingId,
      templateId: templateId === '' ? null : templateId,
      subject,
      body,
    });
    setNoteId(note.id);
    return note;
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
        return 'Draft saved.';
      },
      'The draft was not saved; your text is still here.',
    );

  const onExport = () =>
    run(
      'export',
      async () => {
        const note = await persist();
        const result = await store.exportDocx(note.id);
        return result
          ? `Saved the letter as ${result.path}.`
          : 'Export cancelled. The note is saved as a draft.';
      },
      'The Word document was not created; your text is still here.',
    );

  const emailText = () => `${subject}\n\n${body}`;
  const copy = async (text: string) => {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
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
    const to = isValidMailAddress(contact.email) ? contact.email : '';
    try {
      const { url, truncated } = buildMailto({ to, subject, body });
      let note = `Opened the note to ${name} in your mail app.`;
      if (truncated) {
        try {
          await copy(emailText());
          note =
            'The note was too long for the mail app; the full text was copied to your clipboard.';
        } catch {
          note =
            'The note was too long for the mail app and was shortened. Copy the full text from here.';
        }
      }
      await store.openExternal(url);
      setStatus(note);
    } catch (caught) {
      setStatus(null);
      setProblem(`Your mail app could not be opened. ${errorMessage(caught)}`);
    }
  };

  const onMarkSent = () => {
    setConfirming(false);
    void run(
      'send',
      async () => {
        const note = await persist();
        const result = await store.markSent(note.id);
        setSentAt(result.note.sentAt);
        const said = describeEffects(result.effects, () => fullName(result.contact));
        return `Marked as sent.${said ? ` ${said}` : ''}`;
      },
      'The note was not marked as sent.',
    );
  };

  const blockedBy = blocked ? openId : undefined;

  return (
    <div className="thanks-composer">
      <div className="thanks-composer-top">
        {due ? (
          <p className={`thanks-due${due.overdue ? ' thanks-due-overdue' : ''}`}>
            <strong>{due.text}</strong>
            <span className="muted"> · send a thank-you within 24 hours of the meeting</span>
          </p>
        ) : null}
        {sentAt ? <p className="thanks-sent muted">Sent on {longDate(sentAt)}.</p> : null}
      </div>
      <div className="composer-grid">
        <div className="composer-form">
          <SelectField
            label="Template"
            value={templateId}
            onChange={chooseTemplate}
            hint="Choosing a template replaces the subject and the note."
            options={[
              ...(templateId === '' ? [{ value: '', label: 'No template' }] : []),
              ...templates.map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
          <TextField label="Subject" value={subject} onChange={setSubject} />
          <TextField
            label="Note"
            value={body}
            onChange={setBody}
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
          Save draft
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
        <button
          type="button"
          className="button"
          onClick={() => setConfirming(true)}
          disabled={blocked || busy !== null}
          aria-describedby={blockedBy}
          aria-busy={busy === 'send' || undefined}
        >
          Mark as sent
        </button>
      </div>

      {confirming ? (
        <ConfirmDialog
          title="Mark this note as sent?"
          confirmLabel="Mark as sent"
          onConfirm={onMarkSent}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Rapport saves the note, moves {name} to Thanked, clears the thank-you reminder and sets
            a reminder to report back on what you did with the advice.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
