import { z } from 'zod';
import { createBridgeApi } from './bridge.js';
import type { CommandId } from './domain/commands.js';
import { ATTACHMENT_MAX_BYTES, base64Length, IMPORT_MAX_BYTES } from './domain/dropped-files.js';
import { SEARCH_QUERY_MAX } from './domain/text-fold.js';
import type { Result } from './result.js';
import type { CollectionName } from './schema/dataset.js';
import type { Undoable } from './schema/effects.js';
import type { Learnings } from './domain/learnings.js';
import type { Insights } from './domain/insights.js';
import { Profile, Settings } from './schema/settings.js';
import { bounded, Id, IsoDateTime } from './schema/common.js';
import { Stage, type Attachment, type Contact, type Employer } from './schema/entities.js';
import {
  ContactInput,
  CustomReminderInput,
  ImportEncoding,
  ImportKind,
  LogActivityInput,
  MappableField,
  PromiseTaskInput,
  TodayRequest,
  type ContactChange,
  type ContactDetail,
  type ContactSummary,
  type NotesSearchResult,
  type DeletionImpact,
  type DuplicateMatch,
  type PromiseTaskChange,
  type ReminderChange,
  type ImportPreview,
  type ImportProgress,
  type LogActivityResult,
  type TodayView,
} from './schema/pipeline.js';
import {
  MeetingPatch,
  PacketOptions,
  SaveBankQuestionInput,
  ScheduleMeetingInput,
  SuggestedContactInput,
  type MarkHeldResult,
  type MeetingChange,
  type MeetingDetail,
  type MeetingSummary,
} from './schema/meetings.js';
import type {
  BankQuestion,
  Meeting,
  OutreachDraft,
  Template,
  ThankYouNote,
} from './schema/entities.js';
import {
  SaveTemplateInput,
  SaveThankYouInput,
  ThanksContextInput,
  type MarkSentResult,
  type MergeContext,
  type ThankYouSummary,
} from './schema/thanks.js';
import { SaveOutreachDraftInput, type OutreachDraftSummary } from './schema/outreach.js';
import {
  EmployerInput,
  EmployerPatch,
  type EmployerDetail,
  type EmployerRow,
  type MergeEmployersResult,
} from './schema/employers.js';

/**
 * The one list of IPC channels. Each `domain:verb` channel has a zod schema for its single argument
 * (checked again in main: the renderer is not trusted) and a result type. The preload bridge, the
 * main-process handler table and the end-to-end harness are all derived from this object, so a
 * channel cannot exist on one side only.
 */
const returns = <T>() => undefined as unknown as T;

/** What the storage layer found when it opened, shown to the user when it is not plain "ok". */
export interface StorageStatus {
  dataDir: string;
  schemaVersion: number;
  /** Set when the store cannot be written (e.g. written by a newer Rapport). */
  readOnly: { reason: string; storeVersion: number | null } | null;
  /** Set when a damaged store was moved aside and a backup restored at start. */
  restored: {
    backupName: string;
    backupCreatedAt: string;
    movedAside: string[];
    reason: string;
  } | null;
  /** True once the user dismissed the notice for this start. */
  noticeDismissed: boolean;
}

/** Places the menu can send the renderer to. */
export type NavigationTarget =
  | 'home'
  | 'pipeline'
  | 'contacts/new'
  | `contacts/${string}`
  | 'import'
  | 'settings/profile'
  | 'settings/data';

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
  reason:
    | 'start'
    | 'interval'
    | 'quit'
    | 'before-restore'
    | 'before-import'
    | 'before-migration'
    | 'manual';
}

/** A collection of the store, or its settings: what a `data:changed` event names. */
export type ChangedCollection = CollectionName | 'settings';

