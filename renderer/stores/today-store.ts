import { create } from 'zustand';
import { TODAY_PAGE_SIZE } from '../../shared/domain/today-pages.js';
import type {
  LogActivityResult,
  TodayRequest,
  TodaySection,
  TodayView,
} from '../../shared/schema/pipeline.js';
import { onUndone, useUndoStore } from './undo-store.js';
import { call, errorMessage } from '../api.js';
import { describeEffects, describeReminders } from '../effects.js';
import { formatMeetingTime } from '../features/meetings/format.js';

export type Feedback = { kind: 'success' | 'error'; text: string };

interface TodayState {
  view: TodayView | null;
  loading: boolean;
  error: string | null;
  /** Reminders with a call in flight: their buttons are disabled meanwhile. */
  busy: string[];
  feedback: Feedback | null;
  /** Rows of each long list asked for: a page more on each "Show more", kept across reloads. */
  shown: TodayRequest;
  load(): Promise<void>;
  /** Asks for the next page of one of the long lists. */
  showMore(section: TodaySection): Promise<void>;
  /** After main changed reminders, contacts or meetings: reloads if the view was loaded. */
  refresh(): Promise<void>;
  done(id: string, contactName: string): Promise<void>;
  snooze(id: string, until: Date, contactName: string, label: string): Promise<void>;
  /**
   * Logs a sent outreach e-mail (which creates the 3B7 follow-ups in main) and refreshes Today.
   * Throws the ApiError so the composer can keep its draft and say what went wrong.
   */
  /** Logs an e-mail the composer handed off: the first one (3B7 starts) or the day-7 follow-up. */
  logOutreach(
    contactId: string,
    subject: string,
    at: Date,
    kind?: 'outreach-sent' | 'follow-up-sent',
  ): Promise<LogActivityResult>;
  /** Opens a mailto: (or http) link in the user's own app through main's allowlist. */
  openExternal(url: string): Promise<void>;
  /**
   * "Did it happen?": held. Resolves true when main marked it held (the caller then opens the
   * after-meeting notes); the message says what main moved and scheduled.
   */
  markHeld(meetingId: string, contactName: string): Promise<boolean>;
  /** "Did it happen?": no. The meeting is cancelled and the timeline says it did not happen. */
  didNotHappen(meetingId: string, contactName: string): Promise<void>;
  /** "Did it happen?": it moved. Throws the ApiError so the dialog keeps the date and says why. */
  reschedule(meetingId: string, start: Date, contactName: string): Promise<void>;
}

const initial = {
  view: null as TodayView | null,
  loading: false,
  error: null as string | null,
  busy: [] as string[],
  feedback: null as Feedback | null,
  shown: {} as TodayRequest,
};

