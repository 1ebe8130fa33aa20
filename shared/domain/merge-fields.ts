/**
 * Merge fields for thank-you and report-back notes: `{{firstName}}` style tokens replaced from a
 * context. A field with no value is left in the text as its token, so the composer can show it
 * inline and export can refuse until the user fills it in: a letter never goes out with braces.
 */
export const mergeFields = [
  { name: 'firstName', label: 'First name' },
  { name: 'fullName', label: 'Full name' },
  { name: 'company', label: 'Company' },
  { name: 'position', label: 'Position' },
  { name: 'meetingDate', label: 'Meeting date' },
  { name: 'takeaway', label: 'A takeaway' },
  { name: 'advice', label: 'The advice' },
  { name: 'namesSuggested', label: 'Names suggested' },
  { name: 'referrerName', label: 'Who referred you' },
  { name: 'myName', label: 'My name' },
  { name: 'mySignature', label: 'My signature' },
] as const;

export type MergeFieldName = (typeof mergeFields)[number]['name'];
export type MergeValues = Partial<Record<MergeFieldName, string>>;

const TOKEN = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g;

export const isMergeField = (name: string): name is MergeFieldName =>
  mergeFields.some((field) => field.name === name);

/** Replaces every known field that has a value; unknown or empty ones stay as tokens. */
export function fillMergeFields(template: string, values: MergeValues): string {
  return template.replace(TOKEN, (token, name: string) => {
    const value = isMergeField(name) ? values[name]?.trim() : undefined;
    return value ? value : token;
  });
}

export interface OpenToken {
  name: string;
  /** Where the token is in the text (for highlighting). */
  index: number;
  length: number;
  known: boolean;
}

/** Tokens still in a text: fields without a value, or names that are not merge fields at all. */
export function openTokens(text: string): OpenToken[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    name: match[1] ?? '',
    index: match.index ?? 0,
    length: match[0].length,
    known: isMergeField(match[1] ?? ''),
  }));
}
