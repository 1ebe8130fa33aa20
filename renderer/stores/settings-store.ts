import { create } from 'zustand';
import { ApiError, call, errorMessage } from '../api.js';
import type { Profile, Settings } from '../../shared/schema/settings.js';
import type { Attachment } from '../../shared/schema/entities.js';

/** The settings edited on Settings > Preferences (saved together with one button). */
export type Preferences = Pick<
  Settings,
  | 'meetingMinutes'
  | 'arriveEarlyMinutes'
  | 'paperSize'
  | 'printGroupedByTopic'
  | 'holidays'
  | 'curmudgeonWaitDays'
  | 'keepInTouchDays'
  | 'notifications'
  | 'textSize'
  | 'weeklyOutreachGoal'
  | 'weeklyMeetingGoal'
>;

/** Progress of one form's save, kept here so the form view stays props-only. */
export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string };

interface SettingsState {
  settings: Settings | null;
  loading: boolean;
  loadError: string | null;
  /**
   * Bumped whenever settings arrive from outside the forms (start, restore, import), so an open
   * form replaces its draft; the form's own saves do not bump it and keep the draft and focus.
   */
  revision: number;
  profileSave: SaveState;
  preferencesSave: SaveState;
  /** Files in the data folder, to name the default resume; null until first asked for. */
  attachments: Attachment[] | null;
  /** What the last default-resume change said. */
  resumeFeedback: { kind: 'success' | 'error'; text: string } | null;
  resumeBusy: boolean;
  load(): Promise<void>;
  /**
   * After main changed settings: takes them only if they differ from what is shown, so a form's
   * own save (which already has them) keeps its draft and focus.
   */
  refresh(): Promise<void>;
  loadAttachments(): Promise<void>;
  /** After main changed attachments: reloads the list if it was loaded. */
  refreshAttachments(): Promise<void>;
  /** Opens the file dialog (main copies the file in) and makes the chosen file the default resume. */
  chooseDefaultResume(): Promise<void>;
  clearDefaultResume(): Promise<void>;
  saveProfile(profile: Profile): Promise<boolean>;
  savePreferences(preferences: Preferences): Promise<boolean>;
}

const idle: SaveState = { state: 'idle' };
const initial = {
  settings: null,
  loading: false,
  loadError: null,
  revision: 0,
  profileSave: idle,
  preferencesSave: idle,
  attachments: null,
  resumeFeedback: null,
  resumeBusy: false,
};

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  ...initial,
  load: async () => {
    set({ loading: true, loadError: null });
    try {
      const settings = await call('settings:get');
      set((state) => ({ settings, loading: false, revision: state.revision + 1 }));
    } catch (error) {
      set({ loading: false, loadError: errorMessage(error) });
    }
  },
  refresh: async () => {
    if (get().settings === null) return;
    try {
      const settings = await call('settings:get');
      if (JSON.stringify(settings) === JSON.stringify(get().settings)) return;
      set((state) => ({ settings, revision: state.revision + 1 }));
    } catch {
      // The settings shown stay; the next change or start loads them again.
    }
  },
  refreshAttachments: async () => {
    if (get().attachments !== null) await get().loadAttachments();
  },
  saveProfile: async (profile) => {
    if (get().profileSave.state === 'saving') return false;
    set({ profileSave: { state: 'saving' } });
    try {
      const settings = await call('settings:updateProfile', profile);
      set({ settings, profileSave: { state: 'saved' } });
      return true;
    } catch (error) {
      set({ profileSave: { state: 'error', message: errorMessage(error) } });
      return false;
    }
  },
  loadAttachments: async () => {
    try {
      set({ attachments: await call('attachments:list') });
    } catch {
      // Only used for the file's name; the setting still shows that a resume is chosen.
    }
  },
  chooseDefaultResume: async () => {
    if (get().resumeBusy) return;
    set({ resumeBusy: true, resumeFeedback: null });
    try {
      const added = await call('attachments:add', { role: 'resume' });
      const file = added?.[0];
      if (!file) return;
      const settings = await call('settings:update', { defaultResumeId: file.id });
      set((state) => ({
        settings,
        attachments: [...(state.attachments ?? []).filter((a) => a.id !== file.id), file],
        resumeFeedback: {
          kind: 'success',
          text: `${file.originalName} is now your default resume for new meetings.`,
        },
      }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cancelled') return;
      set({
        resumeFeedback: {
          kind: 'error',
          text: `The default resume was not changed. ${errorMessage(error)}`,
        },
      });
    } finally {
      set({ resumeBusy: false });
    }
  },
  clearDefaultResume: async () => {
    if (get().resumeBusy) return;
    set({ resumeBusy: true, resumeFeedback: null });
    try {
      const settings = await call('settings:update', { defaultResumeId: null });
      set({
        settings,
        resumeFeedback: {
          kind: 'success',
          text: 'No default resume: attach one to each meeting instead.',
        },
      });
    } catch (error) {
      set({
        resumeFeedback: {
          kind: 'error',
          text: `The default resume was not changed. ${errorMessage(error)}`,
        },
      });
    } finally {
      set({ resumeBusy: false });
    }
  },
  savePreferences: async (preferences) => {
    if (get().preferencesSave.state === 'saving') return false;
    set({ preferencesSave: { state: 'saving' } });
    try {
      const settings = await call('settings:update', preferences);
      set({ settings, preferencesSave: { state: 'saved' } });
      return true;
    } catch (error) {
      set({ preferencesSave: { state: 'error', message: errorMessage(error) } });
      return false;
    }
  },
}));

export const resetSettingsStore = () => useSettingsStore.setState(initial);
