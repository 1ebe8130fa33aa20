import { noEffects } from '../../shared/schema/effects.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { resetContactDetailStore } from '../../renderer/stores/contact-detail-store.js';
import { resetContactsStore } from '../../renderer/stores/contacts-store.js';
import { resetMeetingsStore } from '../../renderer/stores/meetings-store.js';
import { resetPrepStore } from '../../renderer/stores/prep-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Meeting } from '../../shared/schema/entities.js';
import { FakeFailure, makeContact } from './fake-api.js';
import { makeMeeting, maya, serveMeeting } from './prep-fixtures.js';
import { renderApp } from './render-app.js';

// A fixed zone with daylight saving, so "local time" in these tests means one known offset.
beforeAll(() => {
  vi.stubEnv('TZ', 'America/New_York');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  resetMeetingsStore();
  resetPrepStore();
  resetContactsStore();
  resetContactDetailStore();
});

const day = 24 * 60 * 60_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();

const kim = makeContact({ id: 'kim', firstName: 'Kim', lastName: 'Lee' });
const ravi = makeContact({ id: 'ravi', firstName: 'Ravi', lastName: 'Shah' });

async function openMeetings(meetings: { meeting: Meeting; contact: typeof maya }[]) {
  const rendered = await renderApp({
    prepare: (fake) => fake.respond('meetings:list', () => meetings),
  });
  act(() => useUiStore.getState().navigate('meetings'));
  await screen.findByRole('heading', { level: 1, name: 'Meetings' });
  return rendered;
}

