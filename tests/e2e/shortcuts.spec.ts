import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const focusedName = (app: LaunchedApp) =>
  app.page.evaluate(() => {
    const active = document.activeElement;
    return active === null || active === document.body
      ? 'body'
      : `${active.tagName.toLowerCase()} ${active.getAttribute('aria-label') ?? active.textContent?.trim() ?? ''}`;
  });

describe('keyboard shortcuts in the real renderer', () => {
  it('moves between areas, opens a new contact, finds, and lists the keys', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

    await page.keyboard.press('Control+2');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await page.keyboard.press('Control+3');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    expect(await focusedName(app)).toBe('h1 Meetings');

    await page.keyboard.press('Control+n');
    await expectPage(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await page.keyboard.press('Control+1');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    // Ctrl+F from a screen without a search box goes to the contacts' search.
    await page.keyboard.press('Control+f');
    await expectPage(page.getByRole('searchbox', { name: 'Search contacts' })).toBeVisible();
    expect(await focusedName(app)).toMatch(/^input/);

    await page.keyboard.press('Control+/');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expectPage(dialog.getByRole('row', { name: 'Go to Pipeline Ctrl+2' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expectPage(page.getByRole('searchbox', { name: 'Search contacts' })).toBeVisible();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await focusedName(app)).toMatch(/^input/);

    // The palette: a command by name, from the keyboard.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Go to or run' });
    await palette.getByRole('combobox').fill('thank');
    await expectPage(palette.getByRole('option', { name: /Go to Thank-you notes/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Thank-you notes' }),
    ).toBeVisible();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await focusedName(app)).toBe('h1 Thank-you notes');
  });
});
