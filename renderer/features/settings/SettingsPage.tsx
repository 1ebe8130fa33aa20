import { useRef } from 'react';
import { Tabs } from '../../components/Tabs.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useUiStore, type SettingsTab } from '../../stores/ui-store.js';
import { DataTab } from './DataTab.js';
import { PreferencesTab, ProfileTab } from './SettingsTabs.js';

const tabs = [
  { id: 'profile' as SettingsTab, label: 'Profile', panel: <ProfileTab /> },
  { id: 'preferences' as SettingsTab, label: 'Preferences', panel: <PreferencesTab /> },
  { id: 'data' as SettingsTab, label: 'Data', panel: <DataTab /> },
];

/** Settings: profile, preferences and data, one tab each. */
export function SettingsPage() {
  const selected = useUiStore((s) => s.settingsTab);
  const select = useUiStore((s) => s.selectSettingsTab);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Settings
        </h1>
      </header>
      <Tabs label="Settings sections" tabs={tabs} selected={selected} onSelect={select} />
    </div>
  );
}
