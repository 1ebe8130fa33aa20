import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { bigCsv } from '../../build/bench/import-bench.js';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

const windows1252 = resolve(
  fileURLToPath(new URL('../fixtures/contacts-windows-1252.csv', import.meta.url)),
);

let app: LaunchedApp | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** Names as main stored them, read back through the bridge. */
async function storedNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Contact = { firstName: string; lastName: string };
    const api = (
      window as unknown as {
        rapport: { contacts: { list(): Promise<{ ok: boolean; value: Contact[] }> } };
      }
    ).rapport;
    const result = await api.contacts.list();
    return result.value.map((c) => `${c.firstName} ${c.lastName}`).sort();
  });
}

describe('contact import', () => {
  it('imports a Windows-1252 CSV in the encoding the user picks, and cancels a large import while it is read', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    scratch = mkdtempSync(join(tmpdir(), 'rapport-import-spec-'));

    // A new user's pipeline offers the import page.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Pipeline' })
      .click();
    await page.getByRole('button', { name: 'Import LinkedIn connections' }).click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Import and export contacts' }),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'Other CSV file' }).check();

    // A file Excel saved in Europe: not UTF-8, so it is shown as Windows-1252, with the choice.
    app.answerOpenDialog([windows1252]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    const preview = page.getByRole('region', { name: 'Preview of contacts-windows-1252.csv' });
    const encoding = preview.getByRole('combobox', { name: 'Text encoding' });
    await expectPage(encoding).toHaveValue('windows-1252');
    await expectPage(
      preview.getByText(/not in UTF-8, so Rapport read it as Windows-1252/),
    ).toBeVisible();
    await expectPage(preview.getByRole('cell', { name: 'Zoë Ångström' })).toBeVisible();
    await expectPage(preview.getByRole('cell', { name: 'Œuvre Dupré' })).toBeVisible();

    // ISO-8859-1 has no Œ: the name changes on screen; back to Windows-1252 before importing.
    await encoding.selectOption('iso-8859-1');
    await expectPage(preview.getByRole('cell', { name: 'uvre Dupré', exact: true })).toBeVisible();
    await encoding.selectOption('windows-1252');
    await expectPage(preview.getByRole('cell', { name: 'Œuvre Dupré' })).toBeVisible();
    await expectPage(encoding).toHaveValue('windows-1252');
    await preview.getByRole('button', { name: 'Import 3 contacts' }).click();
    await expectPage(
      page.getByRole('status').filter({ hasText: 'Imported 3 new contacts.' }),
    ).toBeVisible();
    expect(await storedNames(page)).toEqual(['José Müller', 'Zoë Ångström', 'Œuvre Dupré']);

    // A 20 MB file: Cancel while it is being read stops it; nothing is shown or saved.
    const big = join(scratch, 'big.csv');
    writeFileSync(big, bigCsv(20 * 1024 * 1024 - 100_000, 49_000));
    app.answerOpenDialog([big]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expectPage(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expectPage(
      page.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was changed.' }),
    ).toBeVisible();
    await expectPage(page.getByRole('progressbar')).toHaveCount(0);
    await page.waitForTimeout(1_500);
    await expectPage(page.getByRole('region', { name: 'Preview of big.csv' })).toHaveCount(0);
    expect(await storedNames(page)).toHaveLength(3);
    expect(await page.getByRole('button', { name: 'Choose file…' }).isEnabled()).toBe(true);
  });
});
