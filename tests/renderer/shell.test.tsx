import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/components/ErrorBoundary.js';
import { FakeFailure } from './fake-api.js';
import { defaultSettings, emptyProfile } from '../../shared/schema/settings.js';
import { renderApp } from './render-app.js';
import { createFakeRapport, pagedToday, type FakeRapport } from './fake-api.js';
import { App } from '../../renderer/App.js';
import { preloadPages } from '../../renderer/features/shell/pages.js';
import { resetStores } from '../../renderer/stores/index.js';
import { startFirstScreen } from '../../renderer/stores/events.js';

/** Nothing due and no contacts: the first-run Today view. */
const quietDay = (fake: FakeRapport) =>
  fake.respond('reminders:today', (shown) =>
    pagedToday(
      { date: '2025-06-04', items: [], outcomes: [], upcomingMeetings: [], contactCount: 0 },
      shown,
    ),
  );

describe('the app shell', () => {
  it('asks main for the first screen before React renders it, once each', async () => {
    await preloadPages();
    resetStores();
    const fake = createFakeRapport();
    quietDay(fake);
    fake.install();
    startFirstScreen();
    // Asked before the first render: main works while React renders.
    expect(fake.callsTo('reminders:today')).toHaveLength(1);
    expect(fake.callsTo('settings:get')).toHaveLength(1);
    expect(fake.callsTo('storage:status')).toHaveLength(1);
    render(<App startedEarly />);
    expect(
      await screen.findByRole('heading', { name: 'Who would you like to learn from?' }),
    ).toBeInTheDocument();
    // Today's own request on mount shared the one in flight; the shell did not ask again.
    expect(fake.callsTo('reminders:today')).toHaveLength(1);
    expect(fake.callsTo('settings:get')).toHaveLength(1);
    expect(fake.callsTo('storage:status')).toHaveLength(1);
    // Main's events are connected: a change reloads Today.
    act(() => fake.emit('data:changed', { collections: ['reminders'] }));
    await vi.waitFor(() => expect(fake.callsTo('reminders:today')).toHaveLength(2));
  });

  it('lists Today, Pipeline, Employers, Meetings, Thank-you notes, Insights, What I learned and Settings in the main navigation, marking the current one', async () => {
    await renderApp({ prepare: quietDay });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Today',
      'Pipeline',
      'Employers',
      'Meetings',
      'Thank-you notes',
      'Insights',
      'What I learned',
      'Settings',
    ]);
    expect(within(nav).getByRole('link', { name: 'Today' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Settings' })).not.toHaveAttribute('aria-current');
  });

  it('moves to Settings when the Settings link is clicked, and focuses its heading', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    const heading = screen.getByRole('heading', { level: 1, name: 'Settings' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  });

  it('offers "Skip to content" as the first stop in the tab order, and it focuses the main area', async () => {
    const { user } = await renderApp();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('switches to Settings > Data when main sends app:navigate', async () => {
    const { fake } = await renderApp({ prepare: quietDay });
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    act(() => fake.emit('app:navigate', { to: 'settings/data' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 2, name: 'Backups' })).toBeInTheDocument();
  });

  it.each([
    ['an unknown area', 'reports'],
    ['a meetings path with a slash in the id', 'meetings/a/b'],
    ['a path outside the app', '../../etc/passwd'],
    ['an unknown settings tab', 'settings/secrets'],
    ['no value at all', undefined],
  ])('ignores app:navigate with %s', async (_, to) => {
    const { fake } = await renderApp({ prepare: quietDay });
    act(() => fake.emit('app:navigate', { to } as never));
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
  });

  it('unsubscribes from main events when it unmounts', async () => {
    const { fake, unmount } = await renderApp();
    expect(fake.listenerCount('app:navigate')).toBe(1);
    expect(fake.listenerCount('storage:changed')).toBe(1);
    expect(fake.listenerCount('import:progress')).toBe(1);
    unmount();
    expect(fake.listenerCount('app:navigate')).toBe(0);
    expect(fake.listenerCount('storage:changed')).toBe(0);
    expect(fake.listenerCount('import:progress')).toBe(0);
  });
});

describe('Today on first run', () => {
  it('explains informational interviews and offers to set up an empty profile', async () => {
    const { user } = await renderApp({ prepare: quietDay });
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(await screen.findByText(/Ask for advice, not a job/)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Set up your profile' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Your name')).toBeVisible();
  });

  it('does not ask for a profile that already has a name', async () => {
    const { fake } = await renderApp({
      prepare: quietDay,
      state: {
        settings: { ...defaultSettings(), profile: { ...emptyProfile(), name: 'Alex Kim' } },
      },
    });
    expect(fake.callsTo('settings:get')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Set up your profile' })).not.toBeInTheDocument();
  });

  it('says so plainly, and can try again, when the settings cannot be loaded', async () => {
    let failing = true;
    const { user } = await renderApp({
      route: 'settings/profile',
      prepare: (fake) =>
        fake.respond('settings:get', () => {
          if (failing) throw new FakeFailure('io', 'The data file could not be read.');
          return defaultSettings();
        }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your settings could not be loaded. The data file could not be read.',
    );
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Your name')).toBeInTheDocument();
  });
});

describe('the error boundary', () => {
  it('shows what happened and a way back when a screen throws while rendering', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('boom');
      return <p>All good again</p>;
    }
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(
      within(alert).getByRole('heading', { name: 'Something went wrong on this screen' }),
    ).toBeInTheDocument();
    expect(alert).toHaveTextContent('Your saved data is safe');
    broken = false;
    await act(async () => screen.getByRole('button', { name: 'Try again' }).click());
    expect(screen.getByText('All good again')).toBeInTheDocument();
    error.mockRestore();
  });
});
