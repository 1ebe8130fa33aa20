import { useEffect, useRef } from 'react';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useTodayStore } from '../../stores/today-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { contactName, TodayView } from './TodayView.js';
import { formatShortDate, localDate, snoozeUntil } from './snooze.js';

interface TodayPageProps {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

const systemNow = () => new Date();

/** Container for the home screen: loads Today's reminders and the contacts (for first run). */
export function TodayPage({ now = systemNow }: TodayPageProps) {
  const view = useTodayStore((s) => s.view);
  const loading = useTodayStore((s) => s.loading);
  const error = useTodayStore((s) => s.error);
  const busy = useTodayStore((s) => s.busy);
  const feedback = useTodayStore((s) => s.feedback);
  const load = useTodayStore((s) => s.load);
  const done = useTodayStore((s) => s.done);
  const snooze = useTodayStore((s) => s.snooze);
  const firstRun = useContactsStore((s) => s.loaded && s.contacts.length === 0);
  const needsProfile = useSettingsStore((s) =>
    s.settings ? s.settings.profile.name.trim() === '' : false,
  );
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);

  useEffect(() => {
    void load();
    void useContactsStore.getState().load();
  }, [load]);

  const today = (view && localDate(view.date)) || now();

  return (
    <TodayView
      headingRef={heading}
      today={today}
      view={view}
      loading={loading}
      error={error}
      firstRun={firstRun}
      needsProfile={needsProfile}
      busy={busy}
      feedback={feedback}
      onRetry={() => void load()}
      onOpenContact={(id) => navigate(`contacts/${id}`)}
      onAddContact={() => navigate('contacts/new')}
      onImport={() => navigate('import')}
      onSetUpProfile={() => navigate('settings/profile')}
      onDone={(item) => void done(item.reminder.id, contactName(item.contact))}
      onSnooze={(item, option) => {
        const until = snoozeUntil(option.days, now());
        void snooze(item.reminder.id, until, contactName(item.contact), formatShortDate(until));
      }}
    />
  );
}
