import { reminderNoun, type ReminderKind } from '../shared/domain/reminder-policy.js';
import { stageLabel } from '../shared/domain/stages.js';
import type { Effects } from '../shared/schema/effects.js';
import type { Reminder } from '../shared/schema/entities.js';

/**
 * Messages about what a change did, built only from the `effects` main returned: a stage move is
 * mentioned when main moved the contact, a reminder when main set or closed one. Nothing here
 * guesses from what the user clicked.
 */

/** "Tue 8 Dec" or "Tue, Dec 8", as the user's locale writes a short day. */
export function formatShortDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown day';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(date);
}

/** "Thu, Dec 4, 10:30 AM": a due time that is not the usual 09:00 reminder hour. */
function formatDayTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

const and = (items: string[]) =>
  new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Groups reminders by what the user calls them (both follow-up kinds are "follow-up"). */
function byNoun(reminders: readonly Reminder[]): Map<string, Reminder[]> {
  const groups = new Map<string, Reminder[]>();
  for (const reminder of reminders) {
    const noun = reminderNoun(reminder.kind);
    const list = groups.get(noun);
    if (list === undefined) groups.set(noun, [reminder]);
    else list.push(reminder);
  }
  return groups;
}

const timed: ReadonlySet<ReminderKind> = new Set(['thank-you-due']);

function createdSentence(noun: string, reminders: Reminder[]): string {
  const sorted = [...reminders].sort((a, b) => a.due.localeCompare(b.due));
  const days = sorted.map((r) =>
    timed.has(r.kind) ? formatDayTime(r.due) : formatShortDay(r.due),
  );
  if (noun === 'thank-you note') return `A thank-you note is due ${and(days)}.`;
  const what = `${capital(noun)} reminder${sorted.length === 1 ? '' : 's'}`;
  return `${what} set for ${and(days)}.`;
}

function closedSentence(noun: string, count: number, how: 'done' | 'cancelled'): string {
  if (how === 'cancelled')
    return count === 1
      ? `The open ${noun} reminder was cancelled.`
      : `${count} open ${noun} reminders were cancelled.`;
  return count === 1 ? `The ${noun} reminder is done.` : `${count} ${noun} reminders are done.`;
}

/** What a change did to reminders, in sentences (empty when it did nothing). */
export function describeReminders(effects: Effects): string {
  const { created, completed, cancelled } = effects.reminders;
  const parts: string[] = [];
  const createdGroups = byNoun(created);
  // A reminder cancelled and set again in one change was moved: say where it went, once.
  const moved = new Set(
    [...byNoun(cancelled).keys()].filter((noun) => createdGroups.has(noun) && noun !== 'follow-up'),
  );
  for (const [noun, list] of createdGroups) {
    if (moved.has(noun) && list.length === 1) {
      parts.push(`${capital(noun)} reminder moved to ${formatShortDay(list[0]!.due)}.`);
    } else parts.push(createdSentence(noun, list));
  }
  for (const [noun, list] of byNoun(completed))
    parts.push(closedSentence(noun, list.length, 'done'));
  for (const [noun, list] of byNoun(cancelled))
    if (!moved.has(noun)) parts.push(closedSentence(noun, list.length, 'cancelled'));
  return parts.join(' ');
}

/** "Zoë moved from Scheduled to Met." for each stage move main made. */
export function describeStageMoves(effects: Effects, nameOf: (contactId: string) => string) {
  return effects.stageMoves
    .map(
      (move) =>
        `${nameOf(move.contactId)} moved from ${stageLabel(move.from)} to ${stageLabel(move.to)}.`,
    )
    .join(' ');
}

/** Stage moves, then reminders: everything a change did, or '' when it did nothing else. */
export function describeEffects(effects: Effects, nameOf: (contactId: string) => string): string {
  return [describeStageMoves(effects, nameOf), describeReminders(effects)]
    .filter((part) => part !== '')
    .join(' ');
}
