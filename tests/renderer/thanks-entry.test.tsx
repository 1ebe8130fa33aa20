import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Meeting } from '../../shared/schema/entities.js';
import { makeMeeting, maya, serveMeeting } from './prep-fixtures.js';
import { renderApp } from './render-app.js';

async function openWorkspace(meeting: Meeting) {
  const rendered = await renderApp({
    state: { contacts: [maya] },
    prepare: (fake) => {
      serveMeeting(fake, meeting);
      fake.respond('templates:list', () => []);
      fake.respond('thanks:list', () => []);
      fake.respond('thanks:context', () => ({
        purpose: 'thank-you',
        recipient: maya,
        contact: maya,
        meeting,
        referrer: null,
        myName: 'Alex Kim',
        mySignature: '',
        myEmail: '',
        myAddress: '',
        dueAt: null,
      }));
    },
  });
  act(() => useUiStore.getState().navigate(`meetings/${meeting.id}`));
  await screen.findByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' });
  return rendered;
}

describe('writing a thank-you note from the prep workspace', () => {
  it('offers no thank-you note before the meeting is held', async () => {
    await openWorkspace(makeMeeting({ status: 'planned' }));
    expect(screen.queryByRole('button', { name: 'Write thank-you note' })).not.toBeInTheDocument();
  });

  it('opens the composer for this contact and meeting once the meeting is held', async () => {
    const { user, fake } = await openWorkspace(makeMeeting({ status: 'held' }));
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
});
