import { meetingWhere } from '../../../shared/domain/arrival.js';
import {
  beforeMeetingText,
  contactName,
  meetingTimes,
  titleAtCompany,
  type MeetingContext,
} from './meeting-context.js';

/** RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF + one space. Cuts fall between
 * code points, so a multi-byte UTF-8 character (ë, 李, an emoji) is never split across lines.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `20261203T160000Z`: UTC, so every calendar app places it right whatever its time zone. */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Strips characters that no content line may carry (controls other than the escaped newline). */
/* eslint-disable no-control-regex -- control characters are exactly what this removes */
const clean = (value: string) =>
  value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
/* eslint-enable no-control-regex */

/**
 * The meeting as an RFC 5545 calendar with one event, written by hand (a dozen lines do not need a
 * library). The UID is stable per meeting, so importing the file again updates the event instead
 * of duplicating it. The alarm follows the shared before-the-meeting rule: at the leave-by time in
 * person, at the join time (5 minutes before) for a video or phone call, and says what to do.
 */
export function buildCalendar(context: MeetingContext, now: Date): string {
  const { meeting, contact } = context;
  const times = meetingTimes(context);
  const text = beforeMeetingText(context);
  const name = contactName(contact);
  const { place, link } = meetingWhere(meeting);
  const location = place !== '' ? place : link;

  const description = [
    `${text.todo}.`,
    titleAtCompany(contact),
    link !== '' ? `Video link: ${link}` : '',
    'Prepared with Rapport.',
  ]
    .filter((line) => line !== '')
    .join('\n');

  const alarmMinutes = Math.max(
    0,
    Math.round((times.start.getTime() - times.plan.alarmAt.getTime()) / 60_000),
  );

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Informational interviews//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${meeting.id}@rapport.app`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(times.start)}`,
    `DTEND:${icsUtc(times.end)}`,
    `SUMMARY:${escapeText(clean(`Informational interview with ${name}`))}`,
    ...(location !== '' ? [`LOCATION:${escapeText(clean(location))}`] : []),
    ...(link !== '' ? [`URL:${clean(link)}`] : []),
    `DESCRIPTION:${escapeText(clean(description))}`,
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(clean(text.alarm(name)))}`,
    `TRIGGER:-PT${alarmMinutes}M`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
