import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { violations } from './axe-check.js';
import { launchApp, type LaunchedApp } from './harness.js';

const csv = fileURLToPath(new URL('../fixtures/contacts-windows-1252.csv', import.meta.url));
const linkedin = fileURLToPath(new URL('../fixtures/linkedin-connections.csv', import.meta.url));

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('accessibility (axe-core) on every screen, light and dark', () => {
  it.each(['light', 'dark'] as const)('has no violations in %s', async (scheme) => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    // Reduced motion: toasts appear without their fade, so colours are measured as they rest.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const found: string[] = [];
    const check = async (where: string) => {
      for (const line of await violations(page)) found.push(`${where}: ${line}`);
    };
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await check('Today (first run)');

    await page.getByRole('button', { name: 'Add a contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await check('New contact');
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByLabel('Company').fill('Northwind Health');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await check('Contact page');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Edit Maya Okafor' }),
    ).toBeVisible();
    await check('Contact edit');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Write outreach e-mail' }).click();
    const outreach = page.getByRole('dialog', { name: /Write an outreach e-mail to/ });
    await expectPage(outreach).toBeVisible();
    await check('Outreach composer');
    await outreach.getByRole('button', { name: 'Close' }).click();
    await expectPage(outreach).toBeHidden();

    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    const schedule = page.getByRole('dialog', { name: 'Schedule a meeting with Maya Okafor' });
    await expectPage(schedule).toBeVisible();
    await check('Schedule dialog');
    await schedule.getByLabel('Date and time').fill('2026-12-08T15:00');
    await schedule.getByLabel('Place').fill('Blue Bottle Café');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' }),
    ).toBeVisible();
    await check('Prep workspace');
    await page
      .getByRole('textbox', { name: 'New question' })
      .fill('What does a typical day look like?');
    await page.keyboard.press('Enter');
    await expectPage(page.getByRole('textbox', { name: 'Answer to question 1' })).toBeVisible();
    await check('Prep workspace (a question, its answer box under During)');
    await page.getByRole('button', { name: 'Mark meeting as held' }).click();
    const held = page.getByRole('dialog', { name: 'Mark this meeting as held?' });
    await expectPage(held).toBeVisible();
    await check('Mark as held (confirm)');
    await held.getByRole('button', { name: 'Mark as held' }).click();
    await page.getByRole('button', { name: 'Write thank-you note' }).click();
    await expectPage(
      page.getByRole('heading', { name: 'Thank-you note to Maya Okafor' }),
    ).toBeVisible();
    await check('Thank-you composer');

    await page.getByRole('link', { name: 'Pipeline' }).click();
    await page
      .getByRole('button', { name: /Import/ })
      .first()
      .waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Go to or run' }).getByRole('combobox').fill('import');
    await page.keyboard.press('Enter');
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Import and export contacts' }),
    ).toBeVisible();
    await check('Import');
    await page.getByRole('radio', { name: 'Other CSV file' }).check();
    app.answerOpenDialog([csv]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expectPage(
      page.getByRole('region', { name: 'Preview of contacts-windows-1252.csv' }),
    ).toBeVisible();
    await check('Import preview (mapping)');
    await page.getByRole('button', { name: 'Cancel' }).first().click();
    await page.getByRole('radio', { name: 'LinkedIn connections (CSV)' }).check();
    app.answerOpenDialog([linkedin]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expectPage(page.getByRole('button', { name: /^Import \d+ contacts?$/ })).toBeVisible();
    await check('Import preview (LinkedIn)');

    await page.getByRole('link', { name: 'Pipeline' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await check('Pipeline board');
    await page.getByRole('button', { name: 'Actions for Maya Okafor' }).click();
    await expectPage(page.getByRole('menu', { name: 'Actions for Maya Okafor' })).toBeVisible();
    await check('Card menu');
    await page.getByRole('menuitem', { name: 'Move to Thanked' }).click();
    const toast = page.getByRole('listitem').filter({ hasText: 'Moved Maya Okafor to Thanked' });
    await expectPage(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
    await check('Undo toast');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expectPage(page.getByText('Undone: Moved Maya Okafor to Thanked.')).toBeVisible();
    await check('Undone toast');
    await page.getByRole('radio', { name: 'List' }).click();
    await check('Pipeline list');

    await page.getByRole('link', { name: 'Meetings' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    await check('Meetings');
    await page.getByRole('link', { name: 'Thank-you notes' }).click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Thank-you notes' }),
    ).toBeVisible();
    await check('Thank-you notes');
    await page.keyboard.press('Control+6');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Employers' })).toBeVisible();
    await page.getByLabel('Employer name').fill('Contoso');
    await page.keyboard.press('Enter');
    await expectPage(page.getByText('Added Contoso to your list.')).toBeVisible();
    await check('Employers (the LAMP list)');
    await page.getByRole('link', { name: 'Contoso' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Contoso' })).toBeVisible();
    await check('Employer page');
    await page.getByRole('button', { name: 'Remove from list…' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove Contoso from your list?' });
    await expectPage(remove).toBeVisible();
    await check('Remove employer (confirm)');
    await remove.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Control+8');
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'What you have learned' }),
    ).toBeVisible();
    await check('What I learned');
    await page.keyboard.press('Control+7');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    await expectPage(page.getByRole('region', { name: 'Funnel' })).toBeVisible();
    await check('Insights');
    await page
      .getByRole('region', { name: 'Funnel' })
      .getByRole('button', { name: 'Show as table' })
      .click();
    await check('Insights (the funnel as a table)');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    for (const tab of ['Profile', 'Preferences', 'Data']) {
      await page.getByRole('tab', { name: tab }).click();
      await check(`Settings > ${tab}`);
    }
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page
      .getByRole('button', { name: /^Restore backup from / })
      .first()
      .click();
    const restore = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expectPage(restore).toBeVisible();
    await check('Restore (confirm)');
    await restore.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Today' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await check('Today');
    await page.keyboard.press('Control+/');
    await expectPage(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await check('Keyboard shortcuts');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Go to or run' }).getByRole('combobox').fill('maya');
    await expectPage(page.getByRole('option', { name: /Maya Okafor/ })).toBeVisible();
    await check('Command palette');
    await page.keyboard.press('Escape');

    expect(found).toEqual([]);
  });
});
