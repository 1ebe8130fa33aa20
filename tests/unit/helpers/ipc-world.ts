import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { PDFDocument } from 'pdf-lib';
import { dispatch, type Handlers } from '../../../electron/ipc/dispatch.js';
import { createHandlers, type Dialogs } from '../../../electron/ipc/handlers.js';
import {
  openStorage,
  type OpenStorageOptions,
  type StoreClassLike,
} from '../../../electron/services/storage.js';
import type { Storage } from '../../../electron/services/types.js';
import type { ArgsOf, Channel } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** What the dialogs answer: every call null, every call a file, or each in turn. */
export type DialogMode = 'cancel' | 'file' | 'alternate';

/**
 * The real handler table over a real storage in a fresh temp folder, as main builds it: dialogs
 * that answer null or a path inside the data folder, a PDF renderer stub and shell recorders.
 * The data folder sits four levels below the temp root, so `../../x` from it stays inside the root,
 * where a test can see it.
 */
export interface IpcWorld {
  root: string;
  dataDir: string;
  storage: Storage;
  handlers: Handlers;
  dialogs: { mode: DialogMode };
  shell: { openPath: string[]; openExternal: string[] };
  /** Unexpected errors the dispatcher logged (each is an 'internal' answer). */
  logged: { message: string; error: unknown }[];
  call(channel: string, args: unknown): Promise<Result<unknown>>;
  /** Like `call` for a known channel, throwing when the answer is not ok. */
  must<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<unknown>;
  /**
   * Closes the storage and opens the same data folder again, as a new start of main would (new
   * handler table, new undo journal), with these storage options.
   */
  reopen(options?: Partial<OpenStorageOptions>): void;
  close(): void;
}

/** Files the open dialog can pick, by extension; they are copied into the data folder first. */
const PICKABLE: Record<string, string> = {
  csv: 'linkedin-connections.csv',
  vcf: 'contacts-v3.vcf',
  pdf: 'sample-resume.pdf',
};

/** A one-page PDF, what Chromium's printToPDF returns in the app. */
async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc.save();
}

