import { rtlParagraph, rtlRun } from './bidi.js';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { mergeFields, openTokens } from '../../../shared/domain/merge-fields.js';
import { UserFacingError } from '../../../shared/result.js';
import type { Contact, ThankYouNote } from '../../../shared/schema/entities.js';
import type { PaperSize, Profile } from '../../../shared/schema/settings.js';
import type { Clock, Dialogs, Storage } from '../types.js';
import { writeFileAtomic } from '../atomic-file.js';
import { localDate, safeFileName } from './file-names.js';
import { cleanDocText, PAGE } from './docx-page.js';
import { contactName, processLocale } from './meeting-context.js';

/** One inch on every side: the usual business-letter margin, and inside any printer's reach. */
const MARGIN = 1_440;
/** A blank line of 11 pt text, in twentieths of a point. */
const LINE = 276;

/** Everything the letter shows; the caller reads it from the dataset so this stays pure. */
export interface ThankYouLetterInput {
  body: string;
  contact: Pick<Contact, 'firstName' | 'lastName' | 'title' | 'company'>;
  profile: Profile;
  paperSize: PaperSize;
  /** The date printed on the letter (the day it is exported). */
  date: Date;
  /** BCP 47 locale for the long date; an unknown one falls back to the process's. */
  locale: string;
}

const clean = cleanDocText;

const lines = (value: string) =>
  clean(value)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A body that opens with its own greeting keeps it instead of getting a second "Dear …,". */
const GREETING = /^(dear|hi|hello|hey|good (morning|afternoon|evening))\b.{0,120}[,:!]$/i;

/** A body that ends with its own sign-off keeps it instead of getting a second "Kind regards,". */
const CLOSING =
  /^(kind|best|warm|warmest|warm(est)? best)? ?(regards|wishes)|^(sincerely|yours( sincerely| truly| faithfully)?|best|cheers|thanks( again| so much)?|thank you( again)?|many thanks|with (thanks|gratitude|appreciation)|gratefully|all the best|respectfully)\b/i;
const isClosing = (line: string) => line.length <= 60 && /,$/.test(line) && CLOSING.test(line);

interface LetterParts {
  salutation: string;
  paragraphs: string[][];
  closing: string;
  signature: string[];
}

/** Splits the body into paragraphs (blank lines) of lines (single newlines), greeting and sign-off. */
function letterParts(input: ThankYouLetterInput): LetterParts {
  const paragraphs = clean(input.body)
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((block) => block.length > 0);

  const firstName = input.contact.firstName.trim();
  let salutation = `Dear ${firstName || contactName(input.contact)},`;
  const opening = paragraphs[0]?.[0];
  if (opening !== undefined && GREETING.test(opening)) {
    salutation = opening;
    paragraphs[0]?.shift();
    if (paragraphs[0]?.length === 0) paragraphs.shift();
  }

  let closing = 'Kind regards,';
  let signature = lines(input.profile.signature);
  if (signature.length === 0) signature = lines(input.profile.name);
  const last = paragraphs.at(-1);
  // The sign-off may share the last paragraph ("Kind regards,\nJordan") or stand alone.
  const at = last?.findIndex(isClosing) ?? -1;
  if (last !== undefined && at !== -1 && last.length - at <= 8) {
    closing = last[at] as string;
    const own = last.slice(at + 1);
    if (own.length > 0) signature = own;
    last.splice(at);
    if (last.length === 0) paragraphs.pop();
  }
  return { salutation, paragraphs, closing, signature };
}

function longDate(date: Date, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(date);
  }
}

/** Lines in one paragraph joined by line breaks, so a block stays one unit in Word. */
const block = (texts: string[], style: string, options: { bold?: boolean } = {}) =>
  new Paragraph({
    style,
    // A Hebrew or Arabic paragraph is laid out right to left, each line in its own direction.
    ...rtlParagraph(texts[0] ?? ''),
    children: texts.map(
      (text, index) =>
        new TextRun({
          text,
          break: index === 0 ? 0 : 1,
          ...rtlRun(text),
          ...(options.bold && index === 0 ? { bold: true } : {}),
        }),
    ),
  });

/**
 * The thank-you note as a business letter (.docx, block format): sender block, date, recipient
 * block, salutation, body, closing and signature. Parts with no data are left out entirely (no
 * "Phone:" with nothing after it); the paper size comes from Settings so it prints unscaled. A body
 * with merge tokens still open is refused: a letter must never go out with `{{braces}}`.
 */
