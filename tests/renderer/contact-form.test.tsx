import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resetPipelineView } from '../../renderer/features/pipeline/PipelinePage.js';
import { resetContactDetailStore } from '../../renderer/stores/contact-detail-store.js';
import { resetContactsStore } from '../../renderer/stores/contacts-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Contact } from '../../shared/schema/entities.js';
import { makeContact } from './fake-api.js';
import { renderApp } from './render-app.js';

const maya = () =>
  makeContact({
    id: 'maya',
    firstName: 'Maya',
    lastName: 'Okafor',
    company: 'Northwind',
    email: 'maya@northwind.example',
    linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
  });

async function openNewContact(contacts: Contact[] = []) {
  resetContactsStore();
  resetContactDetailStore();
  resetPipelineView();
  const rendered = await renderApp({ state: { contacts } });
  act(() => useUiStore.getState().navigate('contacts/new'));
  await screen.findByRole('heading', { level: 1, name: 'New contact' });
  return rendered;
}

describe('Contact form', () => {
  it('asks for a first name and focuses it when saved empty', async () => {
    const { user, fake } = await openNewContact();
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    const first = screen.getByLabelText('First name');
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(first).toHaveAccessibleDescription('Enter a first name.');
    expect(fake.callsTo('contacts:create')).toEqual([]);
  });

  it.each([
    ['E-mail', 'maya@', 'Enter an e-mail address like name@example.com.'],
    ['Phone', 'call me', 'Use digits, spaces and + ( ) - only'],
    ['LinkedIn profile URL', 'https://evil.example.com/in/maya', 'Enter a LinkedIn address'],
    ['LinkedIn profile URL', 'javascript:alert(1)', 'Enter a LinkedIn address'],
    ['Title', 'x'.repeat(201), 'Keep this under 200 characters.'],
    ['Tags', `ok, ${'t'.repeat(51)}`, 'Keep this under 50 characters.'],
    ['Source detail', 'd'.repeat(201), 'Keep this under 200 characters.'],
  ])(
    'rejects %s = %j on blur with the schema message, and saves nothing',
    async (label, value, message) => {
      const { user, fake } = await openNewContact();
      await user.type(screen.getByLabelText('First name'), 'Maya');
      const field = screen.getByLabelText(label);
      await user.click(field);
      await user.paste(value);
      await user.tab();
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
      await user.click(screen.getByRole('button', { name: 'Save contact' }));
      expect(field).toHaveFocus();
      expect(fake.callsTo('contacts:create')).toEqual([]);
    },
  );

  it('saves a new contact, trimmed, with tags split on commas, and opens its page', async () => {
    const { user, fake } = await openNewContact();
    await user.type(screen.getByLabelText('First name'), '  Ines ');
    await user.type(screen.getByLabelText('Last name'), 'Alvarez');
    await user.type(screen.getByLabelText('Company'), 'Fabrikam');
    await user.selectOptions(screen.getByLabelText('Source'), 'Alumni association');
    await user.type(screen.getByLabelText('Source detail'), 'State U, Boston chapter');
    await user.type(screen.getByLabelText('Tags'), 'design, boston, , design');
    await user.selectOptions(screen.getByLabelText('Stage'), 'Contacted');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ines Alvarez' })).toBeVisible();
    expect(fake.callsTo('contacts:create')).toEqual([
      {
        contact: expect.objectContaining({
          firstName: 'Ines',
          lastName: 'Alvarez',
          company: 'Fabrikam',
          source: { kind: 'alumni', detail: 'State U, Boston chapter' },
          tags: ['design', 'boston'],
          stage: 'contacted',
          referredById: null,
        }),
      },
    ]);
    expect(fake.state.contacts[0]).toMatchObject({ firstName: 'Ines', stage: 'contacted' });
  });

  it('warns about a duplicate e-mail on blur, links to the match and needs "Add anyway"', async () => {
    const { user, fake } = await openNewContact([maya()]);
    await user.type(screen.getByLabelText('First name'), 'M.');
    await user.type(screen.getByLabelText('E-mail'), 'MAYA@northwind.example');
    await user.tab();
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent('This looks like someone you already have:');
    expect(warning).toHaveTextContent('(same e-mail)');
    expect(screen.getByRole('link', { name: 'Open Maya Okafor' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(fake.callsTo('contacts:create')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Add anyway' }));
    await screen.findByRole('heading', { level: 1, name: 'M.' });
    expect(fake.callsTo('contacts:create')).toHaveLength(1);
  });

  it('checks for duplicates before saving even without a blur (same name at the same company)', async () => {
    const { user, fake } = await openNewContact([maya()]);
    await user.type(screen.getByLabelText('First name'), 'Maya');
    await user.type(screen.getByLabelText('Last name'), 'Okafor');
    await user.type(screen.getByLabelText('Company'), 'Northwind Inc.');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('(same name at Northwind)');
    expect(fake.callsTo('contacts:create')).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Open Maya Okafor' }));
    expect(useUiStore.getState()).toMatchObject({ area: 'contact', contactId: 'maya' });
  });

  it('picks who referred the contact from a searchable list when the source is a referral', async () => {
    const { user, fake } = await openNewContact([maya()]);
    expect(screen.queryByRole('combobox', { name: 'Referred by' })).toBeNull();
    await user.type(screen.getByLabelText('First name'), 'Noor');
    await user.selectOptions(screen.getByLabelText('Source'), 'Referred by a contact');
    const picker = screen.getByRole('combobox', { name: 'Referred by' });
    await user.type(picker, 'okaf');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(picker).toHaveAccessibleDescription(/Now: Maya Okafor/);
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByRole('heading', { level: 1, name: 'Noor' });
    expect(fake.callsTo('contacts:create')).toEqual([
      {
        contact: expect.objectContaining({
          referredById: 'maya',
          source: { kind: 'referral', detail: '' },
        }),
      },
    ]);
  });

  it('edits an existing contact from its page and keeps the stage out of the form', async () => {
    resetContactsStore();
    resetContactDetailStore();
    const { user, fake } = await renderApp({ state: { contacts: [maya()] } });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Edit Maya Okafor' })).toBeVisible();
    expect(screen.queryByLabelText('Stage')).toBeNull();
    const title = screen.getByLabelText('Title');
    await user.type(title, 'Head of design');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible(),
    );
    expect(screen.getByText(/Head of design · Northwind/)).toBeVisible();
    expect(fake.callsTo('contacts:findDuplicates')).toEqual([]);
    expect(fake.callsTo('contacts:update')).toEqual([
      {
        id: 'maya',
        contact: expect.objectContaining({ title: 'Head of design', stage: 'prospect' }),
      },
    ]);
  });
});
