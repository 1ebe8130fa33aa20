import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

const NOW = '2026-12-03T14:00:00.000Z';

let app: LaunchedApp | undefined;
const folders: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

interface Api {
  contacts: { create(a: unknown): Promise<{ ok: boolean; value: { id: string } }> };
  settings: { updateProfile(a: unknown): Promise<{ ok: boolean }> };
  meetings: {
    schedule(a: unknown): Promise<{ ok: boolean; value: { meeting: { id: string } } }>;
    update(a: unknown): Promise<{ ok: boolean }>;
    markHeld(a: unknown): Promise<{ ok: boolean }>;
  };
}

/**
 * Ana Lind introduced the user to Maya Okafor, whose meeting (today, 10:00 UTC) is held with a
 * takeaway and advice written down. Set up through the same bridge the screens use.
 */
async function seed(page: Page) {
  await page.evaluate(async () => {
    const api = (window as unknown as { rapport: Api }).rapport;
    await api.settings.updateProfile({
      name: 'Alex Kim',
      email: 'alex@example.com',
      phone: '',
      address: '12 High St\nSomerville, MA',
      linkedinUrl: '',
      signature: 'Alex Kim',
    });
    const person = (firstName: string, lastName: string, extra: Record<string, unknown>) => ({
      contact: {
        firstName,
        lastName,
        title: '',
        company: '',
        industry: '',
        location: '',
        email: '',
        phone: '',
        linkedinUrl: '',
        source: { kind: 'other', detail: '' },
        referredById: null,
        tags: [],
        notes: '',
        stage: 'prospect',
        ...extra,
      },
    });
    const ana = await api.contacts.create(
      person('Ana', 'Lind', { email: 'ana@example.com', company: 'Fabrikam', stage: 'thanked' }),
    );
    const maya = await api.contacts.create(
      person('Maya', 'Okafor', {
        email: 'maya@example.com',
        title: 'Design lead',
        company: 'Northwind Health',
        source: { kind: 'referral', detail: '' },
        referredById: ana.value.id,
      }),
    );
    const meeting = await api.meetings.schedule({
      contactId: maya.value.id,
      start: '2026-12-03T10:00:00.000Z',
      minutes: 30,
      mode: 'in-person',
      place: 'Café Nero',
    });
    await api.meetings.update({
      id: meeting.value.meeting.id,
      patch: {
        takeaways: 'design reviews happen every Tuesday',
        advice: 'Join the local design guild',
        namesSuggested: 'Sam Lee',
      },
    });
    await api.meetings.markHeld({ id: meeting.value.meeting.id });
  });
}

const openMeeting = async (page: Page) => {
  await page.getByRole('link', { name: 'Meetings' }).click();
  await page
    .getByRole('link', { name: /Maya Okafor/ })
    .first()
    .click();
  await expectPage(page.getByRole('heading', { name: 'Prepare for Maya Okafor' })).toBeVisible();
};

