process.env.TZ = 'America/New_York';

import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createHandlers, type Dialogs, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { buildCalendar, escapeText, foldLine } from '../../electron/services/documents/calendar.js';
import { context, maya, meeting, settings } from './documents-fixtures.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

const NOW = new Date('2026-12-01T12:34:56.000Z');

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('the calendar file', () => {
  it('parses with ical.js into the meeting: summary, UTC times, place, stable uid, alarm at leave-by', () => {
    const ics = buildCalendar(context(), NOW);
    const { calendar, vevent, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Rapport/);
    expect(event.summary).toBe('Informational interview with Maya Okafor');
    expect(event.uid).toBe('meeting-1@rapport.app');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T16:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.location).toBe('Northwind Health, 200 Lake St, Room 4');
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-12-01T12:34:56Z');
    expect(event.description).toContain('Leave by 10:20 AM (25 min travel, arrive 15 min early).');
    expect(event.description).toContain('Director of Nursing, Northwind Health');
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT40M');
  });

  it('has the same UID when exported twice, so a calendar updates instead of duplicating', () => {
    const first = parse(buildCalendar(context(), NOW)).event.uid;
    const later = parse(buildCalendar(context(), new Date('2026-12-02T00:00:00.000Z'))).event.uid;
    expect(later).toBe(first);
  });

  it('uses the video link as location and URL, and rings 30 minutes before without travel time', () => {
    const link = 'https://meet.example.com/abc-defg-hij?pwd=1,2;3';
    const { vevent, event } = parse(
      buildCalendar(context({ meeting: meeting({ place: '', link, travelMinutes: 0 }) }), NOW),
    );
    expect(event.location).toBe(link);
    expect(vevent.getFirstPropertyValue('url')).toBe(link);
    expect(event.description).toContain(`Video link: ${link}`);
    expect(event.description).toContain('Arrive by 10:45 AM');
    expect(String(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger'))).toBe(
      '-PT30M',
    );
  });

  it('uses CRLF line ends and no line longer than 75 octets', () => {
    const ics = buildCalendar(context(), NOW);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('folds a long Unicode description without splitting a character, and unfolds to the same text', () => {
    const place = `${'Café Zoë, 李雷的办公室; 3rd floor, \\ back door\n'.repeat(6)}😀 end`;
    const person = maya({ firstName: 'Zoë', lastName: 'Ångström 李雷', title: '总监'.repeat(40) });
    const ics = buildCalendar(context({ contact: person, meeting: meeting({ place }) }), NOW);
    const lines = ics.split('\r\n');
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split UTF-8 sequence would round-trip to U+FFFD.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
    const { event } = parse(ics);
    expect(event.summary).toBe('Informational interview with Zoë Ångström 李雷');
    expect(event.location).toBe(place.trim());
    expect(event.description).toContain('总监'.repeat(40));
  });

  const escapes: [string, string, string][] = [
    ['a comma', 'a,b', 'a\\,b'],
    ['a semicolon', 'a;b', 'a\\;b'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a newline', 'a\nb', 'a\\nb'],
    ['a CRLF', 'a\r\nb', 'a\\nb'],
    ['a lone CR', 'a\rb', 'a\\nb'],
    ['an injected property', 'x\r\nEND:VEVENT', 'x\\nEND:VEVENT'],
  ];
  it.each(escapes)('escapes %s in text values', (_label, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('cannot be broken out of by a hostile place', () => {
    const place = 'Room 1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Hacked';
    const { calendar, event } = parse(buildCalendar(context({ meeting: meeting({ place }) }), NOW));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(event.location).toBe(place.replace(/\r\n/g, '\n'));
  });

  it('folds at exactly 75 octets, with continuation lines of 74 plus the leading space', () => {
    const folded = foldLine(`DESCRIPTION:${'a'.repeat(200)}`).split('\r\n');
    expect(folded[0]).toHaveLength(75);
    expect(folded.slice(1, -1).every((line) => line.length === 75 && line.startsWith(' '))).toBe(
      true,
    );
  });
});

describe('export:calendar', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let showSave: Mock<Dialogs['showSave']>;
  let call: (channel: string, args: unknown) => ReturnType<typeof dispatch>;

  beforeEach(() => {
    temp = makeTempDir('rapport-calendar-');
    const storage = open(path.join(temp.dir, 'data'));
    storage.transact((tx) => {
      tx.setSettings(settings());
      tx.put('contacts', maya());
      tx.put('meetings', meeting());
    });
    showSave = vi.fn<Dialogs['showSave']>(async () => path.join(temp.dir, 'Meeting.ics'));
    const deps: HandlerDeps = {
      storage,
      dialogs: { showOpen: vi.fn(async () => null), showSave },
      now: () => NOW,
      openPath: vi.fn(async () => undefined),
      openExternal: vi.fn(async () => undefined),
      emit: vi.fn(),
      renderPdf: async () => new Uint8Array(),
      appInfo: { version: '0.0.0', platform: 'linux' },
    };
    const handlers = createHandlers(deps);
    call = (channel, args) =>
      dispatch(handlers, channel, args, (error) => {
        throw error;
      });
  });
  afterEach(() => temp.cleanup());

  it('saves the event where the user chose, offering "Meeting - Maya Okafor - 2026-12-03.ics"', async () => {
    const target = path.join(temp.dir, 'Meeting.ics');
    expect(await call('export:calendar', { id: 'meeting-1' })).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(showSave.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: 'Meeting - Maya Okafor - 2026-12-03.ics',
    });
    expect(parse(fs.readFileSync(target, 'utf8')).event.uid).toBe('meeting-1@rapport.app');
  });

  it('returns null when cancelled and not-found for an unknown meeting', async () => {
    showSave.mockResolvedValueOnce(null);
    expect(await call('export:calendar', { id: 'meeting-1' })).toEqual({ ok: true, value: null });
    expect(await call('export:calendar', { id: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(fs.existsSync(path.join(temp.dir, 'Meeting.ics'))).toBe(false);
  });
});
