import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetAutosaves } from '../../renderer/components/use-autosave.js';
import { resetOutreachStore } from '../../renderer/stores/outreach-store.js';
import { useThanksStore } from '../../renderer/stores/thanks-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Activity, Contact, Meeting, ThankYouNote } from '../../shared/schema/entities.js';
import type { MergeContext } from '../../shared/schema/thanks.js';
import { makeContact, type FakeRapport } from './fake-api.js';
import { makeMeeting, maya, serveMeeting } from './prep-fixtures.js';
import { renderApp } from './render-app.js';

afterEach(() => {
  resetAutosaves();
  resetOutreachStore();
});

const ana = makeContact({ id: 'ana', firstName: 'Ana', lastName: 'Lind', stage: 'thanked' });
const mayaReferred: Contact = { ...maya, referredById: 'ana', stage: 'met' };

const note = (patch: Partial<ThankYouNote> = {}): ThankYouNote => ({
  id: 'note-1',
  purpose: 'thank-you',
  contactId: 'maya',
  aboutContactId: null,
  meetingId: 'm1',
  templateId: null,
  subject: 'Thank you',
  body: 'Dear Maya, thank you.',
  createdAt: '2025-06-10T20:00:00.000Z',
  sentAt: null,
  exportedFile: '',
  ...patch,
});

/** What main's `thanks:context` gives: the recipient, the person met and their meeting. */
function serveContext(fake: FakeRapport, meeting: Meeting) {
  fake.respond('templates:list', () => []);
  fake.respond('thanks:context', ({ purpose, contactId, aboutContactId }): MergeContext => {
    const recipient = fake.state.contacts.find((c) => c.id === contactId)!;
    const contact =
      purpose === 'referrer-thanks'
        ? fake.state.contacts.find((c) => c.id === aboutContactId)!
        : recipient;
    return {
      purpose,
      recipient,
      contact,
      meeting,
      referrer: purpose === 'referrer-thanks' ? recipient : null,
      myName: 'Alex Kim',
      mySignature: '',
      myEmail: '',
      myAddress: '',
      dueAt: null,
    };
  });
}

async function openWorkspace(
  meeting: Meeting,
  options: { contact?: Contact; notes?: ThankYouNote[] } = {},
) {
  const contact = options.contact ?? maya;
  const rendered = await renderApp({
    state: { contacts: [contact, ana], notes: options.notes ?? [] },
    prepare: (fake) => {
      serveMeeting(fake, meeting);
      fake.respond('meetings:get', () => ({
        meeting,
        contact,
        attachments: [],
        tasks: [],
        employer: null,
      }));
      serveContext(fake, meeting);
    },
  });
  act(() => useUiStore.getState().navigate(`meetings/${meeting.id}`));
  await screen.findByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' });
  return rendered;
}