/** The Today view: due and overdue reminders, upcoming meetings, and the outreach log. */
export const useTodayStore = create<TodayState>()((set, get) => {
  let inFlight: Promise<void> | null = null;
  /** Set when the answer in flight may be out of date: another load follows it. */
  let staleAnswer = false;
  const withBusy = async (id: string, run: () => Promise<void>) => {
    if (get().busy.includes(id)) return;
    set((s) => ({ busy: [...s.busy, id] }));
    try {
      await run();
    } finally {
      set((s) => ({ busy: s.busy.filter((b) => b !== id) }));
    }
  };
  return {
    ...initial,
    load: () => {
      // Loads asked for while one is in flight share it (the page's start asks before Today
      // mounts, and Today asks on mount); a change meanwhile asks again once it is answered.
      if (inFlight) return inFlight;
      set({ loading: true });
      inFlight = (async () => {
        try {
          const view = await call('reminders:today', get().shown);
          set({ view, loading: false, error: null });
        } catch (error) {
          set({ loading: false, error: errorMessage(error) });
        } finally {
          inFlight = null;
        }
        if (staleAnswer) {
          staleAnswer = false;
          await get().load();
        }
      })();
      return inFlight;
    },
    showMore: async (section) => {
      const shown = get().shown;
      set({
        shown: { ...shown, [section]: (shown[section] ?? TODAY_PAGE_SIZE) + TODAY_PAGE_SIZE },
      });
      if (inFlight) staleAnswer = true;
      await get().load();
    },
    refresh: async () => {
      if (inFlight) {
        staleAnswer = true;
        return inFlight;
      }
      if (get().view) await get().load();
    },
    done: (id, contactName) =>
      withBusy(id, async () => {
        try {
          const { effects, undo } = await call('reminders:done', { id });
          useUndoStore.getState().offer(undo);
          // Done itself is said here; what it started (the next keep-in-touch) comes from main.
          const started = describeReminders({
            ...effects,
            reminders: { ...effects.reminders, completed: [] },
          });
          set({
            feedback: {
              kind: 'success',
              text: `Marked the reminder for ${contactName} done.${started ? ` ${started}` : ''}`,
            },
          });
        } catch (error) {
          set({
            feedback: {
              kind: 'error',
              text: `The reminder for ${contactName} was not changed. ${errorMessage(error)}`,
            },
          });
        }
      }),
    snooze: (id, until, contactName, label) =>
      withBusy(id, async () => {
        try {
          const { undo } = await call('reminders:snooze', { id, until: until.toISOString() });
          useUndoStore.getState().offer(undo);
          set({
            feedback: {
              kind: 'success',
              text: `Snoozed the reminder for ${contactName} until ${label}.`,
            },
          });
        } catch (error) {
          set({
            feedback: {
              kind: 'error',
              text: `The reminder for ${contactName} was not snoozed. ${errorMessage(error)}`,
            },
          });
        }
      }),
    logOutreach: async (contactId, subject, at, kind = 'outreach-sent') => {
      const fallback = kind === 'follow-up-sent' ? 'Follow-up e-mail' : 'Outreach e-mail';
      const result = await call('activities:log', {
        contactId,
        kind,
        at: at.toISOString(),
        summary: subject.trim() === '' ? fallback : subject.trim().slice(0, 5_000),
      });
      return result;
    },
    openExternal: async (url) => {
      await call('app:openExternal', { url });
    },
    markHeld: async (meetingId, contactName) => {
      let held = false;
      await withBusy(meetingId, async () => {
        try {
          const result = await call('meetings:markHeld', { id: meetingId });
          useUndoStore.getState().offer(result.undo);
          const said = describeEffects(result.effects, () => result.contact.firstName);
          set({
            feedback: {
              kind: 'success',
              text: `Marked your meeting with ${contactName} as held.${said ? ` ${said}` : ''}`,
            },
          });
          held = true;
        } catch (error) {
          set({
            feedback: {
              kind: 'error',
              text: `The meeting with ${contactName} was not marked as held. ${errorMessage(error)}`,
            },
          });
        }
      });
      return held;
    },
    didNotHappen: (meetingId, contactName) =>
      withBusy(meetingId, async () => {
        try {
          await call('meetings:cancel', { id: meetingId, didNotHappen: true });
          set({
            feedback: {
              kind: 'success',
              text: `Noted that your meeting with ${contactName} did not happen. It is kept, marked cancelled, on ${contactName}’s timeline.`,
            },
          });
        } catch (error) {
          set({
            feedback: {
              kind: 'error',
              text: `The meeting with ${contactName} was not changed. ${errorMessage(error)}`,
            },
          });
        }
      }),
    reschedule: async (meetingId, start, contactName) => {
      const meeting = await call('meetings:update', {
        id: meetingId,
        patch: { start: start.toISOString() },
      });
      set({
        feedback: {
          kind: 'success',
          text: `Moved your meeting with ${contactName} to ${formatMeetingTime(meeting.start)}.`,
        },
      });
    },
  };
});

// What Done, Snooze or Mark as held did is out of date once undone.
onUndone(() => useTodayStore.setState({ feedback: null }));

export const resetTodayStore = () => useTodayStore.setState(initial);
