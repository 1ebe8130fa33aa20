import { useEffect, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { DefaultResume, PreferencesForm } from './PreferencesForm.js';
import { ProfileForm } from './ProfileForm.js';

/** Shown in place of a form until settings arrive, or when they could not be read. */
function SettingsGate({ children }: { children: ReactNode }) {
  const ready = useSettingsStore((s) => s.settings !== null);
  const loadError = useSettingsStore((s) => s.loadError);
  const load = useSettingsStore((s) => s.load);
  if (ready) return <>{children}</>;
  if (loadError) {
    return (
      <ErrorMessage>
        <p>Your settings could not be loaded. {loadError}</p>
        <button type="button" className="button button-small" onClick={() => void load()}>
          Try again
        </button>
      </ErrorMessage>
    );
  }
  return <Loading label="Loading your settings…" size="page" />;
}

/** Container: Settings > Profile. */
export function ProfileTab() {
  const profile = useSettingsStore((s) => s.settings?.profile ?? null);
  const revision = useSettingsStore((s) => s.revision);
  const saveState = useSettingsStore((s) => s.profileSave);
  const saveProfile = useSettingsStore((s) => s.saveProfile);
  const readOnly = useStorageStore(selectReadOnly);
  return (
    <SettingsGate>
      {profile ? (
        <ProfileForm
          profile={profile}
          revision={revision}
          saveState={saveState}
          readOnlyReason={readOnly?.reason ?? null}
          onSave={saveProfile}
        />
      ) : null}
    </SettingsGate>
  );
}

/** Container: Settings > Preferences. */
export function PreferencesTab() {
  const preferences = useSettingsStore(
    useShallow((s) =>
      s.settings
        ? {
            meetingMinutes: s.settings.meetingMinutes,
            arriveEarlyMinutes: s.settings.arriveEarlyMinutes,
            paperSize: s.settings.paperSize,
            printGroupedByTopic: s.settings.printGroupedByTopic,
            holidays: s.settings.holidays,
            curmudgeonWaitDays: s.settings.curmudgeonWaitDays,
            keepInTouchDays: s.settings.keepInTouchDays,
            notifications: s.settings.notifications,
            textSize: s.settings.textSize,
            weeklyOutreachGoal: s.settings.weeklyOutreachGoal,
            weeklyMeetingGoal: s.settings.weeklyMeetingGoal,
          }
        : null,
    ),
  );
  const revision = useSettingsStore((s) => s.revision);
  const saveState = useSettingsStore((s) => s.preferencesSave);
  const savePreferences = useSettingsStore((s) => s.savePreferences);
  const readOnly = useStorageStore(selectReadOnly);
  return (
    <SettingsGate>
      {preferences ? (
        <PreferencesForm
          preferences={preferences}
          revision={revision}
          saveState={saveState}
          readOnlyReason={readOnly?.reason ?? null}
          onSave={savePreferences}
        />
      ) : null}
      {preferences ? <DefaultResumeContainer /> : null}
    </SettingsGate>
  );
}

/** Container: the default resume, saved at once through the settings store. */
function DefaultResumeContainer() {
  const id = useSettingsStore((s) => s.settings?.defaultResumeId ?? null);
  const file = useSettingsStore((s) => s.attachments?.find((a) => a.id === id) ?? null);
  const busy = useSettingsStore((s) => s.resumeBusy);
  const feedback = useSettingsStore((s) => s.resumeFeedback);
  const readOnly = useStorageStore(selectReadOnly);
  useEffect(() => {
    void useSettingsStore.getState().loadAttachments();
  }, []);
  return (
    <DefaultResume
      resume={id ? { id, name: file?.originalName ?? null, size: file?.size ?? null } : null}
      busy={busy}
      feedback={feedback}
      readOnlyReason={readOnly?.reason ?? null}
      onChoose={() => void useSettingsStore.getState().chooseDefaultResume()}
      onClear={() => void useSettingsStore.getState().clearDefaultResume()}
    />
  );
}
