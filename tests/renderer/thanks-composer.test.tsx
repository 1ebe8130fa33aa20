import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ThanksPage } from '../../renderer/features/thanks/ThanksPage.js';
import { resetStores } from '../../renderer/stores/index.js';
import { useThanksStore } from '../../renderer/stores/thanks-store.js';
import { resetAutosaves } from '../../renderer/components/use-autosave.js';
import type { Template, ThankYouNote } from '../../shared/schema/entities.js';
import type { MergeContext, ThankYouSummary } from '../../shared/schema/thanks.js';
import { createFakeRapport, FakeFailure, type FakeRapport } from './fake-api.js';
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
  resetAutosaves();
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
    undo: null,
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
  const view = render(<ThanksPage now={options.now ?? fiveHoursLeft} />);
  return { fake, user, writeText, saved, unmount: view.unmount };
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
    expect(
      within(checks).getByText(/22 words: short is fine, as long as it thanks them and names one/),
    ).toBeVisible();
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
        'Marked as sent and logged on Maya Okafor’s timeline. Maya Okafor moved from Met to Thanked. Report-back reminder set for Wed, Jun 25.',
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('thanks:markSent')).toEqual([{ id: 'note-new' }]);
    expect(screen.queryByText(/Due in/)).not.toBeInTheDocument();
    // Sent: it says when, is not offered again, and focus lands on the line that says so.
    expect(screen.getByText('Sent on June 11, 2025.')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Mark as sent' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export as Word document…' })).toBeEnabled();
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
        name: 'Open the thank-you note to Maya Okafor created Jun 10, 2025',
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

const ana = {
  ...mayaMet,
  id: 'ana',
  firstName: 'Ana',
  lastName: 'Lind',
  email: 'ana@example.org',
  stage: 'keeping-in-touch' as const,
};
const referrerTemplate: Template = {
  id: 'builtin-referrer-thanks',
  name: 'Thanks to the person who referred you',
  purpose: 'referrer-thanks',
  subject: 'Thank you for introducing me to {{fullName}}',
  body: 'Dear {{referrerName}},\n\nThank you for introducing me to {{fullName}}. I learned that {{takeaway}}.\n\n{{mySignature}}',
  builtIn: true,
};
const reportBackTemplate: Template = {
  id: 'builtin-report-back',
  name: 'Report back after acting on the advice',
  purpose: 'report-back',
  subject: 'Following up on your advice, {{firstName}}',
  body: 'Dear {{firstName}},\n\nI followed your advice.\n\n{{mySignature}}',
  builtIn: true,
};
const myReportBack: Template = {
  ...reportBackTemplate,
  id: 'mine-report-back',
  name: 'My short report-back',
  builtIn: false,
};

const allTemplates = () => [outreach, template, reportBackTemplate, referrerTemplate, myReportBack];

