import { noEffects } from '../../shared/schema/effects.js';
import type { Reminder } from '../../shared/schema/entities.js';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetContactDetailStore } from '../../renderer/stores/contact-detail-store.js';
import { resetContactsStore } from '../../renderer/stores/contacts-store.js';
import { resetMeetingsStore } from '../../renderer/stores/meetings-store.js';
import { resetPrepStore } from '../../renderer/stores/prep-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Attachment, Meeting } from '../../shared/schema/entities.js';
import { FakeFailure, makeContact, type FakeRapport } from './fake-api.js';
import { makeAttachment, makeMeeting, makeQuestion, maya, serveMeeting } from './prep-fixtures.js';
import { renderApp } from './render-app.js';

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

/** Renders the app on the workspace of `meeting`, served by a fake meetings service. */
async function openWorkspace(
  meeting: Meeting = makeMeeting(),
  options: {
    files?: Attachment[];
    employer?: { id: string; name: string; research: string };
    prepare?: (fake: FakeRapport) => void;
  } = {},
) {
  const rendered = await renderApp({
    state: { contacts: [maya] },
    prepare: (fake) => {
      serveMeeting(fake, meeting, options.files, options.employer ?? null);
      options.prepare?.(fake);
    },
  });
  act(() => useUiStore.getState().navigate(`meetings/${meeting.id}`));
  await screen.findByRole('heading', {
    level: 1,
    name: 'Prepare for Maya Okafor',
  });
  return rendered;
}

const updates = (fake: FakeRapport) =>
  fake.callsTo('meetings:update') as {
    id: string;
    patch: Record<string, unknown>;
  }[];

describe('Prep workspace', () => {
  it('shows the meeting’s facts and its sections in order', async () => {
    // A link left from another mode is kept but not shown for a meeting in person.
    await openWorkspace(makeMeeting({ link: 'https://meet.example.com/maya' }));
    const lead = screen.getByText(/Café Nero/).closest('p') as HTMLElement;
    expect(lead).toHaveTextContent(
      'Tue, Jun 10, 2025, 10:00 AM · 30 min · In person · Café Nero, 12 High St · Leave by 9:25 AM Planned',
    );
    expect(lead).not.toHaveTextContent('meet.example.com');
    expect(screen.getByRole('link', { name: 'Maya Okafor' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Research',
      'Questions',
      'Checklist',
      'Files',
      'During the meeting',
      'After the meeting',
      'Documents',
    ]);
  });

  it('autosaves after a pause, sending only the field that changed, and says so', async () => {
    const { fake, user } = await openWorkspace();
    await user.type(screen.getByLabelText('Industry'), 'Health tech');
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument(), {
      timeout: 3000,
    });
    // One save for the whole burst of typing, with only `research` in it.
    expect(updates(fake)).toEqual([
      {
        id: 'm1',
        patch: {
          research: {
            industry: 'Health tech',
            company: '',
            position: '',
            person: '',
          },
        },
      },
    ]);
  });

  it('saves at once when the user leaves the page before the pause is over', async () => {
    const { fake, user } = await openWorkspace();
    await user.type(screen.getByLabelText('Key takeaways'), 'Build a portfolio');
    act(() => useUiStore.getState().navigate('meetings'));
    await waitFor(() =>
      expect(updates(fake)).toEqual([{ id: 'm1', patch: { takeaways: 'Build a portfolio' } }]),
    );
  });

  it('keeps what was typed when a save fails, says so, and saves it on retry', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) =>
        f.respond('meetings:update', () => {
          throw new FakeFailure('io', 'The disk is full.');
        }),
    });
    const advice = screen.getByLabelText('Advice received');
    await user.type(advice, 'Join the UX guild');
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent(
      'Your latest changes were not saved. The disk is full. What you typed is still here',
    );
    expect(advice).toHaveValue('Join the UX guild');
    expect(screen.queryByText('All changes saved')).not.toBeInTheDocument();

    serveMeeting(fake, makeMeeting());
    await user.click(within(alert).getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(updates(fake).at(-1)).toEqual({
      id: 'm1',
      patch: { advice: 'Join the UX guild' },
    });
  });

  it('brings back edits whose save failed after the user left, when the meeting is opened again', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) =>
        f.respond('meetings:update', () => {
          throw new FakeFailure('io', 'The disk is full.');
        }),
    });
    await user.type(screen.getByLabelText('Promises to follow up'), 'Send my portfolio');
    act(() => useUiStore.getState().navigate('meetings'));
    await waitFor(() => expect(updates(fake)).toHaveLength(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    serveMeeting(fake, makeMeeting());
    act(() => useUiStore.getState().navigate('meetings/m1'));
    expect(await screen.findByLabelText('Promises to follow up')).toHaveValue('Send my portfolio');
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(updates(fake).at(-1)).toEqual({
      id: 'm1',
      patch: { promises: 'Send my portfolio' },
    });
  });

  it('shows a video call’s link and when to join in the facts', async () => {
    await openWorkspace(
      makeMeeting({ mode: 'video', link: 'https://meet.example.com/maya', travelMinutes: 20 }),
    );
    const lead = screen.getByText('Tue, Jun 10, 2025, 10:00 AM').closest('p') as HTMLElement;
    expect(lead).toHaveTextContent(
      'Tue, Jun 10, 2025, 10:00 AM · 30 min · Video call · meet.example.com/maya · Join at 9:55 AM Planned',
    );
    expect(lead).not.toHaveTextContent('Café Nero');
    expect(lead).not.toHaveTextContent('Leave by');
  });
});

