import { UserFacingError } from '../../../shared/result.js';
import { SourceKind } from '../../../shared/schema/entities.js';
import { linkedinKey } from '../../../shared/domain/contact-keys.js';
import { breathe, importLimits, NOTHING_CHANGED, tooManyRecords } from './decode.js';
import {
  buildDraft,
  FIELD_SCAN_MAX,
  normaliseLinkedIn,
  splitTags,
  where,
  type Draft,
  type ParsedFile,
  type RawFields,
} from './draft.js';

/** One content line of a card: `group.NAME;PARAM=a,b:value`, with its raw (still escaped) value. */
export interface VcardProperty {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** A card as the file gave it, numbered from 1 in file order. */
export interface VcardCard {
  number: number;
  properties: VcardProperty[];
  /** True when the file ended (or the next card began) before END:VCARD. */
  unterminated: boolean;
}

/**
 * The name and parameters of a content line must end (at its colon) within this many characters;
 * only this part is ever matched against a pattern. Values may be as long as the file.
 */
const HEAD_MAX = 4_096;

/** Properties the importer reads; the rest (PHOTO, SOUND, KEY...) is dropped while splitting. */
const wanted = new Set([
  'N',
  'FN',
  'ORG',
  'TITLE',
  'EMAIL',
  'TEL',
  'URL',
  'X-SOCIALPROFILE',
  'ADR',
  'CATEGORIES',
  'NOTE',
  'X-RAPPORT-INDUSTRY',
  'X-RAPPORT-SOURCE',
]);

/** The part of a line before its first colon, at most HEAD_MAX characters. */
const headOf = (line: string) => {
  const colon = line.indexOf(':');
  return colon < 0 || colon > HEAD_MAX ? line.slice(0, HEAD_MAX) : line.slice(0, colon);
};

const isQuotedPrintableHead = (head: string) =>
  /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/.test(head.toUpperCase());

const isBlankStart = (code: number) => code === 0x20 || code === 0x09;

/**
 * Physical lines -> logical lines, calling `each` for every logical line in order: a line starting
 * with a space or tab continues the previous one (RFC 6350 folding), and in quoted-printable values
 * a trailing `=` is a soft line break (vCard 2.1). The pieces of a logical line are collected and
 * joined once, so a photo folded over 20,000 lines costs one pass, not 20,000 copies of itself.
 */
function eachLogicalLine(text: string, each: (line: string) => void): void {
  let pieces: string[] = [];
  /** Whether the current logical line is quoted-printable (known once its head is complete). */
  let quotedPrintable = false;
  let headDone = false;
  let headLength = 0;
  const flush = () => {
    if (pieces.length === 0) return;
    each(pieces.length === 1 ? (pieces[0] as string) : pieces.join(''));
    pieces = [];
  };
  const lastChar = () => {
    for (let index = pieces.length - 1; index >= 0; index -= 1) {
      const piece = pieces[index] as string;
      if (piece !== '') return piece.charCodeAt(piece.length - 1);
    }
    return -1;
  };
  const noteHead = (piece: string) => {
    if (headDone) return;
    const colon = piece.indexOf(':');
    headLength += colon < 0 ? piece.length : colon;
    if (colon >= 0 || headLength > HEAD_MAX) {
      headDone = true;
      quotedPrintable = isQuotedPrintableHead(headOf(pieces.join('')));
    }
  };
  let softBreak = false;
  const take = (line: string) => {
    if (softBreak && pieces.length > 0) {
      // Drop the `=` that ended the line so far; a leading blank here is folding, not text.
      let back = pieces.length - 1;
      while (back > 0 && pieces[back] === '') back -= 1;
      pieces[back] = (pieces[back] as string).slice(0, -1);
      const piece = isBlankStart(line.charCodeAt(0)) ? line.slice(1) : line;
      pieces.push(piece);
      noteHead(piece);
    } else if (pieces.length > 0 && isBlankStart(line.charCodeAt(0))) {
      const piece = line.slice(1);
      pieces.push(piece);
      noteHead(piece);
    } else {
      flush();
      pieces.push(line);
      headDone = false;
      headLength = 0;
      quotedPrintable = false;
      noteHead(line);
    }
    if (!headDone) quotedPrintable = isQuotedPrintableHead(headOf(pieces.join('')));
    softBreak = quotedPrintable && lastChar() === 0x3d; /* = */
  };
  // Physical lines end at CRLF, LF or CR; a final line break leaves an empty last line.
  let start = 0;
  for (;;) {
    let end = start;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 0x0a || code === 0x0d) break;
      end += 1;
    }
    take(text.slice(start, end));
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  flush();
}

