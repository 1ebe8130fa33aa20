import fs from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../shared/result.js';
import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './dispatch.js';
import { writeFileAtomic } from '../services/atomic-file.js';
import { buildCalendar } from '../services/documents/calendar.js';
import {
  calendarFileName,
  packetFileName,
  prepSheetFileName,
} from '../services/documents/file-names.js';
import { meetingContext } from '../services/documents/meeting-context.js';
import { buildPacket, loadResume, packetResume } from '../services/documents/packet.js';
import { buildPrepSheet } from '../services/documents/prep-sheet.js';

export type DocumentChannel =
  'export:prepSheet' | 'export:packet' | 'export:printPacket' | 'export:calendar';

/** Folder inside the data folder where packets to print are written; emptied on each print. */
export const PRINT_FOLDER = 'print';

function writeOrExplain(filePath: string, data: string | Uint8Array, what: string): void {
  try {
    writeFileAtomic(filePath, data);
  } catch {
    throw new UserFacingError(
      'io',
      `The ${what} could not be written to ${filePath}. Your meeting was not changed. Choose another folder (or close the file if it is open in another program) and try again.`,
    );
  }
}

/** Removes earlier packets; one still open in a PDF viewer (locked on Windows) is left alone. */
function emptyPrintFolder(dir: string): void {
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    try {
      fs.rmSync(path.join(dir, name), { force: true, recursive: true });
    } catch {
      // Still open elsewhere: it goes next time.
    }
  }
}

/**
 * Prep sheet (.docx), printed packet (PDF) and calendar file (.ics) for one meeting. The meeting
 * and the resume are checked before any dialog opens, so a problem is explained before the user
 * picks a folder; paths only ever come from the save dialog or the data folder.
 */
export function createDocumentHandlers(deps: HandlerDeps): Pick<Handlers, DocumentChannel> {
  const { storage, dialogs } = deps;

  const preparePacket = async (id: string, copies: number) => {
    const data = storage.read();
    const context = meetingContext(storage, id);
    const resume = await loadResume(packetResume(context, data.attachments), copies, (attachment) =>
      storage.attachmentPath(attachment),
    );
    return { context, resume };
  };

  return {
    'export:prepSheet': async ({ id }) => {
      const data = storage.read();
      const context = meetingContext(storage, id);
      const filePath = await dialogs.showSave({
        title: 'Save the prep sheet',
        defaultPath: prepSheetFileName(context.contact, new Date(context.meeting.start)),
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      });
      if (filePath === null) return null;
      const bytes = await buildPrepSheet(context, { contactsById: data.contacts });
      writeOrExplain(filePath, bytes, 'prep sheet');
      return { path: filePath };
    },
    'export:packet': async ({ id, copies }) => {
      const { context, resume } = await preparePacket(id, copies);
      const filePath = await dialogs.showSave({
        title: 'Save the printed packet as PDF',
        defaultPath: packetFileName(context.contact, new Date(context.meeting.start)),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (filePath === null) return null;
      const packet = await buildPacket(context, resume, copies, deps.renderPdf);
      writeOrExplain(filePath, packet.bytes, 'packet');
      return { path: filePath, pages: packet.pages };
    },
    'export:printPacket': async ({ id, copies }) => {
      const { context, resume } = await preparePacket(id, copies);
      const packet = await buildPacket(context, resume, copies, deps.renderPdf);
      const dir = path.join(storage.dataDir, PRINT_FOLDER);
      emptyPrintFolder(dir);
      const filePath = path.join(
        dir,
        packetFileName(context.contact, new Date(context.meeting.start)),
      );
      writeOrExplain(filePath, packet.bytes, 'packet');
      try {
        await deps.openPath(filePath);
      } catch {
        throw new UserFacingError(
          'io',
          `The packet was made but no PDF viewer opened it. Open ${filePath} yourself and print it from there.`,
        );
      }
      return { pages: packet.pages };
    },
    'export:calendar': async ({ id }) => {
      const context = meetingContext(storage, id);
      const filePath = await dialogs.showSave({
        title: 'Save the meeting to a calendar file',
        defaultPath: calendarFileName(context.contact, new Date(context.meeting.start)),
        filters: [{ name: 'Calendar event', extensions: ['ics'] }],
      });
      if (filePath === null) return null;
      writeOrExplain(filePath, buildCalendar(context, deps.now()), 'calendar file');
      return { path: filePath };
    },
  };
}