describe('a referrer thank-you', () => {
  const referrerContext = () =>
    context({ purpose: 'referrer-thanks', recipient: ana, referrer: ana, dueAt: null });

  function setupReferrer(prepare?: (fake: FakeRapport) => void) {
    const rendered = setup({
      compose: false,
      ctx: referrerContext(),
      prepare: (fake) => {
        fake.respond('templates:list', allTemplates);
        fake.respond('thanks:markSent', ({ id }) => ({
          undo: null,
          note: note({
            id,
            purpose: 'referrer-thanks',
            contactId: 'ana',
            aboutContactId: 'maya',
            sentAt: '2025-06-11T10:00:00.000Z',
          }),
          contact: ana,
          effects: { stageMoves: [], reminders: { created: [], completed: [], cancelled: [] } },
        }));
        prepare?.(fake);
      },
    });
    act(() =>
      useThanksStore.getState().compose({
        purpose: 'referrer-thanks',
        contactId: 'ana',
        aboutContactId: 'maya',
        meetingId: 'm1',
      }),
    );
    return rendered;
  }

  it('is addressed to the referrer, about the person they introduced, with their template', async () => {
    const { fake, user } = setupReferrer();
    expect(
      await screen.findByRole('heading', {
        name: 'Thank-you note to Ana Lind for introducing Maya Okafor',
      }),
    ).toBeInTheDocument();
    expect(fake.callsTo('thanks:context')).toEqual([
      { purpose: 'referrer-thanks', contactId: 'ana', aboutContactId: 'maya', meetingId: 'm1' },
    ]);
    expect(screen.getByRole('combobox', { name: /^Template/ })).toHaveValue(referrerTemplate.id);
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue(
      'Thank you for introducing me to Maya Okafor',
    );
    expect(noteField().value.startsWith('Dear Ana Lind,')).toBe(true);
    // No countdown: the 24 hours are for the interviewee's thank-you.
    expect(screen.queryByText(/Due in|Overdue/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));
    const [mail] = fake.callsTo('app:openExternal') as { url: string }[];
    expect(mail?.url.startsWith('mailto:ana@example.org?')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(1));
    expect(fake.callsTo('thanks:save')[0]).toMatchObject({
      purpose: 'referrer-thanks',
      contactId: 'ana',
      aboutContactId: 'maya',
      meetingId: 'm1',
      templateId: referrerTemplate.id,
    });
  });

  it('says only that it was marked sent and logged on the referrer’s timeline', async () => {
    const { user } = setupReferrer();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Mark as sent' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark this note as sent?' });
    expect(dialog).toHaveTextContent(
      'Rapport saves the note and logs it on Ana Lind’s timeline. Nothing changes for Maya Okafor',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Mark as sent' }));
    const said = await screen.findByText(/^Marked as sent/);
    expect(said).toHaveTextContent('Marked as sent and logged on Ana Lind’s timeline.');
    expect(said.textContent).not.toMatch(/moved|reminder/);
  });
});

describe('a report-back', () => {
  it('offers the report-back templates first, starts from the built-in one, and shows no countdown', async () => {
    setup({
      compose: false,
      ctx: context({ purpose: 'report-back', dueAt: null }),
      prepare: (fake) => fake.respond('templates:list', allTemplates),
    });
    act(() =>
      useThanksStore
        .getState()
        .compose({ purpose: 'report-back', contactId: 'maya', meetingId: 'm1' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Report-back to Maya Okafor' }),
    ).toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: /^Template/ });
    expect(picker).toHaveValue(reportBackTemplate.id);
    const groups = within(picker).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('label'))).toEqual([
      'Report-back templates',
      'Other kinds of note',
    ]);
    expect(
      within(groups[0]!)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([reportBackTemplate.name, myReportBack.name]);
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue(
      'Following up on your advice, Maya',
    );
    expect(screen.queryByText(/Due in|Overdue/)).not.toBeInTheDocument();
  });

  it('is about the meeting of the last thank-you sent when Today opens it without one', async () => {
    const sentThanks: ThankYouSummary = {
      note: note({ id: 'sent-1', sentAt: '2025-06-11T10:00:00.000Z', meetingId: 'm1' }),
      contact: mayaMet,
      about: null,
      meeting: held,
    };
    const { fake } = setup({ compose: false, history: [sentThanks] });
    act(() => {
      expect(useThanksStore.getState().composeFor('report-back', { id: 'maya' }, null)).toBe(true);
    });
    await screen.findByRole('textbox', { name: 'Note' });
    expect(fake.callsTo('thanks:context')).toEqual([
      { purpose: 'report-back', contactId: 'maya', aboutContactId: null, meetingId: 'm1' },
    ]);
    expect(useThanksStore.getState().composeFor('keep-in-touch', { id: 'maya' })).toBe(false);
  });
});

