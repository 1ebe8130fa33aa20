import { create } from 'zustand';
import { onUndone, useUndoStore } from './undo-store.js';
import type { Contact, Meeting } from '../../shared/schema/entities.js';
import type { MeetingDetail, MeetingPatch } from '../../shared/schema/meetings.js';
import { fullName } from '../../shared/domain/names.js';
import { ApiError, call, errorMessage } from '../api.js';
import { describeEffects, describeReminders } from '../effects.js';
import { formatDateTime } from '../format.js';

/** The fields the workspace edits and autosaves, each sent whole when it changed. */
export type EditableKey =
  | 'mode'
  | 'place'
  | 'link'
  | 'research'
  | 'questions'
  | 'checklist'
  | 'travelMinutes'
  | 'takeaways'
  | 'advice'
  | 'namesSuggested'
  | 'promises';

export type Feedback = { kind: 'success' | 'error'; text: string };
/** Where a message shows: next to the buttons that caused it. */
export type FeedbackArea = 'files' | 'suggested' | 'documents' | 'status';
export type PrepTask =
  | 'attach'
  | 'detach'
  | 'suggest'
  | 'prepSheet'
  | 'packet'
  | 'print'
  | 'calendar'
  | 'markHeld'
  | 'cancel';

export type AutosaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string };

/** Idle time after the last keystroke before the workspace saves. */
export const AUTOSAVE_MS = 600;

interface PrepState {
  id: string | null;
  /** The meeting as main last returned it, with its contact and attached files. */
  detail: MeetingDetail | null;
  /** What the page shows: the saved meeting plus edits not saved yet. */
  draft: Meeting | null;
  /** Fields edited since the last successful save. */
  pending: EditableKey[];
  autosave: AutosaveState;
  loading: boolean;
  loadError: string | null;
  busy: PrepTask | null;
  feedback: Partial<Record<FeedbackArea, Feedback>>;
  /** The contact created from "Names suggested", linked from the success message. */
  suggested: Contact | null;
  load(id: string): Promise<void>;
  /**
   * After main changed meetings, contacts or files: takes the meeting's status, time, place,
   * contact and files from main. The fields the workspace edits are never replaced: it is their
   * only editor, and a refresh must not undo what is being typed or saved.
   */
  refresh(): Promise<void>;
  /** Changes one field in the draft and saves it after AUTOSAVE_MS without further edits. */
  edit<K extends EditableKey>(key: K, value: Meeting[K]): void;
  /** Saves pending edits now (leaving the page, before exports). True when nothing is left unsaved. */
  flush(): Promise<boolean>;
  attach(role: 'resume' | 'portfolio'): Promise<void>;
  /** A file dropped on the page (its name and base64 bytes), attached as main copies it in. */
  attachDropped(name: string, data: string): Promise<void>;
  detach(attachmentId: string, name: string): Promise<void>;
  addSuggestedContact(input: {
    firstName: string;
    lastName: string;
    company: string;
  }): Promise<boolean>;
  exportPrepSheet(): Promise<void>;
  exportPacket(copies: number): Promise<void>;
  printPacket(copies: number): Promise<void>;
  exportCalendar(): Promise<void>;
  markHeld(): Promise<void>;
  /**
   * Gives a promise from the After notes a day (a task on Today), or takes it away (null). Saves
   * pending edits first; resolves with what to say, from main's result; throws on failure.
   */
  setPromiseTask(text: string, date: string | null): Promise<string>;
  cancelMeeting(): Promise<void>;
  clearFeedback(area: FeedbackArea): void;
}

const initial = {
  id: null as string | null,
  detail: null as MeetingDetail | null,
  draft: null as Meeting | null,
  pending: [] as EditableKey[],
  autosave: { state: 'idle' } as AutosaveState,
  loading: false,
  loadError: null as string | null,
  busy: null as PrepTask | null,
  feedback: {} as Partial<Record<FeedbackArea, Feedback>>,
  suggested: null as Contact | null,
};

let timer: ReturnType<typeof setTimeout> | null = null;
let inflight: Promise<boolean> | null = null;
/** Bumped by every load, so a save that finishes after the page changed knows it. */
let generation = 0;
/**
 * Edits whose save failed after the user had left the meeting, by meeting id: opening the meeting
 * again puts them back, so a failed save never loses what was typed.
 */
