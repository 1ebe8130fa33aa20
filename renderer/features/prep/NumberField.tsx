import { useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Called only with whole numbers within [min, max]; anything else shows an error instead. */
  onCommit(value: number): void;
  hint?: string;
  disabled?: boolean;
  unit?: string;
}

/**
 * A whole-number input that keeps what the user types (even "" or "1e") on screen and passes on
 * only valid numbers, so an autosave never sends something main would refuse.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  onCommit,
  hint,
  disabled,
  unit,
}: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);

  if (value !== seen) {
    // Changed from outside (e.g. the meeting was reloaded): show the new value.
    setSeen(value);
    if (Number(text) !== value) setText(String(value));
  }

  const change = (next: string) => {
    setText(next);
    const n = Number(next);
    if (next.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setError(`Enter a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}.`);
      return;
    }
    setError(null);
    setSeen(n);
    onCommit(n);
  };

  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className={`input input-narrow${error ? ' input-invalid' : ''}`}
        min={min}
        max={max}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => change(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