/** Physical lines -> logical lines (see `eachLogicalLine`). */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  eachLogicalLine(text, (line) => lines.push(line));
  return lines;
}

/** Splits `a;b\;c` on unescaped separators, keeping escapes for `unescapeText`. */
export function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  const code = separator.charCodeAt(0);
  let start = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value.charCodeAt(index);
    if (char === 0x5c /* \ */) index += 1;
    else if (char === code) {
      parts.push(value.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/**
 * `\n` -> newline, `\,` -> `,`, `\;` -> `;`, `\\` -> `\`; anything else keeps its backslash.
 * A plain scan (no pattern), so a huge value costs one pass.
 */
export function unescapeText(value: string): string {
  let slash = value.indexOf('\\');
  if (slash < 0) return value;
  const out: string[] = [];
  let start = 0;
  while (slash >= 0 && slash < value.length - 1) {
    const next = value.charAt(slash + 1);
    if (
      next === 'n' ||
      next === 'N' ||
      next === ',' ||
      next === ';' ||
      next === ':' ||
      next === '\\'
    ) {
      out.push(value.slice(start, slash), next === 'n' || next === 'N' ? '\n' : next);
      start = slash + 2;
      slash = value.indexOf('\\', start);
    } else {
      slash = value.indexOf('\\', slash + 1);
    }
  }
  out.push(value.slice(start));
  return out.join('');
}

/** Parses `NAME;PARAMS:value`; returns null for a line that is not a property. */
export function parseContentLine(line: string): VcardProperty | null {
  let inQuotes = false;
  let colon = -1;
  const limit = Math.min(line.length, HEAD_MAX + 1);
  for (let index = 0; index < limit; index += 1) {
    const char = line.charCodeAt(index);
    if (char === 0x22 /* " */) inQuotes = !inQuotes;
    else if (char === 0x3a /* : */ && !inQuotes) {
      colon = index;
      break;
    }
  }
  if (colon <= 0) return null;
  const head = line.slice(0, colon);
  const parts = head.split(';');
  let name = (parts[0] ?? '').trim().toUpperCase();
  const dot = name.lastIndexOf('.');
  if (dot >= 0) name = name.slice(dot + 1);
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  for (const param of parts.slice(1)) {
    const eq = param.indexOf('=');
    // vCard 2.1 bare parameters: `TEL;CELL`, `NOTE;QUOTED-PRINTABLE`.
    const key = (
      eq < 0
        ? /^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT|B)$/i.test(param)
          ? 'ENCODING'
          : 'TYPE'
        : param.slice(0, eq)
    )
      .trim()
      .toUpperCase();
    const raw = eq < 0 ? param : param.slice(eq + 1);
    const values = raw.split(',').map((value) => value.trim().replace(/^"|"$/g, ''));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: line.slice(colon + 1) };
}

const charsetDecoder = (charset: string | undefined) => {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
};

const hexValue = (code: number) =>
  code >= 0x30 && code <= 0x39
    ? code - 0x30
    : code >= 0x41 && code <= 0x46
      ? code - 0x37
      : code >= 0x61 && code <= 0x66
        ? code - 0x57
        : -1;

const utf8 = new TextEncoder();

/** Decodes `=C3=A9` sequences to bytes, then to text in the property's CHARSET (UTF-8 default). */
export function decodeQuotedPrintable(value: string, charset?: string): string {
  const bytes = new Uint8Array(value.length * 3);
  let size = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value.charCodeAt(index);
    if (char === 0x3d /* = */) {
      const high = hexValue(value.charCodeAt(index + 1));
      const low = hexValue(value.charCodeAt(index + 2));
      if (high >= 0 && low >= 0) {
        bytes[size++] = high * 16 + low;
        index += 2;
        continue;
      }
      if (index === value.length - 1) continue; // a soft break left at the very end
    }
    if (char < 0x80) bytes[size++] = char;
    else {
      // Raw non-ASCII text (not valid quoted-printable, but seen): keep it as its UTF-8 bytes.
      const width = char >= 0xd800 && char <= 0xdbff ? 2 : 1;
      size += utf8.encodeInto(value.slice(index, index + width), bytes.subarray(size)).written;
      index += width - 1;
    }
  }
  return charsetDecoder(charset).decode(bytes.subarray(0, size));
}

