import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api.js';
import { RescheduleDialog } from './RescheduleDialog.js';
import { focusWasLost, useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useThanksStore } from '../../stores/thanks-store.js';
import { useTodayStore } from '../../stores/today-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { contactName, TodayView, type MeetingOutcome } from './TodayView.js';
import { formatShortDate, localDate, snoozeUntil } from './snooze.js';

interface TodayPageProps {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

const systemNow = () => new Date();

/**
 * Container for the home screen: loads Today's view, which also says how many contacts there are
 * (none: the first-run welcome), so the home screen never needs the contact list.
 */
export function TodayPage({ now = systemNow }: TodayPageProps) {
  const view = useTodayStore((s) => s.view);
  const loading = useTodayStore((s) => s.loading);
  const error = useTodayStore((s) => s.error);
  const busy = useTodayStore((s) => s.busy);
  const feedback = useTodayStore((s) => s.feedback);
  const load = useTodayStore((s) => s.load);
  const done = useTodayStore((s) => s.done);
  const snooze = useTodayStore((s) => s.snooze);
  const firstRun = useTodayStore((s) => s.view?.contactCount === 0);
  const needsProfile = useSettingsStore((s) =>
    s.settings ? s.settings.profile.name.trim() === '' : false,
  );
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  const [rescheduling, setRescheduling] = useState<MeetingOutcome | null>(null);
  /** Set by the user's actions: a row they acted on may leave the list, taking focus with it. */
  const acted = useRef(false);

  useEffect(() => {
    void load();
  }, [load]);

  // Done, snoozed, held or "didn't happen" rows disappear once main's change arrives: focus
  // goes to the heading (the message under it says what happened), never to the page body.
  useEffect(() => {
    if (!acted.current) return;
    if (focusWasLost()) {
      heading.current?.focus();
      acted.current = false;
    }
  }, [view, feedback, rescheduling]);

  const today = (view && localDate(view.date)) || now();

  return (
    <>
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
        onDone={(item) => {
          acted.current = true;
          void done(item.reminder.id, contactName(item.contact));
        }}
        onSnooze={(item, option) => {
          acted.current = true;
          const until = snoozeUntil(option.days, now());
          void snooze(item.reminder.id, until, contactName(item.contact), formatShortDate(until));
        }}
        onWrite={(item) => {
          if (useThanksStore.getState().composeFor(item.reminder.kind, item.contact))
            navigate('thanks');
        }}
        onHeld={({ meeting, contact }) =>
          void useTodayStore
            .getState()
            .markHeld(meeting.id, contactName(contact))
            .then((held) => {
              // Straight to the after-meeting notes while the conversation is fresh.
              if (held) navigate(`meetings/${meeting.id}`, { focus: 'prep-after' });
            })
        }
        onReschedule={(outcome) => setRescheduling(outcome)}
        onShowMore={(section) => void useTodayStore.getState().showMore(section)}
        onPrepare={(meetingId) => navigate(`meetings/${meetingId}`)}
        onWriteTo={(contactId) => navigate(`contacts/${contactId}`, { focus: 'write-outreach' })}
        onWriteFollowUp={(contactId) =>
          navigate(`contacts/${contactId}`, { focus: 'write-follow-up' })
        }
        onJoin={(link) =>
          void useTodayStore
            .getState()
            .openExternal(link)
            .catch((error: unknown) =>
              // Main refused or failed to open it: its own words, under the heading.
              useTodayStore.setState({ feedback: { kind: 'error', text: errorMessage(error) } }),
            )
        }
        onDidNotHappen={({ meeting, contact }) => {
          acted.current = true;
          void useTodayStore.getState().didNotHappen(meeting.id, contactName(contact));
        }}
      />
      {rescheduling ? (
        <RescheduleDialog
          name={contactName(rescheduling.contact)}
          start={rescheduling.meeting.start}
          errorText={errorMessage}
          onReschedule={(start) =>
            useTodayStore
              .getState()
              .reschedule(rescheduling.meeting.id, start, contactName(rescheduling.contact))
          }
          onClose={() => {
            acted.current = true;
            setRescheduling(null);
          }}
        />
      ) : null}
    </>
  );
}
