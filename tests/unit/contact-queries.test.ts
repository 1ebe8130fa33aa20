import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_CHANGE_ID_LIMIT, contract } from '../../shared/contract.js';
import { SEARCH_QUERY_MAX } from '../../shared/domain/text-fold.js';
import type { Contact } from '../../shared/schema/entities.js';
import {
  createContactQueries,
  NOTES_SEARCH_LIMIT,
} from '../../electron/services/contact-queries.js';
import { createPipelineService } from '../../electron/services/pipeline.js';
import { openStorage } from '../../electron/services/storage.js';
import type { Storage } from '../../electron/services/types.js';

const NOW = new Date('2026-01-15T12:00:00.000Z');

let dir: string;
let storage: Storage;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-queries-'));
  storage = openStorage({ dataDir: dir, now: () => NOW, StoreClass: Conf, log: () => undefined });
});
afterEach(() => {
  storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function person(patch: Partial<Contact>): Contact {
  counter += 1;
  return {
    id: `c-${counter}`,
    firstName: 'Sam',
    lastName: `Person ${counter}`,
    title: '',
    company: '',
    industry: '',
    location: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    source: { kind: 'other', detail: '' },
    referredById: null,
    employerId: null,
    tags: [],
    notes: '',
    stage: 'prospect',
    responsiveness: 'unknown',
    keepInTouch: { off: false, days: null },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...patch,
  };
}

const save = (...contacts: Contact[]) =>
  storage.transact((tx) => {
    for (const contact of contacts) tx.put('contacts', contact);
  });

describe('contacts for the board and the list', () => {
  it('lists every contact without notes, in name order', () => {
    save(
      person({ id: 'b', firstName: 'Bea', lastName: 'Stone', notes: 'Long story' }),
      person({ id: 'a', firstName: 'Åsa', lastName: 'Berg', notes: 'Private' }),
    );
    const list = createPipelineService({ storage, now: () => NOW }).list();
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
    for (const contact of list) expect(contact).not.toHaveProperty('notes');
    expect(list[0]).toMatchObject({ firstName: 'Åsa', lastName: 'Berg', stage: 'prospect' });
  });

  it('fetches just the named contacts, leaving out the ones that no longer exist', () => {
    save(person({ id: 'a', notes: 'x' }), person({ id: 'b' }));
    const queries = createContactQueries({ storage });
    const found = queries.getMany(['b', 'gone', 'a', 'b', '__proto__', 'constructor']);
    expect(found.map((c) => c.id)).toEqual(['b', 'a']);
    expect(found[1]).not.toHaveProperty('notes');
  });

  it('takes at most as many ids as a change event names', () => {
    const args = contract['contacts:getMany'].args;
    expect(args.safeParse({ ids: Array(DATA_CHANGE_ID_LIMIT).fill('a') }).success).toBe(true);
    expect(args.safeParse({ ids: Array(DATA_CHANGE_ID_LIMIT + 1).fill('a') }).success).toBe(false);
  });
});

describe('the notes search', () => {
  it.each([
    ['a word only in the notes', 'conference', ['notes']],
    ['folded like the list search (case, accents)', 'CONFÉRENCE', ['notes']],
    ['every word somewhere, one only in the notes', 'maya conference', ['notes']],
    ['words all in name, company or title: the list finds those itself', 'maya okafor', []],
    ['a word found nowhere', 'conference zebra', []],
    ['an empty query', '   ', []],
  ])('%s', (_name, query, expected) => {
    save(
      person({
        id: 'notes',
        firstName: 'Maya',
        lastName: 'Okafor',
        notes: 'Met at the Conference',
      }),
      person({ id: 'plain', firstName: 'Maya', lastName: 'Okafor' }),
      person({ id: 'other', firstName: 'Li', notes: 'Likes cycling' }),
    );
    expect(createContactQueries({ storage }).searchNotes(query)).toEqual({
      ids: expected,
      truncated: false,
    });
  });

  it('sees edited notes and forgets deleted contacts', () => {
    save(person({ id: 'a', notes: 'alpha' }));
    const queries = createContactQueries({ storage });
    expect(queries.searchNotes('alpha').ids).toEqual(['a']);
    save(person({ id: 'a', notes: 'beta', updatedAt: '2026-01-16T00:00:00.000Z' }));
    expect(queries.searchNotes('alpha').ids).toEqual([]);
    expect(queries.searchNotes('beta').ids).toEqual(['a']);
    storage.transact((tx) => tx.remove('contacts', 'a'));
    expect(queries.searchNotes('beta').ids).toEqual([]);
  });

  it('sends at most NOTES_SEARCH_LIMIT ids and says there were more', () => {
    save(
      ...Array.from({ length: NOTES_SEARCH_LIMIT + 5 }, (_, n) =>
        person({ id: `n-${n}`, notes: 'shared word' }),
      ),
    );
    const result = createContactQueries({ storage }).searchNotes('shared');
    expect(result.ids).toHaveLength(NOTES_SEARCH_LIMIT);
    expect(result.truncated).toBe(true);
  });

  it('refuses a query longer than a search box needs', () => {
    const args = contract['contacts:searchNotes'].args;
    expect(args.safeParse({ query: 'x'.repeat(SEARCH_QUERY_MAX) }).success).toBe(true);
    expect(args.safeParse({ query: 'x'.repeat(SEARCH_QUERY_MAX + 1) }).success).toBe(false);
  });
});

describe("Today's answer", () => {
  it('says how many contacts there are, so the first screen needs no contact list', () => {
    const pipeline = createPipelineService({ storage, now: () => NOW });
    expect(pipeline.today().contactCount).toBe(0);
    save(person({}), person({}));
    expect(pipeline.today().contactCount).toBe(2);
  });
});
