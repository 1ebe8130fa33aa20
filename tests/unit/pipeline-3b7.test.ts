import { putMeeting } from '../../electron/services/meeting-records.js';
process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPipelineService, type PipelineService } from '../../electron/services/pipeline.js';
import type { Storage } from '../../electron/services/types.js';
import type { Contact, Meeting } from '../../shared/schema/entities.js';
import type { ContactInput } from '../../shared/schema/pipeline.js';
import { makeTempDir, manualClock, open } from './helpers/storage-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
// Thursday 2026-12-03, 10:00 in New York.
const SENT = '2026-12-03T15:00:00.000Z';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let pipeline: PipelineService;

beforeEach(() => {
  temp = makeTempDir('rapport-3b7-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-03T16:00:00.000Z');
  pipeline = createPipelineService({ storage, now: clock.now });
});
afterEach(() => temp.cleanup());

const setClock = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());

function addContact(overrides: Partial<ContactInput> = {}): Contact {
  return pipeline.create({
    firstName: 'Maya',
    lastName: 'Okafor',
    title: '',
    company: 'Northwind Health',
    industry: '',
    location: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    source: { kind: 'alumni', detail: '' },
    referredById: null,
    tags: [],
    notes: '',
    ...overrides,
  });
}

const outreachTo = (contact: Contact, at = SENT) =>
  pipeline.logActivity({ contactId: contact.id, kind: 'outreach-sent', at, summary: 'Intro' });

const replyFrom = (contact: Contact, at: string) =>
  pipeline.logActivity({ contactId: contact.id, kind: 'reply-received', at, summary: 'Yes!' });

describe('logging an outreach e-mail', () => {
  it('sets the day-3 reminder for Tuesday 09:00 and the day-7 one for the next Monday 09:00', () => {
    const maya = addContact();
    const result = outreachTo(maya);
    expect(result.effects.reminders.created.map((r) => [r.kind, r.due, r.title])).toEqual([
      [
        'follow-up-3',
        '2026-12-08T14:00:00.000Z',
        'No reply from Maya yet: contact the next person at Northwind Health',
      ],
      ['follow-up-7', '2026-12-14T14:00:00.000Z', 'Send Maya one follow-up'],
    ]);
    expect(result.effects.reminders.created.every((r) => new Date(r.due).getHours() === 9)).toBe(
      true,
    );
    expect(result.effects.reminders.created.every((r) => r.createdBy === result.activity.id)).toBe(
      true,
    );
    expect(result.effects.reminders.cancelled).toEqual([]);
  });

  it('moves a prospect to Contacted and says so on the timeline', () => {
    const maya = addContact();
    const result = outreachTo(maya);
    expect(result.contact.stage).toBe('contacted');
    expect(pipeline.get(maya.id).activities.map((a) => [a.kind, a.summary, a.at])).toEqual([
      ['stage-change', 'Stage: Prospect → Contacted', SENT],
      ['outreach-sent', 'Intro', SENT],
    ]);
  });

  it('leaves a contact further along in their stage', () => {
    const maya = addContact({ stage: 'met' });
    expect(outreachTo(maya).contact.stage).toBe('met');
    expect(pipeline.get(maya.id).activities.map((a) => a.kind)).toEqual(['outreach-sent']);
  });

  it('skips the holidays set in Settings', () => {
    storage.transact((tx) =>
      tx.setSettings({ ...tx.data.settings, holidays: ['2026-12-08', '2026-12-14'] }),
    );
    const result = outreachTo(addContact());
    expect(result.effects.reminders.created.map((r) => r.due)).toEqual([
      '2026-12-09T14:00:00.000Z',
      '2026-12-16T14:00:00.000Z',
    ]);
  });

  it('replaces the follow-ups of an earlier outreach to the same person', () => {
    const maya = addContact();
    const first = outreachTo(maya, '2026-11-20T15:00:00.000Z');
    const second = outreachTo(maya);
    expect(second.effects.reminders.cancelled.map((r) => r.id).sort()).toEqual(
      first.effects.reminders.created.map((r) => r.id).sort(),
    );
    const open = pipeline.get(maya.id).reminders.filter((r) => r.status === 'open');
    expect(open.map((r) => r.id)).toEqual(second.effects.reminders.created.map((r) => r.id));
  });

  it('stores the instant in UTC whatever offset it was sent with', () => {
    const result = outreachTo(addContact(), '2026-12-03T10:00:00-05:00');
    expect(result.activity.at).toBe(SENT);
  });
});

