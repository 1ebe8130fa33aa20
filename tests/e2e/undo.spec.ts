import { afterEach, describe, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('undo in the real renderer and main', () => {
  it('undoes a stage move from the toast and with Ctrl+Z, but Ctrl+Z in a field undoes typing', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.keyboard.press('Control+n');
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await page.keyboard.press('Control+2');
    const prospects = page.getByRole('region', { name: /^Prospect/ });
    const met = page.getByRole('region', { name: /^Met/ });
    await expectPage(prospects.getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();

    // Moved: the toast says what main did and offers Undo.
    await page.getByRole('button', { name: 'Actions for Maya Okafor' }).click();
    await page.getByRole('menuitem', { name: 'Move to Met' }).click();
    const toast = page.getByRole('listitem').filter({ hasText: 'Moved Maya Okafor to Met' });
    await expectPage(toast).toBeVisible();
    await expectPage(met.getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expectPage(page.getByText('Undone: Moved Maya Okafor to Met.')).toBeVisible();
    await expectPage(prospects.getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeFocused();

    // Again, undone from the keyboard this time.
    await page.getByRole('button', { name: 'Actions for Maya Okafor' }).click();
    await page.getByRole('menuitem', { name: 'Move to Met' }).click();
    await expectPage(page.getByText('Moved Maya Okafor to Met', { exact: true })).toBeVisible();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).focus();
    await page.keyboard.press('Control+z');
    await expectPage(page.getByText('Undone: Moved Maya Okafor to Met.')).toBeVisible();
    await expectPage(prospects.getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();

    // In the search box, Ctrl+Z takes back the typing and leaves the data alone.
    await page.getByRole('button', { name: 'Actions for Maya Okafor' }).click();
    await page.getByRole('menuitem', { name: 'Move to Met' }).click();
    await expectPage(page.getByText('Moved Maya Okafor to Met', { exact: true })).toBeVisible();
    const search = page.getByRole('searchbox');
    await search.click();
    // One insertion, one step of the field's own undo (typed keys may group differently).
    await page.keyboard.insertText('okafor');
    await expectPage(search).toHaveValue('okafor');
    await page.keyboard.press('Control+z');
    await expectPage(search).toHaveValue('');
    await expectPage(page.getByText('Moved Maya Okafor to Met', { exact: true })).toBeVisible();
    await expectPage(met.getByRole('button', { name: /^Maya Okafor/ })).toBeVisible();
  });
});
