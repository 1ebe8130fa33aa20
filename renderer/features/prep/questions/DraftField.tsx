import { useState } from 'react';

interface DraftFieldProps {
  value: string;
  onChange(value: string): void;
  label: string;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  describedBy?: string;
  rows?: number;
  maxLength?: number;
  disabled?: boolean;
}

/**
 * An input that keeps what the user types while it has focus. The page autosaves and main trims
 * text, so a saved copy coming back as props could otherwise swallow a trailing space mid-word;
 * outside focus the field shows the props as they are.
 */
export function DraftField({
  value,
  onChange,
  label,
  multiline,
  className = 'input',
  placeholder,
  describedBy,
  rows = 2,
  maxLength,
  disabled,
}: DraftFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const common = {
    'aria-label': label,
    'aria-describedby': describedBy,
    className,
    // Hebrew or Arabic questions and answers are laid out right to left as they are typed.
    dir: 'auto',
    value: shown,
    placeholder,
    maxLength,
    disabled,
    onFocus: () => setDraft(value),
    onBlur: () => setDraft(null),
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      onChange(event.target.value);
    },
  };
  return multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />;
}
