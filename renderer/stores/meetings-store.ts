import { create } from 'zustand';
import type { Meeting } from '../../shared/schema/entities.js';
import type { MeetingSummary, ScheduleMeetingInput } from '../../shared/schema/meetings.js';
import { call, errorMessage } from '../api.js';
import { useContactsStore } from './contacts-store.js';

interface MeetingsState {
  meetings: MeetingSummary[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Reloads every meeting (with its contact) for the Meetings area. */
  load(): Promise<void>;
  /**
   * Schedules a meeting; main moves the contact to Scheduled. Throws the ApiError so the dialog
   * keeps what was typed and says what went wrong.
   */
  schedule(input: ScheduleMeetingInput): Promise<Meeting>;
}

const initial = {
  meetings: [] as MeetingSummary[],
  loaded: false,
  loading: false,
  error: null as string | null,
};

/** All meetings, upcoming and past. */
export const useMeetingsStore = create<MeetingsState>()((set, get) => ({
  ...initial,
  load: async () => {
    set({ loading: true });
    try {
      set({
        meetings: await call('meetings:list'),
        loaded: true,
        loading: false,
        error: null,
      });
    } catch (error) {
      set({ loading: false, error: errorMessage(error) });
    }
  },
  schedule: async (input) => {
    const meeting = await call('meetings:schedule', input);
    // The contact moved to Scheduled: lists that are already loaded show it at once.
    if (useContactsStore.getState().loaded) void useContactsStore.getState().load();
    if (get().loaded) void get().load();
    return meeting;
  },
}));

export const resetMeetingsStore = () => useMeetingsStore.setState(initial);

/** A meeting is past once it is held or cancelled, or once its planned end has gone by. */
export function isPastMeeting(meeting: Meeting, now: number): boolean {
  if (meeting.status !== 'planned') return true;
  const end = new Date(meeting.start).getTime() + meeting.minutes * 60_000;
  return Number.isFinite(end) && end < now;
}