/** Sent by main after every committed change, naming what changed, so each store refreshes itself. */
export interface DataChange {
  collections: ChangedCollection[];
  /**
   * The ids written (put or removed) per collection, when a change touched few enough of them
   * (`DATA_CHANGE_ID_LIMIT` per collection) for a cache to update just those; a collection missing
   * here (a restore, an import, a large change) means "reload it".
   */
  ids?: Partial<Record<CollectionName, string[]>>;
}

/** Above this many ids per collection, `data:changed` names the collection without its ids. */
export const DATA_CHANGE_ID_LIMIT = 500;

export interface ImportSummary {
  counts: Record<string, number>;
  safetyBackup: string;
}

/** The periods Insights offers: the last weeks up to today, or everything. */
export const InsightsPeriod = z.enum(['4w', '12w', '26w', '52w', 'all']);
export type InsightsPeriod = z.infer<typeof InsightsPeriod>;

/** A chart's picture (a PNG of the chart at twice its size) and its data table, at most. */
export const CHART_PNG_MAX_BYTES = 10 * 1024 * 1024;
export const CHART_CSV_MAX_CHARS = 5_000_000;

/** Which meetings the Learnings view compares: an employer, an industry, or all. */
const LearningsFilterInput = z.object({
  employer: bounded(200).optional(),
  industry: bounded(200).optional(),
});

