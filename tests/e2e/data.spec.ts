import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
/** Files the user picks live outside the data folder: one folder per test, removed after it. */
let picked: string | undefined;
const pickedFile = (name: string) => {
  picked ??= mkdtempSync(join(tmpdir(), 'rapport-e2e-files-'));
  return join(picked, name);
};
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (picked) rmSync(picked, { recursive: true, force: true });
  picked = undefined;
});

describe('Settings > Data', () => {
  it('exports everything to a file and imports it back', async () => {
    app = await launchApp({ now: '2026-12-04T12:00:00.000Z' });
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name').fill('Carlos Mendoza-Ruiz');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

    await page.getByRole('tab', { name: 'Data' }).click();
    const exportPath = pickedFile('rapport-export.jsonl');
    app.answerSaveDialog(exportPath);
    await page.getByRole('button', { name: 'Export everything…' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible();
    // One line per record, the first saying what the file is.
    const firstLine = readFileSync(exportPath, 'utf8').split('\n')[0]!;
    expect(JSON.parse(firstLine)).toMatchObject({ format: 'rapport-data-lines' });

    // Change the name, then import the export: the old name comes back.
    await page.getByRole('tab', { name: 'Profile' }).click();
    await page.getByLabel('Your name').fill('Someone Else');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

    await page.getByRole('tab', { name: 'Data' }).click();
    app.answerOpenDialog([exportPath]);
    await page.getByRole('button', { name: 'Import from file…' }).click();
    await page
      .getByRole('dialog', { name: 'Import data from a file?' })
      .getByRole('button', { name: 'Import' })
      .click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
    await page.getByRole('tab', { name: 'Profile' }).click();
    await expectPage(page.getByLabel('Your name')).toHaveValue('Carlos Mendoza-Ruiz');
  });

  it('refuses a file that is not a Rapport export and changes nothing', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name').fill('Aoife O’Brien');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

    const bad = pickedFile('not-rapport.json');
    writeFileSync(bad, JSON.stringify({ hello: 'world' }));
    await page.getByRole('tab', { name: 'Data' }).click();
    app.answerOpenDialog([bad]);
    await page.getByRole('button', { name: 'Import from file…' }).click();
    await page
      .getByRole('dialog', { name: 'Import data from a file?' })
      .getByRole('button', { name: 'Import' })
      .click();
    await expectPage(page.getByRole('alert')).toBeVisible();
    await page.getByRole('tab', { name: 'Profile' }).click();
    await expectPage(page.getByLabel('Your name')).toHaveValue('Aoife O’Brien');
  });

  it('lists backups and restores one after a confirmation, keeping a copy of the current state', async () => {
    app = await launchApp({ now: '2026-12-05T09:00:00.000Z' });
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name').fill('First Name');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const table = page.getByRole('table', { name: 'Backups' });
    await expectPage(table.getByRole('row').filter({ hasText: 'Manual' })).toHaveCount(1);

    await app.setNow('2026-12-05T09:30:00.000Z');
    await page.getByRole('tab', { name: 'Profile' }).click();
    await page.getByLabel('Your name').fill('Second Name');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

    await page.getByRole('tab', { name: 'Data' }).click();
    const restoreButtons = table.getByRole('button', { name: /^Restore backup from / });
    // Cancel first: nothing changes.
    await restoreButtons.last().click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: 'Profile' }).click();
    await expectPage(page.getByLabel('Your name')).toHaveValue('Second Name');

    await page.getByRole('tab', { name: 'Data' }).click();
    await table
      .getByRole('button', { name: /^Restore backup from / })
      .last()
      .click();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
    await page.getByRole('tab', { name: 'Profile' }).click();
    await expectPage(page.getByLabel('Your name')).toHaveValue('First Name');
    expect(existsSync(join(app.dataDir, 'backups'))).toBe(true);
  });
});
