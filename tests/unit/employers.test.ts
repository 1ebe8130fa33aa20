process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/ipc/handlers.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import { migrate, migrations, v3ToV4 } from '../../electron/services/migrations.js';
import type { Storage } from '../../electron/services/types.js';
import { compareLamp, employerKey } from '../../shared/domain/employers.js';
import { collectionNames, Dataset, SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import type { Contact, Employer } from '../../shared/schema/entities.js';
import type { EmployerDetail, EmployerRow } from '../../shared/schema/employers.js';
import { defaultSettings } from '../../shared/schema/settings.js';
import { handlerDeps } from './helpers/handler-deps.js';
import { makeContact, makeTempDir, open } from './helpers/storage-fixtures.js';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;
let handlers: Handlers;

beforeEach(() => {
  temp = makeTempDir('rapport-employers-');
  storage = open(temp.dir);
  handlers = createHandlers(handlerDeps(storage));
});
afterEach(() => temp.cleanup());

async function call<T>(channel: string, args: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, args, () => {
    throw new Error('an unexpected error reached the log');
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function fails(channel: string, args: unknown): Promise<string> {
  const result = await dispatch(handlers, channel, args, () => undefined);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error.message;
}

const form = (firstName: string, company: string, kind = 'alumni', patch = {}) => ({
  contact: {
    firstName,
    lastName: 'Test',
    title: '',
    company,
    industry: '',
    location: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    source: { kind, detail: '' },
    referredById: null,
    tags: [],
    notes: '',
    ...patch,
  },
});

const names = (rows: EmployerRow[]) => rows.map((row) => row.name);

describe('the same company is the same employer', () => {
  it('folds case, accents, punctuation and company suffixes', () => {
    expect(employerKey('Nestlé S.A.')).toBe(employerKey('NESTLE'));
    expect(employerKey('Acme, Inc.')).toBe(employerKey('acme'));
    expect(employerKey('Siemens GmbH')).toBe(employerKey('siemens'));
    expect(employerKey('Acme Health')).not.toBe(employerKey('Acme'));
  });
});

describe('linking contacts to employers', () => {
  it('adds an employer for a new company and links the next contact typed differently to it', async () => {
    const maya = await call<Contact>('contacts:create', form('Maya', 'Northwind Health'));
    const jo = await call<Contact>(
      'contacts:create',
      form('Jo', 'northwind health, inc.', 'other'),
    );
    const none = await call<Contact>('contacts:create', form('Sam', '  '));
    expect(maya.employerId).not.toBeNull();
    expect(jo.employerId).toBe(maya.employerId);
    expect(none.employerId).toBeNull();
    const rows = await call<EmployerRow[]>('employers:list', undefined);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'Northwind Health',
      motivation: 0,
      posting: 1,
      // Advocacy: Maya came through the alumni association; Jo is a cold contact.
      advocacy: { warm: true, contacts: 2, people: [{ id: maya.id, name: 'Maya Test' }] },
    });
  });

  it('keeps a link the user chose while the company stays, and relinks when it changes', async () => {
    const other = await call<Employer>('employers:create', { employer: { name: 'Contoso' } });
    const maya = await call<Contact>(
      'contacts:create',
      form('Maya', 'Northwind', 'alumni', { employerId: other.id }),
    );
    expect(maya.employerId).toBe(other.id);
    const { contact: kept } = await call<{ contact: Contact }>('contacts:update', {
      id: maya.id,
      contact: { ...form('Maya', 'Northwind', 'alumni').contact, title: 'Director' },
    });
    expect(kept.employerId).toBe(other.id);
    const { contact: moved } = await call<{ contact: Contact }>('contacts:update', {
      id: maya.id,
      contact: form('Maya', 'Fabrikam').contact,
    });
    expect(moved.employerId).not.toBe(other.id);
    expect(storage.read().employers[moved.employerId!]!.name).toBe('Fabrikam');
    const { contact: unlinked } = await call<{ contact: Contact }>('contacts:update', {
      id: maya.id,
      contact: { ...form('Maya', 'Fabrikam').contact, employerId: null },
    });
    expect(unlinked.employerId).toBeNull();
    expect(
      await fails('contacts:create', form('Jo', 'X', 'alumni', { employerId: 'no-such' })),
    ).toMatch(/employer chosen no longer exists/);
  });
});

describe('the LAMP list', () => {
  it('sorts by Motivation, then Posting, then Advocacy, then name', async () => {
    const add = (name: string, motivation: number, posting: number) =>
      call<Employer>('employers:create', { employer: { name, motivation, posting } });
    await add('Zeta', 3, 1);
    await add('Alpha', 3, 1);
    await add('Beta', 3, 2);
    await add('Gamma', 1, 3);
    await add('Warm', 3, 1);
    await call('contacts:create', form('Maya', 'Warm'));
    expect(names(await call('employers:list', undefined))).toEqual([
      'Beta', // motivation 3, posting 2
      'Warm', // 3, 1, a warm contact
      'Alpha',
      'Zeta',
      'Gamma',
    ]);
    expect(
      compareLamp(
        { name: 'a', motivation: 2, posting: 3, advocacy: true },
        { name: 'b', motivation: 3, posting: 1, advocacy: false },
      ),
    ).toBeGreaterThan(0);
  });

  it('refuses a second employer of the same name, and checks the scores', async () => {
    await call('employers:create', { employer: { name: 'Acme Inc.' } });
    expect(await fails('employers:create', { employer: { name: 'ACME' } })).toMatch(
      /Acme Inc\. is already on your list/,
    );
    expect(
      await fails('employers:create', { employer: { name: 'Globex', motivation: 4 } }),
    ).toMatch(/motivation/i);
    expect(await fails('employers:create', { employer: { name: 'Globex', posting: 0 } })).toMatch(
      /posting/i,
    );
  });

  it('renames an employer, and a contact typed with the old name still links to it', async () => {
    const maya = await call<Contact>('contacts:create', form('Maya', 'MSFT'));
    const renamed = await call<Employer>('employers:update', {
      id: maya.employerId,
      patch: { name: 'Microsoft', motivation: 2, focus: true },
    });
    expect(renamed).toMatchObject({ name: 'Microsoft', aliases: ['MSFT'], motivation: 2 });
    const jo = await call<Contact>('contacts:create', form('Jo', 'msft'));
    expect(jo.employerId).toBe(maya.employerId);
  });

  it('merges two employers that are the same company', async () => {
    const maya = await call<Contact>('contacts:create', form('Maya', 'Northwind'));
    const jo = await call<Contact>('contacts:create', form('Jo', 'Northwind Health'));
    await call('employers:update', {
      id: jo.employerId,
      patch: { motivation: 3, notes: 'Hiring analysts', research: 'Founded 1990' },
    });
    await call('employers:update', { id: maya.employerId, patch: { notes: 'Near home' } });
    const merged = await call<{ employer: Employer; moved: number; merged: string }>(
      'employers:merge',
      { keepId: maya.employerId, mergeId: jo.employerId },
    );
    expect(merged).toMatchObject({ moved: 1, merged: 'Northwind Health' });
    expect(merged.employer).toMatchObject({
      name: 'Northwind',
      aliases: ['Northwind Health'],
      motivation: 3,
      notes: 'Near home\n\nHiring analysts',
      research: 'Founded 1990',
    });
    expect(storage.read().contacts[jo.id]!.employerId).toBe(maya.employerId);
    expect(Object.keys(storage.read().employers)).toEqual([maya.employerId]);
    // The merged name links here from now on (no new "Northwind Health" comes back).
    const sam = await call<Contact>('contacts:create', form('Sam', 'Northwind Health Inc'));
    expect(sam.employerId).toBe(maya.employerId);
    expect(
      await fails('employers:merge', { keepId: maya.employerId, mergeId: maya.employerId }),
    ).toMatch(/two different employers/);
  });

  it('shows an employer with its contacts by stage and their meetings', async () => {
    const maya = await call<Contact>(
      'contacts:create',
      form('Maya', 'Northwind', 'alumni', { stage: 'met' }),
    );
    await call('contacts:create', form('Ada', 'Northwind', 'other', { stage: 'prospect' }));
    await call('meetings:schedule', {
      contactId: maya.id,
      start: '2026-12-08T15:00:00.000Z',
      minutes: 30,
      place: 'Café',
    });
    const detail = await call<EmployerDetail>('employers:get', { id: maya.employerId });
    expect(detail.contacts.map((c) => [c.firstName, c.stage])).toEqual([
      ['Ada', 'prospect'],
      ['Maya', 'met'],
    ]);
    expect(detail.meetings.map((m) => m.contactName)).toEqual(['Maya Test']);
    expect(detail.employer.advocacy.people.map((p) => p.name)).toEqual(['Maya Test']);
  });

  it('removes an employer and leaves its contacts without one', async () => {
    const maya = await call<Contact>('contacts:create', form('Maya', 'Northwind'));
    expect(await call('employers:remove', { id: maya.employerId })).toEqual({ unlinked: 1 });
    expect(storage.read().contacts[maya.id]!.employerId).toBeNull();
    // Saving her again with the same company does not bring the employer back.
    const { contact } = await call<{ contact: Contact }>('contacts:update', {
      id: maya.id,
      contact: { ...form('Maya', 'Northwind').contact, title: 'Lead' },
    });
    expect(contact.employerId).toBeNull();
    expect(await call('employers:list', undefined)).toEqual([]);
  });
});

describe('migration to version 4', () => {
  it('makes an employer of each company the contacts name, and links them', () => {
    const contacts = {
      a: { ...makeContact('a', { company: 'Acme Inc.' }), createdAt: '2026-01-02T00:00:00.000Z' },
      b: { ...makeContact('b', { company: 'ACMÉ' }), createdAt: '2026-01-01T00:00:00.000Z' },
      c: { ...makeContact('c', { company: '' }) },
      d: { ...makeContact('d', { company: 'Globex' }) },
    } as Record<string, Record<string, unknown>>;
    for (const contact of Object.values(contacts)) delete contact.employerId;
    const out = v3ToV4({ settings: defaultSettings('en-US'), contacts });
    const employers = out.employers as Record<string, Employer>;
    const linked = out.contacts as Record<string, Contact>;
    expect(
      Object.values(employers)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['ACMÉ', 'Globex']);
    expect(linked.a!.employerId).toBe(linked.b!.employerId);
    expect(linked.c!.employerId).toBeNull();
    // The name comes from the oldest contact; so do the dates.
    expect(employers[linked.a!.employerId!]).toMatchObject({
      name: 'ACMÉ',
      motivation: 0,
      posting: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const full = migrate(
      { settings: defaultSettings('en-US'), contacts },
      3,
      SCHEMA_VERSION,
      migrations,
    );
    expect(() => Dataset.parse({ ...emptyCollections(), ...full })).not.toThrow();
  });
});

function emptyCollections() {
  return Object.fromEntries(collectionNames.map((name) => [name, {}]));
}

describe('day 3 of 3B7: the next person at the same employer', () => {
  it('follows the employer link, so a merged name counts as the same employer', async () => {
    const { nextPeopleAtCompany } = await import('../../electron/services/reminders.js');
    const contacts = {
      maya: makeContact('maya', { company: 'Contoso', employerId: 'e1', stage: 'contacted' }),
      kim: makeContact('kim', { firstName: 'Kim', company: 'Contoso Ltd', employerId: 'e1' }),
      lee: makeContact('lee', { firstName: 'Lee', company: 'Contoso', employerId: 'e2' }),
      ana: makeContact('ana', { firstName: 'Ana', company: 'Fabrikam', employerId: null }),
      bo: makeContact('bo', { firstName: 'Bo', company: 'FABRIKAM Inc.', employerId: null }),
    };
    const next = nextPeopleAtCompany(contacts);
    // Kim's company is written differently, but both are linked to e1; Lee's is another record.
    expect(next(contacts.maya).map((c) => c.id)).toEqual(['kim']);
    // Without a link, the company names are compared, folded.
    expect(next(contacts.ana).map((c) => c.id)).toEqual(['bo']);
  });
});

describe('company research kept with the employer', () => {
  it('stores what a meeting’s prep says about the company with the employer, for the next meeting', async () => {
    const maya = await call<Contact>('contacts:create', form('Maya', 'Northwind'));
    const kim = await call<Contact>('contacts:create', form('Kim', 'Northwind Inc.'));
    const schedule = (contactId: string, start: string) =>
      call<{ meeting: { id: string } }>('meetings:schedule', {
        contactId,
        start,
        minutes: 30,
        place: 'Café',
      });
    const first = await schedule(maya.id, '2026-12-08T15:00:00.000Z');
    await call('meetings:update', {
      id: first.meeting.id,
      patch: {
        research: { industry: '', company: 'Three hospitals; Epic EHR', position: '', person: '' },
      },
    });
    expect(storage.read().employers[maya.employerId!]!.research).toBe('Three hospitals; Epic EHR');
    // The next meeting there is offered it (its own company research is still empty).
    const second = await schedule(kim.id, '2026-12-10T15:00:00.000Z');
    const detail = await call<{ employer: unknown; meeting: { research: { company: string } } }>(
      'meetings:get',
      { id: second.meeting.id },
    );
    expect(detail.employer).toEqual({
      id: maya.employerId,
      name: 'Northwind',
      research: 'Three hospitals; Epic EHR',
    });
    expect(detail.meeting.research.company).toBe('');
    // Emptying the field in a meeting does not wipe what the employer keeps.
    await call('meetings:update', {
      id: first.meeting.id,
      patch: { research: { industry: '', company: '', position: '', person: '' } },
    });
    expect(storage.read().employers[maya.employerId!]!.research).toBe('Three hospitals; Epic EHR');
  });
});

describe('learnings across meetings', () => {
  it('counts only meetings held, and names the company by its employer', async () => {
    const { learningsMeetings } = await import('../../electron/services/learnings.js');
    const maya = await call<Contact>('contacts:create', form('Maya', 'contoso ltd.'));
    const jo = await call<Contact>('contacts:create', form('Jo', 'Contoso'));
    await call('employers:update', { id: maya.employerId, patch: { name: 'Contoso' } });
    const held = await call<{ meeting: { id: string } }>('meetings:schedule', {
      contactId: maya.id,
      start: '2026-12-01T15:00:00.000Z',
      minutes: 30,
      place: 'Café',
    });
    await call('meetings:schedule', {
      contactId: jo.id,
      start: '2026-12-10T15:00:00.000Z',
      minutes: 30,
      place: 'Café',
    });
    await call('meetings:update', { id: held.meeting.id, patch: { takeaways: 'Learn SQL' } });
    await call('meetings:markHeld', { id: held.meeting.id });
    expect(learningsMeetings(storage.read())).toEqual([
      expect.objectContaining({
        meetingId: held.meeting.id,
        contactName: 'Maya Test',
        company: 'Contoso',
        takeaways: 'Learn SQL',
      }),
    ]);
  });
});

describe('importing contacts', () => {
  it('says in the preview which employers the companies link to, and links them on saving', async () => {
    await call<Employer>('employers:create', { employer: { name: 'Contoso Ltd' } });
    const csv = [
      'First Name,Last Name,Company',
      'Maya,Okafor,CONTOSO',
      'Kim,Lee,Globex Inc.',
      'Jo,Park,globex',
      'Sam,Ito,',
    ].join('\n');
    const preview = await call<{ token: string; employers: unknown }>('import:dropped', {
      kind: 'csv',
      name: 'people.csv',
      data: Buffer.from(csv).toString('base64'),
    });
    expect(preview.employers).toEqual({ existing: 1, added: 1, newNames: ['Globex Inc.'] });
    await call('import:commit', { token: preview.token });
    const contacts = Object.values(storage.read().contacts);
    const employerOf = (first: string) => {
      const id = contacts.find((c) => c.firstName === first)!.employerId;
      return id === null ? null : storage.read().employers[id]!.name;
    };
    expect(['Maya', 'Kim', 'Jo', 'Sam'].map(employerOf)).toEqual([
      'Contoso Ltd',
      'Globex Inc.',
      'Globex Inc.',
      null,
    ]);
  });
});
