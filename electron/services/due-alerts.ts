import type { NavigationTarget } from '../../shared/contract.js';
import { fullName } from '../../shared/domain/names.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type { Contact, Reminder } from '../../shared/schema/entities.js';
import { dayBounds, dueTime } from './reminders.js';
import type { Clock } from './types.js';

/**
 * What the dock badge and the system notifications say, from the same rule as Today's list
 * (`dueTime`): the badge counts what is due today; a notification tells of each reminder as it
 * falls due while Rapport runs, and of everything already due at start, grouped into one.
 * Electron-free, so it is tested with a clock and a store; `electron/due-notifier.ts` shows it.
 */

export interface DueAlert {
  title: string;
  body: string;
  /** Where a click on it goes: the contact for one reminder, Today for several. */
  open: NavigationTarget;
}

export interface DueCheck {
  /** Due today, overdue included: the badge. */
  count: number;
  /** Reminders that fell due since the last check (at start: all that are due), or null. */
  alert: DueAlert | null;
}

/** At most this many reminders are named in a grouped notification. */
const NAMED = 3;

interface Fresh {
  reminder: Reminder;
  contact: Contact;
  at: number;
}

function describe(fresh: readonly Fresh[], total: number): DueAlert {
  if (total === 1) {
    const [{ reminder, contact }] = fresh as [Fresh];
    const company = contact.company.trim();
    return {
      title: reminder.title,
      body: company === '' ? fullName(contact) : `${fullName(contact)} · ${company}`,
      open: `contacts/${contact.id}`,
    };
  }
  const named = fresh.map((item) => item.reminder.title);
  const more = total - named.length;
  return {
    title: `${total} reminders are due`,
    body: more > 0 ? `${named.join('; ')}; and ${more} more` : named.join('; '),
    open: 'home',
  };
}

/** Oldest first; the same due time in id order, so the names never depend on storage order. */
const byDue = (a: Fresh, b: Fresh) =>
  a.at - b.at || (a.reminder.id < b.reminder.id ? -1 : a.reminder.id > b.reminder.id ? 1 : 0);

/** Keeps the `NAMED` oldest of what fell due (a grouped notification names those), in order. */
function keepOldest(oldest: Fresh[], item: Fresh): void {
  if (oldest.length === NAMED && byDue(item, oldest[NAMED - 1]!) >= 0) return;
  oldest.push(item);
  oldest.sort(byDue);
  if (oldest.length > NAMED) oldest.pop();
}

/** Reminders looked at per turn of the event loop: a few ms each here. */
const SLICE = 5_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One pass over the reminders per check, in slices that give the event loop back between them,
 * nothing sorted but the three named: at 50,000 contacts with 100,000 reminders a check never
 * holds main for long. What "fell due since the last check" means: its due time (or the end of
 * its snooze) lies after the previous check and not after now; at the first check, everything due
 * up to now.
 */
export function createDueAlerts(options: { read(): Readonly<Dataset>; now: Clock }) {
  /** The previous check's time; -Infinity before the first, so the first tells all that is due. */
  let checkedUntil = -Infinity;
  return {
    /** `notify` false (turned off in Preferences): the badge only; nothing is saved up for later. */
    async check(notify: boolean): Promise<DueCheck> {
      const now = options.now();
      const nowMs = now.getTime();
      const { startOfTomorrow } = dayBounds(now);
      const since = checkedUntil;
      checkedUntil = Math.max(checkedUntil, nowMs);
      const ids = Object.keys(options.read().reminders);
      let count = 0;
      let fresh = 0;
      const oldest: Fresh[] = [];
      for (let start = 0; start < ids.length; start += SLICE) {
        if (start > 0) await nextTurn();
        // Read again each turn: a save in between may have replaced or removed some.
        const { reminders, contacts } = options.read();
        for (const id of ids.slice(start, start + SLICE)) {
          const reminder = Object.hasOwn(reminders, id) ? reminders[id] : undefined;
          if (reminder === undefined) continue;
          const at = dueTime(reminder, nowMs, startOfTomorrow);
          if (at === null || !Object.hasOwn(contacts, reminder.contactId)) continue;
          count += 1;
          if (at > since && at <= nowMs) {
            fresh += 1;
            keepOldest(oldest, { reminder, contact: contacts[reminder.contactId]!, at });
          }
        }
      }
      return { count, alert: notify && fresh > 0 ? describe(oldest, fresh) : null };
    },
  };
}

export type DueAlerts = ReturnType<typeof createDueAlerts>;