export async function buildThankYouLetter(input: ThankYouLetterInput): Promise<Uint8Array> {
  const open = openTokens(input.body);
  if (open.length > 0) {
    const names = [
      ...new Set(
        open.map(
          (token) =>
            mergeFields.find((field) => field.name === token.name)?.label ?? `{{${token.name}}}`,
        ),
      ),
    ];
    throw new UserFacingError(
      'invalid-args',
      `The note still has ${names.length === 1 ? 'an empty field' : 'empty fields'}: ${names.join(', ')}. Nothing was exported. Fill ${names.length === 1 ? 'it' : 'them'} in or delete ${names.length === 1 ? 'it' : 'them'} from the text, then export again.`,
    );
  }

  const { salutation, paragraphs, closing, signature } = letterParts(input);
  const profile = input.profile;
  const sender = [profile.name.trim(), ...lines(profile.address), profile.email, profile.phone]
    .map((line) => clean(line).trim())
    .filter((line) => line !== '');
  const recipient = [
    contactName(input.contact),
    input.contact.title.trim(),
    input.contact.company.trim(),
  ]
    .map((line) => clean(line))
    .filter((line) => line !== '');

  const children: Paragraph[] = [];
  if (sender.length > 0) children.push(block(sender, 'RapportSender', { bold: true }));
  children.push(block([longDate(input.date, input.locale)], 'RapportDate'));
  children.push(block(recipient, 'RapportRecipient'));
  children.push(block([clean(salutation)], 'RapportSalutation'));
  for (const paragraph of paragraphs) children.push(block(paragraph, 'RapportBody'));
  children.push(block([closing], 'RapportClosing'));
  if (signature.length > 0) children.push(block(signature, 'RapportSignature'));

  const page = PAGE[input.paperSize];
  const document = new Document({
    creator: profile.name.trim() || 'Rapport',
    title: `Thank you - ${contactName(input.contact)}`,
    description: 'Thank-you letter made by Rapport',
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22 },
          paragraph: { spacing: { after: 0, line: LINE } },
        },
      },
      // Named styles, so the user can restyle the whole letter in Word at once.
      paragraphStyles: [
        {
          id: 'RapportSender',
          name: 'Rapport Sender',
          basedOn: 'Normal',
          paragraph: { keepLines: true },
        },
        {
          id: 'RapportDate',
          name: 'Rapport Date',
          basedOn: 'Normal',
          paragraph: { spacing: { before: 2 * LINE } },
        },
        {
          id: 'RapportRecipient',
          name: 'Rapport Recipient',
          basedOn: 'Normal',
          paragraph: { spacing: { before: 2 * LINE }, keepLines: true },
        },
        {
          id: 'RapportSalutation',
          name: 'Rapport Salutation',
          basedOn: 'Normal',
          paragraph: { spacing: { before: 2 * LINE, after: 200 }, keepNext: true },
        },
        {
          id: 'RapportBody',
          name: 'Rapport Body',
          basedOn: 'Normal',
          paragraph: { spacing: { after: 200 }, alignment: AlignmentType.LEFT },
        },
        {
          id: 'RapportClosing',
          name: 'Rapport Closing',
          basedOn: 'Normal',
          // Room for a handwritten signature when printed; never alone at the top of a page.
          paragraph: { spacing: { before: 80, after: 3 * LINE }, keepNext: true },
        },
        {
          id: 'RapportSignature',
          name: 'Rapport Signature',
          basedOn: 'Normal',
          paragraph: { keepLines: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: page,
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** `Thank you - Maya Okafor - 2026-12-04.docx`, dated the day of export. */
export function thankYouFileName(
  contact: Pick<Contact, 'firstName' | 'lastName'>,
  date: Date,
): string {
  const name = [...contactName(contact).replace(/\s+/g, ' ').trim()].slice(0, 60).join('');
  return safeFileName(
    ['Thank you', name, localDate(date)].filter((part) => part !== '').join(' - '),
    'docx',
  );
}

/**
 * Saves one note as a letter where the user chooses. Open merge fields and a missing contact are
 * reported before the save dialog opens, so the user never picks a folder for nothing; the file is
 * written atomically, so an existing letter is never left half-overwritten. Returns null when the
 * dialog is cancelled. The note itself is not changed here (the caller records `exportedFile`).
 */
export async function exportThankYouDocx(
  deps: { storage: Storage; dialogs: Dialogs; now: Clock },
  note: ThankYouNote,
): Promise<{ path: string } | null> {
  const data = deps.storage.read();
  const contact = data.contacts[note.contactId];
  if (!contact) {
    throw new UserFacingError(
      'not-found',
      'The person this note is for no longer exists, so no letter can be made. The note was kept.',
    );
  }
  const date = deps.now();
  const input: ThankYouLetterInput = {
    body: note.body,
    contact,
    profile: data.settings.profile,
    paperSize: data.settings.paperSize,
    date,
    locale: processLocale(),
  };
  // Builds first: open merge fields are refused before any dialog opens.
  const bytes = await buildThankYouLetter(input);
  const filePath = await deps.dialogs.showSave({
    title: 'Save the thank-you letter',
    defaultPath: thankYouFileName(contact, date),
    filters: [{ name: 'Word document', extensions: ['docx'] }],
  });
  if (filePath === null) return null;
  try {
    writeFileAtomic(filePath, bytes);
  } catch {
    throw new UserFacingError(
      'io',
      `The letter could not be written to ${filePath}. Your note was kept. Choose another folder (or close the file if it is open in another program) and try again.`,
    );
  }
  return { path: filePath };
}
