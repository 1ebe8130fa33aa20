import { useId, useRef, useState, type FormEvent } from 'react';
import type { QuestionCategory } from '../../../../shared/schema/entities.js';
import { suggestOpenRewrite } from '../../../../shared/domain/questions.js';
import { WarningIcon } from '../../../components/Messages.js';
import { CategorySelect } from './CategorySelect.js';
import { flagText } from './question-helpers.js';

interface AddQuestionProps {
  /** Adds the question to the meeting and, when asked, to the bank. */
  onAdd(text: string, category: QuestionCategory, saveToBank: boolean): void;
}

/**
 * Writing a new question: checked for yes/no as it is typed, added with the button or Enter, and
 * saved to the user's bank unless they untick the box (a yes/no question only after the user
 * chooses to, see `ClosedBankPrompt`).
 */
export function AddQuestion({ onAdd }: AddQuestionProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<QuestionCategory>('other');
  const [saveToBank, setSaveToBank] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const suggestion = suggestOpenRewrite(text);
  const closed = suggestion !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write the question first.');
      input.current?.focus();
      return;
    }
    onAdd(text.trim(), category, saveToBank);
    setText('');
    setError(null);
    input.current?.focus();
  };

  const describedBy = [error ? `${id}-error` : '', closed ? `${id}-flag` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <form className="questions-add" onSubmit={submit} noValidate>
      <h3 className="questions-subheading">Add a question</h3>
      <div className="questions-add-row">
        <input
          ref={input}
          type="text"
          dir="auto"
          className={error ? 'input questions-text input-invalid' : 'input questions-text'}
          aria-label="New question"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          placeholder="What would you like to ask?"
          maxLength={1000}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
        />
        <CategorySelect
          label="Category for the new question"
          value={category}
          onChange={setCategory}
        />
        <button type="submit" className="button button-primary">
          Add question
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <WarningIcon /> {error}
        </p>
      ) : null}
      <div className="questions-flag-row">
        <p id={`${id}-flag`} className="questions-flag" role="status">
          {suggestion ? (
            <>
              <WarningIcon />
              <span>{flagText(suggestion)}</span>
            </>
          ) : null}
        </p>
        {suggestion?.kind === 'rewrite' ? (
          <button
            type="button"
            className="button button-small"
            aria-label="Use suggestion for the new question"
            onClick={() => {
              setText(suggestion.text);
              input.current?.focus();
            }}
          >
            Use suggestion
          </button>
        ) : null}
      </div>
      <label className="questions-check">
        <input
          type="checkbox"
          checked={saveToBank}
          onChange={(event) => setSaveToBank(event.target.checked)}
        />
        Save to my question bank
      </label>
    </form>
  );
}
