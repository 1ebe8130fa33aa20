import {
  contract,
  createRapportApi,
  type BackupInfo,
  type BridgeTransport,
  type ChangedCollection,
  type Channel,
  type EventMap,
  type EventName,
  type ParsedArgsOf,
  type RapportApi,
  type ResultOf,
  type StorageStatus,
} from '../../shared/contract.js';
import type { ErrorCode, Result } from '../../shared/result.js';
import { defaultSettings, type Settings } from '../../shared/schema/settings.js';
import type {
  Activity,
  Contact,
  Meeting,
  OutreachDraft,
  Reminder,
  ThankYouNote,
} from '../../shared/schema/entities.js';
import { emailKey, linkedinKey, nameCompanyKey } from '../../shared/domain/contact-keys.js';
import { eventMove, manualMove, type StageMove } from '../../shared/domain/stage-machine.js';
import { stageChangeSummary, stageLabel } from '../../shared/domain/stages.js';
import { planOutreach } from '../../shared/domain/three-b-seven.js';
import { onDate } from '../../shared/domain/reminder-policy.js';
import { noEffects } from '../../shared/schema/effects.js';
import { collectionNames } from '../../shared/schema/dataset.js';
import type { DuplicateMatch, TodayRequest, TodayView } from '../../shared/schema/pipeline.js';
import { firstRowsOfToday } from '../../shared/domain/today-pages.js';
import { contactSummary } from '../../shared/domain/contact-summary.js';
import { containsAll, fold, searchWords } from '../../shared/domain/text-fold.js';

/** What the fake main process holds: one in-memory row per thing the renderer can ask about. */

/** A whole Today view as a test writes it, before main pages it. */
export type WholeToday = Omit<TodayView, 'totals' | 'prospects'> &
  Partial<Pick<TodayView, 'prospects'>>;

/** Main's answer to `reminders:today`: the first rows asked for of each list, and the totals. */
export function pagedToday(whole: WholeToday, shown?: TodayRequest): TodayView {
  return {
    prospects: { count: 0, next: null },
    ...whole,
    ...firstRowsOfToday(whole.items, whole.outcomes, shown),
  };
}

export interface FakeState {
  settings: Settings;
  status: StorageStatus;
  backups: BackupInfo[];
  contacts: Contact[];
  activities: Activity[];
  reminders: Reminder[];
  meetings: Meeting[];
  /** Thank-you notes (listed and discarded here; tests answer save/markSent themselves). */
  notes: ThankYouNote[];
  /** Outreach drafts, one per contact. */
  outreach: OutreachDraft[];
}

/** The parts of the fake state that stand for a collection of the store (or its settings). */
const trackedCollections = [
  'settings',
  'contacts',
  'activities',
  'reminders',
  'meetings',
  'notes',
  'outreach',
] as const satisfies readonly (keyof FakeState & ChangedCollection)[];

/** Channels after which main says every collection changed (when they did something). */
const replacesEverything: ReadonlySet<Channel> = new Set(['backups:restore', 'data:import']);

/** Ids of the contacts added, replaced or removed between two versions of the list. */
function changedIds(before: readonly Contact[], after: readonly Contact[]): string[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const ids = after.filter((c) => old.get(c.id) !== c).map((c) => c.id);
  const kept = new Set(after.map((c) => c.id));
  return [...ids, ...before.filter((c) => !kept.has(c.id)).map((c) => c.id)];
}

/** The moment the fake main process stamps on what it saves. */
export const FAKE_NOW = '2025-06-02T09:00:00.000Z';

let contactCounter = 0;
/** A valid contact; tests override the fields they care about. */
export function makeContact(patch: Partial<Contact> = {}): Contact {
  contactCounter += 1;
  return {
    id: `contact-${contactCounter}`,
    firstName: 'Sam',
    lastName: `Person ${contactCounter}`,
    title: '',
    company: '',
    industry: '',
    location: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    source: { kind: 'other', detail: '' },
    referredById: null,
    employerId: null,
    tags: [],
    notes: '',
    stage: 'prospect',
    responsiveness: 'unknown',
    keepInTouch: { off: false, days: null },
    createdAt: '2025-05-01T10:00:00.000Z',
    updatedAt: '2025-05-01T10:00:00.000Z',
    ...patch,
  };
}

