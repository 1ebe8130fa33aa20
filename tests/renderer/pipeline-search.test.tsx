import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resetPipelineView } from '../../renderer/features/pipeline/PipelinePage.js';
import {
  clearSearchCache,
  searchContacts,
  withNotesMatches,
} from '../../renderer/features/pipeline/search.js';
import { resetContactsStore, useContactsStore } from '../../renderer/stores/contacts-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import { contactSummary } from '../../shared/domain/contact-summary.js';
import type { Contact } from '../../shared/schema/entities.js';
import type { ContactSummary } from '../../shared/schema/pipeline.js';
import { makeContact } from './fake-api.js';
import { renderApp } from './render-app.js';

/** Contacts that count how often the search reads them (it reads `updatedAt` for each). */
function counted(contacts: ContactSummary[]) {
  let reads = 0;
  const wrapped = contacts.map(
    (contact) =>
      new Proxy(contact, {
        get(target, key, receiver) {
          if (key === 'updatedAt') reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
  );
  return {
    contacts: wrapped,
    reads: () => {
      const value = reads;
      reads = 0;
      return value;
    },
  };
}

const crowd = (size: number) =>
  Array.from({ length: size }, (_, n) =>
    contactSummary(
      makeContact({
        id: `p-${n}`,
        firstName: n % 10 === 0 ? 'Martina' : 'Sam',
        lastName: n % 20 === 0 ? 'Martinez' : `Person ${n}`,
        title: n % 3 === 0 ? 'Product manager' : 'Engineer',
      }),
    ),
  );

describe('the list search', () => {
  it('narrows as the query grows: more letters look only at the previous matches', () => {
    clearSearchCache();
    const { contacts, reads } = counted(crowd(1_000));
    expect(searchContacts(contacts, 'mar')).toHaveLength(100);
    expect(reads()).toBe(1_000);
    expect(searchContacts(contacts, 'mart')).toHaveLength(100);
    expect(reads()).toBe(100);
    expect(searchContacts(contacts, 'martinez')).toHaveLength(50);
    expect(reads()).toBe(100);
    expect(searchContacts(contacts, 'martinez prod')).toHaveLength(17);
    expect(reads()).toBe(50);
    // Deleting letters is a new search over everyone.
    expect(searchContacts(contacts, 'marti')).toHaveLength(100);
    expect(reads()).toBe(1_000);
  });

  it('keeps folded text by id and updatedAt, so a list main sent again is not folded again', () => {
    clearSearchCache();
    const people = crowd(3);
    searchContacts(people, 'sam');
    // New objects, same contacts: the same answers, from the same folded text.
    const again = people.map((c) => ({ ...c, firstName: 'Changed but not saved' }));
    expect(searchContacts(again, 'sam')).toHaveLength(2);
    // A saved edit (new updatedAt) is folded anew.
    const edited = again.map((c) => ({ ...c, updatedAt: '2030-01-01T00:00:00.000Z' }));
    expect(searchContacts(edited, 'sam')).toHaveLength(0);
  });

  it('adds the contacts main found through their notes, in the list’s order', () => {
    const people = crowd(5);
    const found = [people[1]!, people[3]!];
    expect(withNotesMatches(people, found, new Set(['p-4', 'p-0'])).map((c) => c.id)).toEqual([
      'p-0',
      'p-1',
      'p-3',
      'p-4',
    ]);
    expect(withNotesMatches(people, found, null)).toBe(found);
  });
});

const people = (): Contact[] => [
  makeContact({ id: 'a', firstName: 'Åsa', lastName: 'Berg', notes: '' }),
  makeContact({ id: 'b', firstName: 'Bea', lastName: 'Stone', notes: 'Met at the Fintech summit' }),
  makeContact({ id: 'c', firstName: 'Carl', lastName: 'Young', notes: 'Knows FINTÉCH people' }),
];

async function openList(contacts: Contact[]) {
  resetContactsStore();
  resetPipelineView();
  const rendered = await renderApp({ state: { contacts } });
  act(() => useUiStore.getState().navigate('pipeline'));
  await waitFor(() => expect(useContactsStore.getState().loaded).toBe(true));
  await rendered.user.click(screen.getByRole('radio', { name: 'List' }));
  return rendered;
}

const names = () =>
  within(screen.getByRole('table', { name: 'Contacts' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('searching notes from the list', () => {
  it('asks main once typing pauses and adds the contacts whose notes match', async () => {
    const { user, fake } = await openList(people());
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'fintech');
    // One question for the whole word, not one per letter.
    await waitFor(() => expect(names()).toEqual(['Bea Stone', 'Carl Young']));
    expect(fake.callsTo('contacts:searchNotes')).toEqual([{ query: 'fintech' }]);
    expect(screen.getByText('2 of 3 contacts')).toBeInTheDocument();
  });

  it('combines a word in the name with a word in the notes', async () => {
    const { user } = await openList(people());
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'carl fintech');
    await waitFor(() => expect(names()).toEqual(['Carl Young']));
  });

  it('never shows notes matches of an earlier query', async () => {
    const { user } = await openList(people());
    const box = screen.getByRole('searchbox', { name: 'Search contacts' });
    await user.type(box, 'fintech');
    await waitFor(() => expect(names()).toEqual(['Bea Stone', 'Carl Young']));
    await user.type(box, ' summit');
    // At once: main has not answered "fintech summit" yet, and "fintech" matches are not reused.
    expect(screen.getByText(/No contacts match/)).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['Bea Stone']));
  });
});
