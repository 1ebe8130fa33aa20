import type { Contact } from '../../../shared/schema/entities.js';

export interface StarterInput {
  contact: Pick<Contact, 'firstName' | 'company' | 'industry' | 'source'>;
  referrerName?: string;
  senderName?: string;
}

function connection({ contact, referrerName }: StarterInput): string {
  const detail = contact.source.detail.trim();
  switch (contact.source.kind) {
    case 'alumni':
      return detail
        ? `I found you through the ${detail.replace(/^the\s+/i, '')}, and as a fellow alum I hoped you might not mind a note from me.`
        : 'I found you through our alumni network, and as a fellow alum I hoped you might not mind a note from me.';
    case 'professional-org':
      return detail
        ? `We are both members of ${detail}, which is how I came across your profile.`
        : 'We are both members of the same professional organization, which is how I came across your profile.';
    case 'former-colleague':
      return detail
        ? `We worked together at ${detail}, and I have followed your career since.`
        : `We worked together${contact.company ? ` around ${contact.company}` : ''}, and I have followed your career since.`;
    case 'family-friends':
      return detail
        ? `${detail} suggested I reach out to you.`
        : 'A mutual friend suggested I reach out to you.';
    case 'referral':
      return `${referrerName?.trim() || detail || 'A mutual contact'} suggested I reach out to you.`;
    default:
      return detail
        ? `I found you through ${detail}.`
        : 'I came across your work and wanted to reach out.';
  }
}

/**
 * A short first e-mail that already follows the rules (connection first, about them, a question
 * at the end), for the user to make their own. Never mentions jobs.
 */
export function outreachStarter(input: StarterInput): { subject: string; body: string } {
  const { contact, senderName } = input;
  const field = contact.industry.trim() || 'your field';
  const at = contact.company.trim() ? ` at ${contact.company.trim()}` : '';
  const detail = contact.source.detail.trim();
  let subject = `A question about your work${at}`;
  if (contact.source.kind === 'alumni') subject = detail ? `Fellow ${detail} alum` : 'Fellow alum';
  if (contact.source.kind === 'professional-org' && detail) subject = `Fellow ${detail} member`;
  if (contact.source.kind === 'referral' && input.referrerName?.trim()) {
    subject = `${input.referrerName.trim()} suggested I reach out`;
  }
  const body = [
    `Hi ${contact.firstName},`,
    '',
    `${connection(input)} Your path into ${field}${at} is exactly what I am trying to understand, and your perspective would help me a lot.`,
    '',
    'Would you be open to a 20-minute call in the next few weeks to share your experience?',
    '',
    'Best,',
    senderName?.trim() || '',
  ]
    .join('\n')
    .trimEnd();
  return { subject, body };
}
