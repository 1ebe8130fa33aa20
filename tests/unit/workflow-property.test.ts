process.env.TZ = 'America/New_York';

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeetingService } from '../../electron/services/meetings.js';
import { createPipelineService } from '../../electron/services/pipeline.js';
import { createThanksService } from '../../electron/services/thanks.js';
import type { Storage } from '../../electron/services/types.js';
import { isPending, reminderPolicy } from '../../shared/domain/reminder-policy.js';
import { isBackward } from '../../shared/domain/stage-machine.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import { Stage, type NotePurpose } from '../../shared/schema/entities.js';
import { LoggableActivityKind } from '../../shared/schema/pipeline.js';
import { makeTempDir, manualClock, open } from './helpers/storage-fixtures.js';

/**
 * Random sequences of what users do after (and before) meetings, run through the real services
 * on a real store. After every step: no contact moved backwards unless the user moved them by
 * hand, no contact has two pending reminders of a kind that should be unique, and no reminder
 * points at a contact, meeting, activity or note that no longer exists.
 */

const SLOTS = 4;
const slot = fc.integer({ min: 0, max: SLOTS - 1 });

type Action =
  | { kind: 'create'; stage: Stage }
  | { kind: 'log'; contact: number; activity: (typeof LoggableActivityKind.options)[number] }
  | { kind: 'schedule'; contact: number; hoursAhead: number }
  | { kind: 'held'; meeting: number }
  | { kind: 'cancel'; meeting: number; didNotHappen: boolean }
  | { kind: 'reschedule'; meeting: number; hoursAhead: number }
  | { kind: 'note'; contact: number; about: number; meeting: number; purpose: NotePurpose }
  | { kind: 'stage'; contact: number; stage: Stage }
  | { kind: 'keepInTouch'; contact: number; off: boolean; days: number | null }
  | { kind: 'custom'; contact: number; inDays: number }
  | { kind: 'promise'; meeting: number; text: number; inDays: number | null }
  | { kind: 'done'; reminder: number }
  | { kind: 'snooze'; reminder: number; hours: number }
  | { kind: 'delete'; contact: number }
  | { kind: 'undo' }
  | { kind: 'wait'; hours: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), stage: fc.constantFrom(...Stage.options) }),
  fc.record({
    kind: fc.constant('log' as const),
    contact: slot,
    activity: fc.constantFrom(...LoggableActivityKind.options),
  }),
  fc.record({
    kind: fc.constant('schedule' as const),
    contact: slot,
    hoursAhead: fc.integer({ min: -72, max: 240 }),
  }),
  fc.record({ kind: fc.constant('held' as const), meeting: slot }),
  fc.record({ kind: fc.constant('cancel' as const), meeting: slot, didNotHappen: fc.boolean() }),
  fc.record({
    kind: fc.constant('reschedule' as const),
    meeting: slot,
    hoursAhead: fc.integer({ min: 1, max: 240 }),
  }),
  fc.record({
    kind: fc.constant('note' as const),
    contact: slot,
    about: slot,
    meeting: slot,
    purpose: fc.constantFrom<NotePurpose>('thank-you', 'report-back', 'referrer-thanks'),
  }),
  fc.record({
    kind: fc.constant('stage' as const),
    contact: slot,
    stage: fc.constantFrom(...Stage.options),
  }),
  fc.record({
    kind: fc.constant('keepInTouch' as const),
    contact: slot,
    off: fc.boolean(),
    days: fc.option(fc.integer({ min: 7, max: 120 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('custom' as const), contact: slot, inDays: fc.nat(30) }),
  fc.record({
    kind: fc.constant('promise' as const),
    meeting: slot,
    text: fc.integer({ min: 0, max: 2 }),
    inDays: fc.option(fc.nat(30), { nil: null }),
  }),
  fc.record({ kind: fc.constant('done' as const), reminder: fc.nat(20) }),
  fc.record({
    kind: fc.constant('snooze' as const),
    reminder: fc.nat(20),
    hours: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), contact: slot }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 40 }) }),
);

