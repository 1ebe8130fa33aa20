import { create } from 'zustand';

/** 'home' is the Today view. 'contact' shows one contact (or the new-contact form). */
export type Area =
  | 'home'
  | 'pipeline'
  | 'contact'
  | 'import'
  | 'employers'
  | 'employer'
  | 'meetings'
  | 'meeting'
  | 'thanks'
  | 'learnings'
  | 'insights'
  | 'settings';
export type SettingsTab = 'profile' | 'preferences' | 'data';
export type Route =
  | 'home'
  | 'pipeline'
  | 'import'
  | 'contacts/new'
  | `contacts/${string}`
  | 'employers'
  | `employers/${string}`
  | 'meetings'
  | `meetings/${string}`
  | 'thanks'
  | 'learnings'
  | 'insights'
  | 'settings'
  | `settings/${SettingsTab}`;

export const settingsTabs: readonly SettingsTab[] = ['profile', 'preferences', 'data'];

interface UiState {
  area: Area;
  /** The contact shown when area is 'contact'; null means the new-contact form. */
  contactId: string | null;
  /** The meeting whose prep workspace is shown when area is 'meeting'. */
  meetingId: string | null;
  /** The employer whose page is shown when area is 'employer'. */
  employerId: string | null;
  settingsTab: SettingsTab;
  /**
   * Bumped by `navigate` (sidebar, buttons, the app menu) but not by switching tabs, so the page
   * can move focus to its heading after a real change of place without fighting the tablist.
   */
  navigationCount: number;
  /**
   * The id of an element the new page should focus instead of its heading (e.g. a meeting's
   * after-meeting notes when "Held" was chosen on Today); the page clears it once used.
   */
  focusTarget: string | null;
  /** Help > Keyboard shortcuts is open. */
  shortcutsOpen: boolean;
  /** The command palette (⌘/Ctrl+K) is open. */
  paletteOpen: boolean;
  navigate(to: Route, options?: { focus?: string }): void;
  showShortcuts(open: boolean): void;
  showPalette(open: boolean): void;
  clearFocusTarget(): void;
  selectSettingsTab(tab: SettingsTab): void;
}

const initial = {
  area: 'home' as Area,
  contactId: null as string | null,
  meetingId: null as string | null,
  employerId: null as string | null,
  settingsTab: 'profile' as SettingsTab,
  navigationCount: 0,
  focusTarget: null as string | null,
  shortcutsOpen: false,
  paletteOpen: false,
};

/** Parses a route from anywhere (including main's `app:navigate`); unknown routes give null. */
export function parseRoute(to: unknown): {
  area: Area;
  tab: SettingsTab | null;
  contactId?: string | null;
  meetingId?: string | null;
  employerId?: string | null;
} | null {
  if (
    to === 'home' ||
    to === 'pipeline' ||
    to === 'import' ||
    to === 'meetings' ||
    to === 'employers' ||
    to === 'learnings' ||
    to === 'insights' ||
    to === 'thanks'
  ) {
    return { area: to, tab: null };
  }
  if (typeof to === 'string' && /^meetings\/[^/]{1,100}$/.test(to)) {
    return { area: 'meeting', tab: null, meetingId: to.slice('meetings/'.length) };
  }
  if (typeof to === 'string' && /^employers\/[^/]{1,100}$/.test(to)) {
    return { area: 'employer', tab: null, employerId: to.slice('employers/'.length) };
  }
  if (to === 'settings') return { area: 'settings', tab: null };
  if (to === 'contacts/new') return { area: 'contact', tab: null, contactId: null };
  if (typeof to === 'string' && /^contacts\/[^/]{1,100}$/.test(to)) {
    return { area: 'contact', tab: null, contactId: to.slice('contacts/'.length) };
  }
  if (typeof to === 'string' && to.startsWith('settings/')) {
    const tab = to.slice('settings/'.length);
    if ((settingsTabs as readonly string[]).includes(tab)) {
      return { area: 'settings', tab: tab as SettingsTab };
    }
  }
  return null;
}

/** Where the user is. In-app routing is this store: the app has one window and few places. */
export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  navigate: (to, options) => {
    const route = parseRoute(to);
    if (!route) return;
    set((state) => ({
      area: route.area,
      contactId: route.contactId === undefined ? state.contactId : route.contactId,
      meetingId: route.meetingId === undefined ? state.meetingId : route.meetingId,
      employerId: route.employerId === undefined ? state.employerId : route.employerId,
      settingsTab: route.tab ?? state.settingsTab,
      navigationCount: state.navigationCount + 1,
      focusTarget: options?.focus ?? null,
    }));
  },
  clearFocusTarget: () => set({ focusTarget: null }),
  showShortcuts: (open) => set({ shortcutsOpen: open }),
  showPalette: (open) => set({ paletteOpen: open }),
  selectSettingsTab: (tab) => set({ settingsTab: tab }),
}));

export const resetUiStore = () => useUiStore.setState(initial);
