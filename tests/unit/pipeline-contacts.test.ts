import { putMeeting } from '../../electron/services/meeting-records.js';
process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPipelineService, type PipelineService } from '../../electron/services/pipeline.js';
import type { Storage } from '../../electron/services/types.js';
import type { Meeting, Reminder, ThankYouNote } from '../../shared/schema/entities.js';
import type { ContactInput } from '../../shared/schema/pipeline.js';
import { makeTempDir, manualClock, open } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let clock: ReturnType<typeof manualClock>;
let pipeline: PipelineService;

beforeEach(() => {
  temp = makeTempDir('rapport-pipeline-');
  storage = open(temp.dir);
  clock = manualClock('2026-12-01T15:00:00.000Z');
  pipeline = createPipelineService({ storage, now: clock.now });
});
afterEach(() => temp.cleanup());

const input = (overrides: Partial<ContactInput> = {}): ContactInput => ({
  firstName: 'Maya',
  lastName: 'Okafor',
  title: 'Director of Product',
  company: 'Northwind Health',
  industry: 'Health care',
  location: 'Boston, MA',
  email: 'maya@northwind.example',
  phone: '+1 617 555 0100',
  linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
  source: { kind: 'alumni', detail: 'Class of 2012' },
  referredById: null,
  tags: ['health'],
  notes: '',
  ...overrides,
});

function meeting(id: string, contactId: string, start: string): Meeting {
  return {
    id,
    contactId,
    start,
    minutes: 30,
    mode: 'in-person',
    place: 'Café on Main St',
    link: '',
    status: 'planned',
    research: { industry: '', company: '', position: '', person: '' },
    questions: [],
    notes: [],
    checklist: {
      resumeCopies: 2,
      portfolio: false,
      businessCards: true,
      outfit: false,
      researchDone: false,
    },
    travelMinutes: 20,
    takeaways: '',
    advice: '',
    namesSuggested: '',
    promises: '',
    attachmentIds: [],
    createdAt: '2026-12-01T15:00:00.000Z',
    updatedAt: '2026-12-01T15:00:00.000Z',
  };
}

describe('creating and editing contacts', () => {
  it('gives a new contact an id and timestamps from the clock, and saves it to disk', () => {
    const contact = pipeline.create(input());
    expect(contact).toMatchObject({
      firstName: 'Maya',
      stage: 'prospect',
      responsiveness: 'unknown',
      keepInTouch: { off: false, days: null },
      createdAt: '2026-12-01T15:00:00.000Z',
      updatedAt: '2026-12-01T15:00:00.000Z',
    });
    expect(contact.id).toMatch(/^[0-9a-f-]{36}$/);
    storage.close();
    const reopened = open(temp.dir);
    expect(reopened.read().contacts[contact.id]).toEqual(contact);
  });

  it('folds blank and case-only duplicate tags', () => {
    const contact = pipeline.create(input({ tags: ['Fintech', ' fintech ', '', 'Boston'] }));
    expect(contact.tags).toEqual(['Fintech', 'Boston']);
  });

  it('refuses a contact without a first name, naming the field', () => {
    expect(() => pipeline.create(input({ firstName: '  ' }))).toThrow(
      'contact.firstName: Enter a first name.',
    );
    expect(pipeline.list()).toEqual([]);
  });

  it('keeps creation time and label on edit, bumps updatedAt, and logs a stage change', () => {
    const contact = pipeline.create(input());
    clock.advance(60_000);
    const change = pipeline.update(contact.id, input({ title: 'VP Product', stage: 'contacted' }));
    expect(change.effects.stageMoves).toEqual([
      { contactId: contact.id, from: 'prospect', to: 'contacted', cause: 'manual' },
    ]);
    const edited = change.contact;
    expect(edited).toMatchObject({
      id: contact.id,
      title: 'VP Product',
      stage: 'contacted',
      createdAt: contact.createdAt,
      updatedAt: '2026-12-01T15:01:00.000Z',
    });
    const detail = pipeline.get(contact.id);
    expect(detail.contact).toEqual(edited);
    expect(detail.activities.map((a) => [a.kind, a.summary])).toEqual([
      ['stage-change', 'Stage: Prospect → Contacted'],
    ]);
  });

  it('links a referral both ways and refuses a link to itself or to nobody', () => {
    const ana = pipeline.create(input({ firstName: 'Ana', email: '', linkedinUrl: '' }));
    const maya = pipeline.create(
      input({ referredById: ana.id, source: { kind: 'referral', detail: '' } }),
    );
    expect(pipeline.get(maya.id).referredBy?.id).toBe(ana.id);
    expect(pipeline.get(ana.id).referrals.map((c) => c.id)).toEqual([maya.id]);
    expect(() => pipeline.update(maya.id, input({ referredById: maya.id }))).toThrow(
      /^contact\.referredById: A contact cannot be referred by themselves/,
    );
    expect(() => pipeline.create(input({ referredById: 'no-such-contact' }))).toThrow(
      /^contact\.referredById: The contact chosen as the referrer no longer exists/,
    );
    expect(pipeline.get(maya.id).contact.referredById).toBe(ana.id);
  });

  it('moves a contact between stages and writes the change on the timeline once', () => {
    const contact = pipeline.create(input({ stage: 'contacted' }));
    clock.advance(1000);
    const moved = pipeline.setStage(contact.id, 'scheduled');
    expect(moved.contact.stage).toBe('scheduled');
    expect(moved.effects.stageMoves).toEqual([
      { contactId: contact.id, from: 'contacted', to: 'scheduled', cause: 'manual' },
    ]);
    // Again: nothing moves, and main says so.
    const again = pipeline.setStage(contact.id, 'scheduled');
    expect(again.contact).toEqual(moved.contact);
    expect(again.effects.stageMoves).toEqual([]);
    const activities = pipeline.get(contact.id).activities;
    expect(activities.map((a) => [a.kind, a.summary, a.at])).toEqual([
      ['stage-change', 'Stage: Contacted → Scheduled', '2026-12-01T15:00:01.000Z'],
    ]);
  });

  it('lists contacts by last name, then first name, ignoring case and accents', () => {
    pipeline.create(input({ firstName: 'zoe', lastName: 'Ávila', email: '', linkedinUrl: '' }));
    pipeline.create(input({ firstName: 'Ben', lastName: 'baker', email: '', linkedinUrl: '' }));
    pipeline.create(input({ firstName: 'Al', lastName: 'Baker', email: '', linkedinUrl: '' }));
    expect(pipeline.list().map((c) => `${c.firstName} ${c.lastName}`)).toEqual([
      'zoe Ávila',
      'Al Baker',
      'Ben baker',
    ]);
  });
});

