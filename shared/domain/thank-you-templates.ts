import type { Meeting, Template } from '../schema/entities.js';
import type { MergeContext } from '../schema/thanks.js';
import type { MergeValues } from './merge-fields.js';
import { fullName, listOfNames } from './names.js';

/**
 * The templates every user starts with. They live in code, not in the store, so an update can
 * improve their wording and the ids stay stable for notes that name the template they came from.
 * Each names something specific from the meeting (`{{takeaway}}`, `{{advice}}`), because a note
 * that does is the one the other person remembers. A takeaway or advice is quoted as the user
 * wrote it (“Hospitals hire analysts who know SQL.”), so a line from the notes reads as a quote,
 * capital letter and all, not as a clause spliced into the sentence.
 *
 * They claim nothing the notes do not say: the report-back leaves what the user did and what
 * happened to `{{whatIDid}}` and `{{whatHappened}}`, which stay open (and block export) until the
 * user writes them.
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
      'Thank you for telling me about your work at {{company}} when we met on {{meetingDate}}. One point from our conversation has stayed with me: “{{takeaway}}.”',
      '',
      'Your advice was just as helpful: “{{advice}}.” I will let you know how I get on with it.',
      '',
      'Thank you again for your time and generosity.',
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
      'When we met on {{meetingDate}}, you gave me this advice: “{{advice}}.” I wanted to tell you what I did with it.',
      '',
      '{{whatIDid}}',
      '',
      '{{whatHappened}}',
      '',
      'Thank you again for your time and your advice. I would be glad to keep you posted.',
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
      'Dear {{referrerFirstName}},',
      '',
      'Thank you for introducing me to {{fullName}} at {{company}}. We met on {{meetingDate}}, and I am grateful for the conversation.',
      '',
      'One point that has stayed with me: “{{takeaway}}.” I would not have heard it without your introduction.',
      '',
      'Thank you for making the connection.',
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

/** A list marker at the start of a line of notes: "- ", "* ", "• ", "1. ", "2) ". */
const LIST_MARKER = /^\s*(?:[-*•]|\d+[.)])\s*/;

/**
 * The first non-empty line without a list marker, a pair of quotes around it or a closing full
 * stop: one takeaway reads naturally in a sentence of the template (which adds its own full stop
 * and quotes), a whole list does not. A closing "?" or "!" stays; `fillMergeFields` then drops
 * the template's full stop.
 */
const firstLine = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(LIST_MARKER, '')
        .trim()
        .replace(/^["“'‘](.*)["”'’]$/u, '$1')
        .replace(/[\s.;,:]+$/, '')
        .trim(),
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
 * The names suggested in the meeting, one per line or separated by semicolons (as the notes field
 * asks), list markers removed. A line with commas is kept whole: "Lee Park, Director of IT" is one
 * person, not two.
 */
const suggestedNames = (text: string) =>
  text.split(/\r?\n|;/).map((name) => name.replace(LIST_MARKER, '').trim());

/**
 * The values merge fields are filled with, from `thanks:context`: the one place that maps a
 * context to values. Missing data stays empty, so `fillMergeFields` leaves the token for the
 * composer to show and the user to fill in; the write-in fields (`whatIDid`, `whatHappened`)
 * never get a value.
 *
 * Whose name goes where: `firstName`, `fullName`, `company` and `position` come from `contact`,
 * the person met, for every purpose; `referrerName` and `referrerFirstName` come from the person
 * who made the introduction, which for a referrer thank-you is the recipient (so its salutation
 * uses `{{referrerFirstName}}` and it talks about the person met by `{{fullName}}`).
 */
export function mergeValuesFor(context: MergeContext, locale?: string): MergeValues {
  const { contact, meeting } = context;
  const referrer = context.purpose === 'referrer-thanks' ? context.recipient : context.referrer;
  return {
    firstName: contact.firstName.trim(),
    fullName: fullName(contact),
    company: contact.company.trim(),
    position: contact.title.trim(),
    meetingDate: meetingDate(meeting, locale),
    takeaway: firstLine(meeting?.takeaways ?? ''),
    advice: firstLine(meeting?.advice ?? ''),
    namesSuggested: listOfNames(suggestedNames(meeting?.namesSuggested ?? '')),
    referrerName: referrer === null ? '' : fullName(referrer),
    referrerFirstName: referrer === null ? '' : referrer.firstName.trim(),
    myName: context.myName,
    mySignature: context.mySignature.trim() === '' ? context.myName : context.mySignature,
  };
}
