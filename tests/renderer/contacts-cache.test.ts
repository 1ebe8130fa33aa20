import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, cacheOf } from '../../renderer/stores/contact-cache.js';
import { resetContactsStore, useContactsStore } from '../../renderer/stores/contacts-store.js';
import { connectMainEvents } from '../../renderer/stores/events.js';
import { contactSummary } from '../../shared/domain/contact-summary.js';
import type { Contact } from '../../shared/schema/entities.js';
import type { ContactSummary } from '../../shared/schema/pipeline.js';
import { createFakeRapport, makeContact, type FakeRapport } from './fake-api.js';

const person = (id: string, lastName: string, patch: Partial<Contact> = {}): ContactSummary =>
  contactSummary(makeContact({ id, firstName: 'Sam', lastName, ...patch }));

/** Three contacts in name order (main sends them so). */
const three = () => [
  person('a', 'Adams'),
  person('b', 'Brown', { stage: 'contacted' }),
  person('c', 'Clark'),
];

describe('the contact cache', () => {
  it('groups a full list by stage, keeping the name order', () => {
    const cache = cacheOf(three());
    expect(cache.byStage.prospect.map((c) => c.id)).toEqual(['a', 'c']);
    expect(cache.byStage.contacted.map((c) => c.id)).toEqual(['b']);
    expect(cache.byStage.met).toEqual([]);
  });

  it('moves a card between two groups and leaves every other group as it was', () => {
    const before = cacheOf(three());
    const after = applyChanges(before, [{ ...before.contacts[2]!, stage: 'contacted' }]);
    expect(after.byStage.prospect.map((c) => c.id)).toEqual(['a']);
    expect(after.byStage.contacted.map((c) => c.id)).toEqual(['b', 'c']);
    for (const stage of ['scheduled', 'met', 'thanked', 'declined', 'no-reply'] as const)
      expect(after.byStage[stage]).toBe(before.byStage[stage]);
    // The list keeps its order; the moved contact is replaced in place.
    expect(after.contacts.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(before.contacts[2]!.stage).toBe('prospect');
  });

  it('puts new and renamed contacts where main would list them, and drops removed ones', () => {
    const before = cacheOf(three());
    const after = applyChanges(
      before,
      [person('d', 'Baker'), { ...before.contacts[0]!, lastName: 'Young' }],
      ['b'],
    );
    expect(after.contacts.map((c) => c.lastName)).toEqual(['Baker', 'Clark', 'Young']);
    expect(after.byStage.prospect.map((c) => c.lastName)).toEqual(['Baker', 'Clark', 'Young']);
    expect(after.byStage.contacted).toEqual([]);
  });

  it('changes nothing (not even identities) for an empty change', () => {
    const before = cacheOf(three());
    expect(applyChanges(before, [], [])).toBe(before);
  });
});

describe('the contacts store and main’s change events', () => {
  let fake: FakeRapport;
  let disconnect: () => void;
  beforeEach(async () => {
    resetContactsStore();
    fake = createFakeRapport({
      contacts: [
        makeContact({ id: 'a', lastName: 'Adams', notes: 'private' }),
        makeContact({ id: 'b', lastName: 'Brown' }),
      ],
    });
    fake.install();
    disconnect = connectMainEvents();
    await useContactsStore.getState().load();
  });
  afterEach(() => disconnect());

  const settle = () => new Promise((done) => setTimeout(done, 0));

  it('keeps summaries only: the notes never reach the cache', () => {
    expect(useContactsStore.getState().contacts[0]).not.toHaveProperty('notes');
  });

  it('fetches just the contacts a change names, never the whole list again', async () => {
    fake.state.contacts = fake.state.contacts.map((c) =>
      c.id === 'b' ? { ...c, stage: 'met' } : c,
    );
    fake.state.contacts = [...fake.state.contacts, makeContact({ id: 'n', lastName: 'Nash' })];
    fake.emit('data:changed', { collections: ['contacts'], ids: { contacts: ['b', 'n'] } });
    await settle();
    await settle();
    expect(fake.callsTo('contacts:list')).toHaveLength(1);
    expect(fake.callsTo('contacts:getMany')).toEqual([{ ids: ['b', 'n'] }]);
    const { contacts, byStage } = useContactsStore.getState();
    expect(contacts.map((c) => c.id)).toEqual(['a', 'b', 'n']);
    expect(byStage.met.map((c) => c.id)).toEqual(['b']);
  });

  it('drops a named contact main no longer has', async () => {
    fake.state.contacts = fake.state.contacts.filter((c) => c.id !== 'a');
    fake.emit('data:changed', { collections: ['contacts'], ids: { contacts: ['a'] } });
    await settle();
    await settle();
    expect(useContactsStore.getState().contacts.map((c) => c.id)).toEqual(['b']);
    expect(fake.callsTo('contacts:list')).toHaveLength(1);
  });

  it('reloads everything when a change names no ids (an import, a restore)', async () => {
    fake.state.contacts = [makeContact({ id: 'z', lastName: 'Zed' })];
    fake.emit('data:changed', { collections: ['contacts', 'meetings'] });
    await settle();
    await settle();
    expect(fake.callsTo('contacts:list')).toHaveLength(2);
    expect(fake.callsTo('contacts:getMany')).toEqual([]);
    expect(useContactsStore.getState().contacts.map((c) => c.id)).toEqual(['z']);
  });

  it('ignores changes to other collections', async () => {
    fake.emit('data:changed', { collections: ['reminders'], ids: { reminders: ['r'] } });
    await settle();
    expect(fake.callsTo('contacts:getMany')).toEqual([]);
    expect(fake.callsTo('contacts:list')).toHaveLength(1);
  });

  it('merges a burst that arrives while it is fetching into one more call', async () => {
    let release = () => {};
    fake.respond(
      'contacts:getMany',
      ({ ids }) =>
        new Promise((done) => {
          release = () =>
            done(fake.state.contacts.filter((c) => ids.includes(c.id)).map(contactSummary));
        }),
    );
    fake.emit('data:changed', { collections: ['contacts'], ids: { contacts: ['a'] } });
    await settle();
    fake.emit('data:changed', { collections: ['contacts'], ids: { contacts: ['b'] } });
    fake.emit('data:changed', { collections: ['contacts'], ids: { contacts: ['a', 'x'] } });
    release();
    await settle();
    release();
    await settle();
    expect(fake.callsTo('contacts:getMany')).toEqual([{ ids: ['a'] }, { ids: ['b', 'a', 'x'] }]);
  });

  it('does nothing before the first load (the pipeline loads fresh when opened)', async () => {
    resetContactsStore();
    fake.emit('data:changed', { collections: ['contacts'], ids: { contacts: ['a'] } });
    await settle();
    expect(fake.callsTo('contacts:getMany')).toEqual([]);
    expect(fake.callsTo('contacts:list')).toHaveLength(1);
  });

  it('loads once for many visits: ensureLoaded does not fetch the list again', async () => {
    await useContactsStore.getState().ensureLoaded();
    await useContactsStore.getState().ensureLoaded();
    expect(fake.callsTo('contacts:list')).toHaveLength(1);
  });

  it('moving a card changes two groups only, optimistically, then as main saved it', async () => {
    const before = useContactsStore.getState().byStage;
    const moving = useContactsStore.getState().setStage('a', 'met');
    const during = useContactsStore.getState().byStage;
    expect(during.met.map((c) => c.id)).toEqual(['a']);
    expect(during.prospect.map((c) => c.id)).toEqual(['b']);
    expect(during.contacted).toBe(before.contacted);
    expect(during.declined).toBe(before.declined);
    await moving;
    await settle();
    await settle();
    const after = useContactsStore.getState();
    expect(after.byStage.met.map((c) => c.id)).toEqual(['a']);
    expect(after.byStage.contacted).toBe(before.contacted);
    expect(fake.callsTo('contacts:list')).toHaveLength(1);
  });
});
