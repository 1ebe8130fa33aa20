import { useRef } from 'react';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { HomeView } from './HomeView.js';

/** Container for Home. */
export function HomePage() {
  const needsProfile = useSettingsStore((s) =>
    s.settings ? s.settings.profile.name.trim() === '' : null,
  );
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  return (
    <HomeView
      headingRef={heading}
      needsProfile={needsProfile}
      onSetUpProfile={() => navigate('settings/profile')}
    />
  );
}
