import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

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

describe('thank-you notes', () => {
  it('go from a held meeting to an exported letter, and marking one sent moves the contact to Thanked', async () => {
    app = await launchApp({ now: '2026-12-03T14:00:00.000Z' });
    const { page } = app;
    // A held meeting, set up through the same bridge the screens use (the prep spec covers the UI).
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
      const contact = await api.contacts.create({
        contact: {
          firstName: 'Zoë',
          lastName: 'Ångström',
          title: 'Director, Clinical Operations',
          company: 'Contoso Pharmaceuticals',
          industry: '',
          location: '',
          email: 'zoe@example.com',
          phone: '',
          linkedinUrl: '',
          source: { kind: 'alumni', detail: 'Tufts Alumni Association' },
          referredById: null,
          tags: [],
          notes: '',
          stage: 'prospect',
        },
      });
      const meeting = await api.meetings.schedule({
        contactId: contact.value.id,
        start: '2026-12-03T10:00:00.000Z',
        minutes: 30,
        mode: 'in-person',
        place: 'Café Nero',
      });
      // Advice is written down, the takeaway is not: the template's {{takeaway}} stays empty.
      await api.meetings.update({
        id: meeting.value.meeting.id,
        patch: { advice: 'Join the regulatory affairs society before applying anywhere' },
      });
      await api.meetings.markHeld({ id: meeting.value.meeting.id });
    });

    // The held meeting's workspace offers to write the note.
    await page.getByRole('link', { name: 'Meetings' }).click();
    await page
      .getByRole('link', { name: /Zoë Ångström/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Write thank-you note' }).click();
    await expectPage(
      page.getByRole('heading', { name: 'Thank-you note to Zoë Ångström' }),
    ).toBeVisible();

    // The empty takeaway is flagged and blocks the export until the user fills it in.
    const note = page.getByRole('textbox', { name: 'Note' });
    await expectPage(note).toContainText('{{takeaway}}');
    const flagged = page.getByRole('list', { name: 'Fill in before exporting' });
    await expectPage(flagged).toContainText('{{takeaway}}');
    const exportButton = page.getByRole('button', { name: 'Export as Word document…' });
    expect(await exportButton.isDisabled()).toBe(true);
    const text = await note.inputValue();
    await note.fill(
      text.replace('{{takeaway}}', 'how clinical operations teams plan trials years ahead'),
    );
    await expectPage(flagged).toBeHidden();
    expect(await exportButton.isDisabled()).toBe(false);

    const folder = mkdtempSync(join(tmpdir(), 'rapport-thanks-'));
    folders.push(folder);
    const letterPath = join(folder, 'Thank you - Zoë Ångström - 2026-12-03.docx');
    app.answerSaveDialog(letterPath);
    await exportButton.click();
    await expectPage(page.getByRole('status').filter({ hasText: letterPath })).toBeVisible();
    const letter = (await mammoth.extractRawText({ path: letterPath })).value;
    for (const part of [
      'Zoë Ångström',
      'Contoso Pharmaceuticals',
      'how clinical operations teams plan trials years ahead',
      'regulatory affairs society',
    ]) {
      expect(letter).toContain(part);
    }
    expect(letter).not.toMatch(/\{\{|\}\}/);

    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await page
      .getByRole('dialog', { name: 'Mark this note as sent?' })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    await expectPage(
      page.getByRole('status').filter({ hasText: 'moved from Met to Thanked' }),
    ).toBeVisible();

    // The contact is Thanked; the 24-hour reminder is done and a report-back one replaces it.
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('radio', { name: 'List' }).check();
    await page.getByRole('link', { name: 'Zoë Ångström' }).click();
    await expectPage(page.getByLabel('Stage')).toHaveValue('thanked');
    await expectPage(page.getByText('Send Zoë a thank-you note')).toBeHidden();
    await expectPage(page.getByText(/Tell Zoë how their advice worked out/).first()).toBeVisible();

    await app.setNow('2026-12-04T10:00:00.000Z');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Today' }).click();
    await expectPage(page.getByRole('heading', { name: 'Today' })).toBeVisible();
    await expectPage(page.getByText(/Send Zoë a thank-you note/)).toBeHidden();
  });
});
