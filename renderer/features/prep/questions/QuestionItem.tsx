import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId } from 'react';
import { suggestOpenRewrite } from '../../../../shared/domain/questions.js';
import { WarningIcon } from '../../../components/Messages.js';
import { CategorySelect } from './CategorySelect.js';
import { DraftField } from './DraftField.js';
import { flagText, shortText, type Question } from './question-helpers.js';

interface QuestionItemProps {
  question: Question;
  index: number;
  count: number;
  onChange(question: Question): void;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}

/** The name a question goes by in buttons and announcements: its number and first words. */
export function questionName(question: Question, index: number): string {
  const words = shortText(question.text);
  return words ? `question ${index + 1}: ${words}` : `question ${index + 1}`;
}

/**
 * One question: its text (flagged while it reads as yes/no, with an open rewrite to use when a
 * grammatical one exists, otherwise a hint on how to open it), its
 * category and minutes, and reorder controls (a drag handle and Move up/Move down buttons). Its
 * answer is written under "During the meeting".
 */
export function QuestionItem({
  question,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: QuestionItemProps) {
  const n = index + 1;
  const id = useId();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: question.id });
  const suggestion = suggestOpenRewrite(question.text);
  const closed = suggestion !== null;
  const words = shortText(question.text) || `question ${n}`;
  const first = index === 0;
  const last = index === count - 1;

  return (
    <li
      ref={setNodeRef}
      className={`questions-item${isDragging ? ' questions-item-dragging' : ''}${closed ? ' questions-item-closed' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="questions-row">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="questions-handle"
          {...attributes}
          {...listeners}
          aria-label={`Drag ${questionName(question, index)}`}
        >
          <svg viewBox="0 0 12 16" aria-hidden="true" focusable="false">
            {[3, 8, 13].map((y) => (
              <g key={y}>
                <circle cx="4" cy={y} r="1.3" />
                <circle cx="8" cy={y} r="1.3" />
              </g>
            ))}
          </svg>
        </button>
        <span className="questions-number" aria-hidden="true">
          {n}.
        </span>
        <DraftField
          label={`Question ${n}`}
          className="input questions-text"
          value={question.text}
          maxLength={1000}
          describedBy={closed ? `${id}-flag` : undefined}
          onChange={(text) => onChange({ ...question, text })}
        />
      </div>
      <div className="questions-meta">
        <CategorySelect
          label={`Category for question ${n}`}
          value={question.category}
          onChange={(category) => onChange({ ...question, category })}
        />
        <label className="questions-minutes">
          <input
            type="number"
            className="input"
            min={0}
            max={60}
            step={1}
            inputMode="numeric"
            aria-label={`Minutes for question ${n}`}
            value={question.minutes > 0 ? question.minutes : ''}
            placeholder="3"
            onChange={(event) => {
              const minutes = Number(event.target.value);
              onChange({
                ...question,
                minutes: Number.isFinite(minutes) ? Math.min(60, Math.max(0, minutes)) : 0,
              });
            }}
          />
          <span aria-hidden="true">min</span>
        </label>
        <span className="questions-spacer" />
        <button
          type="button"
          className="button button-small questions-icon-button"
          aria-label={`Move up: ${words}`}
          title="Move up"
          aria-disabled={first}
          onClick={() => {
            if (!first) onMove(index, index - 1);
          }}
        >
          <Arrow up />
        </button>
        <button
          type="button"
          className="button button-small questions-icon-button"
          aria-label={`Move down: ${words}`}
          title="Move down"
          aria-disabled={last}
          onClick={() => {
            if (!last) onMove(index, index + 1);
          }}
        >
          <Arrow />
        </button>
        <button
          type="button"
          className="button button-small questions-remove"
          aria-label={`Remove question ${n}`}
          onClick={() => onRemove(index)}
        >
          Remove
        </button>
      </div>
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
            aria-label={`Use suggestion for question ${n}`}
            onClick={() => onChange({ ...question, text: suggestion.text })}
          >
            Use suggestion
          </button>
        ) : null}
      </div>
    </li>
  );
}

function Arrow({ up }: { up?: boolean }) {
  return (
    <svg className="icon icon-inline" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M8 13V3M3.5 7.5 8 3l4.5 4.5' : 'M8 3v10M3.5 8.5 8 13l4.5-4.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