describe('Meetings page', () => {
  it('lists upcoming meetings soonest first and past ones (held, cancelled or over) latest first', async () => {
    await openMeetings([
      {
        meeting: makeMeeting({
          id: 'later',
          start: inDays(9),
          place: 'Office',
        }),
        contact: maya,
      },
      {
        meeting: makeMeeting({
          id: 'soon',
          start: inDays(2),
          place: '',
          mode: 'video',
          link: 'https://meet.example.com/abc',
        }),
        contact: kim,
      },
      {
        meeting: makeMeeting({ id: 'held', start: inDays(-3), status: 'held' }),
        contact: ravi,
      },
      {
        meeting: makeMeeting({
          id: 'gone',
          start: inDays(4),
          status: 'cancelled',
        }),
        contact: maya,
      },
      { meeting: makeMeeting({ id: 'over', start: inDays(-1) }), contact: kim },
    ]);
    const upcoming = await screen.findByRole('list', { name: /Upcoming/ });
    const upcomingRows = within(upcoming).getAllByRole('listitem');
    expect(upcomingRows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Kim Lee',
      'Maya Okafor',
    ]);
    expect(upcomingRows[0]).toHaveTextContent('meet.example.com/abc');
    expect(upcomingRows[0]).toHaveTextContent('30 min');
    expect(upcomingRows[0]).toHaveTextContent('Planned');
    expect(upcomingRows[1]).toHaveTextContent('Office');

    const past = screen.getByRole('list', { name: /Past/ });
    const pastRows = within(past).getAllByRole('listitem');
    expect(pastRows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Maya Okafor.*Cancelled$/),
      expect.stringMatching(/^Kim Lee.*Planned$/),
      expect.stringMatching(/^Ravi Shah.*Held$/),
    ]);
  });

  it('draws only the rows near the view of a long list, and says how long the list is', async () => {
    // jsdom has no layout: a 600 px pane, and each drawn row as high as on screen.
    const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
    const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('meeting-row') ? 47 : 0;
      },
    });
    Object.defineProperty(Element.prototype, 'clientHeight', {
      configurable: true,
      get: () => 600,
    });
    onTestFinished(() => {
      if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
      if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
    });
    const many = Array.from({ length: 400 }, (_, n) => ({
      meeting: makeMeeting({ id: `m-${n}`, start: inDays(-1 - n), status: 'held' }),
      contact: n % 2 ? kim : ravi,
    }));
    await openMeetings(many);
    const past = await screen.findByRole('list', { name: /Past/ });
    expect(screen.getByRole('heading', { name: 'Past (400)' })).toBeInTheDocument();
    const rows = within(past).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    // Latest first; each row knows its place in the whole list.
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    expect(rows[0]).toHaveAttribute('aria-setsize', '400');
    expect(within(rows[0]!).getByRole('link')).toHaveTextContent('Ravi Shah');
  });

  it('shows the date and time in the user’s own time zone', async () => {
    await openMeetings([
      {
        meeting: makeMeeting({ id: 'm', start: '2099-06-10T14:00:00.000Z' }),
        contact: maya,
      },
    ]);
    const row = within(await screen.findByRole('list', { name: /Upcoming/ })).getByRole('listitem');
    // 14:00 UTC is 10:00 in New York in June (EDT).
    expect(row).toHaveTextContent('Wed, Jun 10, 2099, 10:00 AM');
  });

  it('opens the prep workspace when a meeting is chosen', async () => {
    const { user } = await renderApp({
      prepare: (fake) => serveMeeting(fake, makeMeeting({ start: inDays(3) })),
    });
    act(() => useUiStore.getState().navigate('meetings'));
    await user.click(await screen.findByRole('link', { name: 'Maya Okafor' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Prepare for Maya Okafor',
      }),
    ).toBeInTheDocument();
    expect(useUiStore.getState().meetingId).toBe('m1');
  });

  it('explains how to schedule a first meeting when there are none', async () => {
    const { user } = await openMeetings([]);
    expect(await screen.findByText(/open them from the pipeline and choose/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to the pipeline' }));
    expect(useUiStore.getState().area).toBe('pipeline');
  });

  it('says so, and offers to try again, when the meetings cannot be loaded', async () => {
    const { fake, user } = await renderApp({
      prepare: (f) =>
        f.respond('meetings:list', () => {
          throw new FakeFailure('io', 'The data folder could not be read.');
        }),
    });
    act(() => useUiStore.getState().navigate('meetings'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your meetings could not be loaded. The data folder could not be read.',
    );
    fake.respond('meetings:list', () => []);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No meetings yet')).toBeInTheDocument();
  });
});

describe('Scheduling a meeting from the contact page', () => {
  async function openMaya() {
    const rendered = await renderApp({
      state: { contacts: [maya] },
      prepare: (fake) => {
        fake.state.settings = { ...fake.state.settings, meetingMinutes: 45 };
      },
    });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' });
    return rendered;
  }

  it('sends the local date and time as an ISO instant, with the default length, then opens the workspace', async () => {
    const { fake, user } = await openMaya();
    serveMeeting(fake, makeMeeting({ id: 'new-m' }));
    fake.respond('meetings:schedule', (input) => ({
      meeting: makeMeeting({
        id: 'new-m',
        start: input.start,
        minutes: input.minutes ?? 30,
      }),
      effects: noEffects(),
    }));
    await user.click(screen.getByRole('button', { name: 'Schedule meeting' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Schedule a meeting with Maya Okafor',
    });
    const when = within(dialog).getByLabelText('Date and time');
    expect(when).toHaveFocus();
    expect(within(dialog).getByLabelText('Length (minutes)')).toHaveValue(45);
    await user.clear(when);
    await user.type(when, '2025-12-03T14:30');
    // In person unless the user says otherwise: a place, no link field.
    const modes = within(dialog).getByRole('group', { name: 'How you meet' });
    expect(within(modes).getByRole('radio', { name: 'In person' })).toBeChecked();
    expect(within(dialog).queryByLabelText('Video link')).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Place'), 'Northwind HQ, floor 3');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Prepare for Maya Okafor',
      }),
    ).toBeInTheDocument();
    // 14:30 in New York on 3 December (EST, UTC-5) is 19:30 UTC.
    expect(fake.callsTo('meetings:schedule')).toEqual([
      {
        contactId: 'maya',
        start: '2025-12-03T19:30:00.000Z',
        minutes: 45,
        mode: 'in-person',
        place: 'Northwind HQ, floor 3',
        link: '',
      },
    ]);
    expect(useUiStore.getState().meetingId).toBe('new-m');
  });

  it.each([
    [
      'Video call',
      'video',
      { place: '', link: 'https://meet.example.com/maya' },
      ['Video link'],
      ['Place', 'Call details'],
    ],
    [
      'Phone call',
      'phone',
      { place: 'Maya calls my mobile', link: '' },
      ['Call details'],
      ['Video link', 'Place'],
    ],
  ] as const)(
    'schedules a %s with the fields that mode uses, and only those',
    async (label, mode, sent, shown, hidden) => {
      const { fake, user } = await openMaya();
      serveMeeting(fake, makeMeeting({ id: 'new-m' }));
      fake.respond('meetings:schedule', (input) => ({
        meeting: makeMeeting({ id: 'new-m', start: input.start }),
        effects: noEffects(),
      }));
      await user.click(screen.getByRole('button', { name: 'Schedule meeting' }));
      const dialog = screen.getByRole('dialog', { name: 'Schedule a meeting with Maya Okafor' });
      // Typed in person first: switching to a call must not send the café along.
      await user.type(within(dialog).getByLabelText('Place'), 'Café Nero');
      await user.click(within(dialog).getByRole('radio', { name: label }));
      for (const field of hidden) {
        expect(within(dialog).queryByLabelText(field)).not.toBeInTheDocument();
      }
      for (const field of shown) {
        const input = within(dialog).getByLabelText(field);
        await user.clear(input);
        await user.type(input, sent.link || sent.place);
      }
      await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
      await screen.findByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' });
      expect(fake.callsTo('meetings:schedule')).toEqual([
        expect.objectContaining({ mode, ...sent }),
      ]);
    },
  );

  it.each([
    [
      'an empty date',
      { when: '', length: '30', link: '' },
      'Choose the date and time of the meeting.',
    ],
    [
      'a length of zero',
      { when: '2025-12-03T14:30', length: '0', link: '' },
      'Enter a length between 5 and 480 minutes.',
    ],
    [
      'a length with a fraction',
      { when: '2025-12-03T14:30', length: '22.5', link: '' },
      'Enter the length in whole minutes.',
    ],
    [
      'a link that is not a web address',
      { when: '2025-12-03T14:30', length: '30', link: 'javascript:alert(1)' },
      'Enter a web address that starts with https://',
    ],
  ])('refuses %s and sends nothing', async (_, input, message) => {
    const { fake, user } = await openMaya();
    await user.click(screen.getByRole('button', { name: 'Schedule meeting' }));
    const dialog = screen.getByRole('dialog');
    const when = within(dialog).getByLabelText('Date and time');
    await user.clear(when);
    if (input.when) await user.type(when, input.when);
    const length = within(dialog).getByLabelText('Length (minutes)');
    await user.clear(length);
    await user.type(length, input.length);
    if (input.link) {
      await user.click(within(dialog).getByRole('radio', { name: 'Video call' }));
      await user.type(within(dialog).getByLabelText('Video link'), input.link);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(fake.callsTo('meetings:schedule')).toEqual([]);
  });

  it('keeps the dialog and what was typed when main refuses, and says why', async () => {
    const { fake, user } = await openMaya();
    fake.respond('meetings:schedule', () => {
      throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
    });
    await user.click(screen.getByRole('button', { name: 'Schedule meeting' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Place'), 'Library');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The meeting was not scheduled. Rapport opened your data read-only.',
    );
    expect(within(dialog).getByLabelText('Place')).toHaveValue('Library');
  });

  it('links each of the contact’s meetings to its workspace', async () => {
    const { user } = await renderApp({
      state: { contacts: [maya], meetings: [makeMeeting()] },
      prepare: (fake) => serveMeeting(fake, makeMeeting()),
    });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' });
    const meetingsList = screen.getByRole('heading', {
      name: 'Meetings',
    }).nextElementSibling;
    await user.click(within(meetingsList as HTMLElement).getByRole('link'));
    await waitFor(() => expect(useUiStore.getState().meetingId).toBe('m1'));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Prepare for Maya Okafor',
      }),
    ).toBeInTheDocument();
  });
});