export const contract = {
  'app:info': { args: z.undefined(), result: returns<{ version: string; platform: string }>() },
  'app:openExternal': {
    args: z.object({ url: bounded(4000) }),
    result: returns<null>(),
  },
  /** Puts back what an undoable action changed (its ticket's token); says what was undone. */
  'app:undo': {
    args: z.object({ token: bounded(100).min(1) }),
    result: returns<{ undone: string }>(),
  },
  'settings:get': { args: z.undefined(), result: returns<Settings>() },
  'settings:updateProfile': { args: Profile, result: returns<Settings>() },
  'settings:update': {
    args: Settings.omit({ profile: true }).partial().strict(),
    result: returns<Settings>(),
  },
  'storage:status': { args: z.undefined(), result: returns<StorageStatus>() },
  'storage:dismissNotice': { args: z.undefined(), result: returns<StorageStatus>() },
  'storage:openFolder': { args: z.undefined(), result: returns<null>() },
  'backups:list': { args: z.undefined(), result: returns<BackupInfo[]>() },
  'backups:create': { args: z.undefined(), result: returns<BackupInfo>() },
  'backups:restore': {
    args: z.object({ name: bounded(200).min(1) }),
    result: returns<{ restored: string; safetyBackup: string }>(),
  },
  'data:export': { args: z.undefined(), result: returns<{ path: string } | null>() },
  'data:import': { args: z.undefined(), result: returns<ImportSummary | null>() },
  'attachments:add': {
    args: z.object({ role: z.enum(['resume', 'portfolio', 'other']) }),
    result: returns<Attachment[] | null>(),
  },
  'attachments:list': { args: z.undefined(), result: returns<Attachment[]>() },

  // Contact pipeline
  /** Every contact without its notes (the board, the list, the pickers), in name order. */
  'contacts:list': { args: z.undefined(), result: returns<ContactSummary[]>() },
  /**
   * The summaries of the contacts a `data:changed` event named, so the renderer's cache updates
   * just those; an id that is not in the answer was deleted.
   */
  'contacts:getMany': {
    args: z.object({ ids: z.array(Id).max(DATA_CHANGE_ID_LIMIT) }),
    result: returns<ContactSummary[]>(),
  },
  /** Contacts the query matches only through their notes (the list's search adds them). */
  'contacts:searchNotes': {
    args: z.object({ query: bounded(SEARCH_QUERY_MAX) }),
    result: returns<NotesSearchResult>(),
  },
  'contacts:get': { args: z.object({ id: Id }), result: returns<ContactDetail>() },
  'contacts:findDuplicates': {
    // A half-filled form may be checked too (e.g. on blur of the e-mail field).
    args: z.object({ contact: ContactInput.partial(), ignoreId: Id.optional() }),
    result: returns<DuplicateMatch[]>(),
  },
  'contacts:create': { args: z.object({ contact: ContactInput }), result: returns<Contact>() },
  'contacts:update': {
    args: z.object({ id: Id, contact: ContactInput }),
    result: returns<ContactChange>(),
  },

  /** What went with the contact comes back, for the toast that offers Undo. */
  'contacts:delete': {
    args: z.object({ id: Id }),
    result: returns<{ undoToken: string; impact: DeletionImpact }>(),
  },
  'contacts:undoDelete': {
    args: z.object({ undoToken: bounded(100).min(1) }),
    result: returns<Contact>(),
  },
  'contacts:setStage': {
    args: z.object({ id: Id, stage: Stage }),
    result: returns<Undoable<ContactChange>>(),
  },
  'activities:log': { args: LogActivityInput, result: returns<LogActivityResult>() },
  'reminders:today': { args: TodayRequest.optional(), result: returns<TodayView>() },
  'reminders:snooze': {
    args: z.object({ id: Id, until: IsoDateTime }),
    result: returns<Undoable<ReminderChange>>(),
  },
  'reminders:done': { args: z.object({ id: Id }), result: returns<Undoable<ReminderChange>>() },
  /** The user's own reminder on a contact (text and date). */
  'reminders:add': { args: CustomReminderInput, result: returns<ReminderChange>() },
  /** Gives a promise made in a meeting a due date (a task), moves it, or (date null) removes it. */
  'reminders:promise': { args: PromiseTaskInput, result: returns<PromiseTaskChange>() },
  'import:choose': {
    args: z.object({ kind: ImportKind }),
    result: returns<ImportPreview | null>(),
  },
  /** A contact file dropped on the window: its name and bytes (base64), previewed like a chosen one. */
  'import:dropped': {
    args: z.object({
      kind: ImportKind,
      name: bounded(255).min(1),
      data: bounded(base64Length(IMPORT_MAX_BYTES), 'Contact files can be at most 20 MB.'),
    }),
    result: returns<ImportPreview>(),
  },
  'import:remap': {
    args: z.object({ token: bounded(100).min(1), mapping: z.array(MappableField).max(200) }),
    result: returns<ImportPreview>(),
  },
  /** Reads the previewed file again with the encoding the user chose (a new preview and token). */
  'import:reencode': {
    args: z.object({ token: bounded(100).min(1), encoding: ImportEncoding }),
    result: returns<ImportPreview>(),
  },
  /** Saves exactly the preview with this token (the one on screen), in one transaction. */
  'import:commit': {
    args: z.object({ token: bounded(100).min(1) }),
    result: returns<{ added: number; merged: number; unchanged: number; rejected: number }>(),
  },
  /** Stops a file still being read (the token from its progress events) or drops a preview. */
  'import:cancel': {
    args: z.object({ token: bounded(100).min(1) }),
    result: returns<null>(),
  },
  'export:contactsCsv': {
    args: z.undefined(),
    result: returns<{ path: string; count: number } | null>(),
  },
  // Employers: the LAMP list
  /** Every employer with its computed Advocacy, in the LAMP order. */
  'employers:list': { args: z.undefined(), result: returns<EmployerRow[]>() },
  'employers:get': { args: z.object({ id: Id }), result: returns<EmployerDetail>() },
  'employers:create': { args: z.object({ employer: EmployerInput }), result: returns<Employer>() },
  'employers:update': {
    args: z.object({ id: Id, patch: EmployerPatch }),
    result: returns<Employer>(),
  },
  /** Joins `mergeId` into `keepId` (contacts, names, scores, notes); `mergeId` goes. */
  'employers:merge': {
    args: z.object({ keepId: Id, mergeId: Id }),
    result: returns<MergeEmployersResult>(),
  },
  /** Off the list; its contacts stay, with no employer. */
  'employers:remove': { args: z.object({ id: Id }), result: returns<{ unlinked: number }>() },
  /** The LAMP list as CSV, where the user chooses (null: the dialog was cancelled). */
  'employers:exportCsv': {
    args: z.undefined(),
    result: returns<{ path: string; count: number } | null>(),
  },
  /** Adds or updates employers from a CSV the user chooses; rows left out say why. */
  'employers:importCsv': {
    args: z.undefined(),
    result: returns<{
      added: number;
      updated: number;
      skipped: { row: number; reason: string }[];
    } | null>(),
  },
  /** The figures of Insights for a period ending now (weeks: the last ones, Monday first). */
  'insights:get': {
    args: z.object({ period: InsightsPeriod }),
    result: returns<Insights>(),
  },
  // Insights: a chart saved as a picture, its data as CSV (made in the page, written by main)
  'insights:savePng': {
    args: z.object({
      name: bounded(120).min(1),
      data: bounded(base64Length(CHART_PNG_MAX_BYTES), 'The picture is too large to save.'),
    }),
    result: returns<{ path: string } | null>(),
  },
  'insights:saveCsv': {
    args: z.object({
      name: bounded(120).min(1),
      text: bounded(CHART_CSV_MAX_CHARS, 'The table is too large to save.'),
    }),
    result: returns<{ path: string } | null>(),
  },
  // What you have learned: answers side by side across the meetings held
  'learnings:get': { args: LearningsFilterInput, result: returns<Learnings>() },
  /** The same as a .docx summary, where the user chooses (null: the dialog was cancelled). */
  'learnings:exportDocx': {
    args: LearningsFilterInput,
    result: returns<{ path: string; meetings: number } | null>(),
  },
  // Meetings and the prep workspace
  'meetings:list': { args: z.undefined(), result: returns<MeetingSummary[]>() },
  'meetings:get': { args: z.object({ id: Id }), result: returns<MeetingDetail>() },
  'meetings:schedule': { args: ScheduleMeetingInput, result: returns<MeetingChange>() },
  'meetings:update': {
    args: z.object({ id: Id, patch: MeetingPatch }),
    result: returns<Meeting>(),
  },
  /**
   * Cancelled. `didNotHappen`: the answer to "did it happen?" for a meeting whose time has passed
   * (logged on the timeline as such).
   */
  'meetings:cancel': {
    args: z.object({ id: Id, didNotHappen: z.boolean().optional() }),
    result: returns<Meeting>(),
  },
  'meetings:markHeld': {
    args: z.object({ id: Id }),
    result: returns<Undoable<MarkHeldResult>>(),
  },
  'meetings:addSuggestedContact': { args: SuggestedContactInput, result: returns<Contact>() },
  /** Opens the file dialog, copies the chosen files in and links them to the meeting. */
  'meetings:attach': {
    args: z.object({ id: Id, role: z.enum(['resume', 'portfolio', 'other']) }),
    result: returns<MeetingDetail | null>(),
  },
  /** A PDF dropped on the prep page: copied in by hash and linked to the meeting. */
  'meetings:attachDropped': {
    args: z.object({
      id: Id,
      name: bounded(255).min(1),
      data: bounded(base64Length(ATTACHMENT_MAX_BYTES), 'Attachments can be at most 50 MB.'),
    }),
    result: returns<MeetingDetail>(),
  },
  'meetings:detach': {
    args: z.object({ id: Id, attachmentId: Id }),
    result: returns<MeetingDetail>(),
  },
  'questions:bank': { args: z.undefined(), result: returns<BankQuestion[]>() },
  'questions:save': { args: SaveBankQuestionInput, result: returns<BankQuestion>() },
  'export:prepSheet': { args: z.object({ id: Id }), result: returns<{ path: string } | null>() },
  'export:packet': {
    args: PacketOptions,
    result: returns<{ path: string; pages: number } | null>(),
  },
  /** Builds the packet and opens it in the system's PDF viewer, whose Print dialog prints it. */
  'export:printPacket': { args: PacketOptions, result: returns<{ pages: number }>() },
  'export:calendar': { args: z.object({ id: Id }), result: returns<{ path: string } | null>() },
  // Thank-you notes
  'templates:list': { args: z.undefined(), result: returns<Template[]>() },
  'templates:save': { args: SaveTemplateInput, result: returns<Template>() },
  'templates:delete': { args: z.object({ id: Id }), result: returns<null>() },
  /** The values merge fields draw from, for a held meeting (or a contact without one). */
  'thanks:context': { args: ThanksContextInput, result: returns<MergeContext>() },
  'thanks:list': {
    args: z.object({ contactId: Id.optional() }).optional(),
    result: returns<ThankYouSummary[]>(),
  },
  'thanks:get': { args: z.object({ id: Id }), result: returns<ThankYouNote>() },
  'thanks:save': { args: SaveThankYouInput, result: returns<ThankYouNote>() },
  'thanks:exportDocx': { args: z.object({ id: Id }), result: returns<{ path: string } | null>() },
  'thanks:markSent': {
    args: z.object({ id: Id }),
    result: returns<Undoable<MarkSentResult>>(),
  },
  /** Throws away a note that was never sent (notes are autosaved from the first keystroke). */
  'thanks:discardDraft': { args: z.object({ id: Id }), result: returns<null>() },
  // Outreach e-mails being written: one autosaved draft per contact until it is logged as sent
  'outreach:draft': { args: z.object({ contactId: Id }), result: returns<OutreachDraft | null>() },
  'outreach:saveDraft': { args: SaveOutreachDraftInput, result: returns<OutreachDraft>() },
  'outreach:discardDraft': { args: z.object({ contactId: Id }), result: returns<null>() },
  'outreach:drafts': { args: z.undefined(), result: returns<OutreachDraftSummary[]>() },
  'export:contactsVcard': {
    args: z.undefined(),
    result: returns<{ path: string; count: number } | null>(),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];
export const channels = Object.keys(contract) as Channel[];

/**
 * Events main sends to the renderer. The preload passes only the payload on, never the IPC event.
 */
export interface EventMap {
  /** The application menu asks the renderer to show an area (e.g. Settings from the app menu). */
  'app:navigate': { to: NavigationTarget };
  /** The application menu runs one of the app's commands (shared/domain/commands.ts). */
  'app:command': { command: CommandId };
  /** Storage state changed outside the renderer's own calls (e.g. a restore from the menu). */
  'storage:changed': StorageStatus;
  /** Progress of a long import (reading, parsing, matching, saving). */
  'import:progress': ImportProgress;
  /** A change was committed to the store (by any channel, a restore or an import). */
  'data:changed': DataChange;
}
export type EventName = keyof EventMap;
export const eventNames: EventName[] = [
  'app:navigate',
  'app:command',
  'storage:changed',
  'import:progress',
  'data:changed',
];

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

type Method<C extends Channel> =
  undefined extends ArgsOf<C>
    ? (args?: ArgsOf<C>) => Promise<Result<ResultOf<C>>>
    : (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

/** `window.rapport`: one method per channel, grouped by domain (`rapport.settings.get()`). */
export type RapportApi = {
  [D in Domain<Channel>]: { [V in Verb<Channel, D>]: Method<Extract<`${D}:${V}`, Channel>> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

/** How the bridge reaches main: ipcRenderer in the preload, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(channel: Channel, args: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.rapport` from the contract. The end-to-end harness and the renderer tests call it;
 * the preload builds the same object from the same names (shared/bridge.ts), generated at build
 * time so that it does not carry zod.
 */
export function createRapportApi(transport: BridgeTransport): RapportApi {
  return createBridgeApi(channels, eventNames, transport);
}
