import type { Meeting, Template } from '../schema/entities.js';
import type { MergeContext } from '../schema/thanks.js';
import type { MergeValues } from './merge-fields.js';
import { fullName } from './names.js';

/**
 * The templates every user starts with. They live in code, not in the store, so an update can
 * improve their wording and the ids stay stable for notes that name the template they came from.
 * Each names something specific from the meeting (`{{takeaway}}`, `{{advice}}`), because a note
 * that does is the one the other person remembers.
 */
export const builtInTemplates: readonly Template[] = Object.freeze([
  {
    id: 'builtin-thank-you',
    name: 'Thank you after an informational interview',
    purpose: 'thank-you',
    subject: 'Thank you for your time, {{firstName}}',
    body: [
      'Dear {{firstName}},',
      '',
      'Thank you for taking the time to meet with me on {{meetingDate}}. I really appreciated hearing how you work at {{company}}, and I keep coming back to what you said: {{takeaway}}.',
      '',
      'Your advice gave me a clear next step: {{advice}}. I plan to act on it over the coming weeks and will let you know how it goes.',
      '',
      'Thank you again for your generosity and your time.',
      '',
      'Best regards,',
      '{{mySignature}}',
    ].join('\n'),
    builtIn: true,
  },
  {
    id: 'builtin-report-back',
    name: 'Report back after acting on the advice',
    purpose: 'report-back',
    subject: 'Following up on your advice, {{firstName}}',
    body: [
      'Dear {{firstName}},',
      '',
      'When we met on {{meetingDate}}, you gave me this advice: {{advice}}. I wanted to let you know that I followed it, and it has already made a difference.',
      '',
      'What stayed with me most from our conversation: {{takeaway}}. I also reached out to {{namesSuggested}}, as you recommended.',
      '',
      'Thank you again for pointing me in the right direction. I would be glad to keep you posted on how things develop.',
      '',
      'Warm regards,',
      '{{mySignature}}',
    ].join('\n'),
    builtIn: true,
  },
  {
    id: 'builtin-referrer-thanks',
    name: 'Thanks to the person who referred you',
    purpose: 'referrer-thanks',
    subject: 'Thank you for introducing me to {{fullName}}',
    body: [
      'Dear {{referrerName}},',
      '',
      'Thank you for introducing me to {{fullName}} at {{company}}. We met on {{meetingDate}}, and the conversation was even more helpful than I had hoped.',
      '',
      'One thing I learned: {{takeaway}}. I am grateful you made the connection possible.',
      '',
      'With thanks,',
      '{{mySignature}}',
    ].join('\n'),
    builtIn: true,
  },
] satisfies Template[]);

/** True for the ids of built-in templates, which cannot be edited or deleted. */
export const isBuiltInTemplateId = (id: string): boolean =>
  builtInTemplates.some((template) => template.id === id);

/**
 * The first non-empty line without a list marker or closing full stop: one takeaway reads
 * naturally in a sentence of the template (which adds its own full stop), a whole list does not.
 */
const firstLine = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
        .trim()
        .replace(/[.;,:]+$/, ''),
    )
    .find((line) => line !== '') ?? '';

/** The meeting's date as the user's OS writes it, e.g. "December 3, 2026". */
const meetingDate = (meeting: Meeting | null, locale: string | undefined) =>
  meeting === null
    ? ''
    : new Date(meeting.start).toLocaleDateString(locale, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      });

/**
 * The values merge fields are filled with, from `thanks:context`. Missing data stays empty, so
 * `fillMergeFields` leaves the token for the composer to show and the user to fill in.
 */
export function mergeValuesFor(context: MergeContext, locale?: string): MergeValues {
  const { contact, meeting, referrer } = context;
  return {
    firstName: contact.firstName,
    fullName: fullName(contact),
    company: contact.company,
    position: contact.title,
    meetingDate: meetingDate(meeting, locale),
    takeaway: firstLine(meeting?.takeaways ?? ''),
    advice: firstLine(meeting?.advice ?? ''),
    namesSuggested: (meeting?.namesSuggested ?? '')
      .split(/\r?\n|;/)
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .join(', '),
    referrerName: referrer === null ? '' : fullName(referrer),
    myName: context.myName,
    mySignature: context.mySignature.trim() === '' ? context.myName : context.mySignature,
  };
}
