import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app.js';

const openPreferences = () => renderApp({ route: 'settings/preferences' });

describe('Settings > Preferences', () => {
  it('shows the saved values with a hint for arriving early', async () => {
    await openPreferences();
    expect(screen.getByLabelText('Default meeting length (minutes)')).toHaveValue(30);
    const early = screen.getByLabelText('Arrive early (minutes)');
    expect(early).toHaveValue(15);
    expect(early).toHaveAccessibleDescription(/Between 10 and 15 minutes/);
    expect(screen.getByRole('combobox', { name: 'Paper size' })).toHaveValue('Letter');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['A4', 'Letter']);
  });

  it.each([
    ['20', 'More than 15 minutes early can be awkward for the host.'],
    ['9', 'Arrive at least 10 minutes early.'],
    ['12.5', 'Enter a whole number.'],
    ['', 'Enter a number of minutes.'],
  ])('rejects arriving %j minutes early with "%s" and saves nothing', async (value, message) => {
    const { user, fake } = await openPreferences();
    const early = screen.getByLabelText('Arrive early (minutes)');
    await user.clear(early);
    if (value) await user.type(early, value);
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(early).toHaveAttribute('aria-invalid', 'true');
    expect(early).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(early).toHaveFocus();
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it("checks the meeting length on blur against the schema's range", async () => {
    const { user } = await openPreferences();
    const length = screen.getByLabelText('Default meeting length (minutes)');
    await user.clear(length);
    await user.type(length, '5');
    await user.tab();
    expect(length).toHaveAttribute('aria-invalid', 'true');
    expect(length).toHaveAccessibleDescription(expect.stringContaining('Enter 10 or more.'));
  });

  it('saves valid preferences as numbers through settings:update and says "Preferences saved."', async () => {
    const { user, fake } = await openPreferences();
    const length = screen.getByLabelText('Default meeting length (minutes)');
    await user.clear(length);
    await user.type(length, '20');
    const early = screen.getByLabelText('Arrive early (minutes)');
    await user.clear(early);
    await user.type(early, '10');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Paper size' }), 'A4');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([
      { meetingMinutes: 20, arriveEarlyMinutes: 10, paperSize: 'A4' },
    ]);
    expect(fake.state.settings.arriveEarlyMinutes).toBe(10);
  });
});
