import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ThanksPage } from '../../renderer/features/thanks/ThanksPage.js';
import { resetStores } from '../../renderer/stores/index.js';
import { useThanksStore } from '../../renderer/stores/thanks-store.js';
import type { Template, ThankYouNote } from '../../shared/schema/entities.js';
import type { MergeContext, ThankYouSummary } from '../../shared/schema/thanks.js';
import { createFakeRapport, type FakeRapport } from './fake-api.js';
import { makeMeeting, maya } from './prep-fixtures.js';

beforeAll(() => {
  vi.stubEnv('TZ', 'America/New_York');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const template: Template = {
  id: 'builtin-thank-you',
  name: 'Thank you after an informational interview',
  purpose: 'thank-you',
  subject: 'Thank you, {{firstName}}',
  body: 'Dear {{firstName}},\n\nThank you for meeting on {{meetingDate}}. I learned that {{takeaway}}.\n\n{{mySignature}}',
  builtIn: true,
};
const outreach: Template = { ...template, id: 'outreach', name: 'Outreach', purpose: 'outreach' };

const held = makeMeeting({
  status: 'held',
  start: '2025-06-10T14:00:00.000Z',
  takeaways: '\n- Design reviews happen every Tuesday\n- Hiring opens in autumn',
});
const mayaMet = { ...maya, email: 'maya@example.org', stage: 'met' as const };

const context = (patch: Partial<MergeContext> = {}): MergeContext => ({
  purpose: 'thank-you',
  recipient: mayaMet,
  contact: mayaMet,
  meeting: held,
  referrer: null,
  myName: 'Alex Kim',
  mySignature: 'Warm regards,\nAlex Kim',
  myEmail: 'alex@example.org',
  myAddress: '',
  dueAt: '2025-06-11T14:30:00.000Z',
  ...patch,
});

const note = (patch: Partial<ThankYouNote> = {}): ThankYouNote => ({
  id: 'note-1',
  purpose: 'thank-you',
  contactId: 'maya',
  aboutContactId: null,
  meetingId: 'm1',
  templateId: template.id,
  subject: 'Thanks again',
  body: 'Dear Maya, the saved text.',
  createdAt: '2025-06-10T20:00:00.000Z',
  sentAt: null,
  exportedFile: '',
  ...patch,
});

/** 5 hours before the note is due. */
const fiveHoursLeft = () => new Date('2025-06-11T09:30:00.000Z');

function setup(
  options: {
    ctx?: MergeContext;
    history?: ThankYouSummary[];
    now?: () => Date;
    compose?: boolean;
    prepare?: (fake: FakeRapport) => void;
  } = {},
) {
  resetStores();
  const fake = createFakeRapport({ contacts: [mayaMet] });
  const saved: ThankYouNote[] = [];
  fake.respond('templates:list', () => [outreach, template]);
  fake.respond('thanks:context', () => options.ctx ?? context());
  fake.respond('thanks:list', () => options.history ?? []);
  fake.respond('thanks:get', ({ id }) => note({ id }));
  fake.respond('thanks:save', (input) => {
    const row = note({ ...input, id: input.id ?? 'note-new' });
    saved.push(row);
    return row;
  });
  fake.respond('thanks:exportDocx', () => ({
    path: '/home/alex/Documents/Thank you - Maya Okafor - 2025-06-10.docx',
  }));
  fake.respond('thanks:markSent', ({ id }) => ({
    note: note({ id, sentAt: '2025-06-11T10:00:00.000Z' }),
    contact: { ...mayaMet, stage: 'thanked' },
    effects: {
      stageMoves: [{ contactId: 'maya', from: 'met', to: 'thanked', cause: 'thank-you-sent' }],
      reminders: {
        created: [
          {
            id: 'r2',
            contactId: 'maya',
            kind: 'report-back',
            due: '2025-06-25T13:00:00.000Z',
            status: 'open',
            snoozedUntil: null,
            createdBy: id,
            title: 'Report back to Maya',
          },
        ],
        completed: [],
        cancelled: [],
      },
    },
  }));
  options.prepare?.(fake);
  fake.install();
  if (options.compose !== false) {
    useThanksStore.getState().compose({ contactId: 'maya', meetingId: 'm1' });
  }
  const user = userEvent.setup();
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  render(<ThanksPage now={options.now ?? fiveHoursLeft} />);
  return { fake, user, writeText, saved };
}

const noteField = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
const exportButton = () => screen.getByRole('button', { name: 'Export as Word document…' });

describe('the thank-you composer', () => {
  it('pre-fills subject and note from the thank-you template and the meeting context', async () => {
    setup();
    expect(
      await screen.findByRole('heading', { name: 'Thank-you note to Maya Okafor' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: /^Template/ })).toHaveValue(template.id);
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Thank you, Maya');
    expect(noteField().value).toBe(
      'Dear Maya,\n\nThank you for meeting on June 10, 2025. I learned that Design reviews happen every Tuesday.\n\nWarm regards,\nAlex Kim',
    );
    // Outreach templates belong to the outreach composer.
    expect(screen.queryByRole('option', { name: 'Outreach' })).not.toBeInTheDocument();
    expect(screen.queryByText('Fill in before exporting:')).not.toBeInTheDocument();
    expect(exportButton()).toBeEnabled();
  });

  it('shows an empty field inline and blocks every export until the user fills it in', async () => {
    const { user } = setup({ ctx: context({ meeting: { ...held, takeaways: '  \n' } }) });
    await screen.findByText('Fill in before exporting:');
    const list = screen.getByRole('list', { name: 'Fill in before exporting' });
    expect(list).toHaveTextContent('A takeaway ({{takeaway}} is empty)');
    for (const name of [
      'Export as Word document…',
      'Copy as e-mail text',
      'Open in mail app',
      'Mark as sent',
    ]) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeEnabled();

    const body = noteField();
    const fixed = body.value.replace('{{takeaway}}', 'mentoring matters');
    await user.clear(body);
    await user.type(
      body,
      fixed.replace(/[{[]/g, (c) => c + c),
    );
    expect(noteField().value).toBe(fixed);
    expect(screen.queryByText('Fill in before exporting:')).not.toBeInTheDocument();
    expect(exportButton()).toBeEnabled();
  });

  it('names a token that is not a merge field instead of printing its braces', async () => {
    const { user } = setup();
    const body = await screen.findByRole('textbox', { name: 'Note' });
    await user.type(body, ' {{{{favouriteColour}}');
    expect(screen.getByRole('list', { name: 'Fill in before exporting' })).toHaveTextContent(
      '{{favouriteColour}} is not a field Rapport knows',
    );
    expect(exportButton()).toBeDisabled();
  });

  it('inserts the chosen merge field at the cursor', async () => {
    const { user } = setup();
    const body = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    body.setSelectionRange(5, 5);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Merge field' }), 'company');
    body.setSelectionRange(5, 5);
    await user.click(screen.getByRole('button', { name: 'Insert field' }));
    expect(noteField().value.startsWith('Dear {{company}}Maya,')).toBe(true);
    expect(screen.getByRole('list', { name: 'Fill in before exporting' })).toHaveTextContent(
      'Company ({{company}} is empty)',
    );
  });

  it.each([
    {
      label: 'five hours before the deadline',
      now: fiveHoursLeft,
      text: 'Due in 5 hours',
      red: false,
    },
    {
      label: 'three hours after it',
      now: () => new Date('2025-06-11T17:30:00.000Z'),
      text: 'Overdue by 3 hours',
      red: true,
    },
  ])('shows the due indicator $label', async ({ now, text, red }) => {
    setup({ now });
    const due = await screen.findByText(text);
    expect(due.closest('.thanks-due')?.classList.contains('thanks-due-overdue')).toBe(red);
  });

  it('checks that a takeaway is mentioned and warns about length as the user writes', async () => {
    const { user } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    const checks = screen.getByRole('complementary', { name: 'Checks' });
    expect(within(checks).getByText(/Passes:/).parentElement).toHaveTextContent(
      'Mentions something specific you learned',
    );
    expect(within(checks).getByText(/words: aim for 80 to 200\. Add a sentence/)).toBeVisible();
    await user.clear(noteField());
    await user.type(noteField(), 'Thanks for your time, it was great.');
    expect(within(checks).getByText(/Fix:/).parentElement).toHaveTextContent(
      'Mentions something specific you learned',
    );
  });

  it('saves a draft, then updates the same note when saved again', async () => {
    const { user, fake } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(2));
    const [first, second] = fake.callsTo('thanks:save') as Record<string, unknown>[];
    expect(first).toMatchObject({ contactId: 'maya', meetingId: 'm1', templateId: template.id });
    expect(first).not.toHaveProperty('id');
    expect(second).toMatchObject({ id: 'note-new' });
  });

  it('saves before exporting the Word document and says where it went', async () => {
    const { user, fake } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(exportButton());
    expect(
      await screen.findByText(
        'Saved the letter as /home/alex/Documents/Thank you - Maya Okafor - 2025-06-10.docx.',
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('thanks:save')).toHaveLength(1);
    expect(fake.callsTo('thanks:exportDocx')).toEqual([{ id: 'note-new' }]);
  });

  it('copies the subject, a blank line and the note as e-mail text', async () => {
    const { user, writeText } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Copy as e-mail text' }));
    expect(writeText).toHaveBeenCalledWith(`Thank you, Maya\n\n${noteField().value}`);
  });

  it('opens the mail app with a mailto link, and copies the full text when it was too long', async () => {
    const { user, fake, writeText } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));
    const [first] = fake.callsTo('app:openExternal') as { url: string }[];
    expect(first?.url.startsWith('mailto:maya@example.org?subject=Thank%20you%2C%20Maya')).toBe(
      true,
    );
    expect(writeText).not.toHaveBeenCalled();

    await user.click(noteField());
    await user.paste(' more'.repeat(500));
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));
    expect(
      await screen.findByText(
        'The note was too long for the mail app; the full text was copied to your clipboard.',
      ),
    ).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledTimes(1);
  });

  it('marks the note as sent after confirming, and says when to report back', async () => {
    const { user, fake } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Mark as sent' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark this note as sent?' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as sent' }));
    expect(
      await screen.findByText(
        'Marked as sent. Maya Okafor moved from Met to Thanked. Report-back reminder set for Wed, Jun 25.',
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('thanks:markSent')).toEqual([{ id: 'note-new' }]);
    expect(screen.queryByText(/Due in/)).not.toBeInTheDocument();
  });

  it('does not mark the note as sent when the confirmation is cancelled', async () => {
    const { user, fake } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('thanks:markSent')).toHaveLength(0);
  });
});

