import type { Activity } from '../../../shared/schema/entities.js';

export const activityLabels: Record<Activity['kind'], string> = {
  'outreach-sent': 'Outreach sent',
  'reply-received': 'Reply received',
  'follow-up-sent': 'Follow-up sent',
  call: 'Call',
  'meeting-held': 'Meeting held',
  'thank-you-sent': 'Thank-you sent',
  'report-back-sent': 'Report-back sent',
  'referrer-thanks-sent': 'Referrer thanked',
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
  'report-back-sent': '★',
  'referrer-thanks-sent': '♥',
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
  'report-back-sent',
  'note',
] as const;

export { formatShortDay } from '../../effects.js';

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** The value a datetime-local input wants for a moment, in local time. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