const checklistRegion = () => screen.getByRole('region', { name: 'Checklist' });

describe('Checklist', () => {
  it('computes the leave-by time from the start, the travel time and the arrive-early minutes', async () => {
    const { fake, user } = await openWorkspace();
    const checklist = checklistRegion();
    // 10:00 in New York, 20 minutes of travel, arrive 15 minutes early (the default).
    expect(within(checklist).getByText(/^Leave by/)).toHaveTextContent('Leave by 9:25 AM');
    expect(within(checklist).getByText(/of travel/)).toHaveTextContent(
      '(20 minutes of travel; arrive 15 minutes early)',
    );
    const travel = within(checklist).getByLabelText('Travel time (minutes)');
    await user.clear(travel);
    await user.type(travel, '45');
    expect(within(checklist).getByText(/^Leave by/)).toHaveTextContent('Leave by 9:00 AM');
    await waitFor(
      () =>
        expect(updates(fake).at(-1)).toEqual({
          id: 'm1',
          patch: { travelMinutes: 45 },
        }),
      {
        timeout: 3000,
      },
    );
  });

  it('does not save a travel time that is not a whole number of minutes', async () => {
    const { fake, user } = await openWorkspace();
    const travel = within(checklistRegion()).getByLabelText('Travel time (minutes)');
    await user.clear(travel);
    await user.type(travel, '-5');
    expect(
      await screen.findByText('Enter a whole number from 0 to 1440 minutes.'),
    ).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 800)));
    expect(
      updates(fake).filter(
        (u) => u.patch.travelMinutes !== undefined && u.patch.travelMinutes !== 0,
      ),
    ).toEqual([]);
  });

  it('saves ticks and the resume count together as the checklist', async () => {
    const { fake, user } = await openWorkspace();
    await user.click(screen.getByRole('checkbox', { name: 'Portfolio' }));
    const copies = screen.getByLabelText('Resume copies');
    await user.clear(copies);
    await user.type(copies, '3');
    await waitFor(() => expect(updates(fake)).toHaveLength(1), {
      timeout: 3000,
    });
    expect(updates(fake)[0]).toEqual({
      id: 'm1',
      patch: {
        checklist: {
          resumeCopies: 3,
          portfolio: true,
          businessCards: true,
          outfit: false,
          researchDone: false,
        },
      },
    });
  });

  it.each([
    ['five open questions', ['What', 'How', 'Why', 'Tell me', 'Describe'], true],
    ['four open questions and a yes/no one', ['What', 'How', 'Why', 'Tell me', 'Do you'], false],
    [
      'six questions, one of them yes/no',
      ['What', 'How', 'Why', 'Tell me', 'Describe', 'Is it'],
      true,
    ],
    ['five questions, one of them empty', ['What', 'How', 'Why', 'Tell me', ''], false],
  ])('ticks "At least 5 open questions ready" by itself with %s', async (_, starts, ticked) => {
    const questions = starts.map((start, i) =>
      makeQuestion(`q${i}`, start ? `${start} does a typical day look like for you?` : ''),
    );
    await openWorkspace(makeMeeting({ questions }));
    const box = screen.getByRole('checkbox', {
      name: 'At least 5 open questions ready',
    });
    expect(box).toBeDisabled();
    if (ticked) expect(box).toBeChecked();
    else expect(box).not.toBeChecked();
  });
});

