import type { Activity, Reminder } from '../../../shared/schema/entities.js';

export const activityLabels: Record<Activity['kind'], string> = {
  'outreach-sent': 'Outreach sent',
  'reply-received': 'Reply received',
  'follow-up-sent': 'Follow-up sent',
  call: 'Call',
  'meeting-held': 'Meeting held',
  'thank-you-sent': 'Thank-you sent',
  'stage-change': 'Stage change',
  note: 'Note',
};

/** A short glyph per kind, drawn next to the label (decorative: the label says it in words). */
export const activityIcons: Record<Activity['kind'], string> = {
  'outreach-sent': '✉',
  'reply-received': '↩',
  'follow-up-sent': '↻',
  call: '☏',
  'meeting-held': '◷',
  'thank-you-sent': '♥',
  'stage-change': '→',
  note: '✎',
};

export const loggableKinds = [
  'outreach-sent',
  'reply-received',
  'follow-up-sent',
  'call',
  'meeting-held',
  'thank-you-sent',
  'note',
] as const;

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

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

const and = (items: string[]) =>
  new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);

/** What logging did to reminders, in one sentence (null when it did nothing). */
export function reminderSummary(created: Reminder[], cancelled: Reminder[]): string | null {
  const parts: string[] = [];
  if (created.length > 0) {
    const days = [...created]
      .sort((a, b) => a.due.localeCompare(b.due))
      .map((r) => formatShortDay(r.due));
    parts.push(
      `${created.length === 1 ? 'Follow-up reminder set for' : 'Follow-up reminders set for'} ${and(days)}.`,
    );
  }
  if (cancelled.length > 0) {
    parts.push(
      cancelled.length === 1
        ? 'The open follow-up reminder was cancelled.'
        : `${cancelled.length} open follow-up reminders were cancelled.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The value a datetime-local input wants for a moment, in local time. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
