import { fullName } from '../../../shared/domain/names.js';
/**
 * Default file names for the documents a meeting produces. The names are offered in native save
 * dialogs and written into the print folder, so they must be legal on Windows, macOS and Linux
 * alike: a name typed on one machine may be synced to another.
 */

/** Windows refuses these as file names, with or without an extension (`CON.docx` too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Characters illegal in a file name on at least one OS, plus every control character. */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;

/** Bidirectional overrides could make `exe.docx` look like `xcod.exe` in a file manager. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

export const MAX_FILE_NAME_LENGTH = 150;

/**
 * Makes `name` (including its extension) safe on every OS: illegal characters become spaces,
 * runs of spaces collapse, trailing dots and spaces go (Windows drops them silently), reserved
 * device names get a leading underscore, and the stem is cut (never the extension, never inside
 * a surrogate pair) so the whole name stays under `maxLength` characters.
 */
export function safeFileName(
  name: string,
  extension: string,
  maxLength = MAX_FILE_NAME_LENGTH,
): string {
  const clean = (value: string) =>
    value.normalize('NFC').replace(ILLEGAL, ' ').replace(BIDI, '').replace(/\s+/g, ' ').trim();
  const ext = clean(extension)
    .replace(/^\.+/, '')
    .replace(/[\s.]+/g, '');
  const suffix = ext === '' ? '' : `.${ext}`;
  let stem = clean(name).replace(/[. ]+$/, '');
  const room = Math.max(1, maxLength - suffix.length);
  if ([...stem].length > room) {
    stem = [...stem]
      .slice(0, room)
      .join('')
      .replace(/[. ]+$/, '');
  }
  stem = stem.replace(/^[. ]+/, '');
  if (stem === '') stem = 'Untitled';
  if (RESERVED.test(stem) || RESERVED.test(`${stem}${suffix}`)) stem = `_${stem}`;
  return `${stem}${suffix}`;
}

/** `2026-12-03` in the process's local time zone: the day the user sees on their calendar. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface NamedContact {
  firstName: string;
  lastName: string;
  company: string;
}

/** `Prep - Maya Okafor - Northwind Health - 2026-12-03.docx` (the company is left out if empty). */
export function prepSheetFileName(contact: NamedContact, start: Date): string {
  const parts = ['Prep', fullName(contact), contact.company, localDate(start)];
  return safeFileName(joinParts(parts), 'docx');
}

/** `Packet - Maya Okafor - 2026-12-03.pdf`. */
export function packetFileName(contact: NamedContact, start: Date): string {
  return safeFileName(joinParts(['Packet', fullName(contact), localDate(start)]), 'pdf');
}

/** `Meeting - Maya Okafor - 2026-12-03.ics`. */
export function calendarFileName(contact: NamedContact, start: Date): string {
  return safeFileName(joinParts(['Meeting', fullName(contact), localDate(start)]), 'ics');
}

/** A very long name or company must not push the date out of the capped name. */
const PART_LENGTH = 60;

/** Cleans and caps each part first, so a name made only of illegal characters leaves no empty ` -  - `. */
function joinParts(parts: string[]): string {
  return parts
    .map((part) =>
      [...part.replace(ILLEGAL, ' ').replace(/\s+/g, ' ').trim()]
        .slice(0, PART_LENGTH)
        .join('')
        .trim(),
    )
    .filter((part) => part !== '')
    .join(' - ');
}
