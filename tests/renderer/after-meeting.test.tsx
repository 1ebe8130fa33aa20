import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactReminders } from '../../renderer/features/contacts/ContactReminders.js';
import { PromiseTasks, promiseLines } from '../../renderer/features/prep/PromiseTasks.js';
import { TodayPage } from '../../renderer/features/today/TodayPage.js';
import { connectMainEvents } from '../../renderer/stores/events.js';
import { resetStores, useUiStore } from '../../renderer/stores/index.js';
import type { Meeting, Reminder } from '../../shared/schema/entities.js';
import {
  createFakeRapport,
  FakeFailure,
  makeContact,
  pagedToday,
  type FakeRapport,
  type WholeToday,
} from './fake-api.js';
import { makeMeeting } from './prep-fixtures.js';
import { renderApp } from './render-app.js';

const maya = makeContact({ id: 'maya', firstName: 'Maya', lastName: 'Okafor', stage: 'scheduled' });
const past = makeMeeting({ id: 'm-past', contactId: 'maya', start: '2025-06-01T14:00:00.000Z' });
const fixedNow = () => new Date('2025-06-02T09:15:00.000Z');

let disconnect: () => void = () => undefined;
afterEach(() => disconnect());
beforeEach(() => resetStores());

/** Today with one meeting whose end has passed, answered by a fake main. */
function setupToday(prepare?: (fake: FakeRapport) => void) {
  let view: WholeToday = {
    date: '2025-06-02',
    items: [],
    outcomes: [{ meeting: past, contact: maya }],
    upcomingMeetings: [],
    contactCount: 1,
  };
  const fake = createFakeRapport({ contacts: [maya] });
  const answered = () => {
    view = { ...view, outcomes: [] };
    queueMicrotask(() => fake.emit('data:changed', { collections: ['meetings'] }));
  };
  fake.respond('reminders:today', (shown) => pagedToday(view, shown));
  fake.respond('meetings:markHeld', ({ id }) => {
    answered();
    const reminder: Reminder = {
      id: 'r-thanks',
      contactId: 'maya',
      kind: 'thank-you-due',
      due: '2025-06-02T14:30:00.000Z',
      status: 'open',
      snoozedUntil: null,
      createdBy: id,
      title: 'Send Maya a thank-you note',
    };
    return {
      undo: null,
      meeting: { ...past, status: 'held' },
      contact: { ...maya, stage: 'met' },
      reminder,
      effects: {
        stageMoves: [{ contactId: 'maya', from: 'scheduled', to: 'met', cause: 'meeting-held' }],
        reminders: { created: [reminder], completed: [], cancelled: [] },
      },
    };
  });
  fake.respond('meetings:cancel', () => {
    answered();
    return { ...past, status: 'cancelled' };
  });
  fake.respond('meetings:update', ({ patch }) => {
    answered();
    return { ...past, ...(patch as Partial<Meeting>) };
  });
  prepare?.(fake);
  fake.install();
  disconnect = connectMainEvents();
  const user = userEvent.setup();
  render(<TodayPage now={fixedNow} />);
  return { fake, user };
}