describe('writing notes from the prep workspace', () => {
  it('offers no thank-you note before the meeting is held', async () => {
    await openWorkspace(makeMeeting({ status: 'planned' }));
    expect(screen.queryByRole('button', { name: 'Write thank-you note' })).not.toBeInTheDocument();
  });

  it('opens the composer for this contact and meeting once the meeting is held', async () => {
    const { user, fake } = await openWorkspace(makeMeeting({ status: 'held' }));
    expect(screen.queryByRole('button', { name: /for the introduction/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Write report-back' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write thank-you note' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Thank-you notes' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Thank-you note to Maya Okafor' }),
    ).toBeInTheDocument();
    expect(fake.callsTo('thanks:context')).toEqual([
      { purpose: 'thank-you', contactId: 'maya', aboutContactId: null, meetingId: 'm1' },
    ]);
    expect(screen.getByRole('link', { name: 'Thank-you notes' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('offers to thank the referrer, and writes that note to the referrer', async () => {
    const { user, fake } = await openWorkspace(makeMeeting({ status: 'held' }), {
      contact: mayaReferred,
    });
    await user.click(await screen.findByRole('button', { name: 'Thank Ana for the introduction' }));
    expect(
      await screen.findByRole('heading', {
        name: 'Thank-you note to Ana Lind for introducing Maya Okafor',
      }),
    ).toBeInTheDocument();
    expect(fake.callsTo('thanks:context')).toEqual([
      { purpose: 'referrer-thanks', contactId: 'ana', aboutContactId: 'maya', meetingId: 'm1' },
    ]);
  });

  it('offers a report-back once the thank-you for this meeting was sent', async () => {
    const { user } = await openWorkspace(makeMeeting({ status: 'held' }), {
      notes: [note({ sentAt: '2025-06-11T10:00:00.000Z' })],
    });
    await user.click(await screen.findByRole('button', { name: 'Write report-back' }));
    expect(
      await screen.findByRole('heading', { name: 'Report-back to Maya Okafor' }),
    ).toBeInTheDocument();
  });

  it('opens the draft already written for this meeting instead of starting a second note', async () => {
    const { user, fake } = await openWorkspace(makeMeeting({ status: 'held' }), {
      notes: [note({ id: 'draft-1', body: 'Half a note' })],
    });
    await user.click(screen.getByRole('button', { name: 'Write thank-you note' }));
    expect(await screen.findByRole('textbox', { name: 'Note' })).toHaveValue('Half a note');
    expect(screen.getByRole('button', { name: 'Discard draft' })).toBeInTheDocument();
    expect(fake.callsTo('thanks:save')).toEqual([]);
  });
});

describe('writing notes from the contact page', () => {
  const thankYouSent: Activity = {
    id: 'a1',
    contactId: 'maya',
    kind: 'thank-you-sent',
    at: '2025-06-11T10:00:00.000Z',
    summary: 'Sent Maya Okafor a thank-you note',
    meetingId: 'm1',
  };

  async function openContact(state: { activities?: Activity[] } = {}) {
    const meeting = makeMeeting({ status: 'held' });
    const rendered = await renderApp({
      state: {
        contacts: [mayaReferred, ana],
        meetings: [meeting],
        activities: state.activities ?? [],
      },
      prepare: (fake) => serveContext(fake, meeting),
    });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' });
    return rendered;
  }

  it('offers the thank-you, the referrer thank-you and, after a thank-you, the report-back', async () => {
    const { user } = await openContact({ activities: [thankYouSent] });
    expect(screen.getByRole('button', { name: 'Write thank-you note' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Thank Ana for the introduction' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write report-back' }));
    expect(useThanksStore.getState().target).toEqual({
      purpose: 'report-back',
      contactId: 'maya',
      meetingId: 'm1',
    });
    expect(
      await screen.findByRole('heading', { name: 'Report-back to Maya Okafor' }),
    ).toBeInTheDocument();
  });

  it('offers no report-back before a thank-you was sent', async () => {
    await openContact();
    expect(screen.queryByRole('button', { name: 'Write report-back' })).not.toBeInTheDocument();
  });

  it('says an outreach e-mail is half written and continues it with its text', async () => {
    const meeting = makeMeeting({ status: 'held' });
    const { user, fake } = await renderApp({
      state: {
        contacts: [mayaReferred, ana],
        meetings: [meeting],
        outreach: [
          {
            id: 'd1',
            contactId: 'maya',
            subject: 'A question',
            body: 'Hi Maya, my half-written e-mail',
            updatedAt: '2025-06-01T14:30:00.000Z',
          },
        ],
      },
    });
    act(() => useUiStore.getState().navigate('contacts/maya'));
    const button = await screen.findByRole('button', { name: 'Continue writing' });
    expect(screen.getByText('An outreach e-mail to Maya is not sent yet.')).toBeInTheDocument();
    await user.click(button);
    const dialog = await screen.findByRole('dialog', {
      name: 'Write an outreach e-mail to Maya Okafor',
    });
    expect(await within(dialog).findByLabelText('Message')).toHaveValue(
      'Hi Maya, my half-written e-mail',
    );
    // Discarding it removes the notice; focus does not fall to the page body.
    await user.click(within(dialog).getByRole('button', { name: 'Discard draft' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Discard this draft?' })).getByRole('button', {
        name: 'Discard draft',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Continue writing' })).not.toBeInTheDocument(),
    );
    expect(fake.state.outreach).toEqual([]);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Write outreach e-mail' })).toHaveFocus(),
    );
  });
});
