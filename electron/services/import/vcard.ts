import { UserFacingError } from '../../../shared/result.js';
import { SourceKind } from '../../../shared/schema/entities.js';
import type { ImportRowIssue } from '../../../shared/schema/pipeline.js';
import { linkedinKey } from '../../../shared/domain/contact-keys.js';
import { breathe, importLimits, tooManyRecords } from './decode.js';
import {
  buildDraft,
  normaliseLinkedIn,
  splitTags,
  type Draft,
  type DraftRecord,
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

const isQuotedPrintable = (line: string) => {
  const colon = line.indexOf(':');
  const head = (colon < 0 ? line : line.slice(0, colon)).toUpperCase();
  return /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/.test(head);
};

/**
 * Physical lines -> logical lines: a line starting with a space or tab continues the previous one
 * (RFC 6350 folding), and in quoted-printable values a trailing `=` is a soft line break (2.1).
 */
export function unfoldLines(text: string): string[] {
  const physical = text.split(/\r\n|\n|\r/);
  const lines: string[] = [];
  let softBreak = false;
  for (const line of physical) {
    const last = lines.length - 1;
    if (softBreak && last >= 0) {
      lines[last] = (lines[last] as string).slice(0, -1) + line.replace(/^[ \t]/, '');
    } else if ((line.startsWith(' ') || line.startsWith('\t')) && last >= 0) {
      lines[last] = (lines[last] as string) + line.slice(1);
    } else {
      lines.push(line);
    }
    const current = lines[lines.length - 1] ?? '';
    softBreak = current.endsWith('=') && isQuotedPrintable(current);
  }
  return lines;
}

/** Splits `a;b\;c` on unescaped separators, keeping escapes for `unescapeText`. */
export function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index] as string;
    if (char === '\\' && index + 1 < value.length) {
      current += char + (value[index + 1] as string);
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** `\n` -> newline, `\,` -> `,`, `\;` -> `;`, `\\` -> `\`; anything else keeps its backslash. */
export const unescapeText = (value: string) =>
  value.replace(/\\([nN,;:\\])/g, (_, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );

/** Parses `NAME;PARAMS:value`; returns null for a line that is not a property. */
export function parseContentLine(line: string): VcardProperty | null {
  let inQuotes = false;
  let colon = -1;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ':' && !inQuotes) {
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

/** Decodes `=C3=A9` sequences to bytes, then to text in the property's CHARSET (UTF-8 default). */
export function decodeQuotedPrintable(value: string, charset?: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const char = value.charCodeAt(index);
    if (char === 0x3d /* = */) {
      const hex = value.slice(index + 1, index + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        index += 2;
        continue;
      }
      if (index === value.length - 1) continue; // a soft break left at the very end
    }
    if (char < 0x80) bytes.push(char);
    else for (const byte of new TextEncoder().encode(value[index])) bytes.push(byte);
  }
  return charsetDecoder(charset).decode(new Uint8Array(bytes));
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

/** Splits a vCard file into cards; text outside BEGIN/END is ignored. */
export function splitCards(text: string): VcardCard[] {
  const cards: VcardCard[] = [];
  let current: VcardCard | null = null;
  for (const line of unfoldLines(text)) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (current !== null) {
        current.unterminated = true;
        cards.push(current);
      }
      if (cards.length >= importLimits.maxRecords) tooManyRecords(countCards(text), 'cards');
      current = { number: cards.length + 1, properties: [], unterminated: false };
      continue;
    }
    if (current === null) continue;
    if (upper === 'END:VCARD') {
      cards.push(current);
      current = null;
      continue;
    }
    const property = parseContentLine(line);
    if (property !== null && !isBinary(property)) current.properties.push(property);
  }
  if (current !== null) {
    current.unterminated = true;
    cards.push(current);
  }
  return cards;
}

const countCards = (text: string) => (text.match(/^BEGIN:VCARD\s*$/gim) ?? []).length;

const first = (card: VcardCard, name: string) => card.properties.find((p) => p.name === name);
const all = (card: VcardCard, name: string) => card.properties.filter((p) => p.name === name);

const preferredFirst = (properties: VcardProperty[]) =>
  [...properties].sort((a, b) => Number(isPreferred(b)) - Number(isPreferred(a)));
const isPreferred = (property: VcardProperty) =>
  (property.params.get('TYPE') ?? []).some((type) => type.toUpperCase() === 'PREF') ||
  property.params.has('PREF');

/** The raw fields of one card; the draft builder checks them. */
export function cardFields(card: VcardCard): RawFields {
  const text = (property: VcardProperty | undefined) =>
    property === undefined ? '' : unescapeText(rawValue(property));
  const components = (property: VcardProperty | undefined) =>
    property === undefined
      ? []
      : splitUnescaped(rawValue(property), ';').map((part) =>
          unescapeText(splitUnescaped(part, ',').join(' ')).trim(),
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
    text(p)
      .replace(/^mailto:/i, '')
      .trim(),
  );
  raw.email = emails[0] ?? '';
  for (const other of emails.slice(1)) if (other !== '') raw.notes?.push(`Other e-mail: ${other}`);
  const phones = preferredFirst(all(card, 'TEL')).map((p) => text(p).replace(/^tel:/i, '').trim());
  raw.phone = phones[0] ?? '';
  for (const other of phones.slice(1)) if (other !== '') raw.notes?.push(`Other phone: ${other}`);
  for (const property of [...all(card, 'URL'), ...all(card, 'X-SOCIALPROFILE')]) {
    const url = text(property).trim();
    if (url === '') continue;
    if (linkedinKey(url) !== null && (raw.linkedinUrl ?? '') === '')
      raw.linkedinUrl = normaliseLinkedIn(url);
    else if (property.name === 'URL') raw.notes?.push(`Web: ${url}`);
  }
  const address = components(first(card, 'ADR'));
  raw.location = [address[3], address[4], address[6]]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join(', ');
  for (const property of all(card, 'CATEGORIES')) raw.tags?.push(...splitTags(text(property)));
  for (const property of all(card, 'NOTE')) raw.notes?.unshift(text(property));
  return raw;
}

/** The source Rapport wrote in X-RAPPORT-SOURCE (kind;detail), so its own export round-trips. */
function ownSource(card: VcardCard): Draft['source'] | null {
  const property = first(card, 'X-RAPPORT-SOURCE');
  if (property === undefined) return null;
  const [kind = '', detail = ''] = splitUnescaped(rawValue(property), ';').map((part) =>
    unescapeText(part).trim(),
  );
  const parsed = SourceKind.safeParse(kind);
  return parsed.success ? { kind: parsed.data, detail: detail.slice(0, 200) } : null;
}

/**
 * Reads every card of a vCard 2.1 / 3.0 / 4.0 file into drafts. A card without a usable name is
 * refused with its number; one without END:VCARD is read as far as it goes, with a note.
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
      'No contacts were found: this file has no BEGIN:VCARD line. Nothing was imported. Choose a .vcf file exported from your address book.',
    );
  }
  const records: DraftRecord[] = [];
  const issues: ImportRowIssue[] = [];
  let rejected = 0;
  for (const card of cards) {
    if (card.number % 1_000 === 0) {
      progress?.(card.number, cards.length);
      await breathe();
    }
    if (card.unterminated) {
      issues.push({
        row: card.number,
        reason:
          'This card has no END:VCARD line; it was read up to where the next card begins or the file ends.',
      });
    }
    const draft = buildDraft(card.number, cardFields(card), source, issues, 'card');
    const own = ownSource(card);
    if (draft !== null && own !== null) draft.source = own;
    if (draft === null) rejected += 1;
    else records.push({ row: card.number, draft });
  }
  progress?.(cards.length, cards.length);
  return { records, issues, rejected };
}