/** The property's value as text: quoted-printable decoded; escapes are left for the caller. */
function rawValue(property: VcardProperty): string {
  const encoding = (property.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') {
    return decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0]);
  }
  return property.value;
}

const isBinary = (property: VcardProperty) => {
  const encoding = (property.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  return encoding === 'BASE64' || encoding === 'B';
};

/** BEGIN:VCARD / END:VCARD in any case, with blanks around; long lines are never either. */
const keyword = (line: string) => (line.length > 40 ? '' : line.trim().toUpperCase());

/** Splits a vCard file into cards; text outside BEGIN/END is ignored. */
export function splitCards(text: string): VcardCard[] {
  const cards: VcardCard[] = [];
  let current: VcardCard | null = null;
  let extra = 0;
  eachLogicalLine(text, (line) => {
    const upper = keyword(line);
    if (upper === 'BEGIN:VCARD') {
      if (current !== null) {
        current.unterminated = true;
        cards.push(current);
        current = null;
      }
      if (cards.length >= importLimits.maxRecords) {
        extra += 1;
        return;
      }
      current = { number: cards.length + 1, properties: [], unterminated: false };
      return;
    }
    if (current === null) return;
    if (upper === 'END:VCARD') {
      cards.push(current);
      current = null;
      return;
    }
    const property = parseContentLine(line);
    if (property !== null && wanted.has(property.name) && !isBinary(property))
      current.properties.push(property);
  });
  const last = current as VcardCard | null;
  if (last !== null) {
    last.unterminated = true;
    cards.push(last);
  }
  if (extra > 0) tooManyRecords(cards.length + extra, 'cards');
  return cards;
}

const first = (card: VcardCard, name: string) => card.properties.find((p) => p.name === name);
const all = (card: VcardCard, name: string) => card.properties.filter((p) => p.name === name);

const preferredFirst = (properties: VcardProperty[]) =>
  [...properties].sort((a, b) => Number(isPreferred(b)) - Number(isPreferred(a)));
const isPreferred = (property: VcardProperty) =>
  (property.params.get('TYPE') ?? []).some((type) => type.toUpperCase() === 'PREF') ||
  property.params.has('PREF');

/** `mailto:x` -> `x` (any case), without a pattern. */
const withoutScheme = (value: string, scheme: string) =>
  value.slice(0, scheme.length).toLowerCase() === scheme ? value.slice(scheme.length) : value;

/**
 * The raw fields of one card; the draft builder checks them. Values too long for any field are
 * passed on as they are (the builder refuses them on their length); `warn` hears about web
 * addresses too long to keep, which have no field of their own.
 */
export function cardFields(card: VcardCard, warn: (reason: string) => void = () => {}): RawFields {
  // Quoted-printable shrinks text at most 3:1, so a longer raw value is too long whatever it holds.
  const tooLong = (property: VcardProperty) => property.value.length > FIELD_SCAN_MAX * 3;
  const text = (property: VcardProperty | undefined) =>
    property === undefined
      ? ''
      : tooLong(property) && property.name !== 'NOTE'
        ? property.value
        : unescapeText(rawValue(property));
  const components = (property: VcardProperty | undefined) =>
    property === undefined
      ? []
      : splitUnescaped(tooLong(property) ? property.value : rawValue(property), ';').map((part) =>
          part.length > FIELD_SCAN_MAX
            ? part
            : unescapeText(splitUnescaped(part, ',').join(' ')).trim(),
        );
  const raw: RawFields = { notes: [], tags: [] };
  const name = components(first(card, 'N'));
  raw.lastName = name[0] ?? '';
  raw.firstName = name[1] ?? '';
  raw.fullName = text(first(card, 'FN'));
  raw.company = components(first(card, 'ORG'))[0] ?? '';
  raw.title = text(first(card, 'TITLE'));
  raw.industry = text(first(card, 'X-RAPPORT-INDUSTRY'));
  const emails = preferredFirst(all(card, 'EMAIL')).map((p) =>
    withoutScheme(text(p).trim(), 'mailto:').trim(),
  );
  raw.email = emails[0] ?? '';
  for (const other of emails.slice(1)) if (other !== '') raw.notes?.push(`Other e-mail: ${other}`);
  const phones = preferredFirst(all(card, 'TEL')).map((p) =>
    withoutScheme(text(p).trim(), 'tel:').trim(),
  );
  raw.phone = phones[0] ?? '';
  for (const other of phones.slice(1)) if (other !== '') raw.notes?.push(`Other phone: ${other}`);
  for (const property of [...all(card, 'URL'), ...all(card, 'X-SOCIALPROFILE')]) {
    const url = text(property).trim();
    if (url === '') continue;
    if (url.length > FIELD_SCAN_MAX) {
      warn(
        `a web address is longer than ${FIELD_SCAN_MAX.toLocaleString('en-US')} characters, so it was left out.`,
      );
      continue;
    }
    if (linkedinKey(url) !== null && (raw.linkedinUrl ?? '') === '')
      raw.linkedinUrl = normaliseLinkedIn(url);
    else if (property.name === 'URL') raw.notes?.push(`Web: ${url}`);
  }
  const address = components(first(card, 'ADR'));
  raw.location = [address[3], address[4], address[6]]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join(', ');
  for (const property of all(card, 'CATEGORIES')) splitTags(text(property), raw.tags);
  for (const property of all(card, 'NOTE')) raw.notes?.unshift(text(property));
  return raw;
}

/** The source Rapport wrote in X-RAPPORT-SOURCE (kind;detail), so its own export round-trips. */
function ownSource(card: VcardCard): Draft['source'] | null {
  const property = first(card, 'X-RAPPORT-SOURCE');
  if (property === undefined || property.value.length > FIELD_SCAN_MAX) return null;
  const [kind = '', detail = ''] = splitUnescaped(rawValue(property), ';').map((part) =>
    unescapeText(part).trim(),
  );
  const parsed = SourceKind.safeParse(kind);
  return parsed.success ? { kind: parsed.data, detail: detail.slice(0, 200) } : null;
}

/**
 * Reads every card of a vCard 2.1 / 3.0 / 4.0 file into drafts. A card without a usable name is
 * skipped with its number ("Card 3"); one without END:VCARD is read as far as it goes, with a
 * warning.
 */
export async function vcardDrafts(
  text: string,
  source: Draft['source'],
  progress?: (done: number, total: number) => void,
): Promise<ParsedFile> {
  const cards = splitCards(text);
  if (cards.length === 0) {
    throw new UserFacingError(
      'invalid-file',
      `No contacts were found: this file has no BEGIN:VCARD line. ${NOTHING_CHANGED} Choose a .vcf file exported from your address book.`,
    );
  }
  const parsed: ParsedFile = { records: [], skipped: [], warnings: [] };
  for (const card of cards) {
    if (card.number % 1_000 === 0) {
      progress?.(card.number, cards.length);
      await breathe();
    }
    const at = where('card', card.number);
    if (card.unterminated) {
      parsed.warnings.push({
        row: card.number,
        reason: `${at} has no END:VCARD line; it was read up to where the next card begins or the file ends.`,
      });
    }
    const fields = cardFields(card, (reason) =>
      parsed.warnings.push({ row: card.number, reason: `${at}: ${reason}` }),
    );
    const draft = buildDraft(card.number, fields, source, parsed, 'card');
    const own = ownSource(card);
    if (draft !== null && own !== null) draft.source = own;
    if (draft !== null) parsed.records.push({ row: card.number, draft });
  }
  progress?.(cards.length, cards.length);
  return parsed;
}
