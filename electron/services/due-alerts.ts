import type { NavigationTarget } from '../../shared/contract.js';
import { fullName } from '../../shared/domain/names.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import { dueToday, type DueReminder } from './reminders.js';
import type { Clock } from './types.js';

/**
 * What the dock badge and the system notifications say, from the same rule as Today's list
 * (`dueToday`): the badge counts what is due today; a notification tells of each reminder as it
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

/** A reminder falls due once per due time: snoozed and due again, it is told again. */
const keyOf = (item: DueReminder) => `${item.reminder.id}@${item.at}`;

/** At most this many reminders are named in a grouped notification. */
const NAMED = 3;

function describe(items: readonly DueReminder[]): DueAlert {
  if (items.length === 1) {
    const [{ reminder, contact }] = items as [DueReminder];
    const company = contact.company.trim();
    return {
      title: reminder.title,
      body: company === '' ? fullName(contact) : `${fullName(contact)} · ${company}`,
      open: `contacts/${contact.id}`,
    };
  }
  const named = items.slice(0, NAMED).map((item) => item.reminder.title);
  const more = items.length - named.length;
  return {
    title: `${items.length} reminders are due`,
    body: more > 0 ? `${named.join('; ')}; and ${more} more` : named.join('; '),
    open: 'home',
  };
}

export function createDueAlerts(options: { read(): Readonly<Dataset>; now: Clock }) {
  let told = new Set<string>();
  return {
    /** `notify` false (turned off in Preferences): the badge only; nothing is saved up for later. */
    check(notify: boolean): DueCheck {
      const now = options.now();
      const due = dueToday(options.read(), now);
      const fresh = due.filter((item) => item.at <= now.getTime() && !told.has(keyOf(item)));
      // Only what is still due is remembered, so the set stays as small as Today's list.
      const next = new Set<string>();
      for (const item of due) if (told.has(keyOf(item))) next.add(keyOf(item));
      for (const item of fresh) next.add(keyOf(item));
      told = next;
      return { count: due.length, alert: notify && fresh.length > 0 ? describe(fresh) : null };
    },
  };
}

export type DueAlerts = ReturnType<typeof createDueAlerts>;