export async function createIpcWorld(
  options: { now?: string; prefix?: string } = {},
): Promise<IpcWorld> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'rapport-ipc-'));
  const dataDir = path.join(root, 'l1', 'l2', 'l3', 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const incoming = path.join(dataDir, 'incoming');
  const saved = path.join(dataDir, 'saved');
  fs.mkdirSync(incoming);
  fs.mkdirSync(saved);
  for (const name of Object.values(PICKABLE)) {
    fs.copyFileSync(path.join(fixtures, name), path.join(incoming, name));
  }
  const pdf = await onePagePdf();
  const now = () => new Date(options.now ?? '2026-01-15T15:00:00.000Z');
  const openHere = (extra: Partial<OpenStorageOptions> = {}) =>
    openStorage({ dataDir, now, StoreClass: Conf as unknown as StoreClassLike, ...extra });
  let storage = openHere();
  const dialogState = { mode: 'file' as DialogMode, turn: 0, saves: 0 };
  const answer = () => {
    dialogState.turn += 1;
    if (dialogState.mode === 'cancel') return false;
    return dialogState.mode === 'file' || dialogState.turn % 2 === 0;
  };
  const dialogs: Dialogs = {
    showOpen: async ({ filters }) => {
      if (!answer()) return null;
      const extensions = filters.flatMap((filter) => filter.extensions);
      if (extensions.includes('jsonl')) {
        // "Import Rapport data": an export made by this same storage.
        const file = path.join(incoming, 'export.jsonl');
        if (!fs.existsSync(file)) await world.storage.exportAll(file);
        return [file];
      }
      const ext = extensions.find((candidate) => PICKABLE[candidate] !== undefined);
      return ext === undefined ? null : [path.join(incoming, PICKABLE[ext]!)];
    },
    showSave: async ({ filters }) => {
      if (!answer()) return null;
      dialogState.saves += 1;
      const ext = filters[0]?.extensions[0] ?? 'bin';
      return path.join(saved, `save-${dialogState.saves}.${ext}`);
    },
  };
  const shell = { openPath: [] as string[], openExternal: [] as string[] };
  const handlersOver = (over: Storage) =>
    createHandlers({
      storage: over,
      dialogs,
      now,
      openPath: async (target) => void shell.openPath.push(target),
      openExternal: async (target) => void shell.openExternal.push(target),
      emit: () => undefined,
      renderPdf: async () => pdf.slice(),
      appInfo: { version: '0.0.0-test', platform: 'linux' },
    });
  const logged: IpcWorld['logged'] = [];
  const log = (message: string, error?: unknown) => void logged.push({ message, error });
  const world: IpcWorld = {
    root,
    dataDir,
    storage,
    handlers: handlersOver(storage),
    dialogs: dialogState,
    shell,
    logged,
    call: (channel, args) => dispatch(world.handlers, channel, args, log),
    async must(channel, args) {
      const result = await world.call(channel, args);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    reopen(options) {
      world.storage.close();
      storage = openHere(options);
      world.storage = storage;
      world.handlers = handlersOver(storage);
    },
    close() {
      world.storage.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return world;
}

/** Ids of one of everything, made through the handlers, for arguments that reach the services. */
export interface Seeded {
  contactId: string;
  otherContactId: string;
  /** A contact deleted (with an undo token) before the tests start. */
  deletedContactId: string;
  meetingId: string;
  attachmentId: string;
  reminderId: string;
  templateId: string;
  noteId: string;
  undoToken: string;
  importToken: string;
  backupName: string;
  employerId: string;
  otherEmployerId: string;
}

const SEEDED_EXPORT = 'seeded.jsonl';

/**
 * Puts the data back as `seed` left it (an "Import Rapport data" of the export it took), so a
 * channel tried after one that deleted the seeded contact still reaches the services. Undo and
 * import tokens live in memory and are not brought back.
 */
export async function resetToSeed(world: IpcWorld): Promise<void> {
  await world.storage.importAll(path.join(world.dataDir, 'incoming', SEEDED_EXPORT));
}

export async function seed(world: IpcWorld): Promise<Seeded> {
  const mode = world.dialogs.mode;
  world.dialogs.mode = 'file';
  const contact = (firstName: string, extra: object = {}) => ({
    contact: {
      firstName,
      lastName: 'Garcia',
      title: 'Product Manager',
      company: 'Northwind',
      industry: 'Software',
      location: 'Chicago, IL',
      email: `${firstName.toLowerCase()}@example.com`,
      phone: '+1 555 0100',
      linkedinUrl: `https://www.linkedin.com/in/${firstName.toLowerCase()}`,
      source: { kind: 'alumni' as const, detail: 'Class of 2012' },
      referredById: null,
      tags: ['pm'],
      notes: 'Met at the alumni dinner.',
      ...extra,
    },
  });
  const ana = (await world.must('contacts:create', contact('Ana'))) as { id: string };
  const ben = (await world.must('contacts:create', contact('Ben', { referredById: ana.id }))) as {
    id: string;
  };
  const gone = (await world.must('contacts:create', contact('Cleo'))) as { id: string };
  const { undoToken } = (await world.must('contacts:delete', { id: gone.id })) as {
    undoToken: string;
  };
  const { meeting } = (await world.must('meetings:schedule', {
    contactId: ana.id,
    start: '2026-01-20T15:00:00.000Z',
    place: 'Blue Bottle, 5th Ave',
  })) as { meeting: { id: string } };
  const [attachment] = (await world.must('attachments:add', { role: 'resume' })) as {
    id: string;
  }[];
  const { reminder } = (await world.must('reminders:add', {
    contactId: ana.id,
    title: 'Send the article',
    date: '2026-01-22',
  })) as { reminder: { id: string } };
  const template = (await world.must('templates:save', {
    name: 'Short thanks',
    purpose: 'thank-you',
    subject: 'Thank you',
    body: 'Dear {{firstName}}, thank you.',
  })) as { id: string };
  const note = (await world.must('thanks:save', {
    contactId: ana.id,
    meetingId: meeting.id,
    templateId: template.id,
    subject: 'Thank you',
    body: 'Dear Ana, thank you for your time.',
  })) as { id: string };
  // A preview to remap, commit or cancel (a made-up token when the import cannot preview here).
  const preview = await world.call('import:choose', { kind: 'csv' });
  const importToken = preview.ok ? (preview.value as { token: string }).token : 'no-preview';
  const employer = (await world.must('employers:create', { employer: { name: 'Globex' } })) as {
    id: string;
  };
  const otherEmployer = (await world.must('employers:create', {
    employer: { name: 'Initech' },
  })) as { id: string };
  const backup = (await world.must('backups:create', undefined)) as { name: string };
  await world.storage.exportAll(path.join(world.dataDir, 'incoming', SEEDED_EXPORT));
  world.dialogs.mode = mode;
  return {
    contactId: ana.id,
    otherContactId: ben.id,
    deletedContactId: gone.id,
    meetingId: meeting.id,
    attachmentId: attachment!.id,
    reminderId: reminder.id,
    templateId: template.id,
    noteId: note.id,
    undoToken,
    importToken,
    backupName: backup.name,
    employerId: employer.id,
    otherEmployerId: otherEmployer.id,
  };
}

/**
 * Arguments each channel accepts, built on the seeded ids: the starting point for changing one
 * field at a time. Channels without arguments are absent; channels added to the contract later are
 * still called with the hostile whole-argument payloads.
 */
export function validArgs(s: Seeded): Partial<{ [C in Channel]: ArgsOf<C> }> {
  const contact = {
    firstName: 'Dana',
    lastName: 'Lee',
    title: 'Engineer',
    company: 'Contoso',
    industry: 'Software',
    location: 'Berlin',
    email: 'dana@example.com',
    phone: '+49 30 1234',
    linkedinUrl: 'https://de.linkedin.com/in/dana',
    source: { kind: 'referral' as const, detail: 'Via Ana' },
    referredById: s.contactId,
    tags: ['backend', 'berlin'],
    notes: 'Knows the hiring manager.',
    stage: 'prospect' as const,
    keepInTouch: { off: false, days: 30 },
  };
  return {
    'app:openExternal': { url: 'https://example.com/path?q=1' },
    'settings:updateProfile': {
      name: 'Zoe Park',
      email: 'zoe@example.com',
      phone: '+1 555 0199',
      address: '1 Main St, Springfield',
      linkedinUrl: 'https://www.linkedin.com/in/zoe',
      signature: 'Zoe',
    },
    'settings:update': {
      meetingMinutes: 45,
      arriveEarlyMinutes: 10,
      paperSize: 'A4',
      holidays: ['2026-12-25'],
      curmudgeonWaitDays: 14,
      reportBackDays: 14,
      keepInTouchDays: 90,
      printGroupedByTopic: true,
      defaultResumeId: s.attachmentId,
    },
    'backups:restore': { name: s.backupName },
    'attachments:add': { role: 'portfolio' },
    'contacts:get': { id: s.contactId },
    'contacts:getMany': { ids: [s.contactId, s.otherContactId] },
    'contacts:searchNotes': { query: 'hiring manager' },
    'contacts:findDuplicates': {
      contact: { firstName: 'Ana', company: 'Northwind' },
      ignoreId: s.otherContactId,
    },
    'contacts:create': { contact },
    'contacts:update': { id: s.otherContactId, contact },
    'contacts:delete': { id: s.otherContactId },
    'contacts:undoDelete': { undoToken: s.undoToken },
    'contacts:setStage': { id: s.contactId, stage: 'contacted' },
    'activities:log': {
      contactId: s.contactId,
      kind: 'note',
      at: '2026-01-15T14:00:00.000Z',
      summary: 'Called about the role.',
    },
    'reminders:snooze': { id: s.reminderId, until: '2026-01-23T09:00:00.000Z' },
    'reminders:done': { id: s.reminderId },
    'reminders:add': { contactId: s.contactId, title: 'Send the link', date: '2026-01-21' },
    'reminders:promise': { meetingId: s.meetingId, text: 'Send my portfolio', date: '2026-01-21' },
    'import:choose': { kind: 'vcard' },
    'import:dropped': {
      kind: 'csv',
      name: 'contacts.csv',
      data: Buffer.from('First Name,Last Name\nMaya,Okafor\n').toString('base64'),
    },
    'import:remap': { token: s.importToken, mapping: ['firstName', 'lastName', 'ignore'] },
    'import:commit': { token: s.importToken },
    'import:cancel': { token: s.importToken },
    'meetings:get': { id: s.meetingId },
    'meetings:schedule': {
      contactId: s.contactId,
      start: '2026-02-01T10:00:00.000Z',
      minutes: 30,
      mode: 'video',
      place: '',
      link: 'https://meet.example.com/abc',
    },
    'meetings:update': {
      id: s.meetingId,
      patch: {
        place: 'Cafe',
        link: 'https://meet.example.com/x',
        research: { industry: 'i', company: 'c', position: 'p', person: 'q' },
        questions: [
          {
            id: 'q-1',
            text: 'How did you start?',
            category: 'advancement',
            minutes: 5,
            answer: '',
          },
        ],
        notes: [{ id: 'n-1', at: '2026-01-15T14:00:00.000Z', phase: 'after', text: 'Good talk' }],
        takeaways: 'Network more',
        promises: 'Send portfolio',
        attachmentIds: [s.attachmentId],
      },
    },
    'meetings:cancel': { id: s.meetingId, didNotHappen: false },
    'meetings:markHeld': { id: s.meetingId },
    'meetings:addSuggestedContact': {
      meetingId: s.meetingId,
      firstName: 'Eli',
      lastName: 'Stone',
      company: 'Fabrikam',
      title: 'Designer',
    },
    'meetings:attach': { id: s.meetingId, role: 'other' },
    'meetings:attachDropped': {
      id: s.meetingId,
      name: 'Portfolio.pdf',
      data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    },
    'meetings:detach': { id: s.meetingId, attachmentId: s.attachmentId },
    'employers:get': { id: s.employerId },
    'employers:create': {
      employer: {
        name: 'Fabrikam',
        website: 'https://fabrikam.example',
        location: 'Oslo',
        notes: 'Design studio',
        motivation: 2,
        posting: 3,
        postingUrl: 'https://fabrikam.example/jobs/1',
        research: 'Founded 2001',
        focus: true,
      },
    },
    'employers:update': {
      id: s.employerId,
      patch: { name: 'Globex Corp', notes: 'Near home', research: 'Big', website: '' },
    },
    'employers:merge': { keepId: s.employerId, mergeId: s.otherEmployerId },
    'employers:remove': { id: s.otherEmployerId },
    'learnings:get': { employer: 'Contoso', industry: 'Software' },
    'learnings:exportDocx': { employer: 'Contoso', industry: 'Software' },
    'insights:get': { period: '12w' },
    'insights:savePng': {
      name: 'Funnel',
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]).toString('base64'),
    },
    'insights:saveCsv': { name: 'Funnel', text: 'Step,Contacts\r\nOutreach,3\r\n' },
    'questions:save': { text: 'What surprised you most?', category: 'insights' },
    'export:prepSheet': { id: s.meetingId },
    'export:packet': { id: s.meetingId, copies: 1 },
    'export:printPacket': { id: s.meetingId, copies: 1 },
    'export:calendar': { id: s.meetingId },
    'templates:save': {
      id: s.templateId,
      name: 'Short thanks',
      purpose: 'thank-you',
      subject: 'Thanks',
      body: 'Dear {{firstName}}',
    },
    'templates:delete': { id: s.templateId },
    'thanks:context': { contactId: s.contactId, meetingId: s.meetingId },
    'thanks:list': { contactId: s.contactId },
    'thanks:get': { id: s.noteId },
    'thanks:save': {
      id: s.noteId,
      contactId: s.contactId,
      meetingId: s.meetingId,
      templateId: s.templateId,
      subject: 'Thanks again',
      body: 'Dear Ana',
    },
    'thanks:exportDocx': { id: s.noteId },
    'thanks:markSent': { id: s.noteId },
    'thanks:discardDraft': { id: s.noteId },
    'outreach:draft': { contactId: s.contactId },
    'outreach:saveDraft': { contactId: s.contactId, subject: 'Hello', body: 'Could we talk?' },
    'outreach:discardDraft': { contactId: s.contactId },
  };
}
