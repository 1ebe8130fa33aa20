import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resetPipelineView } from '../../renderer/features/pipeline/PipelinePage.js';
import { resetContactDetailStore } from '../../renderer/stores/contact-detail-store.js';
import { resetContactsStore, useContactsStore } from '../../renderer/stores/contacts-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Contact } from '../../shared/schema/entities.js';
import { deferred, FakeFailure, makeContact, type FakeRapport } from './fake-api.js';
import { renderApp } from './render-app.js';

const maya = () =>
  makeContact({
    id: 'maya',
    firstName: 'Maya',
    lastName: 'Okafor',
    title: 'Design lead',
    company: 'Northwind',
    source: { kind: 'alumni', detail: 'State U' },
    responsiveness: 'booster',
  });

async function openPipeline(contacts: Contact[], prepare?: (fake: FakeRapport) => void) {
  resetContactsStore();
  resetContactDetailStore();
  resetPipelineView();
  const rendered = await renderApp({ state: { contacts }, ...(prepare ? { prepare } : {}) });
  act(() => useUiStore.getState().navigate('pipeline'));
  await screen.findByRole('heading', { level: 1, name: 'Pipeline' });
  await waitFor(() => expect(useContactsStore.getState().loaded).toBe(true));
  return rendered;
}

const column = (label: string) => screen.getByRole('region', { name: `${label} column` });

