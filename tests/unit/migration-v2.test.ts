import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations, v2ToV3 } from '../../electron/services/migrations.js';
import { bucketCounts, bucketOf, fileForItem } from '../../electron/services/shards.js';
import { Dataset, SCHEMA_VERSION } from '../../shared/schema/dataset.js';
import { defaultSettings } from '../../shared/schema/settings.js';
import { makeContact, makeTempDir, open } from './helpers/storage-fixtures.js';

/** A contact as version 1 stored it: no keep-in-touch setting. */
function v1Contact(id: string, patch: Record<string, unknown> = {}) {
  const { keepInTouch: _k, ...rest } = makeContact(id);
  return { ...rest, ...patch };
}

function v1Meeting(id: string, contactId: string, link: string) {
  return {
    id,
    contactId,
    start: '2026-11-20T15:00:00.000Z',
    minutes: 30,
    place: link === '' ? 'Café Nero' : '',
    link,
    status: 'held',
    research: { industry: '', company: '', position: '', person: '' },
    questions: [],
    notes: [],
    checklist: {
      resumeCopies: 3,
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
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  };
}

function v1Note(id: string, contactId: string, templateId: string | null) {
  return {
    id,
    contactId,
    meetingId: null,
    templateId,
    subject: 'Thanks',
    body: 'Thank you.',
    createdAt: '2026-11-21T10:00:00.000Z',
    sentAt: null,
    exportedFile: '',
  };
}

/** A whole version-1 dataset: the shape Rapport 0.1 wrote before keep-in-touch and note purposes. */
function v1Dataset() {
  const {
    keepInTouchDays: _k,
    printGroupedByTopic: _p,
    ...settings
  } = defaultSettings('en-US') as unknown as Record<string, unknown>;
  return {
    settings: { ...settings, arriveEarlyMinutes: 12 },
    contacts: {
      ana: v1Contact('ana', { firstName: 'Ana' }),
      maya: v1Contact('maya', { firstName: 'Maya', referredById: 'ana' }),
      lee: v1Contact('lee', { firstName: 'Lee' }),
    },
    activities: {},
    reminders: {},
    meetings: {
      video: v1Meeting('video', 'maya', 'https://meet.example.com/maya'),
      office: v1Meeting('office', 'lee', ''),
    },
    questions: {},
    templates: {
      mine: {
        id: 'mine',
        name: 'My report-back',
        purpose: 'report-back',
        subject: '',
        body: 'x',
        builtIn: false,
      },
    },
    notes: {
      plain: v1Note('plain', 'maya', 'builtin-thank-you'),
      referrer: v1Note('referrer', 'maya', 'builtin-referrer-thanks'),
      orphanReferrer: v1Note('orphanReferrer', 'lee', 'builtin-referrer-thanks'),
      own: v1Note('own', 'lee', 'mine'),
      free: v1Note('free', 'lee', null),
    },
    attachments: {},
  };
}

/** A version 1 dataset taken through every step to this build's version. */
const upgraded = () => migrate(v1Dataset(), 1, SCHEMA_VERSION, migrations);

describe('the version 2 -> 3 migration', () => {
  it('splits each meeting into its record and its prep, under the same id', () => {
    const v2 = { meetings: { m1: { ...v1Meeting('m1', 'maya', ''), mode: 'in-person' } } };
    const v3 = v2ToV3(v2) as {
      meetings: Record<string, Record<string, unknown>>;
      preps: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(v3.meetings.m1!).sort()).toEqual(
      [
        'contactId',
        'createdAt',
        'id',
        'link',
        'minutes',
        'mode',
        'place',
        'start',
        'status',
        'updatedAt',
      ].sort(),
    );
    expect(v3.preps.m1).toMatchObject({
      id: 'm1',
      questions: [],
      checklist: { resumeCopies: 3 },
      updatedAt: '2026-11-01T10:00:00.000Z',
    });
  });
});

describe('the version 1 -> 2 migration', () => {
  it('adds the new fields and produces a dataset this build accepts', () => {
    const migrated = upgraded();
    const parsed = Dataset.safeParse(migrated);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    const data = parsed.data!;
    expect(data.contacts.maya?.keepInTouch).toEqual({ off: false, days: null });
    expect(data.settings.keepInTouchDays).toBe(90);
    expect(data.settings.printGroupedByTopic).toBe(false);
    expect(data.settings.arriveEarlyMinutes).toBe(12);
    expect(data.outreach).toEqual({});
  });

  it('reads a meeting with a link as a video call and one without as in person', () => {
    const data = Dataset.parse(upgraded());
    expect(data.meetings.video?.mode).toBe('video');
    expect(data.meetings.office?.mode).toBe('in-person');
  });

  it('gives each note the purpose of its template and addresses referrer notes to the referrer', () => {
    const data = Dataset.parse(upgraded());
    const summary = (id: string) => {
      const note = data.notes[id]!;
      return [note.purpose, note.contactId, note.aboutContactId];
    };
    expect(summary('plain')).toEqual(['thank-you', 'maya', null]);
    // Written from the referrer template for Maya: now a note to Ana, about Maya.
    expect(summary('referrer')).toEqual(['referrer-thanks', 'ana', 'maya']);
    // Lee was referred by nobody: the note stays an ordinary note to Lee.
    expect(summary('orphanReferrer')).toEqual(['thank-you', 'lee', null]);
    expect(summary('own')).toEqual(['report-back', 'lee', null]);
    expect(summary('free')).toEqual(['thank-you', 'lee', null]);
  });

  describe('on a store written by version 1', () => {
    let temp: ReturnType<typeof makeTempDir>;
    beforeEach(() => {
      temp = makeTempDir('rapport-migration-v2-');
    });
    afterEach(() => temp.cleanup());

    it('upgrades it at open, keeping a copy of the old folder', () => {
      const store = path.join(temp.dir, 'store');
      fs.mkdirSync(store, { recursive: true });
      const data = v1Dataset();
      fs.writeFileSync(
        path.join(store, 'settings.json'),
        JSON.stringify({ schemaVersion: 1, settings: data.settings }),
      );
      const write = (collection: keyof typeof bucketCounts, items: Record<string, object>) => {
        for (const [id, item] of Object.entries(items)) {
          const file = path.join(store, fileForItem(collection, id));
          const existing = fs.existsSync(file)
            ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Record<string, object> }).items
            : {};
          fs.writeFileSync(
            file,
            JSON.stringify({
              schemaVersion: 1,
              collection,
              bucket: bucketOf(id, bucketCounts[collection]),
              items: { ...existing, [id]: item },
            }),
          );
        }
      };
      write('contacts', data.contacts);
      write('meetings', data.meetings);
      write('templates', data.templates);
      write('notes', data.notes);

      const storage = open(temp.dir);
      expect(storage.status()).toMatchObject({ readOnly: null, restored: null });
      expect(storage.status().schemaVersion).toBe(SCHEMA_VERSION);
      expect(storage.read().notes.referrer).toMatchObject({
        purpose: 'referrer-thanks',
        contactId: 'ana',
        aboutContactId: 'maya',
      });
      expect(storage.read().contacts.lee?.keepInTouch).toEqual({ off: false, days: null });
      expect(fs.readdirSync(temp.dir).some((name) => name.startsWith('pre-migration-v1-'))).toBe(
        true,
      );
      storage.close();
    });
  });
});
