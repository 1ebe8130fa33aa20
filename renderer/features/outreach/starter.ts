import { CONNECTION_PLACEHOLDER } from '../../../shared/domain/outreach-lint.js';
import {
  requestQuestion,
  DEFAULT_REQUEST_MINUTES,
} from '../../../shared/domain/outreach-request.js';
import { sharedConnectionDetail } from '../../../shared/domain/sources.js';
import type { Contact } from '../../../shared/schema/entities.js';

export interface StarterInput {
  contact: Pick<Contact, 'firstName' | 'company' | 'industry' | 'source'>;
  referrerName?: string;
  senderName?: string;
  /** The meeting length from Settings: the request asks for exactly this long. */
  meetingMinutes?: number;
}

/**
 * The opening sentence: the connection, in the words the contact's source gives and nothing more.
 * Where Rapport knows no real connection (an import such as "LinkedIn connection", or no detail
 * where one is needed) the placeholder stands in its place for the user to replace.
 */
function connection({ contact, referrerName }: StarterInput): string {
  const detail = sharedConnectionDetail(contact.source);
  switch (contact.source.kind) {
    case 'alumni':
      return detail
        ? `I found you through the ${detail.replace(/^the\s+/i, '')} and hoped you might not mind a note from a fellow alum.`
        : 'I found you through our alumni network and hoped you might not mind a note from a fellow alum.';
    case 'professional-org':
      return detail
        ? `We are both members of ${detail}, which is how I came across your profile.`
        : 'We are both members of the same professional organization, which is how I came across your profile.';
    case 'former-colleague':
      return detail ? `We used to work together at ${detail}.` : 'We used to work together.';
    case 'family-friends':
      return detail ? `We are connected through ${detail}.` : CONNECTION_PLACEHOLDER;
    case 'referral': {
      const who = referrerName?.trim() || detail;
      return who ? `${who} suggested I reach out to you.` : CONNECTION_PLACEHOLDER;
    }
    default:
      return detail ? `I found you through ${detail}.` : CONNECTION_PLACEHOLDER;
  }
}

/**
 * A short first e-mail that already follows the rules (connection first, about them, a question
 * at the end), for the user to make their own. It never mentions jobs and claims nothing the
 * contact's record does not say: no "mutual friend", no "I have followed your career". The
 * request asks for the meeting length from Settings.
 */
export function outreachStarter(input: StarterInput): { subject: string; body: string } {
  const { contact } = input;
  const field = contact.industry.trim() || 'your field';
  const at = contact.company.trim() ? ` at ${contact.company.trim()}` : '';
  const detail = sharedConnectionDetail(contact.source);
  let subject = `A question about your work${at}`;
  if (contact.source.kind === 'alumni') subject = detail ? `Fellow ${detail} alum` : 'Fellow alum';
  if (contact.source.kind === 'professional-org' && detail) subject = `Fellow ${detail} member`;
  if (contact.source.kind === 'referral' && input.referrerName?.trim()) {
    subject = `${input.referrerName.trim()} suggested I reach out`;
  }
  const opening = connection(input);
  const interest = `I would value your perspective on ${field} and on your work${at}.`;
  // The placeholder stands alone, so the user replaces it with a whole sentence of their own.
  const middle =
    opening === CONNECTION_PLACEHOLDER ? [opening, '', interest] : [`${opening} ${interest}`];
  return { subject, body: letter(input, middle) };
}

/** Greeting, the middle paragraphs, the request for the meeting length, and the sign-off. */
function letter(
  input: Pick<StarterInput, 'contact' | 'senderName' | 'meetingMinutes'>,
  middle: readonly string[],
): string {
  return [
    `Hi ${input.contact.firstName.trim() || 'there'},`,
    '',
    ...middle,
    '',
    requestQuestion(input.meetingMinutes ?? DEFAULT_REQUEST_MINUTES),
    '',
    'Best,',
    input.senderName?.trim() || '',
  ]
    .join('\n')
    .trimEnd();
}

/**
 * Day 7 of 3B7 with no reply: one short, friendly follow-up to the same person, as a reply to the
 * first e-mail ("Re: …"), repeating the request. Nothing about jobs, no guilt, no second
 * follow-up implied.
 */
export function followUpStarter(
  input: Pick<StarterInput, 'contact' | 'senderName' | 'meetingMinutes'> & {
    lastSubject: string;
  },
): { subject: string; body: string } {
  const { contact, lastSubject } = input;
  const subject = lastSubject.trim() === '' ? 'Following up' : `Re: ${lastSubject.trim()}`;
  const field = contact.industry.trim() || 'your field';
  const at = contact.company.trim() ? ` at ${contact.company.trim()}` : '';
  // About them, as the first e-mail was: their inbox, their perspective, their work.
  const middle = [
    `Following up on my note from last week, in case it got lost in your inbox. Your perspective on ${field} and on your work${at} would mean a lot.`,
  ];
  return { subject, body: letter(input, middle) };
}