describe('How you meet', () => {
  it('switches to a video call: no travel time, a link field, and join 5 minutes early, all autosaved', async () => {
    const { fake, user } = await openWorkspace();
    const checklist = checklistRegion();
    const modes = within(checklist).getByRole('group', { name: 'How you meet' });
    expect(within(modes).getByRole('radio', { name: 'In person' })).toBeChecked();
    expect(within(checklist).getByLabelText('Place')).toHaveValue('Café Nero, 12 High St');

    await user.click(within(modes).getByRole('radio', { name: 'Video call' }));
    expect(within(checklist).queryByLabelText('Travel time (minutes)')).not.toBeInTheDocument();
    expect(within(checklist).queryByLabelText('Place')).not.toBeInTheDocument();
    expect(within(checklist).getByText(/^Join at/)).toHaveTextContent('Join at 9:55 AM');
    expect(within(checklist).getByText(/test the link/)).toHaveTextContent(
      '(5 minutes early; test the link and audio)',
    );
    expect(within(checklist).queryByText(/Leave by|arrive/)).not.toBeInTheDocument();

    await user.type(within(checklist).getByLabelText('Video link'), 'https://meet.example.com/m');
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(updates(fake)).toEqual([
      { id: 'm1', patch: { mode: 'video', link: 'https://meet.example.com/m' } },
    ]);
    const lead = screen.getByText('Tue, Jun 10, 2025, 10:00 AM').closest('p') as HTMLElement;
    expect(lead).toHaveTextContent('meet.example.com/m');
  });

  it('does not save a link that is not a web address, and says why', async () => {
    const { fake, user } = await openWorkspace(makeMeeting({ mode: 'video' }));
    const link = within(checklistRegion()).getByLabelText('Video link');
    await user.type(link, 'meet dot example');
    expect(link).toHaveAccessibleDescription(
      expect.stringContaining('Enter a web address that starts with https://'),
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 800)));
    expect(updates(fake)).toEqual([]);
  });

  it('for a phone call, asks for the call details and says to test the phone line', async () => {
    const { fake, user } = await openWorkspace();
    const checklist = checklistRegion();
    await user.click(within(checklist).getByRole('radio', { name: 'Phone call' }));
    expect(within(checklist).queryByLabelText('Travel time (minutes)')).not.toBeInTheDocument();
    expect(within(checklist).queryByLabelText('Video link')).not.toBeInTheDocument();
    expect(within(checklist).getByText(/test the phone line/)).toHaveTextContent(
      '(5 minutes early; test the phone line and audio)',
    );
    const details = within(checklist).getByLabelText('Call details');
    await user.clear(details);
    await user.type(details, 'Maya calls my mobile');
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument(), {
      timeout: 3000,
    });
    expect(updates(fake)).toEqual([
      { id: 'm1', patch: { mode: 'phone', place: 'Maya calls my mobile' } },
    ]);
  });

  it('uses the arrive-early minutes from Settings, including 0 (on time)', async () => {
    await renderApp({
      state: { contacts: [maya] },
      prepare: (fake) => {
        fake.state.settings = { ...fake.state.settings, arriveEarlyMinutes: 0 };
        serveMeeting(fake, makeMeeting());
      },
    });
    act(() => useUiStore.getState().navigate('meetings/m1'));
    await screen.findByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' });
    const checklist = checklistRegion();
    expect(within(checklist).getByText(/^Leave by/)).toHaveTextContent('Leave by 9:40 AM');
    expect(within(checklist).getByText(/of travel/)).toHaveTextContent(
      '(20 minutes of travel; arrive on time)',
    );
  });
});

