import { Toaster } from 'sonner';
import { bindCommandKeys } from '../../renderer/commands.js';
import { noEffects } from '../../shared/schema/effects.js';
import { connectMainEvents } from '../../renderer/stores/events.js';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, afterEach } from 'vitest';
import { TodayPage } from '../../renderer/features/today/TodayPage.js';
import { resetContactsStore } from '../../renderer/stores/contacts-store.js';
import { resetStores, useUiStore } from '../../renderer/stores/index.js';
import { resetTodayStore } from '../../renderer/stores/today-store.js';
import type { Contact, Meeting, Reminder } from '../../shared/schema/entities.js';
import type { TodayItem } from '../../shared/schema/pipeline.js';
import {
  createFakeRapport,
  FakeFailure,
  pagedToday,
  type FakeRapport,
  type WholeToday,
} from './fake-api.js';

const stamp = '2025-06-01T10:00:00.000Z';

function makeContact(
  id: string,
  first: string,
  last: string,
  patch: Partial<Contact> = {},
): Contact {
  return {
    id,
    firstName: first,
    lastName: last,
    title: '',
    company: 'Acme',
    industry: '',
    location: '',
    email: '',
    phone: '',
    linkedinUrl: '',
    source: { kind: 'alumni', detail: 'Tufts Alumni Association' },
    referredById: null,
    employerId: null,
    tags: [],
    notes: '',
    stage: 'contacted',
    responsiveness: 'unknown',
    keepInTouch: { off: false, days: null },
    createdAt: stamp,
    updatedAt: stamp,
    ...patch,
  };
}

const maya = makeContact('c-maya', 'Maya', 'Okafor', { company: 'Acme Energy' });
const lee = makeContact('c-lee', 'Lee', 'Chen', { company: 'Acme Energy', title: 'Analyst' });
const sam = makeContact('c-sam', 'Sam', 'Ortiz', { company: 'Northwind' });

const reminder = (id: string, contact: Contact, kind: Reminder['kind'], due: string): Reminder => ({
  id,
  contactId: contact.id,
  kind,
  due,
  status: 'open',
  snoozedUntil: null,
  createdBy: 'a-1',
  title: kind === 'follow-up-3' ? 'Day 3: no reply yet' : 'Day 7: send one follow-up',
});

const meeting = (contact: Contact, start: string): Meeting => ({
  id: `m-${contact.id}`,
  contactId: contact.id,
  start,
  minutes: 30,
  mode: 'in-person',
  place: 'Blue Bottle, Market St',
  link: '',
  status: 'planned',
  research: { industry: '', company: '', position: '', person: '' },
  questions: [],
  notes: [],
  checklist: {
    resumeCopies: 2,
    portfolio: false,
    businessCards: false,
    outfit: false,
    researchDone: false,
  },
  travelMinutes: 0,
  takeaways: '',
  advice: '',
  namesSuggested: '',
  promises: '',
  attachmentIds: [],
  createdAt: stamp,
  updatedAt: stamp,
});

const busyDay = (): WholeToday => ({
  date: '2025-06-04',
  items: [
    {
      reminder: reminder('r-3', maya, 'follow-up-3', '2025-06-04T07:00:00.000Z'),
      contact: maya,
      overdue: false,
      suggestions: [lee],
    } satisfies TodayItem,
    {
      reminder: reminder('r-7', sam, 'follow-up-7', '2025-06-01T07:00:00.000Z'),
      contact: sam,
      overdue: true,
      suggestions: [],
    },
  ],
  outcomes: [],
  upcomingMeetings: [{ meeting: meeting(lee, '2025-06-06T16:30:00.000Z'), contact: lee }],
  contactCount: 3,
});

/** Wednesday 4 June 2025, 14:20 local time. */
const fixedNow = () => new Date(2025, 5, 4, 14, 20);

