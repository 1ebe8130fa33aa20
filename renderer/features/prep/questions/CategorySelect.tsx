import type { QuestionCategory } from '../../../../shared/schema/entities.js';
import { CATEGORY_LABELS, CATEGORY_ORDER } from '../../../../shared/domain/questions.js';

interface CategorySelectProps {
  label: string;
  value: QuestionCategory;
  onChange(category: QuestionCategory): void;
}

/** The category picker, in the order the prep sheet prints them. */
export function CategorySelect({ label, value, onChange }: CategorySelectProps) {
  return (
    <select
      aria-label={label}
      className="input questions-category"
      value={value}
      onChange={(event) => onChange(event.target.value as QuestionCategory)}
    >
      {CATEGORY_ORDER.map((category) => (
        <option key={category} value={category}>
          {CATEGORY_LABELS[category]}
        </option>
      ))}
    </select>
  );
}
