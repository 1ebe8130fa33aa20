import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { impactText } from '../../renderer/format.js';
import { resetPipelineView } from '../../renderer/features/pipeline/PipelinePage.js';
import { resetContactDetailStore } from '../../renderer/stores/contact-detail-store.js';
import { resetContactsStore } from '../../renderer/stores/contacts-store.js';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Activity, Meeting } from '../../shared/schema/entities.js';
import { FakeFailure, makeContact, type FakeState } from './fake-api.js';
import { renderApp } from './render-app.js';

const maya = makeContact({
  id: 'maya',
  firstName: 'Maya',
  lastName: 'Okafor',
  title: 'Design lead',
  company: 'Northwind',
  email: 'maya@northwind.example',
  source: { kind: 'alumni', detail: 'State U' },
});
const referrer = makeContact({
  id: 'ref',
  firstName: 'Ravi',
  lastName: 'Shah',
  company: 'Contoso',
});
const referred = makeContact({
  id: 'kid',
  firstName: 'Kim',
  lastName: 'Lee',
  referredById: 'maya',
});
const mayaWithReferrer = { ...maya, referredById: 'ref' };

const activity = (id: string, at: string, kind: Activity['kind'], summary: string): Activity => ({
  id,
  contactId: 'maya',
  kind,
  at,
  summary,
  meetingId: null,
});

const meeting = (id: string): Meeting => ({
  id,
  contactId: 'maya',
  start: '2025-06-10T14:00:00.000Z',
  minutes: 30,
  mode: 'in-person',
  place: 'Café Nero',
  link: '',
  status: 'planned',
  research: { industry: '', company: '', position: '', person: '' },
  questions: [],
  notes: [],
  checklist: {
    resumeCopies: 2,
    portfolio: false,
    businessCards: true,
    outfit: false,
    researchDone: false,
  },
  travelMinutes: 20,
  takeaways: '',
  advice: '',
  namesSuggested: '',
  promises: '',
  attachmentIds: [],
  createdAt: '2025-06-01T10:00:00.000Z',
  updatedAt: '2025-06-01T10:00:00.000Z',
});

async function openMaya(state: Partial<FakeState> = {}) {
  resetContactsStore();
  resetContactDetailStore();
  resetPipelineView();
  const rendered = await renderApp({
    state: { contacts: [mayaWithReferrer, referrer, referred], ...state },
  });
  act(() => useUiStore.getState().navigate('contacts/maya'));
  await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' });
  return rendered;
}

