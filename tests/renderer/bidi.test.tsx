import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import { makeContact } from './fake-api.js';
import { renderApp } from './render-app.js';

const hebrew = makeContact({
  id: 'maya',
  firstName: 'מאיה',
  lastName: 'אוקפור',
  company: 'Northwind',
  notes: 'נפגשנו בכנס של האגודה',
});

describe('right-to-left names and notes on screen', () => {
  it('let the browser lay out each name, note and field in its own direction', async () => {
    const { user } = await renderApp({ state: { contacts: [hebrew] } });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'מאיה אוקפור' });
    expect(heading).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('נפגשנו בכנס של האגודה')).toHaveAttribute('dir', 'auto');
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('First name')).toHaveAttribute('dir', 'auto');
    expect(screen.getByLabelText('Notes')).toHaveAttribute('dir', 'auto');
  });

  it('isolate a name inside an English sentence, so the words around it keep their order', async () => {
    await renderApp({ state: { contacts: [hebrew] } });
    act(() => useUiStore.getState().navigate('pipeline'));
    const card = await screen.findByText('מאיה אוקפור');
    expect(card).toHaveAttribute('dir', 'auto');
    act(() => useUiStore.getState().navigate('contacts/maya'));
    const form = await screen.findByRole('form', { name: 'Add a reminder for מאיה' });
    expect(within(form).getByLabelText('Reminder')).toHaveAttribute('dir', 'auto');
  });
});