describe('did the meeting happen?', () => {
  it('asks about a planned meeting whose time has passed, with three answers', async () => {
    setupToday();
    const section = await screen.findByRole('region', { name: 'Did it happen?' });
    expect(within(section).getByText(/Did your meeting with/)).toHaveTextContent(
      'Did your meeting with Maya Okafor happen?',
    );
    const answers = within(section).getByRole('group', { name: /Did your meeting with/ });
    expect(
      within(answers)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Held', 'Reschedule', 'Didn’t happen']);
  });

  it('held: says what main did and opens the after-meeting notes', async () => {
    const { fake, user } = setupToday();
    await user.click(
      await screen.findByRole('button', { name: 'Yes, I met Maya Okafor: mark the meeting held' }),
    );
    expect(fake.callsTo('meetings:markHeld')).toEqual([{ id: 'm-past' }]);
    await waitFor(() => expect(useUiStore.getState().area).toBe('meeting'));
    expect(useUiStore.getState()).toMatchObject({ meetingId: 'm-past', focusTarget: 'prep-after' });
  });

  it('didn’t happen: cancels it with the reason, and focus stays on the page when the row goes', async () => {
    const { fake, user } = setupToday();
    await user.click(
      await screen.findByRole('button', { name: 'The meeting with Maya Okafor didn’t happen' }),
    );
    expect(fake.callsTo('meetings:cancel')).toEqual([{ id: 'm-past', didNotHappen: true }]);
    expect(
      await screen.findByText(/Noted that your meeting with Maya Okafor did not happen/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Did it happen?' })).not.toBeInTheDocument(),
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Today' }));
  });

  it('reschedule: a new date and time in the user’s zone, sent as an instant', async () => {
    const { fake, user } = setupToday();
    await user.click(
      await screen.findByRole('button', { name: 'Reschedule the meeting with Maya Okafor' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Reschedule your meeting with Maya Okafor' });
    const input = within(dialog).getByLabelText('New date and time');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.click(within(dialog).getByRole('button', { name: 'Move meeting' }));
    expect(input).toHaveAccessibleDescription(/Choose the new date and time\./);
    expect(fake.callsTo('meetings:update')).toEqual([]);
    await user.type(input, '2025-06-05T15:30');
    await user.click(within(dialog).getByRole('button', { name: 'Move meeting' }));
    expect(fake.callsTo('meetings:update')).toEqual([
      { id: 'm-past', patch: { start: new Date('2025-06-05T15:30').toISOString() } },
    ]);
    expect(await screen.findByText(/Moved your meeting with Maya Okafor to/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('reschedule: a refusal from main keeps the dialog and the date typed', async () => {
    const { user } = setupToday((fake) =>
      fake.respond('meetings:update', () => {
        throw new FakeFailure('read-only', 'Rapport is read-only right now.');
      }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Reschedule the meeting with Maya Okafor' }),
    );
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Move meeting' }));
    expect(
      await within(dialog).findByText('The meeting was not moved. Rapport is read-only right now.'),
    ).toBeInTheDocument();
  });
});

describe('the contact page’s reminders', () => {
  it('adds the user’s own reminder for a day, and lists it with a Done button', async () => {
    const { fake, user } = await renderApp({
      state: { contacts: [maya] },
      prepare: (f) => f.respond('meetings:list', () => []),
    });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' });
    const form = screen.getByRole('form', { name: 'Add a reminder for Maya' });
    await user.click(within(form).getByRole('button', { name: 'Add reminder' }));
    expect(within(form).getByLabelText('Reminder')).toHaveAccessibleDescription(/Say what to do\./);
    expect(fake.callsTo('reminders:add')).toEqual([]);
    await user.type(within(form).getByLabelText('Reminder'), 'Send the article');
    const day = within(form).getByLabelText('Day');
    await user.clear(day);
    await user.type(day, '2025-06-09');
    await user.click(within(form).getByRole('button', { name: 'Add reminder' }));
    expect(fake.callsTo('reminders:add')).toEqual([
      { contactId: 'maya', title: 'Send the article', date: '2025-06-09' },
    ]);
    expect(await screen.findByText(/Reminder added for/)).toBeInTheDocument();
    // Main's change event reloads the page: the reminder is listed.
    expect(
      await screen.findByRole('button', { name: 'Mark reminder “Send the article” done' }),
    ).toBeInTheDocument();
  });

  it('marks a reminder done and says what main started next', async () => {
    const reminder: Reminder = {
      id: 'kit',
      contactId: 'maya',
      kind: 'keep-in-touch',
      due: '2025-06-02T13:00:00.000Z',
      status: 'open',
      snoozedUntil: null,
      createdBy: null,
      title: 'Get back in touch with Maya',
    };
    const next: Reminder = { ...reminder, id: 'kit-2', due: '2025-08-31T13:00:00.000Z' };
    let done: Reminder | null = null;
    render(
      <ContactReminders
        firstName="Maya"
        reminders={[reminder]}
        readOnly={false}
        errorText={(e) => String(e)}
        onAdd={async () => ''}
        onDone={async (r) => {
          done = r;
          const said = `Done: ${r.title}. Keep-in-touch note reminder set for ${next.due}.`;
          return said;
        }}
      />,
    );
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', {
        name: 'Mark keep-in-touch note “Get back in touch with Maya” done',
      }),
    );
    expect(done).toEqual(reminder);
    expect(await screen.findByRole('status')).toHaveTextContent(
      /Done: Get back in touch with Maya/,
    );
    expect(screen.getByRole('heading', { name: 'Reminders' })).toHaveFocus();
  });
});

describe('promises as tasks', () => {
  it('reads one promise per line, without list markers', () => {
    expect(promiseLines('- Send my portfolio\n\n2) Share the article \n  • Intro to Lee')).toEqual([
      'Send my portfolio',
      'Share the article',
      'Intro to Lee',
    ]);
  });

  it('gives a promise a day, and offers Move and Remove once it is a task', async () => {
    const calls: [string, string | null][] = [];
    const task: Reminder = {
      id: 't1',
      contactId: 'maya',
      kind: 'promise',
      due: '2025-06-06T13:00:00.000Z',
      status: 'open',
      snoozedUntil: null,
      createdBy: 'm1',
      title: 'Share the article',
    };
    render(
      <PromiseTasks
        promises={'Send my portfolio\nShare the article.'}
        tasks={[task]}
        disabled={false}
        errorText={(e) => String(e)}
        onSet={async (text, date) => {
          calls.push([text, date]);
          return `“${text}” is on Today.`;
        }}
      />,
    );
    const user = userEvent.setup();
    const first = screen.getByLabelText('Due date for “Send my portfolio”');
    const add = screen.getByRole('button', { name: 'Add to Today' });
    expect(add).toBeDisabled();
    await user.type(first, '2025-06-05');
    await user.click(add);
    expect(calls).toEqual([['Send my portfolio', '2025-06-05']]);
    expect(await screen.findByRole('status')).toHaveTextContent('“Send my portfolio” is on Today.');
    // The second line already is a task (matched without its full stop).
    expect(screen.getByRole('button', { name: 'Move' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove the task “Share the article.”' }));
    expect(calls.at(-1)).toEqual(['Share the article.', null]);
  });
});