describe('a note already sent, opened again', () => {
  it('says when it was sent instead of counting down, and is not offered as sent again', async () => {
    setup({
      compose: false,
      prepare: (fake) =>
        fake.respond('thanks:get', ({ id }) => note({ id, sentAt: '2025-06-11T10:00:00.000Z' })),
    });
    act(() =>
      useThanksStore
        .getState()
        .compose({ purpose: 'thank-you', contactId: 'maya', meetingId: 'm1', noteId: 'note-1' }),
    );
    expect(await screen.findByText('Sent on June 11, 2025.')).toBeInTheDocument();
    expect(screen.queryByText(/Due in|Overdue/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as sent' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Discard draft' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export as Word document…' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Copy as e-mail text' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  });
});

describe('thank-you drafts', () => {
  it('are created by the first autosave and updated by the next ones', async () => {
    const { user, fake } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.type(noteField(), ' More.');
    expect(fake.callsTo('thanks:save')).toEqual([]);
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(1));
    expect(fake.callsTo('thanks:save')[0]).not.toHaveProperty('id');
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    await user.type(noteField(), ' Again.');
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(2));
    expect(fake.callsTo('thanks:save')[1]).toMatchObject({ id: 'note-new' });
    expect((fake.callsTo('thanks:save')[1] as { body: string }).body).toMatch(/More\. Again\.$/);
  });

  it('are saved at once when the user leaves the page before the pause is over', async () => {
    const { user, fake, unmount } = setup();
    await screen.findByRole('textbox', { name: 'Note' });
    await user.type(noteField(), ' Leaving now.');
    unmount();
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(1));
    expect((fake.callsTo('thanks:save')[0] as { body: string }).body).toMatch(/Leaving now\.$/);
  });

  it('are opened again from an entry point instead of starting a second note', async () => {
    const draft: ThankYouSummary = {
      note: note({ id: 'draft-1', body: 'My unfinished words' }),
      contact: mayaMet,
      about: null,
      meeting: held,
    };
    const { user, fake } = setup({ history: [draft] });
    expect(await screen.findByRole('textbox', { name: 'Note' })).toHaveValue('My unfinished words');
    await user.type(noteField(), '.');
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(1));
    expect(fake.callsTo('thanks:save')[0]).toMatchObject({ id: 'draft-1' });
    expect(screen.getByRole('button', { name: 'Discard draft' })).toBeInTheDocument();
  });

  it('ask before closing when the text cannot be saved; Keep editing keeps it', async () => {
    const { user, fake } = setup({
      prepare: (f) =>
        f.respond('thanks:save', () => {
          throw new FakeFailure('read-only', 'Rapport opened your data read-only.');
        }),
    });
    await screen.findByRole('textbox', { name: 'Note' });
    await user.type(noteField(), ' Unsaved.');
    await user.click(screen.getByRole('button', { name: 'Close note' }));
    const ask = await screen.findByRole('dialog', { name: 'Your latest changes are not saved' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(noteField().value).toMatch(/Unsaved\.$/);
    expect(useThanksStore.getState().target).not.toBeNull();
    expect(fake.callsTo('thanks:save').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Close note' }));
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'Your latest changes are not saved' }),
      ).getByRole('button', { name: 'Discard changes' }),
    );
    expect(useThanksStore.getState().target).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Thank-you notes' })).toHaveFocus();
  });

  it('come back with a message when their save failed after the user left', async () => {
    let fail = true;
    const { user, fake, unmount } = setup({
      prepare: (f) =>
        f.respond('thanks:save', (input) => {
          if (fail) throw new FakeFailure('internal', 'The disk is full.');
          return note({ ...input, id: input.id ?? 'note-new' });
        }),
    });
    await screen.findByRole('textbox', { name: 'Note' });
    await user.type(noteField(), ' Not lost.');
    unmount();
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(1));
    fail = false;
    render(<ThanksPage now={fiveHoursLeft} />);
    await waitFor(() => expect(noteField().value).toMatch(/Not lost\.$/));
    expect(
      screen.getByText(
        'Your last changes to this note were not saved when you left; they are shown again and saved now.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(fake.callsTo('thanks:save')).toHaveLength(2));
  });

  it('can be discarded after a confirm; focus goes back to the page heading', async () => {
    const draft: ThankYouSummary = {
      note: note({ id: 'draft-1', body: 'My unfinished words' }),
      contact: mayaMet,
      about: null,
      meeting: held,
    };
    const { user, fake } = setup({ history: [draft] });
    await screen.findByRole('textbox', { name: 'Note' });
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    const confirm = screen.getByRole('dialog', { name: 'Discard this draft?' });
    expect(confirm).toHaveTextContent('The draft thank-you note to Maya Okafor is deleted.');
    await user.click(within(confirm).getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(useThanksStore.getState().target).toBeNull());
    expect(fake.callsTo('thanks:discardDraft')).toEqual([{ id: 'draft-1' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Thank-you notes' })).toHaveFocus();
  });
});

describe('the history of every kind of note', () => {
  it('names the kind of each note, who a referrer note is to and for whom, and lists drafts as drafts', async () => {
    const rows: ThankYouSummary[] = [
      {
        note: note({ id: 'n1', sentAt: '2025-06-11T10:00:00.000Z' }),
        contact: mayaMet,
        about: null,
        meeting: held,
      },
      {
        note: note({
          id: 'n2',
          purpose: 'referrer-thanks',
          contactId: 'ana',
          aboutContactId: 'maya',
          createdAt: '2025-06-11T20:00:00.000Z',
        }),
        contact: ana,
        about: mayaMet,
        meeting: held,
      },
      {
        note: note({ id: 'n3', purpose: 'report-back', createdAt: '2025-06-20T20:00:00.000Z' }),
        contact: mayaMet,
        about: null,
        meeting: held,
      },
    ];
    const { user } = setup({ compose: false, history: rows });
    const table = await screen.findByRole('table', { name: 'Your notes' });
    const [, ...body] = within(table).getAllByRole('row');
    expect(body.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Report-back to Maya Okafor.*Draft/),
      expect.stringMatching(
        /^Referrer thank-you to Ana Lind \(for introducing Maya Okafor\).*Draft/,
      ),
      expect.stringMatching(/^Thank-you note to Maya Okafor.*Sent Jun 11, 2025/),
    ]);
    await user.click(
      within(table).getByRole('button', {
        name: 'Continue the draft referrer thank-you to Ana Lind created Jun 11, 2025',
      }),
    );
    expect(useThanksStore.getState().target).toEqual({
      purpose: 'referrer-thanks',
      contactId: 'ana',
      aboutContactId: 'maya',
      meetingId: 'm1',
      noteId: 'n2',
    });
    // Focus moves up to the note that opened, not left on the table.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: /^Thank-you note to / })).toHaveFocus(),
    );
  });
});

describe('a note opened from a reminder without its meeting', () => {
  it('is about the latest held meeting with the contact', async () => {
    const older = { ...held, id: 'm0', start: '2025-05-01T14:00:00.000Z' };
    const planned = {
      ...held,
      id: 'm2',
      start: '2025-06-20T14:00:00.000Z',
      status: 'planned' as const,
    };
    const { fake } = setup({
      compose: false,
      prepare: (f) =>
        f.respond('meetings:list', () =>
          [older, held, planned].map((meeting) => ({ meeting, contact: mayaMet })),
        ),
    });
    act(() => {
      useThanksStore.getState().composeFor('thank-you-due', { id: 'maya' });
    });
    await screen.findByRole('textbox', { name: 'Note' });
    expect(fake.callsTo('thanks:context')).toEqual([
      { purpose: 'thank-you', contactId: 'maya', aboutContactId: null, meetingId: 'm1' },
    ]);
    expect(await screen.findByText('Due in 5 hours')).toBeInTheDocument();
  });
});
