import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const employerNames = async (page: Page) =>
  page.getByRole('table', { name: 'LAMP list' }).getByRole('rowheader').allTextContents();

async function newContact(
  page: Page,
  first: string,
  last: string,
  company: string,
  source: 'alumni' | 'other',
) {
  await page.keyboard.press('Control+n');
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Source', { exact: true }).selectOption(source);
}

describe('employers and the LAMP list', () => {
  it('adds employers, sorts them by Motivation then Posting, links a contact from a company name and reuses company research in the next meeting there', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

    await page.keyboard.press('Control+6');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Employers' })).toBeVisible();
    for (const name of ['Contoso', 'Northwind Health', 'Fabrikam']) {
      await page.getByLabel('Employer name').fill(name);
      await page.keyboard.press('Enter');
      await expectPage(page.getByText(`Added ${name} to your list.`)).toBeVisible();
    }
    expect(await employerNames(page)).toEqual(['Contoso', 'Fabrikam', 'Northwind Health']);
    // A second "Contoso Ltd" is the same employer.
    await page.getByLabel('Employer name').fill('contoso ltd.');
    await page.keyboard.press('Enter');
    await expectPage(page.getByText('Contoso is already on your list.')).toBeVisible();

    // Scored from the keyboard: the row moves, the select keeps the focus, main says where.
    const motivation = page.getByRole('combobox', { name: 'Motivation for Northwind Health' });
    await motivation.focus();
    await motivation.selectOption('3');
    await expectPage(
      page.getByText('Saved Northwind Health: Motivation 3. It is 1st of 3.'),
    ).toBeVisible();
    await expectPage(motivation).toBeFocused();
    await page.getByRole('combobox', { name: 'Posting for Fabrikam' }).selectOption('3');
    await page.getByRole('combobox', { name: 'Motivation for Contoso' }).selectOption('3');
    await expectPage(page.getByText(/^Saved Contoso: Motivation 3/)).toBeVisible();
    expect(await employerNames(page)).toEqual(['Contoso', 'Northwind Health', 'Fabrikam']);
    await page.getByRole('combobox', { name: 'Posting for Northwind Health' }).selectOption('2');
    await expectPage(page.getByText(/^Saved Northwind Health: Posting 2/)).toBeVisible();
    expect(await employerNames(page)).toEqual(['Northwind Health', 'Contoso', 'Fabrikam']);

    // A contact typed with another spelling links to the employer; the form says so first.
    await newContact(page, 'Maya', 'Okafor', 'NORTHWIND HEALTH, Inc.', 'alumni');
    await expectPage(
      page.getByText('Employer: Northwind Health, on your LAMP list.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await newContact(page, 'Kim', 'Lee', 'Northwind health', 'other');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Kim Lee' })).toBeVisible();
    // A new company is added to the list when the contact is saved.
    await newContact(page, 'Ana', 'Lind', 'Globex', 'other');
    await expectPage(
      page.getByText('Saving adds “Globex” to your employers (LAMP list).'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Ana Lind' })).toBeVisible();

    await page.keyboard.press('Control+6');
    const northwind = page.getByRole('row', { name: /Northwind Health/ });
    await expectPage(northwind.getByRole('cell').first()).toContainText('Yes · Maya Okafor');
    expect(await employerNames(page)).toContain('Globex');
    await northwind.getByRole('link', { name: 'Northwind Health' }).click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Northwind Health' }),
    ).toBeVisible();
    const people = page.getByRole('region', { name: 'People here' });
    await expectPage(people.getByRole('link', { name: 'Maya Okafor' })).toBeVisible();
    await expectPage(people.getByRole('link', { name: 'Kim Lee' })).toBeVisible();

    // Research written in Maya's meeting is offered in Kim's.
    await people.getByRole('link', { name: 'Maya Okafor' }).click();
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    let dialog = page.getByRole('dialog', { name: 'Schedule a meeting with Maya Okafor' });
    await dialog.getByLabel('Date and time').fill('2026-12-08T15:00');
    await dialog.getByLabel('Place').fill('Northwind, 5th floor');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    const research = page.getByRole('region', { name: 'Research' });
    await research.getByLabel('Company').fill('Three hospitals; Epic EHR; a new data team');
    await expectPage(page.getByText('All changes saved')).toBeVisible();

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Go to or run' }).getByRole('combobox').fill('kim lee');
    await page.keyboard.press('Enter');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Kim Lee' })).toBeVisible();
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    dialog = page.getByRole('dialog', { name: 'Schedule a meeting with Kim Lee' });
    await dialog.getByLabel('Date and time').fill('2026-12-10T15:00');
    await dialog.getByLabel('Place').fill('Café');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Prepare for Kim Lee' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Use research on Northwind Health' }).click();
    await expectPage(
      page.getByRole('region', { name: 'Research' }).getByLabel('Company'),
    ).toHaveValue('Three hospitals; Epic EHR; a new data team');
  });
});