function setup(
  options: { view?: WholeToday; contacts?: Contact[]; prepare?: (fake: FakeRapport) => void } = {},
) {
  let view = options.view ?? busyDay();
  const fake = createFakeRapport();
  fake.respond('reminders:today', (shown) => pagedToday(view, shown));
  fake.respond('contacts:list', () => options.contacts ?? [maya, lee, sam]);
  // Undo as main does it: the item comes back as it was.
  const takeBacks = new Map<string, { label: string; item: WholeToday['items'][number] }>();
  const takeBack = (item: WholeToday['items'][number], label: string) => {
    const token = `undo-${takeBacks.size + 1}`;
    takeBacks.set(token, { label, item });
    return { token, label };
  };
  fake.respond('app:undo', ({ token }) => {
    const taken = takeBacks.get(token)!;
    view = { ...view, items: [...view.items, taken.item] };
    queueMicrotask(() => fake.emit('data:changed', { collections: ['reminders'] }));
    return { undone: `Undone: ${taken.label}.` };
  });
  fake.respond('reminders:done', ({ id }) => {
    const item = view.items.find((i) => i.reminder.id === id)!;
    view = { ...view, items: view.items.filter((i) => i.reminder.id !== id) };
    queueMicrotask(() => fake.emit('data:changed', { collections: ['reminders'] }));
    return {
      reminder: { ...item.reminder, status: 'done' },
      effects: noEffects(),
      undo: takeBack(item, `Marked “${item.reminder.title}” done`),
    };
  });
  fake.respond('reminders:snooze', ({ id, until }) => {
    const item = view.items.find((i) => i.reminder.id === id)!;
    view = { ...view, items: view.items.filter((i) => i.reminder.id !== id) };
    queueMicrotask(() => fake.emit('data:changed', { collections: ['reminders'] }));
    return {
      reminder: { ...item.reminder, status: 'snoozed', snoozedUntil: until },
      effects: noEffects(),
      undo: takeBack(item, `Snoozed “${item.reminder.title}”`),
    };
  });
  options.prepare?.(fake);
  fake.install();
  const user = userEvent.setup();
  disconnect = connectMainEvents();
  render(
    <>
      <TodayPage now={fixedNow} />
      <Toaster />
    </>,
  );
  return { fake, user };
}

let disconnect: () => void = () => undefined;
afterEach(() => disconnect());

beforeEach(() => {
  resetStores();
  resetTodayStore();
  resetContactsStore();
});

