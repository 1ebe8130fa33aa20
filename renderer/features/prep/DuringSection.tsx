import { useId } from 'react';
import { CATEGORY_LABELS } from '../../../shared/domain/questions.js';
import { PrepSection } from './PrepSections.js';
import { DraftField } from './questions/DraftField.js';
import type { Question } from './questions/question-helpers.js';

/**
 * The meeting itself: each question of the list, in the order it will be asked, with its answer box
 * under it, so notes taken while listening land beside the question they answer. The questions are
 * edited under Questions; here only the answers are.
 */
export function DuringSection({
  questions,
  disabled,
  onChange,
}: {
  questions: readonly Question[];
  disabled: boolean;
  onChange(questions: Question[]): void;
}) {
  const asked = questions.filter((q) => q.text.trim() !== '');
  return (
    <PrepSection
      id="prep-during"
      title="During the meeting"
      intro="Jot down each answer under its question as you listen; it saves as you type."
    >
      {asked.length === 0 ? (
        <p className="muted">
          Add your questions under Questions; each one gets an answer box here.
        </p>
      ) : (
        <ol className="during-list">
          {questions.map((question, index) =>
            question.text.trim() === '' ? null : (
              <DuringItem
                key={question.id}
                question={question}
                n={index + 1}
                disabled={disabled}
                onAnswer={(answer) =>
                  onChange(questions.map((q) => (q.id === question.id ? { ...q, answer } : q)))
                }
              />
            ),
          )}
        </ol>
      )}
    </PrepSection>
  );
}

function DuringItem({
  question,
  n,
  disabled,
  onAnswer,
}: {
  question: Question;
  n: number;
  disabled: boolean;
  onAnswer(answer: string): void;
}) {
  const id = useId();
  return (
    <li className="during-item">
      <p className="during-question" id={`${id}-q`} dir="auto">
        <span className="during-number" aria-hidden="true">
          {n}.
        </span>{' '}
        {question.text}{' '}
        <span className="during-category">{CATEGORY_LABELS[question.category]}</span>
      </p>
      <DraftField
        label={`Answer to question ${n}`}
        className="input during-answer"
        placeholder="What they said"
        multiline
        rows={3}
        maxLength={20000}
        describedBy={`${id}-q`}
        disabled={disabled}
        value={question.answer}
        onChange={onAnswer}
      />
    </li>
  );
}
