import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resetPipelineView } from '../../renderer/features/pipeline/PipelinePage.js';
import { resetContactDetailStore } from '../../renderer/stores/contact-detail-store.js';
import { resetContactsStore, useContactsStore } from '../../renderer/stores/contacts-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Contact } from '../../shared/schema/entities.js';
import { makeContact } from './fake-api.js';
import { renderApp } from './render-app.js';

const people = (): Contact[] => [
  makeContact({
    id: 'b',
    firstName: 'Bea',
    lastName: 'Stone',
    company: 'Zeta',
    title: 'Analyst',
    stage: 'met',
    source: { kind: 'alumni', detail: '' },
    tags: ['finance'],
  }),
  makeContact({
    id: 'a',
    firstName: 'Åsa',
    lastName: 'Berg',
    company: 'Acme',
    title: 'Engineer',
    stage: 'prospect',
    source: { kind: 'former-colleague', detail: '' },
    tags: ['design'],
  }),
  makeContact({
    id: 'c',
    firstName: 'Carl',
    lastName: 'Young',
    company: 'Acme',
    title: 'Designer',
    stage: 'contacted',
    source: { kind: 'alumni', detail: '' },
    tags: ['design', 'boston'],
  }),
];

async function openList(contacts: Contact[]) {
  resetContactsStore();
  resetContactDetailStore();
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

describe('Pipeline list', () => {
  it('lists everyone in a table sorted by name, with a count', async () => {
    await openList(people());
    expect(screen.getByRole('table', { name: 'Contacts' })).toHaveAttribute('aria-rowcount', '4');
    expect(names()).toEqual(['Åsa Berg', 'Bea Stone', 'Carl Young']);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByText('3 contacts')).toBeInTheDocument();
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const { user } = await openList(people());
    await user.click(screen.getByRole('button', { name: 'Company' }));
    expect(screen.getByRole('columnheader', { name: /Company/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'none');
    expect(names()).toEqual(['Åsa Berg', 'Carl Young', 'Bea Stone']);
    await user.click(screen.getByRole('button', { name: 'Company' }));
    expect(screen.getByRole('columnheader', { name: /Company/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(names()).toEqual(['Bea Stone', 'Åsa Berg', 'Carl Young']);
    await user.click(screen.getByRole('button', { name: 'Stage' }));
    expect(names()).toEqual(['Åsa Berg', 'Carl Young', 'Bea Stone']);
  });

  it.each([
    ['Stage', 'Contacted', ['Carl Young']],
    ['Source', 'Alumni association', ['Bea Stone', 'Carl Young']],
    ['Company', 'Acme', ['Åsa Berg', 'Carl Young']],
    ['Tag', 'design', ['Åsa Berg', 'Carl Young']],
  ])('filters by %s = %s', async (label, option, expected) => {
    const { user } = await openList(people());
    await user.selectOptions(screen.getByRole('combobox', { name: label }), option);
    expect(names()).toEqual(expected);
    expect(screen.getByText(`${expected.length} of 3 contacts`)).toBeInTheDocument();
  });

  it('combines the search with the filters and says when nothing matches', async () => {
    const { user } = await openList(people());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Company' }), 'Acme');
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'ASA');
    await waitFor(() => expect(names()).toEqual(['Åsa Berg']));
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), ' zzz');
    expect(await screen.findByText(/No contacts match/)).toBeVisible();
    expect(screen.getByText('0 of 3 contacts')).toBeInTheDocument();
  });

  it('opens a contact from its name', async () => {
    const { user } = await openList(people());
    await user.click(screen.getByRole('link', { name: 'Bea Stone' }));
    expect(useUiStore.getState()).toMatchObject({ area: 'contact', contactId: 'b' });
  });

  it("moves a contact from its row's menu, which a right-click on the row opens too", async () => {
    const { user, fake } = await openList(people());
    const row = screen.getByRole('row', { name: /Bea Stone/ });
    await user.pointer({ keys: '[MouseRight]', target: within(row).getAllByRole('cell')[1]! });
    const menu = screen.getByRole('menu', { name: 'Actions for Bea Stone' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Move to Thanked' }));
    await waitFor(() =>
      expect(fake.callsTo('contacts:setStage')).toEqual([{ id: 'b', stage: 'thanked' }]),
    );
    expect(
      within(screen.getByRole('row', { name: /Bea Stone/ })).getByText('Thanked'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Actions for Bea Stone' })).toHaveFocus();
  });

  it('renders only the rows in view for a long list but keeps the full row count', async () => {
    // jsdom has no layout: give every element a 600 px viewport so the virtualizer sees a viewport.
    const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
    const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
    Object.defineProperty(Element.prototype, 'clientHeight', {
      configurable: true,
      get: () => 600,
    });
    Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 800 });
    onTestFinished(() => {
      if (height) Object.defineProperty(Element.prototype, 'clientHeight', height);
      if (width) Object.defineProperty(Element.prototype, 'clientWidth', width);
    });
    const many = Array.from({ length: 2_000 }, (_, i) =>
      makeContact({ firstName: `P${String(i).padStart(4, '0')}`, lastName: 'X' }),
    );
    await openList(many);
    const table = screen.getByRole('table', { name: 'Contacts' });
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeLessThan(200);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    expect(rows[1]).toHaveTextContent('P0000 X');
  });
});
