import type { ImportKind } from '../schema/pipeline.js';

/**
 * What a file dropped on the window does: a contact list (.csv, .vcf) opens the import preview, a
 * PDF on a meeting's prep page is attached to the meeting, anything else is refused with a reason.
 * The renderer decides from the name and size before reading a byte; main checks the same limits
 * again on what it receives (the contract bounds the text, the import and the attachment code the
 * bytes).
 */

/** The largest contact file Rapport reads (a LinkedIn export of 30,000 connections is ~4 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** The largest file Rapport copies in as an attachment. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
/** A dropped file crosses to main as base64: this many characters for that many bytes. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export type DropAction =
  | { action: 'import'; kind: ImportKind }
  | { action: 'attach' }
  | { action: 'refuse'; message: string };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
};

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

export function dropActionFor(
  file: { name: string; size: number },
  where: { prepPage: boolean },
): DropAction {
  const extension = extensionOf(file.name);
  if (extension === 'vcf' || extension === 'vcard' || extension === 'csv' || extension === 'tsv') {
    if (file.size > IMPORT_MAX_BYTES)
      return {
        action: 'refuse',
        message: `“${file.name}” is ${megabytes(file.size)} MB; Rapport imports contact files of up to ${megabytes(IMPORT_MAX_BYTES)} MB. Nothing was imported.`,
      };
    if (extension === 'vcf' || extension === 'vcard') return { action: 'import', kind: 'vcard' };
    // LinkedIn names its export Connections.csv; any other CSV is mapped column by column.
    return { action: 'import', kind: /connections/i.test(file.name) ? 'linkedin' : 'csv' };
  }
  if (extension === 'pdf') {
    if (!where.prepPage)
      return {
        action: 'refuse',
        message: `To attach “${file.name}”, open a meeting's prep page and drop it there.`,
      };
    if (file.size > ATTACHMENT_MAX_BYTES)
      return {
        action: 'refuse',
        message: `“${file.name}” is ${megabytes(file.size)} MB; attachments can be at most ${megabytes(ATTACHMENT_MAX_BYTES)} MB. Nothing was attached.`,
      };
    return { action: 'attach' };
  }
  return {
    action: 'refuse',
    message: `Rapport cannot use “${file.name}”. Drop a .csv or .vcf file to import contacts, or a PDF on a meeting's prep page to attach it.`,
  };
}
