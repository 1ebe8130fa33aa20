import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred, FakeFailure } from './fake-api.js';
import { renderApp } from './render-app.js';
import type { Settings } from '../../shared/schema/settings.js';

const openProfile = () => renderApp({ route: 'settings/profile' });

describe('Settings > Profile', () => {
  it('shows an inline message for an invalid e-mail on blur and marks the field invalid', async () => {
    const { user } = await openProfile();
    const email = screen.getByLabelText('E-mail');
    await user.type(email, 'alex@');
    await user.tab();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/Enter an e-mail address like name@example.com\./);
    expect(screen.getByText('Enter an e-mail address like name@example.com.')).toBeVisible();
  });

  it('saves nothing when submitted with an invalid e-mail, and focuses that field', async () => {
    const { user, fake } = await openProfile();
    await user.type(screen.getByLabelText('Your name'), 'Alex Kim');
    await user.type(screen.getByLabelText('E-mail'), 'not an address');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const email = screen.getByLabelText('E-mail');
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/Enter an e-mail address/);
    expect(fake.callsTo('settings:updateProfile')).toEqual([]);
    expect(screen.queryByText('Profile saved.')).not.toBeInTheDocument();
  });

  it.each([
    ['Phone', 'call me maybe', 'Use digits, spaces and + ( ) - only'],
    ['LinkedIn profile URL', 'https://evil.example.com/in/alex', 'Enter a LinkedIn address'],
    ['LinkedIn profile URL', 'javascript:alert(1)', 'Enter a LinkedIn address'],
    ['Your name', 'x'.repeat(121), 'Keep this under 120 characters.'],
  ])('rejects %s = %j with the schema message', async (label, value, message) => {
    const { user, fake } = await openProfile();
    const field = screen.getByLabelText(label);
    await user.click(field);
    await user.paste(value);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(field).toHaveFocus();
    expect(fake.callsTo('settings:updateProfile')).toEqual([]);
  });

  it('clears the message as soon as the value is fixed', async () => {
    const { user } = await openProfile();
    const email = screen.getByLabelText('E-mail');
    await user.type(email, 'alex@');
    await user.tab();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await user.type(email, 'example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/Enter an e-mail address/)).not.toBeInTheDocument();
  });

  it('saves a valid profile through settings:updateProfile, trimmed, and says "Profile saved."', async () => {
    const { user, fake } = await openProfile();
    await user.type(screen.getByLabelText('Your name'), '  Alex Kim ');
    await user.type(screen.getByLabelText('E-mail'), 'alex@example.com');
    await user.type(screen.getByLabelText('Phone'), '+1 555 0100');
    await user.type(screen.getByLabelText('Postal address'), '1 Main St{Enter}Springfield');
    await user.type(
      screen.getByLabelText('LinkedIn profile URL'),
      'https://www.linkedin.com/in/alex-kim',
    );
    await user.type(screen.getByLabelText('Signature'), 'Best,{Enter}Alex');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(screen.getByText('Profile saved.').closest('[role="status"]')).not.toBeNull();
    expect(fake.callsTo('settings:updateProfile')).toEqual([
      {
        name: 'Alex Kim',
        email: 'alex@example.com',
        phone: '+1 555 0100',
        address: '1 Main St\nSpringfield',
        linkedinUrl: 'https://www.linkedin.com/in/alex-kim',
        signature: 'Best,\nAlex',
      },
    ]);
    expect(fake.state.settings.profile.name).toBe('Alex Kim');
    expect(screen.getByLabelText('Your name')).toHaveValue('Alex Kim');
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('disables Save while saving and keeps focus on it afterwards', async () => {
    const { user, fake } = await openProfile();
    const gate = deferred<void>();
    fake.respond('settings:updateProfile', async (profile) => {
      await gate.promise;
      return { ...fake.state.settings, profile } satisfies Settings;
    });
    await user.type(screen.getByLabelText('Your name'), 'Alex');
    const save = screen.getByRole('button', { name: 'Save profile' });
    await user.click(save);
    expect(save).toBeDisabled();
    gate.resolve();
    await waitFor(() => expect(save).toBeEnabled());
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings:updateProfile')).toHaveLength(1);
  });

  it("shows main's message when saving fails and keeps what was typed", async () => {
    const { user, fake } = await openProfile();
    fake.respond('settings:updateProfile', () => {
      throw new FakeFailure('io', 'The disk is full.');
    });
    await user.type(screen.getByLabelText('Your name'), 'Alex');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your profile was not saved. The disk is full.');
    expect(screen.getByLabelText('Your name')).toHaveValue('Alex');
    expect(screen.queryByText('Profile saved.')).not.toBeInTheDocument();
    expect(within(screen.getByRole('tabpanel')).getByText('Unsaved changes')).toBeInTheDocument();
  });
});
