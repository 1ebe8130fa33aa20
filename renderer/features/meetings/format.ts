import { MODE_LABELS, meetingWhere } from '../../../shared/domain/arrival.js';
import type { Meeting } from '../../../shared/schema/entities.js';

export const statusLabels: Record<Meeting['status'], string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** "Tue, Jun 10, 2025, 2:00 PM" in the user's locale and time zone. */
export function formatMeetingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** Just the clock time, e.g. "1:25 PM". */
export function formatClock(date: Date): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

export const minutesLabel = (minutes: number) => `${minutes} min`;

/** A readable form of a video link: its host and path, without the scheme. */
export function shortLink(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/** The value a datetime-local input wants for a moment, in local time. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instant a datetime-local value means in the user's own time zone (the input has no zone),
 * or null when it is empty or not a real date.
 */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

/**
 * Where a meeting happens, in one short line for lists: the place in person, "Video call · host/path"
 * or "Phone call · details" (what the meeting's mode shows, never a field left from another mode).
 * Empty when nothing is set for an in-person meeting.
 */
export function whereText(meeting: Pick<Meeting, 'mode' | 'place' | 'link'>): string {
  const where = meetingWhere(meeting);
  if (meeting.mode === 'in-person') return where.place;
  const detail = meeting.mode === 'video' ? (where.link ? shortLink(where.link) : '') : where.place;
  return [MODE_LABELS[meeting.mode], detail].filter((part) => part !== '').join(' · ');
}
