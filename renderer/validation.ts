import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

/**
 * Plain sentences for zod's built-in messages. The shared schemas' own messages win (zod ranks a
 * schema's message above this per-parse map), so the form says exactly what main would say
 * wherever the schema has words, and something readable where it does not.
 */
function friendly(issue: Issue): string | undefined {
  const { code } = issue;
  if (code === 'too_small' && issue.origin === 'number') return `Enter ${issue.minimum} or more.`;
  if (code === 'too_big' && issue.origin === 'number') return `Enter ${issue.maximum} or less.`;
  if (code === 'too_big' && issue.origin === 'string') {
    return `Keep this under ${issue.maximum} characters.`;
  }
  if (code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number.';
  if (code === 'invalid_type' && issue.expected === 'number') return 'Enter a number.';
  if (code === 'invalid_value') return 'Choose one of the options.';
  return undefined;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Validates one field with its schema: the message to show, or null when it is fine. */
export function fieldError(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value, { error: friendly });
  return result.success ? null : (result.error.issues[0]?.message ?? 'Check this field.');
}

/** Validates a whole form: the parsed data, or the first message per field. */
export function validateForm<S extends z.ZodObject>(
  schema: S,
  values: unknown,
):
  | { ok: true; data: z.output<S> }
  | { ok: false; errors: FieldErrors<Extract<keyof S['shape'], string>> } {
  const result = schema.safeParse(values, { error: friendly });
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && !(key in errors)) errors[key] = issue.message;
  }
  return { ok: false, errors: errors as FieldErrors<Extract<keyof S['shape'], string>> };
}

/** A number typed into a text box: the number, or NaN for empty or non-numeric text. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  return Number(trimmed);
}

/** Focuses a form control by its name: where the user goes first after a failed submit. */
export function focusField(form: HTMLFormElement, name: string): void {
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLElement) control.focus();
}