describe('the thank-you history', () => {
  const rows: ThankYouSummary[] = [
    {
      note: note({ sentAt: '2025-06-11T10:00:00.000Z' }),
      contact: mayaMet,
      about: null,
      meeting: held,
    },
  ];

  it('lists every note with its contact, meeting, creation date and status', async () => {
    setup({ compose: false, history: rows });
    const table = await screen.findByRole('table', { name: 'Your notes' });
    const row = within(table).getByRole('row', { name: /Maya Okafor/ });
    expect(row).toHaveTextContent('Jun 10, 2025');
    expect(row).toHaveTextContent('Sent Jun 11, 2025');
    expect(screen.queryByRole('textbox', { name: 'Note' })).not.toBeInTheDocument();
  });

  it('reopens a saved note in the composer with its own text', async () => {
    const { user, fake } = setup({ compose: false, history: rows });
    await user.click(
      await screen.findByRole('button', {
        name: 'Open the note to Maya Okafor created Jun 10, 2025',
      }),
    );
    expect(await screen.findByRole('textbox', { name: 'Note' })).toHaveValue(
      'Dear Maya, the saved text.',
    );
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Thanks again');
    expect(fake.callsTo('thanks:get')).toEqual([{ id: 'note-1' }]);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() =>
      expect(fake.callsTo('thanks:save')).toEqual([expect.objectContaining({ id: 'note-1' })]),
    );
  });
});