describe('Pipeline board', () => {
  it('shows a column per stage, each with its count and its cards', async () => {
    await openPipeline([
      maya(),
      makeContact({ firstName: 'Ada', lastName: 'Lund', stage: 'scheduled' }),
      makeContact({ firstName: 'Bo', lastName: 'Chen', stage: 'scheduled' }),
      makeContact({ firstName: 'Cy', lastName: 'Diaz', stage: 'declined' }),
    ]);
    const labels = [
      'Prospect',
      'Contacted',
      'Scheduled',
      'Met',
      'Thanked',
      'Keeping in touch',
      'Declined',
      'No reply',
    ];
    for (const label of labels) expect(column(label)).toBeInTheDocument();
    expect(within(column('Prospect')).getByText(/^1/)).toHaveTextContent('1 contact');
    expect(within(column('Scheduled')).getByText(/^2/)).toHaveTextContent('2 contacts');
    expect(within(column('Met')).getByText(/^0/)).toHaveTextContent('0 contacts');
    const card = within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ });
    expect(card).toHaveTextContent('Design lead · Northwind');
    expect(card).toHaveTextContent('Alumni');
    expect(card).toHaveTextContent('Booster');
    expect(within(column('Scheduled')).getByRole('button', { name: /^Ada Lund/ })).toBeVisible();
    // Closed stages start collapsed but still count.
    expect(within(column('Declined')).getByText(/^1/)).toHaveTextContent('1 contact');
    expect(within(column('Declined')).queryByRole('button', { name: /^Cy Diaz/ })).toBeNull();
    expect(
      within(column('Declined')).getByRole('button', { name: 'Show Declined' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('moves a card from its "…" menu through contacts:setStage', async () => {
    const { user, fake } = await openPipeline([maya()]);
    await user.click(screen.getByRole('button', { name: 'Actions for Maya Okafor' }));
    const menu = screen.getByRole('menu', { name: 'Actions for Maya Okafor' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Open',
      'Move to Contacted',
      'Move to Scheduled',
      'Move to Met',
      'Move to Thanked',
      'Move to Keeping in touch',
      'Move to Declined',
      'Move to No reply',
      'Delete contact',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'Move to Contacted' }));
    expect(within(column('Contacted')).getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    expect(within(column('Prospect')).queryByRole('button', { name: /^Maya Okafor/ })).toBeNull();
    await waitFor(() =>
      expect(fake.callsTo('contacts:setStage')).toEqual([{ id: 'maya', stage: 'contacted' }]),
    );
  });

  it('opens the same menu on right-click, works from the keyboard, and deletes with Undo', async () => {
    const { user, fake } = await openPipeline([maya()]);
    const card = within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ });
    await user.pointer({ keys: '[MouseRight]', target: card });
    const menu = screen.getByRole('menu', { name: 'Actions for Maya Okafor' });
    expect(within(menu).getByRole('menuitem', { name: 'Open' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: 'Actions for Maya Okafor' })).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Delete contact' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.callsTo('contacts:delete')).toEqual([{ id: 'maya' }]));
    expect(screen.queryByRole('button', { name: /^Maya Okafor/ })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Pipeline' })).toHaveFocus();
  });

  it('collapses the empty open stages on request, and keeps counting them', async () => {
    const { user } = await openPipeline([maya()]);
    const toggle = screen.getByRole('button', { name: 'Collapse empty stages' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(within(column('Met')).getByText('Drop a card here')).toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(column('Met')).toHaveClass('pipeline-column-collapsed');
    expect(within(column('Met')).queryByText('Drop a card here')).not.toBeVisible();
    expect(within(column('Met')).getByText(/^0/)).toHaveTextContent('0 contacts');
    // A stage with someone in it stays open.
    expect(column('Prospect')).not.toHaveClass('pipeline-column-collapsed');
    expect(within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    await user.click(toggle);
    expect(column('Met')).not.toHaveClass('pipeline-column-collapsed');
  });

  it('moves the card back and says why when saving the new stage fails', async () => {
    const gate = deferred<void>();
    const { user } = await openPipeline([maya()], (fake) =>
      fake.respond('contacts:setStage', async () => {
        await gate.promise;
        throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Actions for Maya Okafor' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to Met' }));
    // Optimistic: already in Met while main is saving.
    expect(within(column('Met')).getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    gate.resolve();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Maya Okafor was not moved. Rapport opened your data read-only.',
    );
    expect(within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    expect(within(column('Met')).queryByRole('button', { name: /^Maya Okafor/ })).toBeNull();
  });

  it('moves a card from the keyboard: Space picks up, ArrowRight moves a column, Space drops', async () => {
    const { user, fake } = await openPipeline([maya()]);
    const card = within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ });
    expect(card).toHaveAccessibleDescription(/press Space to pick it up/);
    card.focus();
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowRight]');
    await user.keyboard('[ArrowRight]');
    await user.keyboard('[ArrowLeft]');
    await user.keyboard('[Space]');
    await waitFor(() =>
      expect(fake.callsTo('contacts:setStage')).toEqual([{ id: 'maya', stage: 'contacted' }]),
    );
    expect(within(column('Contacted')).getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    await waitFor(() =>
      expect(screen.getByText('Dropped Maya Okafor on Contacted.')).toBeInTheDocument(),
    );
    // Then what main did, from its answer (the fake applies the shared stage rules).
    expect(
      await screen.findByText('Maya Okafor moved from Prospect to Contacted.'),
    ).toBeInTheDocument();
  });

  it('cancels a keyboard move with Escape and changes nothing', async () => {
    const { user, fake } = await openPipeline([maya()]);
    const card = within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ });
    card.focus();
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowRight]');
    await user.keyboard('[Escape]');
    await waitFor(() =>
      expect(
        screen.getByText('Moving Maya Okafor was cancelled. Maya Okafor stays in Prospect.'),
      ).toBeInTheDocument(),
    );
    expect(fake.callsTo('contacts:setStage')).toEqual([]);
    expect(within(column('Prospect')).getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
  });

  it('opens the contact page when a card is activated with Enter', async () => {
    const { user } = await openPipeline([maya()]);
    within(column('Prospect'))
      .getByRole('button', { name: /^Maya Okafor/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(useUiStore.getState()).toMatchObject({ area: 'contact', contactId: 'maya' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
  });

  it('filters the board as you type, ignoring case and accents', async () => {
    const { user } = await openPipeline([
      maya(),
      makeContact({ firstName: 'José', lastName: 'Núñez', company: 'Contoso' }),
      makeContact({ firstName: 'Li', lastName: 'Wei', notes: 'Met at the JOSE conference' }),
    ]);
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'jose');
    await waitFor(() => expect(screen.getByText('2 of 3 contacts')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: /^José Núñez/ })).toBeVisible();
    expect(screen.getByRole('button', { name: /^Li Wei/ })).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Maya Okafor/ })).toBeNull();
    // A search that finds no one says so (the columns alone would just look empty).
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'zzz');
    await waitFor(() =>
      expect(
        screen.getByText('No contacts match. Clear the search or the filters to see everyone.'),
      ).toBeInTheDocument(),
    );
  });

  it('greets a first run with an empty state that leads to adding or importing', async () => {
    const { user } = await openPipeline([]);
    expect(screen.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Prospect column' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import LinkedIn connections' }));
    expect(useUiStore.getState().area).toBe('import');
    act(() => useUiStore.getState().navigate('pipeline'));
    await user.click(await screen.findByRole('button', { name: 'Add a contact' }));
    expect(useUiStore.getState()).toMatchObject({ area: 'contact', contactId: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
  });
});