describe('duplicate detection through the service', () => {
  it('warns about the same person by LinkedIn, e-mail or name and company', () => {
    const maya = pipeline.create(input());
    const probe = (overrides: Partial<ContactInput>) =>
      pipeline
        .findDuplicates(
          input({ email: '', linkedinUrl: '', firstName: 'X', lastName: 'Y', ...overrides }),
        )
        .map((m) => [m.contact.id, m.reason]);
    expect(probe({ linkedinUrl: 'https://linkedin.com/in/MAYA-OKAFOR/' })).toEqual([
      [maya.id, 'linkedin'],
    ]);
    expect(probe({ email: 'Maya@Northwind.example' })).toEqual([[maya.id, 'email']]);
    expect(
      probe({ firstName: 'Maya', lastName: 'Okafor', company: 'Northwind Health Inc.' }),
    ).toEqual([[maya.id, 'name-company']]);
    expect(pipeline.findDuplicates(input(), maya.id)).toEqual([]);
    // The form asks while the user is still typing: a half-filled draft is fine.
    expect(pipeline.findDuplicates({ email: 'MAYA@northwind.example' })).toEqual([
      { contact: maya, reason: 'email' },
    ]);
  });
});

describe('deleting a contact and undoing it', () => {
  /** Maya, referred by Ana, referred Ben and Cy; she has a meeting, a note, activities, reminders. */
  function populate() {
    const ana = pipeline.create(input({ firstName: 'Ana', email: '', linkedinUrl: '' }));
    const maya = pipeline.create(input({ referredById: ana.id }));
    const ben = pipeline.create(
      input({ firstName: 'Ben', email: '', linkedinUrl: '', referredById: maya.id }),
    );
    const cy = pipeline.create(
      input({ firstName: 'Cy', email: '', linkedinUrl: '', referredById: maya.id }),
    );
    pipeline.logActivity({
      contactId: maya.id,
      kind: 'outreach-sent',
      at: '2026-12-01T14:00:00.000Z',
      summary: 'First e-mail',
    });
    pipeline.logActivity({
      contactId: ben.id,
      kind: 'outreach-sent',
      at: '2026-12-01T14:00:00.000Z',
      summary: '',
    });
    const note: ThankYouNote = {
      id: 'note-1',
      purpose: 'thank-you',
      contactId: maya.id,
      aboutContactId: null,
      meetingId: 'meeting-1',
      templateId: null,
      subject: 'Thank you',
      body: 'Thank you for your time.',
      createdAt: '2026-12-01T15:00:00.000Z',
      sentAt: null,
      exportedFile: '',
    };
    storage.transact((tx) => {
      putMeeting(tx, meeting('meeting-1', maya.id, '2026-12-10T15:00:00.000Z'));
      putMeeting(tx, meeting('meeting-2', maya.id, '2026-12-20T15:00:00.000Z'));
      putMeeting(tx, meeting('meeting-ben', ben.id, '2026-12-11T15:00:00.000Z'));
      tx.put('notes', note);
    });
    return { ana, maya, ben, cy };
  }

  it('says what the deletion took with it', () => {
    const { maya } = populate();
    // outreach + stage change; two follow-ups; two meetings; Ben and Cy.
    expect(pipeline.delete(maya.id).impact).toEqual({
      meetings: 2,
      activities: 2,
      reminders: 2,
      notes: 1,
      referrals: 2,
    });
  });

  it('removes the contact and everything of theirs in one save, keeping the people they referred', () => {
    const { maya, ben, cy, ana } = populate();
    const transact = vi.spyOn(storage, 'transact');
    pipeline.delete(maya.id);
    expect(transact).toHaveBeenCalledTimes(1);
    const data = storage.read();
    expect(data.contacts[maya.id]).toBeUndefined();
    expect(Object.values(data.activities).filter((a) => a.contactId === maya.id)).toEqual([]);
    expect(Object.values(data.reminders).filter((r) => r.contactId === maya.id)).toEqual([]);
    expect(Object.keys(data.meetings)).toEqual(['meeting-ben']);
    expect(data.notes).toEqual({});
    expect(data.contacts[ben.id]?.referredById).toBeNull();
    expect(data.contacts[cy.id]?.referredById).toBeNull();
    expect(pipeline.get(ana.id).referrals).toEqual([]);
    expect(Object.values(data.reminders).filter((r) => r.contactId === ben.id)).toHaveLength(2);
    storage.close();
    expect(open(temp.dir).read().contacts[maya.id]).toBeUndefined();
  });

  it('undo puts back exactly what was removed, in one save', () => {
    const { maya } = populate();
    const before = structuredClone(storage.read());
    const { undoToken } = pipeline.delete(maya.id);
    const transact = vi.spyOn(storage, 'transact');
    const restored = pipeline.undoDelete(undoToken);
    expect(transact).toHaveBeenCalledTimes(1);
    expect(restored).toEqual(before.contacts[maya.id]);
    expect(storage.read()).toEqual(before);
    storage.close();
    expect(open(temp.dir).read()).toEqual(before);
  });

  it('undo works once per token and not for a made-up token', () => {
    const { maya } = populate();
    const { undoToken } = pipeline.delete(maya.id);
    pipeline.undoDelete(undoToken);
    expect(() => pipeline.undoDelete(undoToken)).toThrow(/can no longer be undone/);
    expect(() => pipeline.undoDelete('made-up')).toThrow(/can no longer be undone/);
  });

  it('undo drops a link to a referrer deleted in the meantime and keeps newer links', () => {
    const { ana, maya, ben, cy } = populate();
    const mayaToken = pipeline.delete(maya.id).undoToken;
    pipeline.delete(ana.id);
    pipeline.update(
      cy.id,
      input({ firstName: 'Cy', email: '', linkedinUrl: '', referredById: ben.id }),
    );
    const restored = pipeline.undoDelete(mayaToken);
    expect(restored.referredById).toBeNull();
    expect(storage.read().contacts[ben.id]?.referredById).toBe(maya.id);
    expect(storage.read().contacts[cy.id]?.referredById).toBe(ben.id);
  });

  it('remembers only the most recent deletions', () => {
    const small = createPipelineService({ storage, now: clock.now, undoLimit: 2 });
    const tokens = ['A', 'B', 'C'].map((firstName) => {
      const contact = small.create(input({ firstName, email: '', linkedinUrl: '' }));
      return small.delete(contact.id).undoToken;
    });
    expect(() => small.undoDelete(tokens[0]!)).toThrow(/can no longer be undone/);
    expect(small.undoDelete(tokens[2]!).firstName).toBe('C');
    expect(small.undoDelete(tokens[1]!).firstName).toBe('B');
  });

  it('shows the full contact page: timeline newest first, reminders by due date, meetings', () => {
    const { maya, ana, ben, cy } = populate();
    clock.advance(3 * 24 * 60 * 60 * 1000);
    pipeline.logActivity({
      contactId: maya.id,
      kind: 'reply-received',
      at: '2026-12-03T15:00:00.000Z',
      summary: 'Happy to talk',
    });
    const detail = pipeline.get(maya.id);
    expect(detail.activities.map((a) => a.kind)).toEqual([
      'reply-received',
      'stage-change',
      'outreach-sent',
    ]);
    expect(detail.reminders.map((r: Reminder) => [r.kind, r.status])).toEqual([
      ['follow-up-3', 'cancelled'],
      ['follow-up-7', 'cancelled'],
    ]);
    expect(detail.meetings.map((m) => m.id)).toEqual(['meeting-2', 'meeting-1']);
    expect(detail.referredBy?.id).toBe(ana.id);
    expect(detail.referrals.map((c) => c.id).sort()).toEqual([ben.id, cy.id].sort());
    expect(detail.contact.responsiveness).toBe('booster');
  });
});
