/**
 * Merge fields for thank-you and report-back notes: `{{firstName}}` style tokens replaced from a
 * context. A field with no value is left in the text as its token, so the composer can show it
 * inline and export can refuse until the user fills it in: a letter never goes out with braces.
 *
 * Whose fields: `firstName`, `fullName`, `company` and `position` are always the person met (for
 * a referrer thank-you, the person the referrer introduced); `referrerName` and
 * `referrerFirstName` are the person who made the introduction (for a referrer thank-you, the
 * recipient). `mergeValuesFor` (thank-you-templates.ts) is the one place that fills them.
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
  { name: 'referrerFirstName', label: 'First name of who referred you' },
  { name: 'whatIDid', label: 'What you did with the advice' },
  { name: 'whatHappened', label: 'What happened since' },
  { name: 'myName', label: 'My name' },
  { name: 'mySignature', label: 'My signature' },
] as const;

export type MergeFieldName = (typeof mergeFields)[number]['name'];
export type MergeValues = Partial<Record<MergeFieldName, string>>;

/**
 * Fields only the user can fill: what they did with the advice and what came of it. Nothing in
 * the meeting records says so, so they never get a value and stay open until the user writes
 * them; a report-back cannot claim what the user did not write.
 */
export const writeInFields: readonly MergeFieldName[] = Object.freeze(['whatIDid', 'whatHappened']);

const TOKEN = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g;
/** A token with the closing quotes and the single full stop that may follow it. */
const TOKEN_AND_STOP = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}([”’"')]*)(\.(?!\.))?/g;

export const isMergeField = (name: string): name is MergeFieldName =>
  mergeFields.some((field) => field.name === name);

/**
 * Replaces every known field that has a value; unknown or empty ones stay as tokens. A value that
 * ends a sentence itself ("Is SQL enough?") takes the place of the template's full stop after the
 * token, so `“{{takeaway}}.”` never reads `“Is SQL enough?.”`.
 */
export function fillMergeFields(template: string, values: MergeValues): string {
  return template.replace(TOKEN_AND_STOP, (whole, name: string, closers: string, stop?: string) => {
    const value = isMergeField(name) ? values[name]?.trim() : undefined;
    if (!value) return whole;
    const ended = /[.?!…]$/.test(value);
    return `${value}${closers}${stop && !ended ? stop : ''}`;
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
