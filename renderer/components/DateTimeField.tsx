import { useId, type Ref } from 'react';

interface DateTimeFieldProps {
  label: string;
  name: string;
  /** The value a datetime-local input holds: `YYYY-MM-DDTHH:MM`, in the user's own time zone. */
  value: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  onChange(value: string): void;
}

/**
 * A labelled date-and-time input in the user's own time zone (said in its hint), with its inline
 * error linked for screen readers; the schedule and reschedule dialogs both use it.
 */
export function DateTimeField({
  label,
  name,
  value,
  error,
  inputRef,
  onChange,
}: DateTimeFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        In your own time zone.
      </p>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="datetime-local"
        className={`input${error ? ' input-invalid' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
