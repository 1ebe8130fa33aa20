import { useId } from 'react';
import { timeBudget } from '../../../../shared/domain/questions.js';
import { WarningIcon } from '../../../components/Messages.js';
import type { Question } from './question-helpers.js';

interface TimeBudgetMeterProps {
  questions: readonly Question[];
  meetingMinutes: number;
}

/**
 * Estimated minutes against the time a meeting leaves for questions (its length minus the
 * minutes kept for introductions and the close). The bar fills up to that time; over it, the bar
 * turns to the warning colour and the sentence says by how much and what to do.
 */
export function TimeBudgetMeter({ questions, meetingMinutes }: TimeBudgetMeterProps) {
  const id = useId();
  const budget = timeBudget(questions, meetingMinutes);
  const over = budget.over > 0;
  const room = budget.questionMinutes;
  const percent = room > 0 ? Math.min(100, (budget.estimate / room) * 100) : 100;
  return (
    <div className={over ? 'questions-budget questions-budget-over' : 'questions-budget'}>
      <div className="questions-budget-head">
        <span id={`${id}-label`} className="questions-budget-label">
          Time budget
        </span>
        <span className="questions-budget-text" aria-hidden="true">
          {over ? <WarningIcon /> : null}
          {budget.message}
        </span>
      </div>
      <div
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={Math.max(room, budget.estimate)}
        aria-valuenow={budget.estimate}
        aria-valuetext={budget.message}
        className="questions-budget-track"
      >
        <div className="questions-budget-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="visually-hidden" role="status">
        {over ? budget.message : ''}
      </p>
    </div>
  );
}
