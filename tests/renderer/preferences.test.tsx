import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatHoliday } from '../../renderer/features/settings/PreferencesForm.js';
import { defaultSettings } from '../../shared/schema/settings.js';
import { renderApp } from './render-app.js';

const openPreferences = () => renderApp({ route: 'settings/preferences' });

describe('Settings > Preferences', () => {
  it('shows the saved values with a hint for arriving early', async () => {
    await openPreferences();
    expect(screen.getByLabelText('Default meeting length (minutes)')).toHaveValue(30);
    const early = screen.getByLabelText('Arrive early (minutes)');
    expect(early).toHaveValue(15);
    expect(early).toHaveAccessibleDescription(/10 to 15 minutes gives you time to settle in/);
    expect(screen.getByRole('combobox', { name: 'Paper size' })).toHaveValue('Letter');
    expect(
      within(screen.getByRole('combobox', { name: 'Paper size' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['A4', 'Letter']);
  });

  it.each([
    ['61', 'Enter 60 minutes or fewer.'],
    ['-1', 'Enter 0 or more minutes.'],
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
    const outreach = screen.getByLabelText('Outreach messages a week');
    await user.clear(outreach);
    await user.type(outreach, '8');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([
      {
        meetingMinutes: 20,
        arriveEarlyMinutes: 10,
        paperSize: 'A4',
        printGroupedByTopic: false,
        holidays: [],
        curmudgeonWaitDays: 14,
        keepInTouchDays: 90,
        notifications: true,
        textSize: 'normal',
        weeklyOutreachGoal: 8,
        weeklyMeetingGoal: 1,
      },
    ]);
    expect(fake.state.settings.arriveEarlyMinutes).toBe(10);
  });

  it('changes the text size of every screen once saved', async () => {
    const { user, fake } = await openPreferences();
    const size = screen.getByRole('combobox', { name: 'Text size' });
    expect(size).toHaveValue('normal');
    expect(
      within(size)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Small', 'Normal', 'Large']);
    expect(document.documentElement.dataset.textSize).toBe('normal');
    await user.selectOptions(size, 'Large');
    // Not before it is saved: the form keeps its Save button like every other preference.
    expect(document.documentElement.dataset.textSize).toBe('normal');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.state.settings.textSize).toBe('large');
    await waitFor(() => expect(document.documentElement.dataset.textSize).toBe('large'));
  });

  it('turns notifications off and on again, saved with the rest', async () => {
    const { user, fake } = await openPreferences();
    const box = screen.getByRole('checkbox', { name: 'Notify me when a reminder falls due' });
    expect(box).toBeChecked();
    expect(box).toHaveAccessibleDescription(/count of what is due today shows on the app icon/);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toMatchObject([{ notifications: false }]);
    expect(fake.state.settings.notifications).toBe(false);
    expect(
      screen.getByRole('checkbox', { name: 'Notify me when a reminder falls due' }),
    ).not.toBeChecked();
  });

  it('accepts arriving 0 minutes early (on time)', async () => {
    const { user, fake } = await openPreferences();
    const early = screen.getByLabelText('Arrive early (minutes)');
    expect(early).toHaveAttribute('min', '0');
    expect(early).toHaveAttribute('max', '60');
    expect(early).toHaveAccessibleDescription(
      /Video and phone calls ask you to join 5 minutes early/,
    );
    await user.clear(early);
    await user.type(early, '0');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.state.settings.arriveEarlyMinutes).toBe(0);
  });

  it('prints questions in the user’s order by default, and groups them by topic when ticked', async () => {
    const { user, fake } = await openPreferences();
    const grouped = screen.getByRole('checkbox', {
      name: 'Group questions by topic on printed documents',
    });
    expect(grouped).not.toBeChecked();
    expect(grouped).toHaveAccessibleDescription(/in the order you will ask them/);
    await user.click(grouped);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([
      expect.objectContaining({ printGroupedByTopic: true }),
    ]);
    expect(fake.state.settings.printGroupedByTopic).toBe(true);
  });

  it('saves how often to get back in touch, counted from the last activity', async () => {
    const { user, fake } = await openPreferences();
    const every = screen.getByLabelText('Get back in touch every (days)');
    expect(every).toHaveValue(90);
    expect(every).toHaveAccessibleDescription(/Counted from your last activity with a contact/);
    await user.clear(every);
    await user.type(every, '60');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.state.settings.keepInTouchDays).toBe(60);
  });

  it.each([
    ['6', 'Enter 7 or more.'],
    ['731', 'Enter 730 or less.'],
    ['', 'Enter a number of days.'],
  ])('rejects getting back in touch every %j days with "%s"', async (value, message) => {
    const { user, fake } = await openPreferences();
    const every = screen.getByLabelText('Get back in touch every (days)');
    await user.clear(every);
    if (value) await user.type(every, value);
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(every).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(every).toHaveFocus();
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('adds holidays in date order, refuses an empty or repeated date, and saves them', async () => {
    const { user, fake } = await openPreferences();
    const date = screen.getByLabelText('Holiday date');
    expect(screen.getByText('No holidays yet: only weekends are skipped.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    expect(date).toHaveAccessibleDescription('Choose a date first.');
    expect(date).toHaveAttribute('aria-invalid', 'true');
    await user.type(date, '2025-12-26');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    await user.type(date, '2025-12-25');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    await user.type(date, '2025-12-25');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    const christmas = formatHoliday('2025-12-25');
    expect(date).toHaveAccessibleDescription(`${christmas} is already in the list.`);
    const list = screen.getByRole('list', { name: 'Holidays' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual([christmas, formatHoliday('2025-12-26')]);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.state.settings.holidays).toEqual(['2025-12-25', '2025-12-26']);
  });

  it('removes a holiday with a button named after its date', async () => {
    const { user, fake } = await renderApp({
      route: 'settings/preferences',
      state: { settings: { ...defaultSettings('en-US'), holidays: ['2025-07-04', '2025-11-27'] } },
    });
    const july = formatHoliday('2025-07-04');
    await user.click(screen.getByRole('button', { name: `Remove ${july}` }));
    expect(screen.queryByText(july)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([
      expect.objectContaining({ holidays: ['2025-11-27'] }),
    ]);
  });

  it.each([
    ['0', 'Enter 1 or more.'],
    ['91', 'Enter 90 or less.'],
    ['', 'Enter a number of days.'],
  ])('rejects a Curmudgeon wait of %j days with "%s"', async (value, message) => {
    const { user, fake } = await openPreferences();
    const wait = screen.getByLabelText('Mark as Curmudgeon after (days without reply)');
    expect(wait).toHaveValue(14);
    await user.clear(wait);
    if (value) await user.type(wait, value);
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(wait).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(wait).toHaveFocus();
    expect(fake.callsTo('settings:update')).toEqual([]);
  });

  it('saves a new Curmudgeon wait', async () => {
    const { user, fake } = await openPreferences();
    const wait = screen.getByLabelText('Mark as Curmudgeon after (days without reply)');
    await user.clear(wait);
    await user.type(wait, '21');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Preferences saved.')).toBeInTheDocument();
    expect(fake.state.settings.curmudgeonWaitDays).toBe(21);
  });
});
