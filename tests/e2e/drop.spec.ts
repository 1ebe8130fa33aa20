import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

const fixture = (name: string) =>
  fs.readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Drags a file from the desktop onto the window, as Chromium delivers it: dragover, then drop. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string) {
  const transfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      dt.items.add(new File([raw], name, { type }));
      return dt;
    },
    { name, data: bytes.toString('base64'), type },
  );
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

describe('dropping files on the window', () => {
  it('opens the import preview for a contact file, attaches a PDF on a prep page, and explains anything else', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

    // Something Rapport cannot use: said so, nothing else happens.
    await dropFile(page, 'holiday.heic', Buffer.from('not an image'), 'image/heic');
    await expectPage(page.getByText(/^Rapport cannot use “holiday\.heic”/)).toBeVisible();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

    // A LinkedIn export dropped anywhere: the import page with its preview.
    await dropFile(page, 'Connections.csv', fixture('linkedin-connections.csv'), 'text/csv');
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Import and export contacts' }),
    ).toBeVisible();
    const preview = page.getByRole('region', { name: 'Preview of Connections.csv' });
    await expectPage(preview).toBeVisible();
    await page.getByRole('button', { name: /^Import \d+ contacts?$/ }).click();
    await expectPage(page.getByText(/^Imported \d+ new contacts/)).toBeVisible();

    // A PDF away from a prep page is not attached anywhere...
    await dropFile(page, 'Resume.pdf', fixture('sample-resume.pdf'), 'application/pdf');
    await expectPage(
      page.getByText("To attach “Resume.pdf”, open a meeting's prep page and drop it there."),
    ).toBeVisible();

    // ...but on a meeting's prep page it is.
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Go to or run' }).getByRole('combobox').fill('okafor');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    const schedule = page.getByRole('dialog', { name: /^Schedule a meeting with/ });
    await schedule.getByLabel('Date and time').fill('2026-12-08T15:00');
    await schedule.getByLabel('Place').fill('Blue Bottle Café');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: /^Prepare for/ })).toBeVisible();
    await dropFile(page, 'Resume.pdf', fixture('sample-resume.pdf'), 'application/pdf');
    const files = page.getByRole('region', { name: 'Files' });
    await expectPage(
      files
        .getByRole('status')
        .filter({ hasText: 'Attached Resume.pdf. This meeting has 1 file.' }),
    ).toBeVisible();
    await expectPage(
      files.getByRole('list', { name: 'Attached files' }).getByRole('listitem'),
    ).toContainText('Resume.pdf');
  });
});