const unsaved = new Map<string, Partial<Pick<Meeting, EditableKey>>>();

const clearTimer = () => {
  if (timer !== null) clearTimeout(timer);
  timer = null;
};

const editableKeys: readonly EditableKey[] = [
  'mode',
  'place',
  'link',
  'research',
  'questions',
  'checklist',
  'travelMinutes',
  'takeaways',
  'advice',
  'namesSuggested',
  'promises',
];

const isCancelled = (error: unknown) => error instanceof ApiError && error.code === 'cancelled';

/** The prep workspace of one meeting: loading, autosave, files, documents and status changes. */
export const usePrepStore = create<PrepState>()((set, get) => {
  const say = (area: FeedbackArea, feedback: Feedback | null) =>
    set((s) => {
      const next = { ...s.feedback };
      if (feedback) next[area] = feedback;
      else delete next[area];
      return { feedback: next };
    });

  /** Runs one action at a time; the buttons are disabled meanwhile, this guards double clicks. */
  const task = async (name: PrepTask, run: (id: string) => Promise<void>) => {
    const id = get().id;
    if (!id || get().busy) return;
    set({ busy: name });
    try {
      await run(id);
    } finally {
      if (get().id === id) set({ busy: null });
    }
  };

  /** Puts what main returned into the page without touching fields the user is editing. */
  const applyDetail = (detail: MeetingDetail) =>
    set((s) => {
      if (s.id !== detail.meeting.id) return {};
      const draft = { ...detail.meeting };
      if (s.draft) for (const key of s.pending) Object.assign(draft, { [key]: s.draft[key] });
      return { detail, draft };
    });

  const saveOnce = async (): Promise<boolean> => {
    const { id, draft, pending } = get();
    if (!id || !draft || pending.length === 0) return get().autosave.state !== 'error';
    const started = generation;
    const patch: Record<string, unknown> = {};
    for (const key of pending) patch[key] = draft[key];
    set({ pending: [], autosave: { state: 'saving' } });
    try {
      const meeting = await call('meetings:update', {
        id,
        patch: patch as MeetingPatch,
      });
      if (generation !== started) return true;
      set((s) => ({
        detail: s.detail ? { ...s.detail, meeting } : s.detail,
        draft: s.draft
          ? { ...s.draft, status: meeting.status, updatedAt: meeting.updatedAt }
          : null,
        autosave: s.pending.length > 0 ? s.autosave : { state: 'saved' },
      }));
      return true;
    } catch (error) {
      const message = errorMessage(error);
      if (generation !== started) {
        unsaved.set(id, {
          ...unsaved.get(id),
          ...(patch as Partial<Pick<Meeting, EditableKey>>),
        });
        return false;
      }
      set((s) => ({
        pending: [...new Set([...(Object.keys(patch) as EditableKey[]), ...s.pending])],
        autosave: { state: 'error', message },
      }));
      return false;
    }
  };

  /** Saves edits left behind by a meeting the user moved away from; kept for later on failure. */
  const saveStashed = async (id: string) => {
    while (inflight) await inflight.catch(() => false);
    const patch = unsaved.get(id);
    if (!patch) return;
    try {
      await call('meetings:update', { id, patch });
      if (unsaved.get(id) === patch) unsaved.delete(id);
    } catch {
      // Still in `unsaved`: opening the meeting again shows the edits and saves them.
    }
  };

  return {
    ...initial,
    load: async (id) => {
      clearTimer();
      const leaving = get();
      if (leaving.id && leaving.draft && leaving.pending.length > 0) {
        // Edits not saved yet (or whose save failed) go with the meeting they belong to.
        const patch: Partial<Pick<Meeting, EditableKey>> = {
          ...unsaved.get(leaving.id),
        };
        for (const key of leaving.pending) Object.assign(patch, { [key]: leaving.draft[key] });
        unsaved.set(leaving.id, patch);
        if (leaving.id !== id) void saveStashed(leaving.id);
      }
      generation += 1;
      set({ ...initial, id, loading: true });
      try {
        const detail = await call('meetings:get', { id });
        if (get().id !== id) return;
        const stash = unsaved.get(id);
        unsaved.delete(id);
        const draft = { ...detail.meeting, ...stash };
        const pending = Object.keys(stash ?? {}) as EditableKey[];
        set({
          detail,
          draft,
          pending,
          loading: false,
          autosave: pending.length
            ? {
                state: 'error',
                message: 'Your last changes to this meeting were not saved; they are shown again.',
              }
            : { state: 'idle' },
        });
        if (pending.length) timer = setTimeout(() => void get().flush(), AUTOSAVE_MS);
      } catch (error) {
        if (get().id === id) set({ loading: false, loadError: errorMessage(error) });
      }
    },
    refresh: async () => {
      const { id, detail } = get();
      if (id === null || detail === null) return;
      try {
        const fresh = await call('meetings:get', { id });
        set((s) => {
          if (s.id !== id || s.draft === null) return {};
          const draft = { ...fresh.meeting };
          for (const key of editableKeys) Object.assign(draft, { [key]: s.draft[key] });
          return { detail: fresh, draft };
        });
      } catch {
        // Gone or unreadable now: the next action says so; what is typed stays on screen.
      }
    },
    edit: (key, value) => {
      const { draft } = get();
      if (!draft) return;
      set((s) => ({
        draft: s.draft ? { ...s.draft, [key]: value } : s.draft,
        pending: s.pending.includes(key) ? s.pending : [...s.pending, key],
      }));
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        void get().flush();
      }, AUTOSAVE_MS);
    },
    flush: async () => {
      clearTimer();
      while (inflight) await inflight;
      if (get().pending.length === 0) return get().autosave.state !== 'error';
      inflight = saveOnce();
      try {
        return await inflight;
      } finally {
        inflight = null;
      }
    },
    attach: (role) =>
      task('attach', async (id) => {
        say('files', null);
        try {
          const detail = await call('meetings:attach', { id, role });
          if (detail === null) return;
          applyDetail(detail);
          const count = detail.attachments.length;
          say('files', {
            kind: 'success',
            text: `Attached. This meeting has ${count} ${count === 1 ? 'file' : 'files'}.`,
          });
        } catch (error) {
          if (isCancelled(error)) return;
          say('files', {
            kind: 'error',
            text: `The file was not attached. ${errorMessage(error)}`,
          });
        }
      }),
    attachDropped: (name, data) =>
      task('attach', async (id) => {
        say('files', null);
        try {
          const detail = await call('meetings:attachDropped', { id, name, data });
          applyDetail(detail);
          const count = detail.attachments.length;
          say('files', {
            kind: 'success',
            text: `Attached ${name}. This meeting has ${count} ${count === 1 ? 'file' : 'files'}.`,
          });
        } catch (error) {
          say('files', {
            kind: 'error',
            text: `${name} was not attached. ${errorMessage(error)}`,
          });
        }
      }),
    detach: (attachmentId, name) =>
      task('detach', async (id) => {
        say('files', null);
        try {
          applyDetail(await call('meetings:detach', { id, attachmentId }));
          say('files', {
            kind: 'success',
            text: `Removed ${name} from this meeting.`,
          });
        } catch (error) {
          say('files', {
            kind: 'error',
            text: `${name} was not removed. ${errorMessage(error)}`,
          });
        }
      }),
    addSuggestedContact: async (input) => {
      let ok = false;
      await task('suggest', async (id) => {
        say('suggested', null);
        set({ suggested: null });
        try {
          const contact = await call('meetings:addSuggestedContact', {
            meetingId: id,
            ...input,
          });
          const referrer = get().detail?.contact.firstName ?? 'this contact';
          set({ suggested: contact });
          say('suggested', {
            kind: 'success',
            text: `Added ${fullName(contact)} to your pipeline (referred by ${referrer}).`,
          });
          ok = true;
        } catch (error) {
          say('suggested', {
            kind: 'error',
            text: `The contact was not created. ${errorMessage(error)}`,
          });
        }
      });
      return ok;
    },
    exportPrepSheet: () =>
      task('prepSheet', async (id) => {
        say('documents', null);
        try {
          await get().flush();
          const result = await call('export:prepSheet', { id });
          if (result)
            say('documents', {
              kind: 'success',
              text: `Saved to ${result.path}.`,
            });
        } catch (error) {
          if (isCancelled(error)) return;
          say('documents', {
            kind: 'error',
            text: `The prep sheet was not saved. ${errorMessage(error)}`,
          });
        }
      }),
    exportPacket: (copies) =>
      task('packet', async (id) => {
        say('documents', null);
        try {
          await get().flush();
          const result = await call('export:packet', { id, copies });
          if (result) {
            say('documents', {
              kind: 'success',
              text: `Saved to ${result.path}. The packet has ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}.`,
            });
          }
        } catch (error) {
          if (isCancelled(error)) return;
          say('documents', {
            kind: 'error',
            text: `The packet was not saved. ${errorMessage(error)}`,
          });
        }
      }),
    printPacket: (copies) =>
      task('print', async (id) => {
        say('documents', null);
        try {
          await get().flush();
          const { pages } = await call('export:printPacket', { id, copies });
          say('documents', {
            kind: 'success',
            text: `Opened the packet (${pages} ${pages === 1 ? 'page' : 'pages'}) in your PDF viewer: print it from there.`,
          });
        } catch (error) {
          if (isCancelled(error)) return;
          say('documents', {
            kind: 'error',
            text: `The packet was not printed. ${errorMessage(error)}`,
          });
        }
      }),
    exportCalendar: () =>
      task('calendar', async (id) => {
        say('documents', null);
        try {
          const result = await call('export:calendar', { id });
          if (result)
            say('documents', {
              kind: 'success',
              text: `Saved to ${result.path}.`,
            });
        } catch (error) {
          if (isCancelled(error)) return;
          say('documents', {
            kind: 'error',
            text: `The calendar file was not saved. ${errorMessage(error)}`,
          });
        }
      }),
    markHeld: () =>
      task('markHeld', async (id) => {
        say('status', null);
        try {
          await get().flush();
          const result = await call('meetings:markHeld', { id });
          useUndoStore.getState().offer(result.undo);
          set((s) => ({
            detail: s.detail
              ? {
                  ...s.detail,
                  meeting: result.meeting,
                  contact: result.contact,
                }
              : null,
            draft: s.draft ? { ...s.draft, status: result.meeting.status } : null,
          }));
          const said = describeEffects(result.effects, () => result.contact.firstName);
          say('status', {
            kind: 'success',
            text: `Marked as held.${said ? ` ${said}` : ''}`,
          });
        } catch (error) {
          say('status', {
            kind: 'error',
            text: `The meeting was not marked as held. ${errorMessage(error)}`,
          });
        }
      }),
    cancelMeeting: () =>
      task('cancel', async (id) => {
        say('status', null);
        try {
          await get().flush();
          const meeting = await call('meetings:cancel', { id });
          set((s) => ({
            detail: s.detail ? { ...s.detail, meeting } : null,
            draft: s.draft ? { ...s.draft, status: meeting.status } : null,
          }));
          say('status', {
            kind: 'success',
            text: 'Cancelled the meeting. Its prep notes are kept here.',
          });
        } catch (error) {
          say('status', {
            kind: 'error',
            text: `The meeting was not cancelled. ${errorMessage(error)}`,
          });
        }
      }),
    setPromiseTask: async (text, date) => {
      const id = get().id;
      if (!id) throw new ApiError('not-found', 'No meeting is open.');
      await get().flush();
      const { reminder, effects } = await call('reminders:promise', { meetingId: id, text, date });
      if (reminder === null) return `“${text}” is no longer a task.`;
      const said = describeReminders(effects);
      return said || `“${text}” is on Today from ${formatDateTime(reminder.due)}.`;
    },
    clearFeedback: (area) => say(area, null),
  };
});

// "Marked as held" is out of date once undone (main's change event brings the meeting back).
onUndone(() => usePrepStore.getState().clearFeedback('status'));

export const resetPrepStore = () => {
  clearTimer();
  inflight = null;
  unsaved.clear();
  usePrepStore.setState(initial);
};
