/**
 * mailto: links (RFC 6068) for "Open in mail app". Mail apps and the operating system cap the
 * length of a URL they accept (around 2,000 characters is the common safe size), so a long body
 * is cut at a word boundary with a note, and the caller tells the user the full text is on the
 * clipboard.
 */

export interface MailtoInput {
  /** One address, or several separated by commas; empty leaves the recipient to the mail app. */
  to: string;
  subject: string;
  body: string;
}

export interface MailtoResult {
  url: string;
  /** True when the body (or, for a huge subject, the subject) was shortened to fit. */
  truncated: boolean;
}

/** The URL length most mail apps and shells accept. */
export const MAILTO_LIMIT = 2000;

/** What ends a shortened body, so the reader of the draft knows the rest is on the clipboard. */
export const TRUNCATION_NOTE =
  '\r\n\r\n[The message was too long for the mail app. Paste the full text from the clipboard.]';

/**
 * A plain address: local part and a dotted domain, no spaces, brackets or characters a URL would
 * have to smuggle. Deliberately narrower than RFC 5322 (no quoted local parts or comments).
 */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\u00A0-\uFFFF-]+@[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\u00A0-\uFFFF-]*[A-Za-z0-9\u00A0-\uFFFF])?(?:\.[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\u00A0-\uFFFF-]*[A-Za-z0-9\u00A0-\uFFFF])?)+$/u;

/** True for an address buildMailto accepts. */
export function isValidMailAddress(address: string): boolean {
  const trimmed = address.trim();
  if (trimmed.length === 0 || trimmed.length > 320) return false;
  if (trimmed.startsWith('.') || trimmed.includes('..') || trimmed.split('@')[0]!.endsWith('.')) {
    return false;
  }
  return ADDRESS.test(trimmed);
}

/** Splits "a@x.org, b@y.org" into addresses, dropping empty pieces. */
export function splitAddresses(to: string): string[] {
  return to
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** Lone surrogates make encodeURIComponent throw; a pasted half emoji becomes U+FFFD. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Mail bodies use CRLF line ends (RFC 6068 section 5): every break becomes %0D%0A. */
const crlf = (text: string) => text.replace(/\r\n|\r|\n/g, '\r\n');

/** encodeURIComponent leaves ! ' ( ) * alone, which RFC 6068 allows in a query. */
const encode = (text: string) => encodeURIComponent(text);

function encodeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${encode(address.slice(0, at))}@${encode(address.slice(at + 1))}`;
}

function assemble(to: string, subject: string, body: string): string {
  const query: string[] = [];
  if (subject !== '') query.push(`subject=${encode(subject)}`);
  if (body !== '') query.push(`body=${encode(body)}`);
  return `mailto:${to}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** The longest prefix of `text` whose encoding fits in `budget` characters, cut at a space. */
function fitPrefix(text: string, budget: number, cutAtSpace: boolean): string {
  if (budget <= 0) return '';
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = encode(char).length;
    if (used + size > budget) break;
    used += size;
    end += char.length;
  }
  if (end >= text.length) return text;
  if (!cutAtSpace) return text.slice(0, end);
  const head = text.slice(0, end);
  const space = head.search(/\s\S*$/);
  return (space > 0 ? head.slice(0, space) : head).replace(/\s+$/, '');
}

/**
 * Builds the link. Throws a RangeError naming the address when one is not a valid e-mail
 * address (check with isValidMailAddress first to show a message instead).
 */
export function buildMailto(input: MailtoInput, limit = MAILTO_LIMIT): MailtoResult {
  const addresses = splitAddresses(input.to);
  for (const address of addresses) {
    if (!isValidMailAddress(address)) {
      throw new RangeError(`“${address}” is not an e-mail address Rapport can send to.`);
    }
  }
  const to = addresses.map(encodeAddress).join(',');
  const subject = wellFormed(input.subject.replace(/[\r\n]+/g, ' ').trim());
  const body = crlf(wellFormed(input.body));

  const full = assemble(to, subject, body);
  if (full.length <= limit) return { url: full, truncated: false };

  const note = TRUNCATION_NOTE.trimStart();
  // Keep the subject when it fits with the note; otherwise shorten it too.
  let keptSubject = subject;
  const withoutBody = assemble(to, subject, note);
  if (withoutBody.length > limit) {
    // 'x' encodes to one character, so this is the length of everything but the subject.
    const overhead = assemble(to, 'x', note).length - 1;
    keptSubject = fitPrefix(subject, limit - overhead, true);
  }
  const base = assemble(to, keptSubject, TRUNCATION_NOTE).length;
  const room = limit - base;
  const kept = fitPrefix(body, room, true);
  const shortened = kept === '' ? note : `${kept}${TRUNCATION_NOTE}`;
  return { url: assemble(to, keptSubject, shortened), truncated: true };
}
