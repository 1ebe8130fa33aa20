import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

const linkedin = fileURLToPath(new URL('../fixtures/linkedin-connections.csv', import.meta.url));

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** What has the focus: never the page itself after an action. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return 'body';
    const name = active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40) ?? '';
    return `${active.tagName.toLowerCase()} ${name}`;
  });
}

/** Presses Enter on a control reached from the keyboard (it has the focus first). */
async function activate(page: Page, control: ReturnType<Page['getByRole']>): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
}

/**
 * The app on Today, with `after(step)` noting what has the focus once a step is done; `steps` is
 * the list a journey checks at its end (so one failure shows every step that lost the focus).
 */
async function journey() {
  app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
  const { page } = app;
  const steps: [string, string][] = [];
  const after = async (step: string) => void steps.push([step, await focused(page)]);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  return { app, page, after, steps };
}

describe('focus is never lost on the main journeys', () => {
  it('add, log, schedule, hold, delete: focus lands on something after every step', async () => {
    const { page, after, steps } = await journey();

    await page.keyboard.press('Control+n');
    await expectPage(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await after('open the new-contact form');
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByLabel('E-mail').fill('maya@example.com');
    await activate(page, page.getByRole('button', { name: 'Save contact' }));
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await after('save the contact');

    const log = page.getByRole('form', { name: 'Log activity' });
    await activate(page, log.getByRole('button', { name: 'Log activity' }));
    await expectPage(page.getByText(/Follow-up reminders set for/)).toBeVisible();
    await after('log the outreach');

    await activate(page, page.getByRole('button', { name: 'Schedule meeting' }));
    const dialog = page.getByRole('dialog', { name: 'Schedule a meeting with Maya Okafor' });
    await expectPage(dialog).toBeVisible();
    await after('open the schedule dialog');
    await dialog.getByLabel('Date and time').fill('2026-12-03T10:00');
    await dialog.getByLabel('Place').fill('Blue Bottle Café');
    await activate(page, dialog.getByRole('button', { name: 'Schedule' }));
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' }),
    ).toBeVisible();
    await after('schedule the meeting');

    await activate(page, page.getByRole('button', { name: 'Mark meeting as held' }));
    const confirm = page.getByRole('dialog', { name: 'Mark this meeting as held?' });
    await expectPage(confirm).toBeVisible();
    await activate(page, confirm.getByRole('button', { name: 'Mark as held' }));
    await expectPage(page.getByRole('status').filter({ hasText: 'Marked as held.' })).toBeVisible();
    await after('mark it held');

    await activate(page, page.getByRole('button', { name: 'Write thank-you note' }));
    await expectPage(
      page.getByRole('heading', { name: 'Thank-you note to Maya Okafor' }),
    ).toBeVisible();
    await after('open the thank-you composer');
    await page
      .getByRole('textbox', { name: 'Note' })
      .fill(
        'Dear Maya,\n\nThank you for your time today. Your advice about the Tuesday design reviews stayed with me, and I will join the society you mentioned.\n\nBest regards,\nAlex',
      );
    const send = page.getByRole('button', { name: 'Mark as sent' });
    await page.waitForFunction(
      () =>
        !(
          [...document.querySelectorAll('button')].find(
            (b) => b.textContent === 'Mark as sent',
          ) as HTMLButtonElement
        ).disabled,
    );
    await activate(page, send);
    const sure = page.getByRole('dialog', { name: 'Mark this note as sent?' });
    await activate(page, sure.getByRole('button', { name: 'Mark as sent' }));
    await expectPage(
      page.getByText(/^Marked the thank-you note to Maya Okafor as sent$/),
    ).toBeVisible();
    await after('mark the note sent');

    await page.keyboard.press('Control+2');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await after('go to the pipeline');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Go to or run' }).getByRole('combobox').fill('okafor');
    await expectPage(page.getByRole('option', { name: /^Maya Okafor/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await after('jump to the contact from the palette');

    await activate(page, page.getByRole('button', { name: 'Delete contact' }));
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await expectPage(page.getByText(/^Deleted Maya Okafor\./)).toBeVisible();
    await after('delete the contact');
    await page.keyboard.press('Control+z');
    await expectPage(page.getByText('Undone: Maya Okafor is back.')).toBeVisible();
    await expectPage(page.getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    await after('undo the deletion with Ctrl+Z');

    expect(steps.filter(([, target]) => target === 'body')).toEqual([]);
  });

  it('Today Done, Snooze and Undo, import and export: focus lands on something after every step', async () => {
    const { app: current, page, after, steps } = await journey();

    // An outreach e-mail two weeks ago: both 3B7 follow-ups are overdue.
    await page.keyboard.press('Control+n');
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Okafor');
    await activate(page, page.getByRole('button', { name: 'Save contact' }));
    const log = page.getByRole('form', { name: 'Log activity' });
    await log.getByLabel('When').fill('2026-11-19T10:00');
    await activate(page, log.getByRole('button', { name: 'Log activity' }));
    await expectPage(page.getByText(/Follow-up reminders set for/)).toBeVisible();

    await page.keyboard.press('Control+1');
    const overdue = page.getByRole('region', { name: 'Overdue' });
    await expectPage(overdue).toBeVisible();
    await activate(
      page,
      overdue.getByRole('button', { name: /^Mark .* for Maya Okafor done$/ }).first(),
    );
    await expectPage(page.getByText(/^Marked “.+” for Maya Okafor done$/)).toBeVisible();
    await after('Done on a reminder');
    await activate(page, page.getByRole('button', { name: /^Snooze .* for Maya Okafor$/ }).first());
    await page.keyboard.press('Enter'); // Tomorrow, the menu's first choice
    await expectPage(page.getByText(/^Snoozed “.+” for Maya Okafor$/)).toBeVisible();
    await after('Snooze a reminder');
    await page.keyboard.press('Control+z');
    await expectPage(page.getByText(/^Undone: Snoozed/)).toBeVisible();
    await after('undo the snooze');

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Go to or run' }).getByRole('combobox').fill('import');
    await page.keyboard.press('Enter');
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Import and export contacts' }),
    ).toBeVisible();
    await after('open Import from the palette');
    await page.getByRole('radio', { name: 'LinkedIn connections (CSV)' }).check();
    current.answerOpenDialog([linkedin]);
    await activate(page, page.getByRole('button', { name: 'Choose file…' }));
    await expectPage(page.getByRole('button', { name: /^Import \d+ contacts?$/ })).toBeVisible();
    await after('preview a file');
    await activate(page, page.getByRole('button', { name: /^Import \d+ contacts?$/ }));
    await expectPage(page.getByText(/^Imported \d+ new contacts/)).toBeVisible();
    await after('import it');
    const exported = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-focus-')), 'c.csv');
    current.answerSaveDialog(exported);
    await activate(page, page.getByRole('button', { name: 'Export contacts as CSV…' }));
    await expectPage(page.getByText(/^Exported \d+ contacts/)).toBeVisible();
    await after('export as CSV');

    expect(steps.filter(([, target]) => target === 'body')).toEqual([]);
  });

  it('write an outreach e-mail and log it sent, back up and restore: focus lands on something after every step', async () => {
    const { page, after, steps } = await journey();

    await page.keyboard.press('Control+n');
    await page.getByLabel('First name').fill('Ana');
    await page.getByLabel('Last name').fill('Lind');
    await page.getByLabel('E-mail').fill('ana@example.com');
    await activate(page, page.getByRole('button', { name: 'Save contact' }));
    await expectPage(page.getByRole('heading', { level: 1, name: 'Ana Lind' })).toBeVisible();

    await activate(page, page.getByRole('button', { name: 'Write outreach e-mail' }));
    const composer = page.getByRole('dialog', { name: 'Write an outreach e-mail to Ana Lind' });
    await expectPage(composer).toBeVisible();
    await after('open the outreach composer');
    await composer
      .getByRole('textbox', { name: 'Message' })
      .fill('Hi Ana, could I ask you about Fabrikam’s design team for 20 minutes?');
    await activate(page, composer.getByRole('button', { name: 'Open in mail app' }));
    await expectPage(composer.getByRole('button', { name: 'Log as sent' })).toBeVisible();
    await after('hand the e-mail to the mail app');
    await activate(page, composer.getByRole('button', { name: 'Log as sent' }));
    await expectPage(composer).toBeHidden();
    await after('log the e-mail as sent');

    await page.keyboard.press('Control+5');
    await activate(page, page.getByRole('tab', { name: 'Data' }));
    await activate(page, page.getByRole('button', { name: 'Back up now' }));
    await expectPage(
      page.getByRole('button', { name: /^Restore backup from / }).first(),
    ).toBeVisible();
    await after('back up now');
    await activate(page, page.getByRole('button', { name: /^Restore backup from / }).first());
    const restore = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expectPage(restore).toBeVisible();
    await after('ask to restore');
    await activate(page, restore.getByRole('button', { name: 'Restore', exact: true }));
    await expectPage(restore).toBeHidden();
    await expectPage(page.getByText(/restored/i).first()).toBeVisible();
    await after('restore the backup');

    expect(steps.filter(([, target]) => target === 'body')).toEqual([]);
  });
});