describe('the Today view', () => {
  it("shows the heading with today's date in the user's locale", async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    const expected = new Intl.DateTimeFormat(undefined, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(2025, 5, 4));
    expect(await screen.findByText(expected)).toBeInTheDocument();
  });

  it('lists due and overdue reminders, each with its contact, and says how late the overdue one is', async () => {
    setup();
    const due = await screen.findByRole('region', { name: 'Due today' });
    expect(within(due).getByRole('link', { name: 'Maya Okafor' })).toHaveAttribute(
      'href',
      '#contacts/c-maya',
    );
    expect(within(due).getByText('Day 3: no reply yet')).toBeInTheDocument();
    const overdue = screen.getByRole('region', { name: 'Overdue' });
    expect(within(overdue).getByRole('link', { name: 'Sam Ortiz' })).toBeInTheDocument();
    expect(within(overdue).getByText(/^3 days late/)).toBeInTheDocument();
    expect(within(due).queryByText(/late/)).not.toBeInTheDocument();
  });

  it(
    'shows a long backlog 50 at a time, the first new row taking the focus',
    { timeout: 30_000 },
    async () => {
      const many = Array.from({ length: 120 }, (_, n) => {
        const person = makeContact(`p-${n}`, `Person${n}`, 'Backlog');
        return {
          reminder: reminder(`b-${n}`, person, 'follow-up-7', '2025-06-01T07:00:00.000Z'),
          contact: person,
          overdue: true,
          suggestions: [],
        } satisfies TodayItem;
      });
      const { user } = setup({ view: { ...busyDay(), items: many } });
      const overdue = await screen.findByRole('region', { name: 'Overdue' });
      const rows = () => overdue.querySelector('ul.today-list')!.children.length;
      expect(rows()).toBe(50);
      expect(within(overdue).getByText('50 of 120 shown')).toBeInTheDocument();
      await user.click(
        within(overdue).getByRole('button', { name: 'Show 50 more overdue reminders' }),
      );
      expect(rows()).toBe(100);
      expect(document.activeElement).toBe(
        within(overdue).getByRole('link', { name: 'Person50 Backlog' }),
      );
      await user.click(
        within(overdue).getByRole('button', { name: 'Show 20 more overdue reminders' }),
      );
      expect(rows()).toBe(120);
      expect(within(overdue).queryByRole('button', { name: /more overdue/ })).toBeNull();
      expect(document.activeElement).toBe(
        within(overdue).getByRole('link', { name: 'Person100 Backlog' }),
      );
    },
  );

  it('suggests the next person at the same company on day 3, and links to them', async () => {
    const { user } = setup();
    const list = await screen.findByRole('list', { name: 'Next people at Acme Energy' });
    await user.click(within(list).getByRole('link', { name: 'Lee Chen' }));
    expect(useUiStore.getState()).toMatchObject({ area: 'contact', contactId: 'c-lee' });
  });

  it('on day 3 its first action writes to the next person there, on their page', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Write to Lee Chen' }));
    expect(useUiStore.getState()).toMatchObject({
      area: 'contact',
      contactId: 'c-lee',
      focusTarget: 'write-outreach',
    });
  });

  it("on day 7 its first action writes the follow-up, on the contact's page", async () => {
    const { user } = setup();
    await user.click(
      await screen.findByRole('button', { name: 'Write follow-up e-mail to Sam Ortiz' }),
    );
    expect(useUiStore.getState()).toMatchObject({
      area: 'contact',
      contactId: sam.id,
      focusTarget: 'write-follow-up',
    });
  });

  it('hints to write a follow-up on day 7', async () => {
    setup();
    const overdue = await screen.findByRole('region', { name: 'Overdue' });
    expect(within(overdue).getByText('Write follow-up:')).toBeInTheDocument();
  });

  it('marks a reminder done with a button named after the contact, and drops it from the list', async () => {
    const { user, fake } = setup();
    await user.click(
      await screen.findByRole('button', { name: 'Mark follow-up for Maya Okafor done' }),
    );
    expect(fake.callsTo('reminders:done')).toEqual([{ id: 'r-3' }]);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Marked the reminder for Maya Okafor done.',
    );
    expect(screen.queryByRole('region', { name: 'Due today' })).not.toBeInTheDocument();
  });

  it('undoes Done from the toast and Snooze with Ctrl+Z, saying what main undid', async () => {
    const { user, fake } = setup();
    const unbind = bindCommandKeys();
    try {
      await user.click(
        await screen.findByRole('button', { name: 'Mark follow-up for Maya Okafor done' }),
      );
      expect(await screen.findByText(/^Marked “.+” done$/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Undo' }));
      expect(await screen.findByText(/^Undone: Marked “.+” done\.$/)).toBeInTheDocument();
      expect(fake.callsTo('app:undo')).toEqual([{ token: 'undo-1' }]);
      expect(
        await screen.findByRole('button', { name: 'Mark follow-up for Maya Okafor done' }),
      ).toBeVisible();

      await user.click(screen.getByRole('button', { name: 'Snooze follow-up for Sam Ortiz' }));
      await user.click(screen.getByRole('menuitem', { name: 'Tomorrow' }));
      expect(await screen.findByText(/^Snoozed “.+”$/)).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.queryByRole('region', { name: 'Overdue' })).not.toBeInTheDocument(),
      );
      await user.keyboard('{Control>}z{/Control}');
      expect(fake.callsTo('app:undo')).toEqual([{ token: 'undo-1' }, { token: 'undo-2' }]);
      expect(
        await screen.findByRole('button', { name: 'Snooze follow-up for Sam Ortiz' }),
      ).toBeVisible();
      // Nothing left to undo: said so, and main is not asked.
      await user.keyboard('{Control>}z{/Control}');
      expect(await screen.findByText('Nothing to undo.')).toBeInTheDocument();
      expect(fake.callsTo('app:undo')).toHaveLength(2);
    } finally {
      unbind();
    }
  });

  it.each([
    ['Tomorrow', new Date(2025, 5, 5, 9, 0)],
    ['In 3 days', new Date(2025, 5, 7, 9, 0)],
    ['Next week', new Date(2025, 5, 11, 9, 0)],
  ])('snoozes "%s" until 09:00 local time on the right day', async (label, until) => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Snooze follow-up for Sam Ortiz' }));
    const menu = screen.getByRole('menu', { name: 'Snooze follow-up for Sam Ortiz' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => m.textContent),
    ).toEqual(['Tomorrow', 'In 3 days', 'Next week']);
    await user.click(within(menu).getByRole('menuitem', { name: label }));
    expect(fake.callsTo('reminders:snooze')).toEqual([{ id: 'r-7', until: until.toISOString() }]);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Overdue' })).not.toBeInTheDocument(),
    );
  });

  it('opens the snooze menu from the keyboard, moves with the arrows and closes on Escape', async () => {
    const { user, fake } = setup();
    const button = await screen.findByRole('button', { name: 'Snooze follow-up for Maya Okafor' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Tomorrow' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'In 3 days' })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Next week' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(fake.callsTo('reminders:snooze')).toEqual([]);
  });

  it('says what went wrong and keeps the reminder when marking it done fails', async () => {
    const { user } = setup({
      prepare: (fake) =>
        fake.respond('reminders:done', () => {
          throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
        }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Mark follow-up for Maya Okafor done' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The reminder for Maya Okafor was not changed. Rapport opened your data read-only.',
    );
    expect(screen.getByRole('link', { name: 'Maya Okafor' })).toBeInTheDocument();
  });

  it('lists upcoming meetings under "Coming up"', async () => {
    setup();
    const coming = await screen.findByRole('region', { name: 'Coming up' });
    expect(within(coming).getByRole('link', { name: 'Lee Chen' })).toBeInTheDocument();
    expect(within(coming).getByText(/30 minutes/)).toBeInTheDocument();
    expect(within(coming).getByText('Blue Bottle, Market St')).toBeInTheDocument();
  });

  it('offers Prepare for a coming meeting, and Join for a video call with a link', async () => {
    const video = {
      ...meeting(sam, '2025-06-05T13:00:00.000Z'),
      mode: 'video' as const,
      place: '',
      link: 'https://meet.example.com/abc-defg',
    };
    const { user, fake } = setup({
      view: {
        ...busyDay(),
        upcomingMeetings: [...busyDay().upcomingMeetings, { meeting: video, contact: sam }],
      },
    });
    const coming = await screen.findByRole('region', { name: 'Coming up' });
    // An in-person meeting has nothing to join.
    expect(
      within(coming).queryByRole('button', { name: 'Join the video call with Lee Chen' }),
    ).toBeNull();
    await user.click(
      within(coming).getByRole('button', { name: 'Join the video call with Sam Ortiz' }),
    );
    expect(fake.callsTo('app:openExternal')).toEqual([
      { url: 'https://meet.example.com/abc-defg' },
    ]);
    await user.click(
      within(coming).getByRole('button', { name: 'Prepare for the meeting with Lee Chen' }),
    );
    expect(useUiStore.getState()).toMatchObject({ area: 'meeting', meetingId: 'm-c-lee' });
  });

  it('says so when main will not open a meeting link', async () => {
    const video = {
      ...meeting(sam, '2025-06-05T13:00:00.000Z'),
      mode: 'video' as const,
      link: 'https://meet.example.com/abc-defg',
    };
    const { user } = setup({
      view: { ...busyDay(), upcomingMeetings: [{ meeting: video, contact: sam }] },
      prepare: (fake) =>
        fake.respond('app:openExternal', () => {
          throw new FakeFailure('invalid-args', 'Only web and e-mail links can be opened.');
        }),
    });
    const coming = await screen.findByRole('region', { name: 'Coming up' });
    await user.click(
      within(coming).getByRole('button', { name: 'Join the video call with Sam Ortiz' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only web and e-mail links can be opened.',
    );
  });

  it('suggests writing to the prospect waiting longest when nothing is due', async () => {
    const { user } = setup({
      view: {
        date: '2025-06-04',
        items: [],
        outcomes: [],
        upcomingMeetings: [],
        contactCount: 3,
        prospects: { count: 2, next: lee },
      },
    });
    expect(await screen.findByText('You’re all caught up')).toBeInTheDocument();
    expect(
      screen.getByText(/write to one of the 2 contacts you have found but not written to yet/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write to Lee Chen' }));
    expect(useUiStore.getState()).toMatchObject({
      area: 'contact',
      contactId: 'c-lee',
      focusTarget: 'write-outreach',
    });
  });

  it('says "You’re all caught up" calmly when nothing is due', async () => {
    setup({
      view: { date: '2025-06-04', items: [], outcomes: [], upcomingMeetings: [], contactCount: 3 },
    });
    expect(await screen.findByText('You’re all caught up')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Due today' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Overdue' })).not.toBeInTheDocument();
    expect(screen.getByText('No meetings scheduled.')).toBeInTheDocument();
  });

  it('welcomes a first-time user with no contacts, and its buttons lead to the right places', async () => {
    const { user, fake } = setup({
      view: { date: '2025-06-04', items: [], outcomes: [], upcomingMeetings: [], contactCount: 0 },
      contacts: [],
    });
    expect(
      await screen.findByRole('heading', { name: 'Who would you like to learn from?' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/informational interviews/)).toBeInTheDocument();
    expect(screen.getByText(/after 3 business days/)).toBeInTheDocument();
    expect(screen.queryByText('You’re all caught up')).not.toBeInTheDocument();
    // Today's own answer says there are no contacts: the contact list is never fetched for it.
    expect(fake.callsTo('contacts:list')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Add a contact' }));
    expect(useUiStore.getState()).toMatchObject({ area: 'contact', contactId: null });
    act(() => useUiStore.setState({ area: 'home' }));
    await user.click(screen.getByRole('button', { name: 'Import LinkedIn connections' }));
    expect(useUiStore.getState().area).toBe('import');
  });

  it('offers to try again when the reminders cannot be loaded', async () => {
    let failing = true;
    const { user } = setup({
      prepare: (fake) =>
        fake.respond('reminders:today', () => {
          if (failing) throw new FakeFailure('io', 'The data file could not be read.');
          return pagedToday(busyDay());
        }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Today’s reminders could not be loaded. The data file could not be read.',
    );
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Due today' })).toBeInTheDocument();
  });
});