describe('Files', () => {
  it('attaches a resume through main’s dialog and removes it again', async () => {
    const { fake, user } = await openWorkspace();
    expect(screen.getByText(/No files attached yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Attach resume…' }));
    const list = await screen.findByRole('list', { name: 'Attached files' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      /Alex Kim resume\.pdf.*47\.1 KB.*Resume/,
    );
    expect(fake.callsTo('meetings:attach')).toEqual([{ id: 'm1', role: 'resume' }]);

    await user.click(screen.getByRole('button', { name: 'Remove Alex Kim resume.pdf' }));
    expect(
      await screen.findByText('Removed Alex Kim resume.pdf from this meeting.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Attached files' })).not.toBeInTheDocument();
    expect(fake.callsTo('meetings:detach')).toEqual([{ id: 'm1', attachmentId: 'a'.repeat(64) }]);
  });

  it('changes nothing when the file dialog is cancelled', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      files: [makeAttachment({ role: 'portfolio', originalName: 'Case study.pdf' })],
      prepare: (f) => f.respond('meetings:attach', () => null),
    });
    await user.click(screen.getByRole('button', { name: 'Attach portfolio…' }));
    await waitFor(() =>
      expect(fake.callsTo('meetings:attach')).toEqual([{ id: 'm1', role: 'portfolio' }]),
    );
    expect(
      within(screen.getByRole('list', { name: 'Attached files' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says why a file could not be attached', async () => {
    const { user } = await openWorkspace(makeMeeting(), {
      prepare: (f) =>
        f.respond('meetings:attach', () => {
          throw new FakeFailure('invalid-file', 'Only PDF and Word files can be attached.');
        }),
    });
    await user.click(screen.getByRole('button', { name: 'Attach resume…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file was not attached. Only PDF and Word files can be attached.',
    );
  });
});

describe('company research kept with the employer', () => {
  it('offers what an earlier meeting at the same employer wrote, and uses it on request', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      employer: { id: 'e1', name: 'Northwind Health', research: 'Three hospitals\n- Epic EHR' },
    });
    const research = screen.getByRole('region', { name: 'Research' });
    const company = within(research).getByRole('textbox', { name: 'Company' });
    expect(company).toHaveAccessibleDescription(
      'Kept with Northwind Health for your next meeting there.',
    );
    expect(screen.getByText(/You wrote about Northwind Health before/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use research on Northwind Health' }));
    expect(company).toHaveValue('Three hospitals\n- Epic EHR');
    // The button went away with the offer: the focus is on the field it filled.
    expect(company).toHaveFocus();
    expect(screen.queryByRole('button', { name: /^Use research on/ })).toBeNull();
    await waitFor(
      () =>
        expect(updates(fake).at(-1)?.patch).toEqual({
          research: expect.objectContaining({ company: 'Three hospitals\n- Epic EHR' }),
        }),
      { timeout: 3000 },
    );
  });

  it('offers nothing when the meeting has its own company research or there is no employer', async () => {
    await openWorkspace(
      makeMeeting({
        research: { industry: '', company: 'Own notes', position: '', person: '' },
      }),
      { employer: { id: 'e1', name: 'Northwind Health', research: 'Old notes' } },
    );
    expect(screen.queryByRole('button', { name: /^Use research on/ })).toBeNull();
  });
});

describe('During and after the meeting', () => {
  it('creates a suggested contact referred by this person and links to them', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) =>
        f.respond('meetings:addSuggestedContact', (input) => {
          const kim = makeContact({
            id: 'kim',
            firstName: input.firstName,
            lastName: input.lastName,
            company: input.company,
            referredById: 'maya',
            source: { kind: 'referral', detail: '' },
          });
          f.state.contacts = [...f.state.contacts, kim];
          return kim;
        }),
    });
    const form = screen.getByRole('form', { name: 'Add a suggested contact' });
    await user.type(within(form).getByLabelText('First name'), ' Kim ');
    await user.type(within(form).getByLabelText('Last name'), 'Lee');
    await user.type(within(form).getByLabelText('Company'), 'Contoso');
    await user.click(within(form).getByRole('button', { name: 'Create contact' }));

    expect(await within(form).findByText(/to your pipeline/)).toHaveTextContent(
      'Added Kim Lee to your pipeline (referred by Maya).',
    );
    expect(fake.callsTo('meetings:addSuggestedContact')).toEqual([
      {
        meetingId: 'm1',
        firstName: 'Kim',
        lastName: 'Lee',
        company: 'Contoso',
      },
    ]);
    expect(within(form).getByLabelText('First name')).toHaveValue('');
    await user.click(within(form).getByRole('link', { name: 'Kim Lee' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kim Lee' })).toBeInTheDocument();
  });

  it('asks for a first name before creating a contact', async () => {
    const { fake, user } = await openWorkspace();
    const form = screen.getByRole('form', { name: 'Add a suggested contact' });
    await user.type(within(form).getByLabelText('Last name'), 'Lee');
    await user.click(within(form).getByRole('button', { name: 'Create contact' }));
    expect(within(form).getByText('Enter a first name.')).toBeInTheDocument();
    expect(within(form).getByLabelText('First name')).toHaveFocus();
    expect(fake.callsTo('meetings:addSuggestedContact')).toEqual([]);
  });

  it('links to each section from the top, and a link gives that section the focus', async () => {
    const { user } = await openWorkspace(makeMeeting());
    const nav = screen.getByRole('navigation', { name: 'Sections of this meeting' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Research', 'Questions', 'Checklist', 'Files', 'During', 'After', 'Documents']);
    await user.click(within(nav).getByRole('link', { name: 'Documents' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Documents' })).toHaveFocus();
    await user.click(within(nav).getByRole('link', { name: 'During' }));
    expect(screen.getByRole('heading', { level: 2, name: 'During the meeting' })).toHaveFocus();
  });

  it('before the meeting puts exporting first, once it has begun marking it held', async () => {
    await openWorkspace(makeMeeting({ start: '2099-06-10T14:00:00.000Z' }));
    const header = screen
      .getByRole('heading', { level: 1, name: /^Prepare for/ })
      .closest('header')!;
    const exportButton = within(header).getByRole('button', { name: 'Export prep sheet…' });
    expect(exportButton).toHaveClass('button-primary');
    expect(within(header).getByRole('button', { name: 'Mark meeting as held' })).not.toHaveClass(
      'button-primary',
    );
    cleanup();
    await openWorkspace(makeMeeting());
    const begun = screen
      .getByRole('heading', { level: 1, name: /^Prepare for/ })
      .closest('header')!;
    expect(within(begun).queryByRole('button', { name: 'Export prep sheet…' })).toBeNull();
    expect(within(begun).getByRole('button', { name: 'Mark meeting as held' })).toHaveClass(
      'button-primary',
    );
  });

  it('marks the meeting held after confirming, and says what happens next', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) =>
        f.respond('meetings:markHeld', ({ id }) => {
          const reminder: Reminder = {
            id: 'r1',
            contactId: 'maya',
            kind: 'thank-you-due',
            due: '2025-06-11T14:30:00.000Z',
            status: 'open',
            snoozedUntil: null,
            createdBy: id,
            title: 'Send a thank-you note',
          };
          return {
            undo: null,
            meeting: makeMeeting({ id, status: 'held' }),
            contact: { ...maya, stage: 'met' },
            reminder,
            effects: {
              ...noEffects(),
              stageMoves: [
                { contactId: 'maya', from: 'scheduled', to: 'met', cause: 'meeting-held' },
              ],
              reminders: { created: [reminder], completed: [], cancelled: [] },
            },
          };
        }),
    });
    await user.click(screen.getByRole('button', { name: 'Mark meeting as held' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Mark this meeting as held?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('meetings:markHeld')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Mark meeting as held' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Mark this meeting as held?' })).getByRole(
        'button',
        { name: 'Mark as held' },
      ),
    );
    expect(
      await screen.findByText(
        'Marked as held. Maya moved from Scheduled to Met. A thank-you note is due Wed, Jun 11, 10:30 AM.',
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('meetings:markHeld')).toEqual([{ id: 'm1' }]);
    expect(screen.getByText('Held', { selector: '.meeting-status' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark meeting as held' })).not.toBeInTheDocument();
  });

  it('cancels the meeting after confirming and keeps its notes', async () => {
    const { fake, user } = await openWorkspace(makeMeeting({ takeaways: 'Kept' }), {
      prepare: (f) =>
        f.respond('meetings:cancel', ({ id }) => makeMeeting({ id, status: 'cancelled' })),
    });
    await user.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Cancel this meeting?' })).getByRole('button', {
        name: 'Cancel meeting',
      }),
    );
    expect(await screen.findByText(/Cancelled the meeting/)).toBeInTheDocument();
    expect(fake.callsTo('meetings:cancel')).toEqual([{ id: 'm1' }]);
    expect(screen.getByText('Cancelled', { selector: '.meeting-status' })).toBeInTheDocument();
    expect(screen.getByLabelText('Key takeaways')).toHaveValue('Kept');
  });
});

describe('Documents', () => {
  it('says where the prep sheet was saved', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) =>
        f.respond('export:prepSheet', () => ({
          path: '/home/alex/Documents/Prep - Maya Okafor - Northwind Health - 2025-06-10.docx',
        })),
    });
    await user.click(screen.getByRole('button', { name: 'Export prep sheet…' }));
    expect(
      await screen.findByText(
        'Saved to /home/alex/Documents/Prep - Maya Okafor - Northwind Health - 2025-06-10.docx.',
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('export:prepSheet')).toEqual([{ id: 'm1' }]);
  });

  it.each([
    ['a null answer', () => null],
    [
      'a "cancelled" error',
      () => {
        throw new FakeFailure('cancelled', 'Cancelled.');
      },
    ],
  ])('shows nothing when the save dialog is cancelled (%s)', async (_, answer) => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) => {
        f.respond('export:prepSheet', answer);
        f.respond('export:calendar', answer);
      },
    });
    await user.click(screen.getByRole('button', { name: 'Export prep sheet…' }));
    await user.click(screen.getByRole('button', { name: 'Add to calendar…' }));
    await waitFor(() => expect(fake.callsTo('export:calendar')).toHaveLength(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/Saved to/)).not.toBeInTheDocument();
  });

  it('saves the packet with the checklist’s resume count, or the count chosen here', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      files: [makeAttachment()],
      prepare: (f) =>
        f.respond('export:packet', ({ copies }) => ({
          path: '/home/alex/Documents/Packet.pdf',
          pages: 2 + copies,
        })),
    });
    const copies = screen.getByLabelText('Resume copies in packet');
    expect(copies).toHaveValue(2);
    await user.click(screen.getByRole('button', { name: 'Save packet as PDF…' }));
    expect(
      await screen.findByText('Saved to /home/alex/Documents/Packet.pdf. The packet has 4 pages.'),
    ).toBeInTheDocument();
    await user.clear(copies);
    await user.type(copies, '5');
    await user.click(screen.getByRole('button', { name: 'Save packet as PDF…' }));
    await waitFor(() =>
      expect(fake.callsTo('export:packet')).toEqual([
        { id: 'm1', copies: 2 },
        { id: 'm1', copies: 5 },
      ]),
    );
  });

  it('shows main’s reason as an alert when the packet cannot be made', async () => {
    const { user } = await openWorkspace(makeMeeting(), {
      files: [
        makeAttachment({
          originalName: 'resume.docx',
          fileName: `${'a'.repeat(64)}.docx`,
        }),
      ],
      prepare: (f) =>
        f.respond('export:printPacket', () => {
          throw new FakeFailure(
            'invalid-file',
            'Your resume is a Word file: attach a PDF to include it in the packet.',
          );
        }),
    });
    expect(screen.getByText(/Attach a PDF resume to include it/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Print packet…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The packet was not printed. Your resume is a Word file: attach a PDF to include it in the packet.',
    );
  });

  it('saves pending edits before building a document, so it includes them', async () => {
    const { fake, user } = await openWorkspace(makeMeeting(), {
      prepare: (f) => f.respond('export:prepSheet', () => ({ path: '/tmp/p.docx' })),
    });
    const research = screen.getByRole('region', { name: 'Research' });
    await user.type(within(research).getByLabelText('Company'), 'Northwind');
    await user.click(screen.getByRole('button', { name: 'Export prep sheet…' }));
    await screen.findByText('Saved to /tmp/p.docx.');
    const order = fake.calls
      .map((c) => c.channel)
      .filter((c) => c === 'meetings:update' || c === 'export:prepSheet');
    expect(order).toEqual(['meetings:update', 'export:prepSheet']);
  });
});
