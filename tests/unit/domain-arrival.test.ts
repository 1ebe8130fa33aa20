import { describe, expect, it } from 'vitest';
import {
  ALARM_WITHOUT_TRAVEL_MINUTES,
  JOIN_EARLY_MINUTES,
  beforeMeeting,
  describeBeforeMeeting,
  meetingWhere,
  type BeforeMeeting,
} from '../../shared/domain/arrival.js';
import type { MeetingMode } from '../../shared/schema/entities.js';

const START = '2026-12-03T15:00:00.000Z';
/** "14:20" in UTC, so the words do not depend on the machine's zone or locale. */
const hhmm = (date: Date) => date.toISOString().slice(11, 16);
const plan = (mode: MeetingMode, travelMinutes: number, arriveEarlyMinutes: number) =>
  beforeMeeting({ start: START, mode, travelMinutes }, { arriveEarlyMinutes }) as BeforeMeeting;

describe('what to do before a meeting', () => {
  it.each([
    // travel, early, leave by, arrive by, alarm
    [25, 15, '14:20', '14:45', '14:20'],
    [25, 0, '14:35', '15:00', '14:35'],
    // No travel time: ALARM_WITHOUT_TRAVEL_MINUTES before the start, or at arrive-by if earlier.
    [0, 15, '14:45', '14:45', `14:${60 - ALARM_WITHOUT_TRAVEL_MINUTES}`],
    [0, 45, '14:15', '14:15', '14:15'],
    [0, 60, '14:00', '14:00', '14:00'],
    [-5, 15, '14:45', '14:45', '14:30'], // a negative travel time counts as none
  ])(
    'in person with %i min travel and %i min early: leave %s, arrive %s, alarm %s',
    (travel, early, leave, arrive, alarm) => {
      const result = plan('in-person', travel, early);
      expect(result.mode).toBe('in-person');
      if (result.mode !== 'in-person') return;
      expect(hhmm(result.leaveBy)).toBe(leave);
      expect(hhmm(result.arriveBy)).toBe(arrive);
      expect(hhmm(result.alarmAt)).toBe(alarm);
    },
  );

  it.each(['video', 'phone'] as const)(
    'for a %s call ignores travel and arriving early: join and ring 5 minutes before',
    (mode) => {
      const result = plan(mode, 90, 60);
      expect(result.mode).toBe(mode);
      if (result.mode === 'in-person') return;
      expect(result.joinEarlyMinutes).toBe(JOIN_EARLY_MINUTES);
      expect(hhmm(result.joinAt)).toBe('14:55');
      expect(hhmm(result.alarmAt)).toBe('14:55');
    },
  );

  it('is null for a start that is not a date', () => {
    expect(
      beforeMeeting(
        { start: 'soon', mode: 'in-person', travelMinutes: 0 },
        { arriveEarlyMinutes: 15 },
      ),
    ).toBeNull();
  });
});

describe('the words for it', () => {
  it.each([
    [
      'in-person',
      25,
      15,
      'Leave by 14:20',
      '25 minutes of travel; arrive 15 minutes early',
      'Leave by 14:20 (25 minutes of travel) to arrive by 14:45, 15 minutes early',
    ],
    [
      'in-person',
      1,
      1,
      'Leave by 14:58',
      '1 minute of travel; arrive 1 minute early',
      'Leave by 14:58 (1 minute of travel) to arrive by 14:59, 1 minute early',
    ],
    [
      'in-person',
      0,
      0,
      'Leave by 15:00',
      'no travel time entered; arrive on time',
      'Arrive by 15:00, on time (no travel time entered)',
    ],
    [
      'video',
      25,
      15,
      'Join at 14:55',
      '5 minutes early; test the link and audio',
      'Join 5 minutes early (14:55) and test the link and audio',
    ],
    [
      'phone',
      25,
      15,
      'Join at 14:55',
      '5 minutes early; test the phone line and audio',
      'Join 5 minutes early (14:55) and test the phone line and audio',
    ],
  ] as const)(
    '%s, %i min travel, %i min early: "%s"',
    (mode, travel, early, headline, note, todo) => {
      const text = describeBeforeMeeting(plan(mode, travel, early), hhmm);
      expect(text.headline).toBe(headline);
      expect(text.note).toBe(note);
      expect(text.todo).toBe(todo);
    },
  );

  it('gives a document card leave-by and arrive-by in person, join time and what to test for a call', () => {
    expect(describeBeforeMeeting(plan('in-person', 25, 15), hhmm).facts).toEqual([
      ['Leave by', '14:20 (25 minutes of travel)'],
      ['Arrive by', '14:45 (15 minutes early)'],
    ]);
    expect(describeBeforeMeeting(plan('video', 25, 15), hhmm).facts).toEqual([
      ['Join at', '14:55'],
      ['Get ready', 'Join 5 minutes early and test the link and audio.'],
    ]);
  });

  it('says what to do when the alarm rings', () => {
    expect(describeBeforeMeeting(plan('in-person', 25, 15), hhmm).alarm('Maya Okafor')).toBe(
      'Time to leave for your meeting with Maya Okafor: arrive by 14:45, 15 minutes early.',
    );
    expect(describeBeforeMeeting(plan('phone', 0, 15), hhmm).alarm('Maya Okafor')).toBe(
      'Your phone call with Maya Okafor starts at 15:00. Join now and test the phone line and audio.',
    );
  });
});

describe('where the meeting happens', () => {
  it.each([
    ['in-person', { placeLabel: 'Place', place: 'Café Nero', link: '' }],
    ['video', { placeLabel: 'Place', place: '', link: 'https://meet.example.com/x' }],
    ['phone', { placeLabel: 'Call details', place: 'Café Nero', link: '' }],
  ] as const)('for %s shows only what that mode uses', (mode, expected) => {
    expect(
      meetingWhere({ mode, place: ' Café Nero ', link: 'https://meet.example.com/x' }),
    ).toEqual(expected);
  });
});
