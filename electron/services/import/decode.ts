import { UserFacingError } from '../../../shared/result.js';

/** Limits a contact file must stay within; beyond them nothing is parsed and nothing changes. */
export const importLimits = {
  /** A LinkedIn export of 30,000 connections is ~4 MB; 20 MB leaves room without risking memory. */
  maxBytes: 20 * 1024 * 1024,
  /** Rows (CSV) or cards (vCard): more is not a contact list a person keeps by hand. */
  maxRecords: 50_000,
} as const;

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

const binaryMessage = (what?: string) =>
  `This looks like a binary file${what === undefined ? '' : ` (${what})`}, not a CSV or vCard. ` +
  'Nothing was imported. Choose the .csv or .vcf file itself.';

/**
 * Turns the bytes of a user-chosen file into text, or explains in one sentence why it cannot.
 * Accepted: UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM (what Excel's "Unicode text"
 * writes). Anything else that is not valid UTF-8 is refused rather than guessed: a wrong guess
 * (Windows-1252 vs. Latin-2 vs. Mac Roman) would silently corrupt names, which is worse than
 * asking the user to re-save the file.
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length > importLimits.maxBytes) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new UserFacingError(
      'invalid-file',
      `This file is ${mb} MB; Rapport imports contact files up to 20 MB. Nothing was imported. ` +
        'Split the file into smaller ones and import them one by one.',
    );
  }
  if (bytes.length === 0) {
    throw new UserFacingError('invalid-file', 'This file is empty. Nothing was imported.');
  }
  for (const entry of magic) {
    if (startsWith(bytes, entry.bytes))
      throw new UserFacingError('invalid-file', binaryMessage(entry.what));
  }
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = decodeStrict('utf-16le', bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = decodeStrict('utf-16be', bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw new UserFacingError('invalid-file', binaryMessage());
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    text = decodeStrict('utf-8', body);
  }
  if (text.includes('\u0000')) throw new UserFacingError('invalid-file', binaryMessage());
  if (text.trim() === '') {
    throw new UserFacingError('invalid-file', 'This file is empty. Nothing was imported.');
  }
  return text;
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserFacingError(
      'invalid-file',
      encoding === 'utf-8'
        ? 'This file is not in UTF-8, the text encoding Rapport reads. Nothing was imported. ' +
            'Open it in a spreadsheet or text editor and save it as "CSV UTF-8" (or a vCard in UTF-8), then import it again.'
        : 'This file says it is UTF-16 text but part of it is not. Nothing was imported. ' +
            'Save it again as "CSV UTF-8" and import that file.',
    );
  }
}

/** Throws the row-limit message; shared by the CSV and vCard readers. */
export function tooManyRecords(count: number, what: 'rows' | 'cards'): never {
  throw new UserFacingError(
    'invalid-file',
    `This file has ${count.toLocaleString('en-US')} ${what}; Rapport imports up to 50,000 at a time. ` +
      'Nothing was imported. Split the file and import the parts one by one.',
  );
}

/** Lets the event loop breathe during long loops, so progress events reach the window. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
