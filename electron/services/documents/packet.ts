import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { UserFacingError } from '../../../shared/result.js';
import type { Dataset } from '../../../shared/schema/dataset.js';
import type { Attachment } from '../../../shared/schema/entities.js';
import type { PaperSize } from '../../../shared/schema/settings.js';
import type { MeetingContext } from './meeting-context.js';
import { packetHtml } from './packet-html.js';

export type RenderPdf = (html: string, options: { pageSize: PaperSize }) => Promise<Uint8Array>;

export const WORD_RESUME_MESSAGE =
  'Your resume is a Word file; attach a PDF version to include it in the packet. ' +
  'Nothing was printed or saved. To print the question sheet alone, set the resume copies to 0.';

export const NO_RESUME_MESSAGE =
  'No resume is attached to this meeting and no default resume is set in Settings, so the packet ' +
  'would have no resume copies. Attach a PDF resume, or set the resume copies to 0 to print the ' +
  'question sheet alone.';

export const BROKEN_RESUME_MESSAGE =
  'Your resume PDF could not be read (it may be damaged or password-protected). Nothing was ' +
  'printed or saved. Export a fresh PDF from your word processor and attach it again.';

const isPdf = (attachment: Attachment) =>
  attachment.mimeType === 'application/pdf' || /\.pdf$/i.test(attachment.fileName);

/**
 * Which resume goes into the packet: the meeting's own (its first resume attachment), else the
 * default resume from Settings. Null when there is none.
 */
export function packetResume(
  context: MeetingContext,
  attachments: Readonly<Dataset['attachments']>,
): Attachment | null {
  const own = context.attachments.find((attachment) => attachment.role === 'resume');
  if (own) return own;
  const fallback = context.settings.defaultResumeId;
  return fallback === null ? null : (attachments[fallback] ?? null);
}

/**
 * Loads the resume that `copies` asks for, or explains why the packet cannot be made. Decision:
 * copies > 0 with no usable PDF is an error, never a packet that silently lacks the resume the
 * user counted on; copies = 0 needs no resume at all.
 */
export async function loadResume(
  resume: Attachment | null,
  copies: number,
  pathOf: (id: string) => string,
): Promise<PDFDocument | null> {
  if (copies === 0) return null;
  if (resume === null) throw new UserFacingError('not-found', NO_RESUME_MESSAGE);
  if (!isPdf(resume)) {
    throw new UserFacingError(
      'invalid-file',
      /\.(docx?|odt|rtf)$/i.test(resume.originalName) || /word|opendocument/i.test(resume.mimeType)
        ? WORD_RESUME_MESSAGE
        : `Your resume "${resume.originalName}" is not a PDF; attach a PDF version to include it in the packet. Nothing was printed or saved.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(pathOf(resume.id));
  } catch {
    throw new UserFacingError(
      'not-found',
      `The resume file "${resume.originalName}" is missing from the data folder. Attach it again; nothing was printed or saved.`,
    );
  }
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    if (document.getPageCount() === 0) throw new Error('no pages');
    return document;
  } catch {
    throw new UserFacingError('invalid-file', BROKEN_RESUME_MESSAGE);
  }
}

/**
 * The printed packet: the meeting card and question sheet (HTML rendered by Chromium, so every
 * script the system fonts cover prints), then `copies` copies of every resume page, copied with
 * pdf-lib so the resume prints exactly as the user exported it.
 */
export async function buildPacket(
  context: MeetingContext,
  resume: PDFDocument | null,
  copies: number,
  renderPdf: RenderPdf,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const sheetBytes = await renderPdf(packetHtml(context), { pageSize: context.settings.paperSize });
  const packet = await PDFDocument.load(sheetBytes, { updateMetadata: false });
  if (resume !== null && copies > 0) {
    const indices = resume.getPageIndices();
    for (let copy = 0; copy < copies; copy += 1) {
      const pages = await packet.copyPages(resume, indices);
      for (const page of pages) packet.addPage(page);
    }
  }
  packet.setTitle(
    `Packet - ${[context.contact.firstName, context.contact.lastName].join(' ').trim()}`,
  );
  packet.setCreator('Rapport');
  packet.setProducer('Rapport');
  return { bytes: await packet.save(), pages: packet.getPageCount() };
}
