import { putMeeting } from '../../electron/services/meeting-records.js';
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
    expect(event.description).toContain(
      'Leave by 10:20 AM (25 minutes of travel) to arrive by 10:45 AM, 15 minutes early.',
    );
    expect(event.description).toContain('Director of Nursing, Northwind Health');
    expect(vevent.getFirstPropertyValue('url')).toBeNull();
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT40M');
    expect(alarm?.getFirstPropertyValue('description')).toBe(
      'Time to leave for your meeting with Maya Okafor: arrive by 10:45 AM, 15 minutes early.',
    );
  });

  it('has the same UID when exported twice, so a calendar updates instead of duplicating', () => {
    const first = parse(buildCalendar(context(), NOW)).event.uid;
    const later = parse(buildCalendar(context(), new Date('2026-12-02T00:00:00.000Z'))).event.uid;
    expect(later).toBe(first);
  });

  it('for a video call: the link as location and URL, and an alarm at join time that says to test it', () => {
    const link = 'https://meet.example.com/abc-defg-hij?pwd=1,2;3';
    const { vevent, event } = parse(
      buildCalendar(
        context({ meeting: meeting({ mode: 'video', place: '', link, travelMinutes: 25 }) }),
        NOW,
      ),
    );
    expect(event.location).toBe(link);
    expect(vevent.getFirstPropertyValue('url')).toBe(link);
    expect(event.description).toContain(`Video link: ${link}`);
    expect(event.description).toContain(
      'Join 5 minutes early (10:55 AM) and test the link and audio.',
    );
    expect(event.description).not.toMatch(/leave|arrive|travel/i);
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT5M');
    expect(alarm?.getFirstPropertyValue('description')).toBe(
      'Your video call with Maya Okafor starts at 11:00 AM. Join now and test the link and audio.',
    );
  });

  it('for a phone call: no link even if one is left over, and an alarm at join time to test the line', () => {
    const { vevent, event } = parse(
      buildCalendar(
        context({
          meeting: meeting({
            mode: 'phone',
            place: 'Maya calls my mobile',
            link: 'https://meet.example.com/left-over',
          }),
        }),
        NOW,
      ),
    );
    expect(event.location).toBe('Maya calls my mobile');
    expect(vevent.getFirstPropertyValue('url')).toBeNull();
    expect(event.description).toContain(
      'Join 5 minutes early (10:55 AM) and test the phone line and audio.',
    );
    expect(event.description).not.toMatch(/leave|arrive|travel|video|meet\.example/i);
    const alarm = vevent.getFirstSubcomponent('valarm');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT5M');
    expect(alarm?.getFirstPropertyValue('description')).toMatch(/Join now and test the phone line/);
  });

  it.each([
    [15, '-PT30M', 'Arrive by 10:45 AM, 15 minutes early (no travel time entered).'],
    [45, '-PT45M', 'Arrive by 10:15 AM, 45 minutes early (no travel time entered).'],
    [0, '-PT30M', 'Arrive by 11:00 AM, on time (no travel time entered).'],
  ])(
    'in person without travel time and %i minutes early, rings at %s (30 minutes, or at arrive-by if earlier)',
    (arriveEarlyMinutes, trigger, line) => {
      const { vevent, event } = parse(
        buildCalendar(
          context({
            meeting: meeting({ travelMinutes: 0 }),
            settings: settings({ arriveEarlyMinutes }),
          }),
          NOW,
        ),
      );
      expect(event.description).toContain(line);
      expect(String(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger'))).toBe(
        trigger,
      );
    },
  );

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
      putMeeting(tx, meeting());
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
