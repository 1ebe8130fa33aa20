import { create } from 'zustand';
import type {
  MeetingChange,
  MeetingSummary,
  ScheduleMeetingInput,
} from '../../shared/schema/meetings.js';
import { call, errorMessage } from '../api.js';

interface MeetingsState {
  meetings: MeetingSummary[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Reloads every meeting (with its contact) for the Meetings area. */
  load(): Promise<void>;
  /** After main changed meetings or contacts: reloads if the list was loaded. */
  refresh(): Promise<void>;
  /**
   * Schedules a meeting; main moves the contact to Scheduled (never backwards) and says so in
   * `effects`. Throws the ApiError so the dialog keeps what was typed and says what went wrong.
   */
  schedule(input: ScheduleMeetingInput): Promise<MeetingChange>;
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
  refresh: async () => {
    if (get().loaded) await get().load();
  },
  schedule: (input) => call('meetings:schedule', input),
}));

export const resetMeetingsStore = () => useMeetingsStore.setState(initial);

export { isPastMeeting } from '../../shared/domain/meeting-times.js';