const temps: ReturnType<typeof makeTempDir>[] = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.cleanup();
});

const localDay = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** Problems with the store as it is now; empty when every promise of the rules holds. */
function problems(data: Readonly<Dataset>): string[] {
  const found: string[] = [];
  const pendingKinds = new Map<string, number>();
  for (const reminder of Object.values(data.reminders)) {
    if (!Object.hasOwn(data.contacts, reminder.contactId))
      found.push(`reminder ${reminder.id} (${reminder.kind}) belongs to a deleted contact`);
    const cause = reminder.createdBy;
    if (
      cause !== null &&
      !Object.hasOwn(data.meetings, cause) &&
      !Object.hasOwn(data.activities, cause) &&
      !Object.hasOwn(data.notes, cause)
    )
      found.push(`reminder ${reminder.id} (${reminder.kind}) was made by something that is gone`);
    if (isPending(reminder) && reminderPolicy[reminder.kind].unique !== false) {
      const key = `${reminder.contactId}|${reminder.kind}`;
      pendingKinds.set(key, (pendingKinds.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of pendingKinds)
    if (count > 1) found.push(`${count} pending ${key.split('|')[1]} reminders for one contact`);
  return found;
}

function run(actions: readonly Action[]) {
  const temp = makeTempDir('rapport-workflow-');
  temps.push(temp);
  const clock = manualClock('2026-12-03T16:00:00.000Z');
  const storage: Storage = open(temp.dir, { now: clock.now });
  let n = 0;
  const newId = () => `id-${(n += 1)}`;
  const pipeline = createPipelineService({ storage, now: clock.now, newId });
  const meetings = createMeetingService({
    storage,
    now: clock.now,
    newId,
    dialogs: { showOpen: async () => null },
  });
  const thanks = createThanksService({ storage, now: clock.now, newId });
  const contactIds: string[] = [];
  const meetingIds: string[] = [];
  const undoTokens: string[] = [];
  const pick = <T>(list: readonly T[], index: number) =>
    list.length === 0 ? undefined : list[index % list.length];
  const inHours = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000);

  try {
    for (const step of actions) {
      const before = structuredClone(storage.read().contacts);
      let manual = false;
      try {
        switch (step.kind) {
          case 'create':
            contactIds.push(
              pipeline.create({
                firstName: `Person ${contactIds.length + 1}`,
                lastName: '',
                title: '',
                company: 'Northwind',
                industry: '',
                location: '',
                email: '',
                phone: '',
                linkedinUrl: '',
                source: { kind: 'alumni', detail: '' },
                referredById: pick(contactIds, contactIds.length) ?? null,
                tags: [],
                notes: '',
                stage: step.stage,
              }).id,
            );
            break;
          case 'log': {
            const id = pick(contactIds, step.contact);
            if (id)
              pipeline.logActivity({
                contactId: id,
                kind: step.activity,
                at: clock.now().toISOString(),
                summary: '',
              });
            break;
          }
          case 'schedule': {
            const id = pick(contactIds, step.contact);
            if (id)
              meetingIds.push(
                meetings.schedule({
                  contactId: id,
                  start: inHours(step.hoursAhead).toISOString(),
                }).meeting.id,
              );
            break;
          }
          case 'held': {
            const id = pick(meetingIds, step.meeting);
            if (id) meetings.markHeld(id);
            break;
          }
          case 'cancel': {
            const id = pick(meetingIds, step.meeting);
            if (id) meetings.cancel(id, { didNotHappen: step.didNotHappen });
            break;
          }
          case 'reschedule': {
            const id = pick(meetingIds, step.meeting);
            if (id) meetings.update(id, { start: inHours(step.hoursAhead).toISOString() });
            break;
          }
          case 'note': {
            const to = pick(contactIds, step.contact);
            const about = pick(contactIds, step.about);
            const meetingId = pick(meetingIds, step.meeting) ?? null;
            if (!to || !about) break;
            const meeting = meetingId === null ? undefined : storage.read().meetings[meetingId];
            const referrer = step.purpose === 'referrer-thanks';
            const note = thanks.save({
              purpose: step.purpose,
              contactId: to,
              aboutContactId: referrer ? about : null,
              meetingId:
                meeting && meeting.contactId === (referrer ? about : to) ? meeting.id : null,
              templateId: null,
              subject: '',
              body: 'Thank you for your time and your advice.',
            });
            thanks.markSent(note.id);
            break;
          }
          case 'stage': {
            const id = pick(contactIds, step.contact);
            if (id) {
              manual = true;
              pipeline.setStage(id, step.stage);
            }
            break;
          }
          case 'keepInTouch': {
            const id = pick(contactIds, step.contact);
            const contact = id === undefined ? undefined : storage.read().contacts[id];
            if (contact) {
              const {
                id: _i,
                responsiveness: _r,
                createdAt: _c,
                updatedAt: _u,
                ...input
              } = contact;
              pipeline.update(contact.id, {
                ...input,
                keepInTouch: { off: step.off, days: step.days },
              });
            }
            break;
          }
          case 'custom': {
            const id = pick(contactIds, step.contact);
            if (id)
              pipeline.addReminder({
                contactId: id,
                title: 'Check in',
                date: localDay(inHours(step.inDays * 24)),
              });
            break;
          }
          case 'promise': {
            const id = pick(meetingIds, step.meeting);
            if (id)
              pipeline.setPromiseTask({
                meetingId: id,
                text: ['Send my portfolio', 'Share the article', 'Introduce Lee'][step.text]!,
                date: step.inDays === null ? null : localDay(inHours(step.inDays * 24)),
              });
            break;
          }
          case 'done':
          case 'snooze': {
            const reminder = pick(Object.values(storage.read().reminders), step.reminder);
            if (!reminder) break;
            if (step.kind === 'done') pipeline.done(reminder.id);
            else pipeline.snooze(reminder.id, inHours(step.hours).toISOString());
            break;
          }
          case 'delete': {
            const id = pick(contactIds, step.contact);
            if (id && storage.read().contacts[id]) undoTokens.push(pipeline.delete(id).undoToken);
            break;
          }
          case 'undo': {
            const token = undoTokens.pop();
            if (token) {
              manual = true;
              pipeline.undoDelete(token);
            }
            break;
          }
          case 'wait':
            clock.advance(step.hours * 3_600_000);
            pipeline.today();
            break;
        }
      } catch (error) {
        // A refusal with a message is fine (a cancelled reminder cannot be done...); a crash is not.
        if (!(error instanceof UserFacingError)) throw error;
      }
      const after = storage.read();
      if (!manual)
        for (const [id, was] of Object.entries(before)) {
          const now = after.contacts[id];
          if (now && isBackward(was.stage, now.stage))
            throw new Error(
              `${step.kind} moved ${id} backwards from ${was.stage} to ${now.stage} without the user`,
            );
        }
      const found = problems(after);
      if (found.length > 0) throw new Error(`after ${JSON.stringify(step)}: ${found.join('; ')}`);
    }
  } finally {
    storage.close();
  }
}

describe('random sequences of the method’s events', () => {
  it('never move a contact backwards by themselves, never double a unique reminder, never orphan one', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 40 }), (actions) => {
        run(actions);
      }),
      { numRuns: 120 },
    );
  });

  it('catch a real backward move (the check itself can fail)', () => {
    const temp = makeTempDir('rapport-workflow-check-');
    temps.push(temp);
    const storage = open(temp.dir);
    expect(isBackward('thanked', 'met')).toBe(true);
    storage.transact((tx) =>
      tx.put('reminders', {
        id: 'orphan',
        contactId: 'nobody',
        kind: 'keep-in-touch',
        due: '2026-12-03T14:00:00.000Z',
        status: 'open',
        snoozedUntil: null,
        createdBy: 'gone',
        title: 'x',
      }),
    );
    expect(problems(storage.read())).toEqual([
      'reminder orphan (keep-in-touch) belongs to a deleted contact',
      'reminder orphan (keep-in-touch) was made by something that is gone',
    ]);
    storage.close();
  });
});