export interface RecordedCall {
  channel: Channel;
  args: unknown;
}

/** Thrown inside a fake handler to answer with a failed Result, like UserFacingError in main. */
export class FakeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Channels without an entry answer "not-found" unless a test gives one with `respond`. */
type Table = { [C in Channel]?: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> };
type Override = (args: unknown) => unknown;

export const DATA_DIR = '/home/alex/.config/Rapport';

export const okStatus = (patch: Partial<StorageStatus> = {}): StorageStatus => ({
  dataDir: DATA_DIR,
  schemaVersion: 1,
  readOnly: null,
  restored: null,
  noticeDismissed: false,
  ...patch,
});

export const backup = (
  name: string,
  createdAt: string,
  bytes: number,
  reason: BackupInfo['reason'],
) => ({
  name,
  createdAt,
  bytes,
  reason,
});

/**
 * A stand-in for the main process: `createRapportApi` (the preload's own factory) over a
 * transport that checks arguments with the contract's zod schemas, as main does, and answers from
 * an in-memory table. Tests read `calls`, replace single channels with `respond`, and push events
 * with `emit`.
 */
export function createFakeRapport(initial: Partial<FakeState> = {}) {
  const state: FakeState = {
    settings: defaultSettings('en-US'),
    status: okStatus(),
    backups: [],
    contacts: [],
    activities: [],
    reminders: [],
    meetings: [],
    notes: [],
    outreach: [],
    ...initial,
  };
  const trash = new Map<string, FakeState>();
  /** Undo as main does it for a stage move: what the data was before, by token. */
  const undoable = new Map<string, { label: string; before: FakeState }>();
  let idCounter = 0;
  const newId = (prefix: string) => `${prefix}-new-${++idCounter}`;
  const findContact = (id: string) => {
    const contact = state.contacts.find((c) => c.id === id);
    if (!contact) throw new FakeFailure('not-found', 'This contact no longer exists.');
    return contact;
  };
  const replaceContact = (contact: Contact) => {
    state.contacts = state.contacts.map((c) => (c.id === contact.id ? contact : c));
    return contact;
  };
  const logStageChange = (move: StageMove) => {
    state.activities = [
      ...state.activities,
      {
        id: newId('activity'),
        contactId: move.contactId,
        kind: 'stage-change',
        at: FAKE_NOW,
        summary: stageChangeSummary(move.from, move.to),
        meetingId: null,
      },
    ];
  };
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const overrides = new Map<Channel, Override>();
  let backupCounter = 0;

  const addBackup = (reason: BackupInfo['reason']): BackupInfo => {
    backupCounter += 1;
    const info = backup(
      `backup-new-${backupCounter}.json`,
      new Date(Date.UTC(2025, 5, 1, 12, backupCounter)).toISOString(),
      2048,
      reason,
    );
    state.backups = [...state.backups, info];
    return info;
  };

  const table: Table = {
    'app:info': () => ({ version: '0.1.0', platform: 'linux' }),
    'app:openExternal': () => null,
    'app:undo': ({ token }) => {
      const entry = undoable.get(token);
      if (!entry) throw new FakeFailure('not-found', 'This can no longer be undone.');
      undoable.delete(token);
      Object.assign(state, entry.before);
      emit('data:changed', { collections: ['contacts', 'activities', 'reminders'] });
      return { undone: `Undone: ${entry.label}.` };
    },
    'settings:get': () => state.settings,
    'settings:updateProfile': (profile) => {
      state.settings = { ...state.settings, profile };
      return state.settings;
    },
    'settings:update': (patch) => {
      state.settings = { ...state.settings, ...patch };
      return state.settings;
    },
    'storage:status': () => state.status,
    'storage:dismissNotice': () => {
      state.status = { ...state.status, noticeDismissed: true };
      return state.status;
    },
    'storage:openFolder': () => null,
    'backups:list': () => state.backups,
    'backups:create': () => addBackup('manual'),
    'backups:restore': ({ name }) => {
      if (!state.backups.some((b) => b.name === name)) {
        throw new FakeFailure('not-found', 'That backup no longer exists.');
      }
      const safety = addBackup('before-restore');
      return { restored: name, safetyBackup: safety.name };
    },
    'data:export': () => ({ path: '/home/alex/Documents/Rapport data 2025-06-01.json' }),
    'data:import': () => null,
    'attachments:add': () => null,
    'attachments:list': () => [],
    // Summaries without notes, as main sends them; notes are searched by contacts:searchNotes.
    'contacts:list': () => state.contacts.map(contactSummary),
    // No employers unless a test answers with `respond`.
    'employers:list': () => [],
    'contacts:getMany': ({ ids }) =>
      ids.flatMap((id) => {
        const contact = state.contacts.find((c) => c.id === id);
        return contact ? [contactSummary(contact)] : [];
      }),
    'contacts:searchNotes': ({ query }) => {
      const words = searchWords(query);
      const ids = state.contacts
        .filter((c) => {
          const base = fold(`${c.firstName} ${c.lastName}\n${c.company}\n${c.title}`);
          const all = `${base}\n${fold(c.notes)}`;
          return containsAll(all, words) && !containsAll(base, words);
        })
        .map((c) => c.id);
      return { ids, truncated: false };
    },
    'contacts:get': ({ id }) => {
      const contact = findContact(id);
      return {
        contact,
        activities: state.activities
          .filter((a) => a.contactId === id)
          .sort((a, b) => b.at.localeCompare(a.at)),
        reminders: state.reminders.filter((r) => r.contactId === id),
        meetings: state.meetings.filter((m) => m.contactId === id),
        referredBy: state.contacts.find((c) => c.id === contact.referredById) ?? null,
        referrals: state.contacts.filter((c) => c.referredById === id),
      };
    },
    'contacts:findDuplicates': ({ contact, ignoreId }) => {
      const matches: DuplicateMatch[] = [];
      for (const other of state.contacts) {
        if (other.id === ignoreId) continue;
        const li = linkedinKey(contact.linkedinUrl ?? '');
        const em = emailKey(contact.email ?? '');
        const nc = nameCompanyKey(
          contact.firstName ?? '',
          contact.lastName ?? '',
          contact.company ?? '',
        );
        if (li && li === linkedinKey(other.linkedinUrl)) {
          matches.push({ contact: other, reason: 'linkedin' });
        } else if (em && em === emailKey(other.email)) {
          matches.push({ contact: other, reason: 'email' });
        } else if (nc && nc === nameCompanyKey(other.firstName, other.lastName, other.company)) {
          matches.push({ contact: other, reason: 'name-company' });
        }
      }
      return matches;
    },
    'contacts:create': ({ contact }) => {
      const created: Contact = {
        ...contact,
        employerId: contact.employerId ?? null,
        id: newId('contact'),
        responsiveness: 'unknown',
        keepInTouch: { off: false, days: null },
        createdAt: FAKE_NOW,
        updatedAt: FAKE_NOW,
      };
      state.contacts = [...state.contacts, created];
      return created;
    },
    'contacts:update': ({ id, contact }) => {
      const before = findContact(id);
      const move = manualMove(id, before.stage, contact.stage);
      const saved = replaceContact({
        ...before,
        ...contact,
        employerId: contact.employerId === undefined ? before.employerId : contact.employerId,
        updatedAt: FAKE_NOW,
      });
      if (move) logStageChange(move);
      return { contact: saved, effects: { ...noEffects(), stageMoves: move ? [move] : [] } };
    },
    'contacts:delete': ({ id }) => {
      findContact(id);
      const token = newId('undo');
      const impact = {
        meetings: state.meetings.filter((m) => m.contactId === id).length,
        activities: state.activities.filter((a) => a.contactId === id).length,
        reminders: state.reminders.filter((r) => r.contactId === id).length,
        notes: 0,
        referrals: state.contacts.filter((c) => c.referredById === id).length,
      };
      trash.set(token, { ...state });
      state.contacts = state.contacts.filter((c) => c.id !== id);
      state.activities = state.activities.filter((a) => a.contactId !== id);
      state.reminders = state.reminders.filter((r) => r.contactId !== id);
      state.meetings = state.meetings.filter((m) => m.contactId !== id);
      return { undoToken: token, impact };
    },
    'contacts:undoDelete': ({ undoToken }) => {
      const before = trash.get(undoToken);
      if (!before) throw new FakeFailure('not-found', 'There is nothing to undo any more.');
      trash.delete(undoToken);
      const restoredIds = new Set(state.contacts.map((c) => c.id));
      const contact = before.contacts.find((c) => !restoredIds.has(c.id));
      Object.assign(state, {
        contacts: before.contacts,
        activities: before.activities,
        reminders: before.reminders,
        meetings: before.meetings,
      });
      if (!contact) throw new FakeFailure('not-found', 'There is nothing to undo any more.');
      return contact;
    },
    'contacts:setStage': ({ id, stage }) => {
      const before = findContact(id);
      const snapshot = { ...state };
      const move = manualMove(id, before.stage, stage);
      const contact = replaceContact({ ...before, stage, updatedAt: FAKE_NOW });
      if (move) logStageChange(move);
      const label = `Moved ${contact.firstName} ${contact.lastName} to ${stageLabel(stage)}`;
      const token = newId('undo');
      if (move) undoable.set(token, { label, before: snapshot });
      return {
        contact,
        effects: { ...noEffects(), stageMoves: move ? [move] : [] },
        undo: move ? { token, label } : null,
      };
    },
    // Nothing due; how many contacts there are decides the first-run welcome, as in main.
    'reminders:today': (shown) =>
      pagedToday(
        {
          date: FAKE_NOW.slice(0, 10),
          items: [],
          outcomes: [],
          upcomingMeetings: [],
          contactCount: state.contacts.length,
        },
        shown,
      ),
    'reminders:add': ({ contactId, title, date }) => {
      findContact(contactId);
      // Due as main makes it: 09:00 local on the day (the shared rule, not a copy).
      const reminder: Reminder = {
        id: newId('reminder'),
        contactId,
        kind: 'custom',
        due: onDate(date).toISOString(),
        status: 'open',
        snoozedUntil: null,
        createdBy: null,
        title,
      };
      state.reminders = [...state.reminders, reminder];
      return {
        reminder,
        effects: {
          ...noEffects(),
          reminders: { created: [reminder], completed: [], cancelled: [] },
        },
      };
    },
    'thanks:list': (args) =>
      state.notes
        .filter((note) => args?.contactId === undefined || note.contactId === args.contactId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .flatMap((note) => {
          const contact = state.contacts.find((c) => c.id === note.contactId);
          if (!contact) return [];
          const about = state.contacts.find((c) => c.id === note.aboutContactId) ?? null;
          const meeting = state.meetings.find((m) => m.id === note.meetingId) ?? null;
          return [{ note, contact, about, meeting }];
        }),
    'thanks:get': ({ id }) => {
      const note = state.notes.find((n) => n.id === id);
      if (!note) throw new FakeFailure('not-found', 'This thank-you note no longer exists.');
      return note;
    },
    'thanks:discardDraft': ({ id }) => {
      const note = state.notes.find((n) => n.id === id);
      if (note?.sentAt) throw new FakeFailure('conflict', 'This note was already sent.');
      if (note) state.notes = state.notes.filter((n) => n.id !== id);
      return null;
    },
    'outreach:draft': ({ contactId }) => {
      findContact(contactId);
      return state.outreach.find((d) => d.contactId === contactId) ?? null;
    },
    'outreach:drafts': () =>
      state.outreach.flatMap((draft) => {
        const contact = state.contacts.find((c) => c.id === draft.contactId);
        return contact ? [{ draft, contact }] : [];
      }),
    'outreach:saveDraft': ({ contactId, subject, body }) => {
      findContact(contactId);
      const existing = state.outreach.find((d) => d.contactId === contactId);
      const draft: OutreachDraft = {
        id: existing?.id ?? newId('draft'),
        contactId,
        subject: subject.trim(),
        body: body.trim(),
        updatedAt: FAKE_NOW,
      };
      state.outreach = [...state.outreach.filter((d) => d.contactId !== contactId), draft];
      return draft;
    },
    'outreach:discardDraft': ({ contactId }) => {
      if (state.outreach.some((d) => d.contactId === contactId))
        state.outreach = state.outreach.filter((d) => d.contactId !== contactId);
      return null;
    },
    'activities:log': ({ contactId, kind, at, summary }) => {
      const contact = findContact(contactId);
      const activity: Activity = {
        id: newId('activity'),
        contactId,
        kind,
        at,
        summary,
        meetingId: null,
      };
      state.activities = [...state.activities, activity];
      const effects = noEffects();
      let saved = contact;
      if (kind === 'outreach-sent') {
        // The real 3B7 plan (business days, titles) from shared/domain, not a copy of it.
        const plan = planOutreach({
          outreach: activity,
          contact,
          reminders: state.reminders,
          holidays: state.settings.holidays,
          newId: () => newId('reminder'),
        });
        state.reminders = [...state.reminders, ...plan.create];
        effects.reminders.created.push(...plan.create);
        // Main drops the contact's outreach draft in the same change.
        if (state.outreach.some((d) => d.contactId === contactId))
          state.outreach = state.outreach.filter((d) => d.contactId !== contactId);
        const move = eventMove(contactId, contact.stage, 'outreach-sent');
        if (move) {
          saved = replaceContact({ ...contact, stage: move.to, updatedAt: FAKE_NOW });
          logStageChange(move);
          effects.stageMoves.push(move);
        }
      }
      return { activity, contact: saved, effects };
    },
  };

  const transport: BridgeTransport = {
    async invoke(channel, args): Promise<Result<unknown>> {
      calls.push({ channel, args });
      const parsed = contract[channel].args.safeParse(args);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-args',
            message: parsed.error.issues[0]?.message ?? 'Invalid request.',
          },
        };
      }
      try {
        const override = overrides.get(channel);
        const handler = (override ?? table[channel]) as ((a: unknown) => unknown) | undefined;
        if (!handler) throw new FakeFailure('not-found', `The fake has no answer for ${channel}.`);
        const before = { ...state };
        const value = await handler(parsed.data);
        // As main does after a commit: name what changed, so the stores refresh themselves.
        const changed: ChangedCollection[] = replacesEverything.has(channel)
          ? value === null
            ? []
            : ['settings', ...collectionNames]
          : trackedCollections.filter((key) => state[key] !== before[key]);
        // Like main, the contacts written are named (so the renderer's cache updates just those).
        const contactIds =
          changed.includes('contacts') && !replacesEverything.has(channel)
            ? changedIds(before.contacts, state.contacts)
            : undefined;
        if (changed.length > 0)
          queueMicrotask(() =>
            emit('data:changed', {
              collections: changed,
              ...(contactIds ? { ids: { contacts: contactIds } } : {}),
            }),
          );
        return { ok: true, value };
      } catch (error) {
        if (error instanceof FakeFailure)
          return { ok: false, error: { code: error.code, message: error.message } };
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Something went wrong. Your saved data was not changed.',
          },
        };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };

  const api: RapportApi = createRapportApi(transport);
  function emit<E extends EventName>(event: E, payload: EventMap[E]) {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  return {
    api,
    state,
    calls,
    /** The arguments of every call to one channel, oldest first. */
    callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.args),
    /** Answers one channel with `handler` instead of the table (throw FakeFailure to fail). */
    respond<C extends Channel>(
      channel: C,
      handler: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>,
    ) {
      overrides.set(channel, handler as Override);
    },
    /** Sends an event as main would. */
    emit,
    listenerCount: (event: EventName) => listeners.get(event)?.size ?? 0,
    /** Makes this fake the app's `window.rapport`. */
    install() {
      Object.defineProperty(window, 'rapport', { value: api, configurable: true, writable: true });
    },
  };
}

export type FakeRapport = ReturnType<typeof createFakeRapport>;

/** A promise with its resolve function, to hold a call open while the test looks at the screen. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
