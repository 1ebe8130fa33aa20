import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OutreachComposer } from '../../renderer/features/outreach/OutreachComposer.js';
import { resetContactsStore, useContactsStore } from '../../renderer/stores/contacts-store.js';
import { resetStores, useSettingsStore } from '../../renderer/stores/index.js';
import { resetTodayStore } from '../../renderer/stores/today-store.js';
import { resetOutreachStore } from '../../renderer/stores/outreach-store.js';
import { resetAutosaves } from '../../renderer/components/use-autosave.js';
import type { Contact, Reminder } from '../../shared/schema/entities.js';
import { defaultSettings, emptyProfile } from '../../shared/schema/settings.js';
import { createFakeRapport, FakeFailure, type FakeRapport } from './fake-api.js';

const stamp = '2025-06-01T10:00:00.000Z';

function makeContact(patch: Partial<Contact> = {}): Contact {
  return {
    id: 'c-maya',
    firstName: 'Maya',
    lastName: 'Okafor',
    title: 'Policy Lead',
    company: 'Acme Energy',
    industry: 'clean energy policy',
    location: '',
    email: 'maya@example.com',
    phone: '',
    linkedinUrl: '',
    source: { kind: 'alumni', detail: 'Tufts Alumni Association' },
    referredById: null,
    employerId: null,
    tags: [],
    notes: '',
    stage: 'prospect',
    responsiveness: 'unknown',
    keepInTouch: { off: false, days: null },
    createdAt: stamp,
    updatedAt: stamp,
    ...patch,
  };
}

const followUp = (kind: Reminder['kind'], due: string): Reminder => ({
  id: `r-${kind}`,
  contactId: 'c-maya',
  kind,
  due,
  status: 'open',
  snoozedUntil: null,
  createdBy: 'a-1',
  title: kind,
});

const fixedNow = () => new Date('2025-06-02T09:15:00.000Z');

async function setup(
  contact = makeContact(),
  prepare?: (fake: FakeRapport) => void,
  replyTo?: { lastSubject: string },
) {
  const fake = createFakeRapport({ contacts: [contact] });
  fake.respond('activities:log', (input) => ({
    activity: { id: 'a-1', meetingId: null, ...input },
    contact: { ...contact, stage: 'contacted' },
    effects: {
      stageMoves:
        contact.stage === 'prospect'
          ? [{ contactId: contact.id, from: 'prospect', to: 'contacted', cause: 'outreach-sent' }]
          : [],
      reminders: {
        created: [
          followUp('follow-up-7', '2025-06-11T07:00:00.000Z'),
          followUp('follow-up-3', '2025-06-05T07:00:00.000Z'),
        ],
        completed: [],
        cancelled: [],
      },
    },
  }));
  prepare?.(fake);
  fake.install();
  useSettingsStore.setState({
    settings: { ...defaultSettings(), profile: { ...emptyProfile(), name: 'Alex Kim' } },
  });
  const onClose = vi.fn();
  const onSent = vi.fn();
  const user = userEvent.setup();
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
  const view = render(
    <OutreachComposer
      contact={contact}
      onClose={onClose}
      onSent={onSent}
      now={fixedNow}
      followUp={replyTo}
    />,
  );
  const dialog = screen.getByRole('dialog', {
    name: `Write ${replyTo ? 'a follow-up' : 'an outreach'} e-mail to Maya Okafor`,
  });
  // The saved draft (if any) is read first; the form waits so nothing overwrites it.
  await within(dialog).findByLabelText('To');
  return { fake, user, onClose, onSent, writeText, dialog, ...view };
}

const checkItem = (label: string) =>
  screen.getByText(label, { selector: '.check-label' }).closest('li')!;

beforeEach(() => {
  resetStores();
  resetTodayStore();
  resetContactsStore();
  resetOutreachStore();
  resetAutosaves();
});