describe('Contact page', () => {
  it('shows details, referral links both ways, an empty meetings list and the timeline newest first', async () => {
    const { user } = await openMaya({
      activities: [
        activity('a1', '2025-05-01T09:00:00.000Z', 'outreach-sent', 'First e-mail'),
        activity('a2', '2025-05-03T09:00:00.000Z', 'reply-received', 'Happy to talk'),
      ],
    });
    expect(screen.getByText('Design lead · Northwind')).toBeVisible();
    expect(screen.getByText('Alumni association (State U)')).toBeVisible();
    expect(screen.getByLabelText('Stage')).toHaveValue('prospect');
    expect(screen.getByText(/No meetings with Maya yet/)).toBeVisible();
    const entries = within(
      screen.getByRole('list', { name: 'Timeline entries, newest first' }),
    ).getAllByRole('listitem');
    expect(entries.map((e) => e.textContent)).toEqual([
      expect.stringContaining('Reply received'),
      expect.stringContaining('Outreach sent'),
    ]);
    expect(screen.getByText(/^Referred by/)).toHaveTextContent('Referred by Ravi Shah');
    expect(
      screen.getByText((_, el) => el?.tagName === 'P' && el.textContent === 'Referred Kim Lee'),
    ).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Kim Lee' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kim Lee' })).toBeVisible();
    expect(screen.getByText(/^Referred by/)).toHaveTextContent('Referred by Maya Okafor');
  });

  it('lists meetings when there are some', async () => {
    await openMaya({ meetings: [meeting('m1')] });
    expect(screen.getByText(/30 min · Café Nero/)).toBeVisible();
  });

  it('logs an outreach e-mail and says when the follow-up reminders are due', async () => {
    const { user, fake } = await openMaya();
    expect(screen.getByLabelText('Activity')).toHaveValue('outreach-sent');
    const when = screen.getByLabelText('When');
    expect(when).not.toHaveValue('');
    // Thursday 3 Dec 2026, noon local: day 3 is Tue 8 Dec, day 7 is Mon 14 Dec.
    await user.clear(when);
    await user.type(when, '2026-12-03T12:00');
    await user.type(screen.getByLabelText('Summary'), 'Asked for 20 minutes');
    await user.click(screen.getByRole('button', { name: 'Log activity' }));
    expect(await screen.findByText(/Follow-up reminders set for/)).toHaveTextContent(
      'Outreach sent logged. Maya Okafor moved from Prospect to Contacted. Follow-up reminders set for Tue, Dec 8 and Mon, Dec 14.',
    );
    expect(fake.callsTo('activities:log')).toEqual([
      {
        contactId: 'maya',
        kind: 'outreach-sent',
        at: new Date('2026-12-03T12:00').toISOString(),
        summary: 'Asked for 20 minutes',
      },
    ]);
    // The page reloads: the entry is on the timeline and the reminders are listed.
    await waitFor(() => expect(screen.getByText('Asked for 20 minutes')).toBeVisible());
    expect(
      screen.getByText('No reply from Maya yet: contact the next person at Northwind'),
    ).toBeVisible();
    expect(screen.getByText('Send Maya one follow-up')).toBeVisible();
  });

  it('asks for a date when "When" is empty, and keeps what was typed', async () => {
    const { user, fake } = await openMaya();
    await user.type(screen.getByLabelText('Summary'), 'Left a voicemail');
    await user.selectOptions(screen.getByLabelText('Activity'), 'Call');
    await user.clear(screen.getByLabelText('When'));
    await user.click(screen.getByRole('button', { name: 'Log activity' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter the date and time it happened.',
    );
    expect(screen.getByLabelText('Summary')).toHaveValue('Left a voicemail');
    expect(fake.callsTo('activities:log')).toEqual([]);
  });

  it('says so when main cannot log the activity, and keeps what was typed', async () => {
    const { user, fake } = await openMaya();
    fake.respond('activities:log', () => {
      throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
    });
    await user.type(screen.getByLabelText('Summary'), 'Sent the first e-mail');
    await user.click(screen.getByRole('button', { name: 'Log activity' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The activity was not logged. Rapport opened your data read-only.',
    );
    expect(screen.getByLabelText('Summary')).toHaveValue('Sent the first e-mail');
  });

  it('changes the stage from the page and shows the logged stage change', async () => {
    const { user, fake } = await openMaya();
    await user.selectOptions(screen.getByLabelText('Stage'), 'Scheduled');
    await waitFor(() =>
      expect(fake.callsTo('contacts:setStage')).toEqual([{ id: 'maya', stage: 'scheduled' }]),
    );
    expect(await screen.findByText('Stage change')).toBeVisible();
    expect(screen.getByLabelText('Stage')).toHaveValue('scheduled');
  });

  it('deletes at once, says what went with the contact, and undoes it from the toast', async () => {
    const { user, fake } = await openMaya({
      meetings: [meeting('m1'), meeting('m2')],
      activities: [activity('a1', '2025-05-01T09:00:00.000Z', 'note', 'x')],
    });
    await user.click(screen.getByRole('button', { name: 'Delete contact' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('contacts:delete')).toEqual([{ id: 'maya' }]);
    expect(
      await screen.findByText(
        'Deleted Maya Okafor. Their 2 meetings and 1 timeline entry are deleted too. 1 contact they referred keeps their details.',
      ),
    ).toBeInTheDocument(); // (jsdom: the toast fades in, so not "visible")
    expect(screen.queryByRole('button', { name: /^Maya Okafor/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: Maya Okafor is back.')).toBeInTheDocument();
    // The toast that offered Undo goes (after its exit animation).
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(fake.callsTo('contacts:undoDelete')).toHaveLength(1);
    expect(await screen.findByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    expect(fake.state.meetings).toHaveLength(2);
    // The button that had the focus went with the toast: the page's heading has it.
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 1, name: 'Pipeline' }),
    );
  });

  it('offers the day-7 follow-up first while it is due, as a reply to the first e-mail', async () => {
    const { user } = await openMaya({
      activities: [activity('a1', '2025-05-20T09:00:00.000Z', 'outreach-sent', 'Fellow alum')],
      reminders: [
        {
          id: 'r7',
          contactId: 'maya',
          kind: 'follow-up-7',
          due: '2025-05-29T13:00:00.000Z',
          status: 'open',
          snoozedUntil: null,
          createdBy: 'a1',
          title: 'Follow up with Maya',
        },
      ],
    });
    const write = await screen.findByRole('button', { name: 'Write follow-up e-mail' });
    expect(write).toHaveClass('button-primary');
    await user.click(write);
    const dialog = await screen.findByRole('dialog', {
      name: 'Write a follow-up e-mail to Maya Okafor',
    });
    expect(await within(dialog).findByLabelText('Subject')).toHaveValue('Re: Fellow alum');
  });

  it('has no follow-up button when no day-7 reminder is due', async () => {
    await openMaya();
    expect(screen.queryByRole('button', { name: 'Write follow-up e-mail' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Write outreach e-mail' })).toBeVisible();
  });

  it('keeps the contact and explains when deleting fails', async () => {
    const { user, fake } = await openMaya();
    fake.respond('contacts:delete', () => {
      throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
    });
    await user.click(screen.getByRole('button', { name: 'Delete contact' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Maya Okafor was not deleted. Rapport opened your data read-only.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    expect(fake.state.contacts.map((c) => c.id)).toContain('maya');
  });

  it.each([
    [
      { meetings: 0, activities: 0, reminders: 0, notes: 0, referrals: 0 },
      'Maya has no meetings, timeline entries, reminders or notes.',
    ],
    [
      { meetings: 1, activities: 0, reminders: 0, notes: 0, referrals: 0 },
      'Their 1 meeting is deleted too.',
    ],
    [
      { meetings: 0, activities: 14, reminders: 2, notes: 1, referrals: 3 },
      'Their 14 timeline entries, 2 reminders and 1 note are deleted too. 3 contacts they referred keep their details.',
    ],
  ])('words the deletion impact %j as %j', (impact, text) => {
    expect(impactText('Maya', impact)).toBe(text);
  });
});
