import { useEffect, useId, useState, type FormEvent } from 'react';
import { mergeFields } from '../../../shared/domain/merge-fields.js';
import { SaveTemplateInput } from '../../../shared/schema/thanks.js';
import type { Template } from '../../../shared/schema/entities.js';
import { errorMessage } from '../../api.js';
import { SelectField, TextField } from '../../components/Field.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { useThanksStore } from '../../stores/thanks-store.js';

type Purpose = Template['purpose'];
const purposes: { value: Purpose; label: string }[] = [
  { value: 'thank-you', label: 'Thank-you after a meeting' },
  { value: 'report-back', label: 'Report back on the advice' },
  { value: 'referrer-thanks', label: 'Thanks to the person who referred you' },
];

const blank = {
  id: undefined as string | undefined,
  name: '',
  purpose: 'thank-you' as Purpose,
  subject: '',
  body: '',
};

/** The user's own templates: add, edit, delete. Built-in ones are listed but not editable. */
export function TemplatesSection() {
  const headingId = useId();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [draft, setDraft] = useState(blank);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const reload = async () => {
    try {
      setTemplates(await useThanksStore.getState().templates());
    } catch (problem) {
      setError(errorMessage(problem));
    }
  };
  useEffect(() => {
    let live = true;
    useThanksStore
      .getState()
      .templates()
      .then((list) => {
        if (live) setTemplates(list);
      })
      .catch((problem: unknown) => {
        if (live) setError(errorMessage(problem));
      });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SaveTemplateInput.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the template.');
      return;
    }
    try {
      const saved = await useThanksStore.getState().saveTemplate(parsed.data);
      setError(null);
      setStatus(`Saved the template "${saved.name}".`);
      setDraft(blank);
      await reload();
    } catch (problem) {
      setError(errorMessage(problem));
    }
  };

  const remove = async (template: Template) => {
    try {
      await useThanksStore.getState().deleteTemplate(template.id);
      setStatus(`Deleted the template "${template.name}".`);
      await reload();
    } catch (problem) {
      setError(errorMessage(problem));
    }
  };

  const own = templates.filter((t) => !t.builtIn && t.purpose !== 'outreach');
  return (
    <section className="card thanks-templates" aria-labelledby={headingId}>
      <h2 id={headingId}>Your templates</h2>
      <p className="muted">
        Fields you can use: {mergeFields.map((field) => `{{${field.name}}}`).join(', ')}.
      </p>
      {own.length === 0 ? (
        <p className="muted">You have no templates of your own yet.</p>
      ) : (
        <ul className="plain-list">
          {own.map((template) => (
            <li key={template.id} className="thanks-template-row">
              <span>{template.name}</span>
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  setDraft({
                    id: template.id,
                    name: template.name,
                    purpose: template.purpose,
                    subject: template.subject,
                    body: template.body,
                  })
                }
              >
                Edit {template.name}
              </button>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => void remove(template)}
              >
                Delete {template.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="Template name"
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
        />
        <SelectField
          label="Used for"
          value={draft.purpose}
          onChange={(purpose) => setDraft({ ...draft, purpose: purpose as Purpose })}
          options={purposes}
        />
        <TextField
          label="Template subject"
          value={draft.subject}
          onChange={(subject) => setDraft({ ...draft, subject })}
        />
        <TextField
          label="Template text"
          multiline
          value={draft.body}
          onChange={(body) => setDraft({ ...draft, body })}
        />
        {error ? (
          <ErrorMessage>
            <p>{error}</p>
          </ErrorMessage>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {draft.id ? 'Save changes' : 'Add template'}
          </button>
          {draft.id ? (
            <button type="button" className="button" onClick={() => setDraft(blank)}>
              Stop editing
            </button>
          ) : null}
          <StatusMessage>{status}</StatusMessage>
        </div>
      </form>
    </section>
  );
}