describe('the outreach composer', () => {
  it('opens as a dialog named after the contact, with a starter that passes every check', async () => {
    const { dialog } = await setup();
    expect(within(dialog).getByLabelText('To')).toHaveValue('maya@example.com');
    await waitFor(() => expect(within(dialog).getByLabelText('To')).toHaveFocus());
    expect(within(dialog).getByLabelText('Subject')).toHaveValue(
      'Fellow Tufts Alumni Association alum',
    );
    const body = (within(dialog).getByLabelText('Message') as HTMLTextAreaElement).value;
    expect(body).toMatch(/^Hi Maya,\n\nI found you through the Tufts Alumni Association/);
    expect(body).toMatch(/\?\n\nBest,\nAlex Kim$/);
    expect(screen.getByText('All 5 checks pass.')).toHaveAttribute('aria-live', 'polite');
  });

  it.each([
    ['professional-org', 'AIGA', ''],
    ['former-colleague', 'Northwind', ''],
    ['family-friends', 'Aunt Ruth', ''],
    ['referral', '', 'Jordan Lee'],
  ] as const)(
    'writes a starter for a %s contact that passes every check',
    async (kind, detail, referrer) => {
      if (referrer) {
        useContactsStore.setState({
          contacts: [makeContact({ id: 'c-jordan', firstName: 'Jordan', lastName: 'Lee' })],
          loaded: true,
        });
      }
      await setup(
        makeContact({ source: { kind, detail }, referredById: referrer ? 'c-jordan' : null }),
      );
      expect(screen.getByText('All 5 checks pass.')).toBeInTheDocument();
    },
  );

  it('updates the checks as the user types', async () => {
    const { user, dialog } = await setup();
    const message = within(dialog).getByLabelText('Message');
    await user.clear(message);
    await user.type(message, 'I am looking for a job. I have a great resume.');
    expect(screen.getByText('1 of 5 checks pass.')).toBeInTheDocument();
    expect(checkItem('No mention of jobs')).toHaveTextContent('Mentions “job”, “resume”');
    expect(checkItem('Ends with a question')).toHaveTextContent('Fix:');
    expect(checkItem('Under 100 words')).toHaveTextContent('Passes:');
    expect(checkItem('More about them than you')).toHaveTextContent('0 “you” words, 2 “I” words');
    await user.clear(message);
    await user.type(message, 'As a fellow Tufts alum, could you tell me about your work?');
    expect(checkItem('Ends with a question')).toHaveTextContent('Passes:');
    expect(checkItem('Connection comes first')).toHaveTextContent('Passes:');
    expect(screen.getByText('All 5 checks pass.')).toBeInTheDocument();
  });

  it('writes the day-7 follow-up as a reply to the first e-mail, logged as follow-up-sent', async () => {
    const { user, dialog, fake } = await setup(undefined, undefined, {
      lastSubject: 'Fellow Tufts Alumni Association alum',
    });
    expect(within(dialog).getByLabelText('Subject')).toHaveValue(
      'Re: Fellow Tufts Alumni Association alum',
    );
    expect((within(dialog).getByLabelText('Message') as HTMLTextAreaElement).value).toMatch(
      /^Hi Maya,\n\nFollowing up on my note from last week/,
    );
    // The first e-mail made the connection; the follow-up is not asked to again.
    expect(screen.queryByText('Connection comes first', { selector: '.check-label' })).toBeNull();
    expect(checkItem('No mention of jobs')).toHaveTextContent('Passes:');
    expect(screen.getByText('All 4 checks pass.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    await user.click(within(dialog).getByRole('button', { name: 'Log as sent' }));
    expect(fake.callsTo('activities:log')).toEqual([
      {
        contactId: 'c-maya',
        kind: 'follow-up-sent',
        at: '2025-06-02T09:15:00.000Z',
        summary: 'Re: Fellow Tufts Alumni Association alum',
      },
    ]);
    await waitFor(() =>
      expect(fake.callsTo('outreach:discardDraft')).toEqual([{ contactId: 'c-maya' }]),
    );
  });

  it('copies the message, then logs it as sent with outreach-sent, now and the subject', async () => {
    const { user, dialog, writeText, fake, onSent } = await setup();
    expect(within(dialog).queryByRole('button', { name: 'Log as sent' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    expect(writeText).toHaveBeenCalledWith(
      (within(dialog).getByLabelText('Message') as HTMLTextAreaElement).value,
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent('copied to your clipboard');
    await user.click(within(dialog).getByRole('button', { name: 'Log as sent' }));
    expect(fake.callsTo('activities:log')).toEqual([
      {
        contactId: 'c-maya',
        kind: 'outreach-sent',
        at: '2025-06-02T09:15:00.000Z',
        summary: 'Fellow Tufts Alumni Association alum',
      },
    ]);
    const day = (iso: string) =>
      new Intl.DateTimeFormat(undefined, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      }).format(new Date(iso));
    expect(await within(dialog).findByText(/Logged as sent/)).toHaveTextContent(
      `Logged as sent. Maya moved from Prospect to Contacted. Follow-ups: ${day('2025-06-05T07:00:00.000Z')} (day 3) and ${day('2025-06-11T07:00:00.000Z')} (day 7).`,
    );
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('opens the mail app with a correctly encoded mailto link', async () => {
    const { user, dialog, fake } = await setup();
    const subject = within(dialog).getByLabelText('Subject');
    await user.clear(subject);
    await user.type(subject, 'Q&A? 100% #curious');
    const message = within(dialog).getByLabelText('Message');
    await user.clear(message);
    await user.type(message, 'Fellow alum here.{Enter}Could you spare 20 minutes?');
    await user.click(within(dialog).getByRole('button', { name: 'Open in mail app' }));
    expect(fake.callsTo('app:openExternal')).toEqual([
      {
        url: 'mailto:maya@example.com?subject=Q%26A%3F%20100%25%20%23curious&body=Fellow%20alum%20here.%0D%0ACould%20you%20spare%2020%20minutes%3F',
      },
    ]);
    expect(within(dialog).getByRole('button', { name: 'Log as sent' })).toBeInTheDocument();
  });

  it('copies the full text and says so when the e-mail is too long for a mailto link', async () => {
    const { user, dialog, fake, writeText } = await setup();
    const message = within(dialog).getByLabelText('Message') as HTMLTextAreaElement;
    await user.clear(message);
    await user.click(message);
    await user.paste('Fellow alum. '.repeat(250));
    await user.click(within(dialog).getByRole('button', { name: 'Open in mail app' }));
    expect(writeText).toHaveBeenCalledWith(message.value);
    const [call] = fake.callsTo('app:openExternal') as { url: string }[];
    expect(call!.url.length).toBeLessThanOrEqual(2000);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'The e-mail was too long for the mail app; the full text was copied to your clipboard.',
    );
  });

  it.each([
    ['no e-mail address', '', 'Add Maya’s e-mail address to open the message in your mail app.'],
    ['an invalid address', 'maya@', 'Enter a valid e-mail address, like name@example.com'],
  ])('disables "Open in mail app" with a reason when there is %s', async (_, email, reason) => {
    const { dialog } = await setup(makeContact({ email }));
    const open = within(dialog).getByRole('button', { name: 'Open in mail app' });
    expect(open).toBeDisabled();
    expect(open).toHaveAccessibleDescription(expect.stringContaining(reason));
    expect(within(dialog).getByRole('button', { name: 'Copy to clipboard' })).toBeEnabled();
  });

  it('keeps the draft and says so when logging fails', async () => {
    const { user, dialog, onSent } = await setup(undefined, (fake) =>
      fake.respond('activities:log', () => {
        throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    await user.click(within(dialog).getByRole('button', { name: 'Log as sent' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The e-mail was not logged. Rapport opened your data read-only.',
    );
    expect(onSent).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Log as sent' })).toBeEnabled();
  });

  it.each([
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    [
      'Cancel',
      async (user: ReturnType<typeof userEvent.setup>) =>
        user.click(screen.getByRole('button', { name: 'Close' })),
    ],
  ])('closes on %s without logging anything', async (_, act) => {
    const { user, onClose, fake } = await setup();
    await act(user);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('activities:log')).toEqual([]);
  });
});

describe('the outreach draft', () => {
  const message = (dialog: HTMLElement) =>
    within(dialog).getByLabelText('Message') as HTMLTextAreaElement;

  it('is saved 600 ms after the user stops typing, once, with the subject and message', async () => {
    const { user, dialog, fake } = await setup();
    await user.type(message(dialog), ' Thanks!');
    expect(fake.callsTo('outreach:saveDraft')).toEqual([]);
    await waitFor(() => expect(fake.callsTo('outreach:saveDraft')).toHaveLength(1));
    expect(fake.callsTo('outreach:saveDraft')[0]).toEqual({
      contactId: 'c-maya',
      subject: 'Fellow Tufts Alumni Association alum',
      body: message(dialog).value,
    });
    expect(await within(dialog).findByText('All changes saved')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Discard draft' })).toBeInTheDocument();
  });

  it('comes back when the composer is opened again, and says from when', async () => {
    const { dialog } = await setup(undefined, (fake) => {
      fake.state.outreach = [
        {
          id: 'd1',
          contactId: 'c-maya',
          subject: 'My own subject',
          body: 'Hi Maya, my own words?',
          updatedAt: '2025-06-01T14:30:00.000Z',
        },
      ];
    });
    expect(within(dialog).getByLabelText('Subject')).toHaveValue('My own subject');
    expect(message(dialog)).toHaveValue('Hi Maya, my own words?');
    const when = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date('2025-06-01T14:30:00.000Z'));
    expect(within(dialog).getByRole('status')).toHaveTextContent(`Draft from ${when} restored.`);
    // The first field takes the focus once the restored draft is drawn (a moment later under load).
    await waitFor(() => expect(within(dialog).getByLabelText('To')).toHaveFocus());
  });

  it.each([
    ['Escape', (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    [
      'Close',
      (user: ReturnType<typeof userEvent.setup>) =>
        user.click(screen.getByRole('button', { name: 'Close' })),
    ],
  ])('is saved at once when the user closes with %s before the pause is over', async (_, act) => {
    const { user, dialog, fake, onClose } = await setup();
    let savedWhenClosed = -1;
    onClose.mockImplementation(() => {
      savedWhenClosed = fake.callsTo('outreach:saveDraft').length;
    });
    await user.type(message(dialog), ' More.');
    await act(user);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(savedWhenClosed).toBe(1);
    expect(fake.state.outreach[0]?.body).toMatch(/More\.$/);
  });

  it('asks before closing when the text cannot be saved, and keeps it when the user keeps editing', async () => {
    const { user, dialog, onClose } = await setup(undefined, (fake) =>
      fake.respond('outreach:saveDraft', () => {
        throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
      }),
    );
    await user.type(message(dialog), ' Unsaved words.');
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('dialog', { name: 'Your latest changes are not saved' });
    expect(ask).toHaveTextContent('Rapport opened your data read-only.');
    expect(within(ask).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(message(dialog).value).toMatch(/Unsaved words\.$/);
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Your latest changes were not saved. Rapport opened your data read-only.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const again = await screen.findByRole('dialog', { name: 'Your latest changes are not saved' });
    await user.click(within(again).getByRole('button', { name: 'Discard changes' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps text whose save failed after the composer closed, and brings it back next time', async () => {
    let fail = true;
    const { user, dialog, fake, unmount } = await setup(undefined, (f) =>
      f.respond('outreach:saveDraft', ({ contactId, subject, body }) => {
        if (fail) throw new FakeFailure('internal', 'The disk is full.');
        return { id: 'd1', contactId, subject, body, updatedAt: '2025-06-02T09:00:00.000Z' };
      }),
    );
    await user.type(message(dialog), ' Kept.');
    unmount();
    await waitFor(() => expect(fake.callsTo('outreach:saveDraft')).toHaveLength(1));
    fail = false;
    render(<OutreachComposer contact={makeContact()} onClose={vi.fn()} onSent={vi.fn()} />);
    const reopened = screen.getByRole('dialog');
    await within(reopened).findByLabelText('To');
    expect(message(reopened).value).toMatch(/Kept\.$/);
    expect(within(reopened).getByRole('status')).toHaveTextContent(
      'Your last changes to this e-mail were not saved when you closed it; they are shown again and saved now.',
    );
    await waitFor(() => expect(fake.callsTo('outreach:saveDraft')).toHaveLength(2));
  });

  it('is discarded after a confirm, and the composer closes', async () => {
    const { user, dialog, fake, onClose } = await setup(undefined, (f) => {
      f.state.outreach = [
        {
          id: 'd1',
          contactId: 'c-maya',
          subject: 'Old',
          body: 'Old words?',
          updatedAt: '2025-06-01T14:30:00.000Z',
        },
      ];
    });
    await user.click(within(dialog).getByRole('button', { name: 'Discard draft' }));
    const confirm = screen.getByRole('dialog', { name: 'Discard this draft?' });
    await user.click(within(confirm).getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('outreach:discardDraft')).toEqual([{ contactId: 'c-maya' }]);
    expect(fake.state.outreach).toEqual([]);
  });

  it('is gone once the e-mail is logged as sent, and is not saved again afterwards', async () => {
    const { user, dialog, fake } = await setup(undefined, (f) =>
      // The table's own answer (which drops the draft as main does), not the canned one above.
      f.respond('activities:log', (input) => {
        f.state.outreach = f.state.outreach.filter((d) => d.contactId !== input.contactId);
        return {
          activity: { id: 'a-1', meetingId: null, ...input },
          contact: makeContact({ stage: 'contacted' }),
          effects: {
            stageMoves: [],
            reminders: { created: [], completed: [], cancelled: [] },
          },
        };
      }),
    );
    await user.type(message(dialog), ' Sent now.');
    await user.click(within(dialog).getByRole('button', { name: 'Copy to clipboard' }));
    await user.click(within(dialog).getByRole('button', { name: 'Log as sent' }));
    expect(await within(dialog).findByText(/Logged as sent/)).toBeInTheDocument();
    // The pending text was saved before logging, then main removed the draft with the log.
    expect(fake.callsTo('outreach:saveDraft')).toHaveLength(1);
    expect(fake.state.outreach).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(fake.callsTo('outreach:saveDraft')).toHaveLength(1);
    expect(within(dialog).queryByRole('button', { name: 'Discard draft' })).not.toBeInTheDocument();
  });
});