const openContact = async (page: Page, name: string) => {
  await page.getByRole('link', { name: 'Pipeline' }).click();
  await page.getByRole('radio', { name: 'List' }).check();
  await page.getByRole('link', { name }).click();
  await expectPage(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

const sameFolder = (dataDir: string) => launchApp({ dataDir, now: NOW });

describe('drafts', () => {
  it('keep a thank-you note through leaving the page and a restart, and reopen it from both places', async () => {
    app = await launchApp({ now: NOW });
    const { page, dataDir } = app;
    await seed(page);

    await openMeeting(page);
    await page.getByRole('button', { name: 'Write thank-you note' }).click();
    await expectPage(
      page.getByRole('heading', { name: 'Thank-you note to Maya Okafor' }),
    ).toBeVisible();
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.fill('Dear Maya, the Tuesday design reviews stayed with me.');
    await expectPage(page.getByText('All changes saved')).toBeVisible();
    // More words, and away before the autosave pause is over: leaving saves them.
    await note.press('End');
    await note.pressSequentially(' Thank you!');
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('link', { name: 'Thank-you notes' }).click();
    const history = page.getByRole('table', { name: 'Your notes' });
    await expectPage(history.getByRole('row', { name: /Maya Okafor/ })).toContainText('Draft');
    await expectPage(page.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Dear Maya, the Tuesday design reviews stayed with me. Thank you!',
    );

    await app.close();
    app = await sameFolder(dataDir);
    const again = app.page;
    await again.getByRole('link', { name: 'Thank-you notes' }).click();
    const rows = again.getByRole('table', { name: 'Your notes' }).getByRole('row');
    await expectPage(rows).toHaveCount(2);
    await again
      .getByRole('button', { name: /^Continue the draft thank-you note to Maya Okafor/ })
      .click();
    await expectPage(again.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Dear Maya, the Tuesday design reviews stayed with me. Thank you!',
    );
    const focused = await again.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toBe('Thank-you note to Maya Okafor');

    // The meeting's button opens the same draft instead of starting a second note.
    await openMeeting(again);
    await again.getByRole('button', { name: 'Write thank-you note' }).click();
    await expectPage(again.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'Dear Maya, the Tuesday design reviews stayed with me. Thank you!',
    );
    await expectPage(rows).toHaveCount(2);
  });

  it('keep an outreach e-mail through closing the dialog and a restart, until it is logged as sent', async () => {
    app = await launchApp({ now: NOW });
    const { page, dataDir } = app;
    await seed(page);

    await openContact(page, 'Ana Lind');
    await page.getByRole('button', { name: 'Write outreach e-mail' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write an outreach e-mail to Ana Lind' });
    const message = dialog.getByRole('textbox', { name: 'Message' });
    await message.fill('Hi Ana, could I ask you about Fabrikam’s design team?');
    // Escape before the pause is over: the dialog saves first, then closes.
    await page.keyboard.press('Escape');
    await expectPage(dialog).toBeHidden();
    await expectPage(page.getByText('An outreach e-mail to Ana is not sent yet.')).toBeVisible();

    await app.close();
    app = await sameFolder(dataDir);
    const again = app.page;
    await openContact(again, 'Ana Lind');
    await again.getByRole('button', { name: 'Continue writing' }).click();
    const reopened = again.getByRole('dialog', { name: 'Write an outreach e-mail to Ana Lind' });
    await expectPage(reopened.getByRole('textbox', { name: 'Message' })).toHaveValue(
      'Hi Ana, could I ask you about Fabrikam’s design team?',
    );
    await expectPage(reopened.getByRole('status')).toContainText('restored.');

    // Sent and logged: main removes the draft in the same change.
    await reopened.getByRole('button', { name: 'Open in mail app' }).click();
    await reopened.getByRole('button', { name: 'Log as sent' }).click();
    await expectPage(reopened).toBeHidden();
    await expectPage(again.getByRole('button', { name: 'Continue writing' })).toBeHidden();
    await again.getByRole('button', { name: 'Write outreach e-mail' }).click();
    const fresh = again.getByRole('dialog', { name: 'Write an outreach e-mail to Ana Lind' });
    const text = await fresh.getByRole('textbox', { name: 'Message' }).inputValue();
    expect(text).not.toContain('Fabrikam’s design team');
  });

  it('address a referrer thank-you to the referrer and change nothing for the interviewee', async () => {
    app = await launchApp({ now: NOW });
    const { page } = app;
    await seed(page);

    await openMeeting(page);
    await page.getByRole('button', { name: 'Thank Ana for the introduction' }).click();
    await expectPage(
      page.getByRole('heading', { name: 'Thank-you note to Ana Lind for introducing Maya Okafor' }),
    ).toBeVisible();
    const note = page.getByRole('textbox', { name: 'Note' });
    await expectPage(note).toBeVisible();
    expect(await note.inputValue()).toMatch(/^Dear Ana/);
    expect(await page.getByText(/^Due in|^Overdue by/).count()).toBe(0);

    await page.getByRole('button', { name: 'Open in mail app' }).click();
    expect(app.shellCalls.at(-1)?.target).toMatch(/^mailto:ana@example\.com\?/);

    const folder = mkdtempSync(join(tmpdir(), 'rapport-drafts-'));
    folders.push(folder);
    const letterPath = join(folder, 'Thank you - Ana Lind.docx');
    app.answerSaveDialog(letterPath);
    await page.getByRole('button', { name: 'Export as Word document…' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: letterPath })).toBeVisible();
    const letter = (await mammoth.extractRawText({ path: letterPath })).value;
    expect(letter).toContain('Ana Lind');
    expect(letter).toContain('Maya Okafor');

    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page
      .getByRole('dialog', { name: 'Mark this note as sent?' })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    const said = page.getByRole('status').filter({ hasText: 'Marked as sent' });
    await expectPage(said).toContainText('Marked as sent and logged on Ana Lind’s timeline.');
    expect(await said.textContent()).not.toMatch(/moved|reminder/);
    await expectPage(page.getByText(/^Sent on /)).toBeVisible();
    await expectPage(page.getByRole('button', { name: 'Mark as sent' })).toBeHidden();

    // On Ana's timeline; Maya is still Met and still owes her thank-you.
    await openContact(page, 'Ana Lind');
    await expectPage(
      page.getByText('Thanked Ana Lind for the introduction to Maya Okafor'),
    ).toBeVisible();
    await openContact(page, 'Maya Okafor');
    await expectPage(page.getByLabel('Stage')).toHaveValue('met');
    await expectPage(page.getByText('Send Maya a thank-you note').first()).toBeVisible();
  });
});
