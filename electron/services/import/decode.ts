import { IMPORT_MAX_BYTES } from '../../../shared/domain/dropped-files.js';
import { UserFacingError } from '../../../shared/result.js';
import type { ImportEncoding, ImportEncodingInfo } from '../../../shared/schema/pipeline.js';

/** Limits a contact file must stay within; beyond them nothing is parsed and nothing changes. */
export const importLimits = {
  /** A LinkedIn export of 30,000 connections is ~4 MB; 20 MB leaves room without risking memory. */
  maxBytes: IMPORT_MAX_BYTES,
  /** Rows (CSV) or cards (vCard): more is not a contact list a person keeps by hand. */
  maxRecords: 50_000,
  /**
   * Columns of a CSV: Google and Outlook exports have 30 to 90. Hundreds mean a wrong delimiter,
   * a broken quote, or not a contact list; the mapping screen could not show them anyway.
   */
  maxColumns: 200,
} as const;

/** Every refusal of a file says this, exactly once: the user's data was not touched. */
export const NOTHING_CHANGED = 'Nothing was changed.';

const magic: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an Excel/Word file)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'an image or media file' },
  { bytes: [0x42, 0x4d], what: 'an image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (e.g. .xls)' },
  { bytes: [0x1f, 0x8b], what: 'a compressed archive' },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

const refuse = (message: string): never => {
  throw new UserFacingError('invalid-file', message);
};

const binaryMessage = (what?: string) =>
  `This looks like a binary file${what === undefined ? '' : ` (${what})`}, not a CSV or vCard. ` +
  `${NOTHING_CHANGED} Choose the .csv or .vcf file itself.`;

/** The file is larger than an import may be (checked again here for bytes handed in directly). */
export function tooBigMessage(size: number): string {
  return (
    `This file is ${(size / 1024 / 1024).toFixed(1)} MB; Rapport imports contact files up to 20 MB. ` +
    `${NOTHING_CHANGED} Split the file into smaller ones and import them one by one.`
  );
}

/** The file's text, and how it was read. */
export interface DecodedFile {
  text: string;
  encoding: ImportEncodingInfo;
}

const WINDOWS_1252_NOTE =
  'This file is not in UTF-8, so Rapport read it as Windows-1252, the encoding Excel uses for “CSV” files in Western Europe and the Americas. ' +
  'Check the names below before you import; if letters look wrong, choose another encoding.';

/**
 * Turns the bytes of a user-chosen file into text, or explains in one sentence why it cannot.
 * UTF-8 (with or without a BOM) and UTF-16 with a BOM are read as they are. A file that is not
 * valid UTF-8 (what Excel writes in Europe as "CSV") is read as Windows-1252 and the preview says
 * so and offers the choice (UTF-8, Windows-1252, ISO-8859-1), so the user sees the names decoded
 * before anything is saved. `choice` is that choice; null detects. Binary files are refused.
 */
export function decodeImportFile(
  bytes: Uint8Array,
  choice: ImportEncoding | null = null,
): DecodedFile {
  if (bytes.length > importLimits.maxBytes) refuse(tooBigMessage(bytes.length));
  if (bytes.length === 0) refuse(`This file is empty. ${NOTHING_CHANGED}`);
  for (const entry of magic) {
    if (startsWith(bytes, entry.bytes)) refuse(binaryMessage(entry.what));
  }
  let decoded: DecodedFile;
  if (startsWith(bytes, [0xff, 0xfe])) decoded = utf16('utf-16le', bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = utf16('utf-16be', bytes.subarray(2));
  else {
    if (bytes.includes(0)) refuse(binaryMessage());
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    decoded = eightBit(body, choice);
  }
  if (decoded.text.includes('\u0000')) refuse(binaryMessage());
  if (decoded.text.trim() === '') refuse(`This file is empty. ${NOTHING_CHANGED}`);
  return decoded;
}

/** The text of a file, detecting the encoding (for tests and callers that need no choice). */
export function decodeImportBytes(bytes: Uint8Array): string {
  return decodeImportFile(bytes).text;
}

function utf16(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodedFile {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: { used: encoding, choosable: false, note: null } };
  } catch {
    return refuse(
      `This file says it is UTF-16 text but part of it is not. ${NOTHING_CHANGED} ` +
        'Save it again as "CSV UTF-8" and import that file.',
    );
  }
}

/**
 * Bytes below 0x20 other than tab, line breaks, form feed and the old end-of-file mark, in the
 * first 64 KB: text in any 8-bit encoding has almost none, a binary file has many.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (
      (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 26) ||
      byte === 0x7f
    )
      controls += 1;
  }
  return controls > sample.length / 100;
}

/** Windows-1252 bytes 0x80-0x9F (where it differs from ISO-8859-1), as UTF-16 code units. */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Windows-1252 by table. Node's own TextDecoder('windows-1252') (20.x) decodes 0x80-0x9F as
 * ISO-8859-1 control characters, which would turn "Œuvre" into "uvre" and lose € and curly quotes.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] as number;
    units[index] = byte >= 0x80 && byte <= 0x9f ? (CP1252_80_9F[byte - 0x80] as number) : byte;
  }
  return new TextDecoder('utf-16le').decode(units);
}

function eightBit(body: Uint8Array, choice: ImportEncoding | null): DecodedFile {
  let valid = true;
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    valid = false;
  }
  if (valid && (choice === null || choice === 'utf-8')) {
    return { text, encoding: { used: 'utf-8', choosable: false, note: null } };
  }
  if (!valid && looksBinary(body)) refuse(binaryMessage());
  const used = choice ?? 'windows-1252';
  if (used === 'utf-8') {
    // The user chose UTF-8 for a file that is not: show it, with the unreadable bytes marked.
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    let unreadable = 0;
    for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1))
      unreadable += 1;
    return {
      text,
      encoding: {
        used,
        choosable: true,
        note:
          `This file is not valid UTF-8: ${unreadable.toLocaleString('en-US')} ${unreadable === 1 ? 'character' : 'characters'} could not be read and show as “\uFFFD”. ` +
          'Choose Windows-1252 or ISO-8859-1 if names look wrong.',
      },
    };
  }
  // WHATWG TextDecoder reads "iso-8859-1" as Windows-1252; Node's latin1 is the real ISO-8859-1.
  text =
    used === 'windows-1252'
      ? decodeWindows1252(body)
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  const name = used === 'windows-1252' ? 'Windows-1252' : 'ISO-8859-1 (Latin-1)';
  return {
    text,
    encoding: {
      used,
      choosable: true,
      note: valid
        ? `This file is valid UTF-8, but it was read as ${name} as you chose. Choose UTF-8 if letters look wrong.`
        : used === 'windows-1252'
          ? WINDOWS_1252_NOTE
          : `This file is not in UTF-8; it was read as ${name} as you chose. Check the names below before you import; if letters look wrong, choose another encoding.`,
    },
  };
}

/** Throws the row-limit message; shared by the CSV and vCard readers. */
export function tooManyRecords(count: number, what: 'rows' | 'cards'): never {
  throw new UserFacingError(
    'invalid-file',
    `This file has ${count.toLocaleString('en-US')} ${what}; Rapport imports up to 50,000 at a time. ` +
      `${NOTHING_CHANGED} Split the file and import the parts one by one.`,
  );
}

/** Lets the event loop breathe during long loops, so progress events reach the window. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a stopped import says (the renderer shows nothing for it: the user asked for it). */
export const cancelledError = () =>
  new UserFacingError('cancelled', `The import was cancelled. ${NOTHING_CHANGED}`);
