import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app.js';

describe('the Settings tabs', () => {
  it('are proper ARIA tabs whose panels are labelled by their tab', async () => {
    await renderApp({ route: 'settings' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Profile', 'Preferences', 'Data']);
    expect(screen.getByRole('tablist')).toHaveAccessibleName('Settings sections');
    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveAccessibleName('Profile');
    expect(tabs[0]).toHaveAttribute('aria-controls', panel.id);
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
  });

  it('move with the arrow keys, wrap around, and jump with Home and End', async () => {
    const { user } = await renderApp({ route: 'settings' });
    const tab = (name: string) => screen.getByRole('tab', { name });
    await user.click(tab('Profile'));

    await user.keyboard('{ArrowRight}');
    expect(tab('Preferences')).toHaveFocus();
    expect(tab('Preferences')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Preferences');

    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(tab('Profile')).toHaveFocus();

    await user.keyboard('{ArrowLeft}');
    expect(tab('Data')).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Data');

    await user.keyboard('{Home}');
    expect(tab('Profile')).toHaveFocus();
    await user.keyboard('{End}');
    expect(tab('Data')).toHaveFocus();
    expect(tab('Profile')).toHaveAttribute('aria-selected', 'false');
  });

  it('keep one tab stop: Tab leaves the tablist for the panel', async () => {
    const { user } = await renderApp({ route: 'settings' });
    await user.click(screen.getByRole('tab', { name: 'Profile' }));
    await user.tab();
    expect(screen.getByRole('tabpanel')).toHaveFocus();
  });

  it('keep a half-edited form when the user looks at another tab', async () => {
    const { user } = await renderApp({ route: 'settings/profile' });
    await user.type(screen.getByLabelText('Your name'), 'Alex');
    await user.click(screen.getByRole('tab', { name: 'Data' }));
    await user.click(screen.getByRole('tab', { name: 'Profile' }));
    expect(screen.getByLabelText('Your name')).toHaveValue('Alex');
  });
});
