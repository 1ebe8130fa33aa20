import { useId, type Ref } from 'react';

interface BaseProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** Shown under the field, linked with aria-describedby, and marks the field invalid. */
  error?: string | null | undefined;
  /** Help shown above the input and read with it. */
  hint?: string;
  disabled?: boolean;
  name?: string;
}

interface TextFieldProps extends BaseProps {
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  min?: number;
  max?: number;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  /** Visually narrow input for short values such as minutes. */
  narrow?: boolean;
}

function describedBy(hintId: string | null, errorId: string | null) {
  const ids = [errorId, hintId].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A labelled input or textarea with its hint and inline error message. */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  disabled,
  name,
  type = 'text',
  multiline,
  rows = 3,
  autoComplete,
  inputMode,
  min,
  max,
  inputRef,
  narrow,
}: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const common = {
    id,
    name,
    value,
    disabled,
    onBlur,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy(hintId, errorId),
    className: `input${narrow ? ' input-narrow' : ''}${error ? ' input-invalid' : ''}`,
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          {...common}
          dir="auto"
          ref={inputRef}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          dir={type === 'number' ? undefined : 'auto'}
          ref={inputRef}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <p className="field-error" id={errorId ?? undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps extends BaseProps {
  options: readonly { value: string; label: string }[];
  inputRef?: Ref<HTMLSelectElement>;
}

/** A labelled native select with the same hint and error pattern as TextField. */
export function SelectField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  disabled,
  name,
  options,
  inputRef,
}: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        ref={inputRef}
        value={value}
        disabled={disabled}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        className={`input input-select${error ? ' input-invalid' : ''}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={errorId ?? undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A check box with its label beside it and a hint under it, read with it. */
export function CheckboxField({
  label,
  name,
  checked,
  hint,
  onChange,
}: {
  label: string;
  name: string;
  checked: boolean;
  hint: string;
  onChange(checked: boolean): void;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <label className="check-row">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="field-label">{label}</span>
      </label>
      <p className="field-hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}
