import { isValidMailAddress } from '../../shared/domain/mailto.js';
import { UserFacingError } from '../../shared/result.js';

/** What the user reads when a link is refused (the renderer shows it as is). */
export const EXTERNAL_URL_REFUSED =
  'Rapport did not open this link: it opens only web (http, https) and e-mail (mailto) links.';

/**
 * C0 controls and DEL. The URL parser silently drops tabs and line breaks, so
 * `https://example.com\r\n--flag` would open a different address than the one shown (and a raw
 * line break is how an argument is smuggled to the OS's URL handler): such a string is refused
 * outright instead of being "repaired".
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** encodeURIComponent leaves ! ' ( ) * alone, which RFC 6068 allows; spaces become %20. */
const encode = (text: string) => encodeURIComponent(text);

/** The same encoding as shared/domain/mailto.ts, so a link it built comes back unchanged. */
function encodeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${encode(address.slice(0, at))}@${encode(address.slice(at + 1))}`;
}

/** "a@x.org, b@y.org" into addresses; null when one of them is not a plain address. */
function addressesOf(text: string): string[] | null {
  const addresses = text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  return addresses.every(isValidMailAddress) ? addresses : null;
}

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * Rebuilds a mailto: link from the parts a mail app should get from Rapport: recipients (`to`,
 * also as a header), `cc`, one subject and one body. Every other header is dropped: `attach`
 * (some mail apps attach a local file named by the link), `bcc` (a hidden recipient the user
 * never sees in Rapport), `from`, `in-reply-to` and the rest. Null when a recipient is not a
 * plain e-mail address or the encoding is broken.
 */
function rebuildMailto(url: URL): string | null {
  const path = decode(url.pathname);
  if (path === null) return null;
  const to = addressesOf(path);
  if (to === null) return null;
  const cc: string[] = [];
  let subject: string | undefined;
  let body: string | undefined;
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    if (name === null || value === null) return null;
    const header = name.toLowerCase();
    if (header === 'to' || header === 'cc') {
      const addresses = addressesOf(value);
      if (addresses === null) return null;
      (header === 'to' ? to : cc).push(...addresses);
    } else if (header === 'subject') {
      // A line break in a subject would start a new mail header in some mail apps.
      subject ??= value.replace(/[\r\n]+/g, ' ');
    } else if (header === 'body') {
      body ??= value;
    }
  }
  const query = [
    ...(cc.length > 0 ? [`cc=${cc.map(encodeAddress).join(',')}`] : []),
    ...(subject ? [`subject=${encode(subject)}`] : []),
    ...(body ? [`body=${encode(body)}`] : []),
  ];
  return `mailto:${to.map(encodeAddress).join(',')}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/**
 * The only links that may leave the app, in the form the OS should get: the parsed URL's own
 * `href` for http and https (`http:\\evil\x` becomes `http://evil/x`, spaces are trimmed), a
 * mailto: rebuilt from its allowed parts, and null for everything else (file:, javascript:,
 * custom schemes, control characters, anything that does not parse). Callers pass the result,
 * never the string they were given, to `shell.openExternal`.
 */
export function normalizeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || CONTROL_CHARACTERS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (url.protocol === 'mailto:') return rebuildMailto(url);
  return null;
}

/** For callers that only ask; anything that opens a link uses normalizeExternalUrl's answer. */
export function isAllowedExternalUrl(raw: string): boolean {
  return normalizeExternalUrl(raw) !== null;
}

/** normalizeExternalUrl, or the UserFacingError the renderer shows when the link is refused. */
export function externalHrefOrThrow(raw: unknown): string {
  const href = normalizeExternalUrl(raw);
  if (href === null) throw new UserFacingError('forbidden', EXTERNAL_URL_REFUSED);
  return href;
}