describe('replies and labels', () => {
  it.each([
    ['a reply on Saturday', '2026-12-05T15:00:00.000Z', 'booster'],
    ['a reply just before the day-3 reminder', '2026-12-08T13:59:00.000Z', 'booster'],
    ['a reply on the day-3 morning after 09:00', '2026-12-08T14:30:00.000Z', 'obligate'],
    ['a reply after the day-7 follow-up', '2026-12-16T15:00:00.000Z', 'obligate'],
  ])('%s labels the contact %s and cancels both follow-ups', (_case, at, label) => {
    const maya = addContact();
    const sent = outreachTo(maya);
    setClock(at);
    const result = replyFrom(maya, at);
    expect(result.contact.responsiveness).toBe(label);
    expect(result.effects.reminders.cancelled.map((r) => r.id).sort()).toEqual(
      sent.effects.reminders.created.map((r) => r.id).sort(),
    );
    expect(pipeline.get(maya.id).reminders.map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(pipeline.today().items).toEqual([]);
  });

  it('cancels only what is still pending when day 3 was already handled', () => {
    const maya = addContact();
    const sent = outreachTo(maya);
    setClock('2026-12-08T15:00:00.000Z');
    pipeline.done(sent.effects.reminders.created[0]!.id);
    setClock('2026-12-10T15:00:00.000Z');
    const result = replyFrom(maya, '2026-12-10T15:00:00.000Z');
    expect(result.effects.reminders.cancelled.map((r) => r.kind)).toEqual(['follow-up-7']);
    expect(result.contact.responsiveness).toBe('obligate');
  });

  it('marks the day-7 reminder done when the follow-up e-mail is logged', () => {
    const maya = addContact();
    const sent = outreachTo(maya);
    setClock('2026-12-14T16:00:00.000Z');
    pipeline.logActivity({
      contactId: maya.id,
      kind: 'follow-up-sent',
      at: '2026-12-14T16:00:00.000Z',
      summary: 'Bumped the thread',
    });
    expect(storage.read().reminders[sent.effects.reminders.created[1]!.id]?.status).toBe('done');
    expect(storage.read().reminders[sent.effects.reminders.created[0]!.id]?.status).toBe('open');
  });
});

describe('curmudgeons', () => {
  // Day 7 falls due Mon 2026-12-14 09:00; the default wait is 14 days: Mon 2026-12-28 09:00.
  it('labels a silent contact once the waiting period after day 7 has passed, writing once', () => {
    const maya = addContact();
    outreachTo(maya);
    const transact = vi.spyOn(storage, 'transact');
    setClock('2026-12-28T13:59:00.000Z');
    expect(pipeline.list()[0]?.responsiveness).toBe('unknown');
    pipeline.today();
    expect(transact).not.toHaveBeenCalled();
    setClock('2026-12-28T14:00:00.000Z');
    expect(pipeline.list()[0]?.responsiveness).toBe('curmudgeon');
    expect(transact).toHaveBeenCalledTimes(1);
    pipeline.list();
    pipeline.today();
    expect(transact).toHaveBeenCalledTimes(1);
    storage.close();
    expect(open(temp.dir).read().contacts[maya.id]?.responsiveness).toBe('curmudgeon');
  });

  it('waits while the activities are still being read after start, then labels', () => {
    const maya = addContact();
    outreachTo(maya);
    setClock('2026-12-28T14:00:00.000Z');
    const reading = vi.spyOn(storage, 'isLoaded').mockReturnValue(false);
    expect(pipeline.today().contactCount).toBe(1);
    expect(storage.read().contacts[maya.id]?.responsiveness).toBe('unknown');
    reading.mockReturnValue(true);
    expect(pipeline.list()[0]?.responsiveness).toBe('curmudgeon');
  });

  it('follows the waiting period set in Settings', () => {
    storage.transact((tx) => tx.setSettings({ ...tx.data.settings, curmudgeonWaitDays: 3 }));
    const maya = addContact();
    outreachTo(maya);
    setClock('2026-12-17T14:00:00.000Z');
    expect(pipeline.list().find((c) => c.id === maya.id)?.responsiveness).toBe('curmudgeon');
  });

  it('does not label someone who replied, or someone scheduled without a logged reply', () => {
    const maya = addContact();
    const ben = addContact({ firstName: 'Ben' });
    outreachTo(maya);
    outreachTo(ben);
    setClock('2026-12-20T15:00:00.000Z');
    replyFrom(maya, '2026-12-20T15:00:00.000Z');
    pipeline.setStage(ben.id, 'scheduled');
    setClock('2027-02-01T15:00:00.000Z');
    const labels = Object.fromEntries(pipeline.list().map((c) => [c.firstName, c.responsiveness]));
    expect(labels).toEqual({ Maya: 'obligate', Ben: 'unknown' });
  });

  it('does not write on a read-only store and still lists the contacts', () => {
    const maya = addContact();
    outreachTo(maya);
    setClock('2027-01-15T15:00:00.000Z');
    vi.spyOn(storage, 'status').mockReturnValue({
      ...storage.status(),
      readOnly: { reason: 'Written by a newer Rapport.', storeVersion: 99 },
    });
    const transact = vi.spyOn(storage, 'transact');
    expect(pipeline.list().map((c) => c.responsiveness)).toEqual(['unknown']);
    expect(transact).not.toHaveBeenCalled();
  });
});

describe('the Today view', () => {
  function scene() {
    const maya = addContact();
    const next = addContact({
      firstName: 'Lee',
      lastName: 'Chen',
      company: 'Northwind Health Inc.',
    });
    const contacted = addContact({
      firstName: 'Sam',
      company: 'northwind health',
      stage: 'contacted',
    });
    addContact({ firstName: 'Kim', company: 'Fabrikam' });
    const sent = outreachTo(maya);
    return { maya, next, contacted, sent };
  }

  it('is empty before anything falls due, and dated by the local calendar', () => {
    scene();
    setClock('2026-12-08T04:30:00.000Z'); // 23:30 on Monday the 7th in New York
    const view = pipeline.today();
    expect(view.date).toBe('2026-12-07');
    expect(view.items).toEqual([]);
  });

  it('shows the day-3 reminder from the start of its day, with others at the same company', () => {
    const { maya, next } = scene();
    setClock('2026-12-08T05:00:00.000Z'); // midnight on Tuesday
    const view = pipeline.today();
    expect(view.date).toBe('2026-12-08');
    expect(view.items.map((i) => [i.reminder.kind, i.contact.id, i.overdue])).toEqual([
      ['follow-up-3', maya.id, false],
    ]);
    expect(view.items[0]!.suggestions.map((c) => c.id)).toEqual([next.id]);
  });

  it('flags a reminder from an earlier day as overdue and lists the oldest first', () => {
    scene();
    setClock('2026-12-14T15:00:00.000Z');
    const view = pipeline.today();
    expect(view.items.map((i) => [i.reminder.kind, i.overdue])).toEqual([
      ['follow-up-3', true],
      ['follow-up-7', false],
    ]);
    expect(view.items[1]!.suggestions).toEqual([]);
  });

  it('hides a snoozed reminder until its new time, then shows it again', () => {
    const { sent } = scene();
    const day3 = sent.effects.reminders.created[0]!;
    setClock('2026-12-08T15:00:00.000Z');
    const snoozed = pipeline.snooze(day3.id, '2026-12-09T14:00:00.000Z').reminder;
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-12-09T14:00:00.000Z' });
    expect(pipeline.today().items).toEqual([]);
    setClock('2026-12-09T13:59:00.000Z');
    expect(pipeline.today().items).toEqual([]);
    setClock('2026-12-09T14:00:00.000Z');
    expect(pipeline.today().items.map((i) => [i.reminder.id, i.overdue])).toEqual([
      [day3.id, false],
    ]);
    setClock('2026-12-10T14:00:00.000Z');
    expect(pipeline.today().items.map((i) => i.overdue)).toEqual([true]);
  });

  it('refuses to snooze into the past, or a reminder that is already closed', () => {
    const { sent } = scene();
    const day3 = sent.effects.reminders.created[0]!;
    setClock('2026-12-08T15:00:00.000Z');
    expect(() => pipeline.snooze(day3.id, '2026-12-08T15:00:00.000Z')).toThrow(
      'until: Choose a time later than now.',
    );
    pipeline.done(day3.id);
    expect(() => pipeline.snooze(day3.id, '2026-12-09T15:00:00.000Z')).toThrow(/already done/);
  });

  it('drops a reminder once done, and done twice is harmless', () => {
    const { sent } = scene();
    setClock('2026-12-08T15:00:00.000Z');
    const done = pipeline.done(sent.effects.reminders.created[0]!.id).reminder;
    expect(done.status).toBe('done');
    expect(pipeline.done(done.id).reminder).toEqual(done);
    expect(pipeline.today().items).toEqual([]);
  });

  it('lists planned meetings of the next 14 days, soonest first', () => {
    const { maya, next } = scene();
    const now = Date.parse('2026-12-08T15:00:00.000Z');
    setClock('2026-12-08T15:00:00.000Z');
    const meeting = (
      id: string,
      contactId: string,
      inMs: number,
      status: Meeting['status'] = 'planned',
    ): Meeting => ({
      id,
      contactId,
      start: new Date(now + inMs).toISOString(),
      minutes: 30,
      mode: 'in-person',
      place: '',
      link: '',
      status,
      research: { industry: '', company: '', position: '', person: '' },
      questions: [],
      notes: [],
      checklist: {
        resumeCopies: 0,
        portfolio: false,
        businessCards: false,
        outfit: false,
        researchDone: false,
      },
      travelMinutes: 0,
      takeaways: '',
      advice: '',
      namesSuggested: '',
      promises: '',
      attachmentIds: [],
      createdAt: SENT,
      updatedAt: SENT,
    });
    storage.transact((tx) => {
      putMeeting(tx, meeting('in-3-days', maya.id, 3 * DAY));
      putMeeting(tx, meeting('in-1-hour', next.id, 60 * 60 * 1000));
      putMeeting(tx, meeting('in-15-days', maya.id, 15 * DAY));
      putMeeting(tx, meeting('yesterday', maya.id, -DAY));
      putMeeting(tx, meeting('cancelled', maya.id, 2 * DAY, 'cancelled'));
    });
    const view = pipeline.today();
    expect(view.upcomingMeetings.map((m) => [m.meeting.id, m.contact.id])).toEqual([
      ['in-1-hour', next.id],
      ['in-3-days', maya.id],
    ]);
  });
});
