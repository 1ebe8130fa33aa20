import { create } from 'zustand';
import { call, errorMessage } from '../api.js';
import type { Profile, Settings } from '../../shared/schema/settings.js';

export type Preferences = Pick<
  Settings,
  'meetingMinutes' | 'arriveEarlyMinutes' | 'paperSize' | 'holidays' | 'curmudgeonWaitDays'
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
  load(): Promise<void>;
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
