import { useId, useMemo, useState } from 'react';
import type { BankQuestion } from '../../../../shared/schema/entities.js';
import {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  questionMatchKey,
} from '../../../../shared/domain/questions.js';

interface BankPickerProps {
  bank: readonly BankQuestion[];
  loading: boolean;
  error: string | null;
  /** Match keys of the questions already in the meeting. */
  added: ReadonlySet<string>;
  onAdd(question: BankQuestion): void;
  onRetry(): void;
}

/** The question bank, searchable and grouped by category, with one Add button per question. */
export function BankPicker({ bank, loading, error, added, onAdd, onRetry }: BankPickerProps) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return CATEGORY_ORDER.map((category) => ({
      category,
      items: bank.filter(
        (q) =>
          q.category === category &&
          (!needle ||
            q.text.toLowerCase().includes(needle) ||
            CATEGORY_LABELS[category].toLowerCase().includes(needle)),
      ),
    })).filter((group) => group.items.length > 0);
  }, [bank, query]);

  return (
    <section className="questions-bank" aria-labelledby={headingId}>
      <h3 id={headingId} className="questions-subheading">
        Add from the bank
      </h3>
      <input
        type="search"
        className="input questions-bank-search"
        aria-label="Search the question bank"
        placeholder="Search the question bank"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {error ? (
        <p className="field-error">
          {error}{' '}
          <button type="button" className="button button-small" onClick={onRetry}>
            Try again
          </button>
        </p>
      ) : loading && bank.length === 0 ? (
        <p className="muted">Loading the question bank…</p>
      ) : groups.length === 0 ? (
        <p className="muted">
          {query.trim() ? `No bank questions match “${query.trim()}”.` : 'The bank is empty.'}
        </p>
      ) : (
        <div className="questions-bank-list">
          {groups.map(({ category, items }) => (
            <div key={category} className="questions-bank-group">
              <h4 className="questions-bank-category">{CATEGORY_LABELS[category]}</h4>
              <ul>
                {items.map((q) => {
                  const isAdded = added.has(questionMatchKey(q.text));
                  return (
                    <li key={q.id} className="questions-bank-item">
                      <span className="questions-bank-text">{q.text}</span>
                      {isAdded ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Added: ${q.text}`}
                          disabled
                        >
                          Added
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Add: ${q.text}`}
                          onClick={() => onAdd(q)}
                        >
                          Add
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
