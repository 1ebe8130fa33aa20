import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

const linkedinFixture = resolve(
  fileURLToPath(new URL('../fixtures/linkedin-connections.csv', import.meta.url)),
);

let app: LaunchedApp | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const nav = (page: Page, name: 'Today' | 'Pipeline' | 'Settings') =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

const column = (page: Page, stage: string) => page.getByRole('region', { name: `${stage} column` });

/** A card on the board: dnd-kit makes the card a button described as a draggable contact. */
const card = (scope: Page | Locator, name: string) =>
  scope.getByRole('button', { name: new RegExp(`^${name}`) });

/** Opens Today afresh (leaving and coming back refetches the view) and waits for `day`. */
async function openToday(page: Page, day: RegExp) {
  await nav(page, 'Pipeline');
  await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await nav(page, 'Today');
  await expectPage(page.getByText(day)).toBeVisible();
}

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached with ${maxPresses} presses of Tab.`);
}

/** Drags with the mouse in small steps: dnd-kit's pointer sensor starts after 6 px of movement. */
async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('The card or the column has no box on screen.');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 4, {
    steps: 4,
  });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 120), {
    steps: 12,
  });
  await page.mouse.up();
}

/**
 * Space picks the card up, an arrow key moves it one column, Space drops it. Each key waits for
 * the screen reader announcement of the one before, as a person listening would: dnd-kit works
 * out what the card is over one render after the key, so a drop in the same instant would land
 * where the card was.
 */
async function moveWithKeyboard(
  page: Page,
  name: string,
  key: 'ArrowLeft' | 'ArrowRight',
  from: string,
  to: string,
) {
  const announced = (text: string) =>
    expectPage(page.getByRole('status').filter({ hasText: text })).toBeVisible();
  // dnd-kit tidies up a finished drag over the next frames; a pick-up within ~100 ms of the last
  // drop sometimes ignores the arrow keys. No person switches that fast, so wait as one would.
  await page.waitForTimeout(300);
  await card(column(page, from), name).focus();
  await page.keyboard.press('Space');
  await announced(`${name} is over ${from}.`);
  // dnd-kit's keyboard sensor starts listening for arrows a moment after the pick-up (and
  // measures the columns); an arrow in that instant is lost. A person is never that quick.
  await page.waitForTimeout(200);
  await page.keyboard.press(key);
  await announced(`${name} is over ${to}.`);
  await page.keyboard.press('Space');
  await announced(`Dropped ${name} on ${to}.`);
}

/** The stage main has stored for a contact: read back through the bridge, not the board. */
async function storedStage(page: Page, fullName: string): Promise<string | undefined> {
  return page.evaluate(async (name) => {
    type Contact = { firstName: string; lastName: string; stage: string };
    const api = (
      window as unknown as {
        rapport: {
          contacts: { list(): Promise<{ ok: boolean; value: Contact[] }> };
        };
      }
    ).rapport;
    const result = await api.contacts.list();
    return result.value.find((c) => `${c.firstName} ${c.lastName}` === name)?.stage;
  }, fullName);
}

async function expectStoredStage(page: Page, fullName: string, stage: string) {
  const deadline = Date.now() + 5_000;
  let seen: string | undefined;
  while (Date.now() < deadline) {
    seen = await storedStage(page, fullName);
    if (seen === stage) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  expect(seen).toBe(stage);
}

describe('contact pipeline', () => {
  it('follows an alumni contact from first outreach through 3B7 reminders, the board, a LinkedIn import and a CSV export', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' }); // a Thursday
    const { page } = app;
    scratch = mkdtempSync(join(tmpdir(), 'rapport-pipeline-spec-'));

    // First run: Today welcomes a new user and offers to add someone.
    await expectPage(
      page.getByRole('heading', { name: 'Who would you like to learn from?' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Okafor');
    await page.getByLabel('Title').fill('Senior Product Manager');
    await page.getByLabel('Company').fill('Northwind Health');
    await page.getByLabel('Source', { exact: true }).selectOption({ label: 'Alumni association' });
    await page.getByLabel('Source detail').fill('Tufts Alumni Association');
    await page.getByLabel('E-mail').fill('maya.okafor@northwind.example');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Maya Okafor' })).toBeVisible();
    await expectPage(page.getByText('Alumni association (Tufts Alumni Association)')).toBeVisible();

    // An outreach e-mail today (Thursday 3 Dec) sets follow-ups 3 and 7 business days on.
    const log = page.getByRole('form', { name: 'Log activity' });
    await expectPage(log.getByLabel('Activity')).toHaveValue('outreach-sent');
    await expectPage(log.getByLabel('When')).toHaveValue('2026-12-03T15:00');
    await log.getByRole('button', { name: 'Log activity' }).click();
    const logged = log.getByRole('status');
    await expectPage(logged).toContainText('Outreach sent logged.');
    const said = (await logged.textContent()) ?? '';
    expect(said).toMatch(
      /Follow-up reminders set for Tue,? (Dec 8|8 Dec) and Mon,? (Dec 14|14 Dec)\./,
    );
    await expectPage(
      page.getByRole('list', { name: 'Timeline entries, newest first' }).getByText('Outreach sent'),
    ).toBeVisible();

    // Monday 7 Dec: nothing is due yet.
    await app.setNow('2026-12-07T12:00:00.000Z');
    await openToday(page, /Monday, December 7, 2026|Monday 7 December 2026/);
    await expectPage(page.getByRole('note').getByText('You’re all caught up')).toBeVisible();
    await expectPage(page.getByText(/Maya/)).toHaveCount(0);

    // Tuesday 8 Dec, after 09:00: the day-3 reminder is due; the day-7 one is not.
    await app.setNow('2026-12-08T10:00:00.000Z');
    await openToday(page, /Tuesday, December 8, 2026|Tuesday 8 December 2026/);
    const dueToday = page.getByRole('region', { name: 'Due today' });
    await expectPage(
      dueToday.getByText('No reply from Maya yet: contact the next person at Northwind Health'),
    ).toBeVisible();
    await expectPage(
      page.getByRole('button', { name: 'Mark follow-up for Maya Okafor done' }),
    ).toHaveCount(1);
    await expectPage(page.getByText('Send Maya one follow-up')).toHaveCount(0);
    await expectPage(page.getByRole('region', { name: 'Overdue' })).toHaveCount(0);

    // Monday 14 Dec: the day-7 follow-up is due, the day-3 one is overdue.
    await app.setNow('2026-12-14T10:00:00.000Z');
    await openToday(page, /Monday, December 14, 2026|Monday 14 December 2026/);
    await expectPage(dueToday.getByText('Send Maya one follow-up')).toBeVisible();
    await expectPage(dueToday.getByText(/No reply from Maya/)).toHaveCount(0);
    const overdue = page.getByRole('region', { name: 'Overdue' });
    await expectPage(
      overdue.getByText('No reply from Maya yet: contact the next person at Northwind Health'),
    ).toBeVisible();
    await expectPage(overdue.getByText(/6 days late \(due Tue,? (Dec 8|8 Dec)\)/)).toBeVisible();

    // The board: the outreach moved Maya to Contacted. Drag her to Scheduled with the mouse.
    await nav(page, 'Pipeline');
    const contacted = column(page, 'Contacted');
    const scheduled = column(page, 'Scheduled');
    await expectPage(card(contacted, 'Maya Okafor')).toBeVisible();
    await expectPage(card(scheduled, 'Maya Okafor')).toHaveCount(0);
    await dragWithMouse(page, card(contacted, 'Maya Okafor'), scheduled);
    await expectPage(card(scheduled, 'Maya Okafor')).toBeVisible();
    await expectPage(card(contacted, 'Maya Okafor')).toHaveCount(0);
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await expectStoredStage(page, 'Maya Okafor', 'scheduled');

    // Back to Contacted with the keyboard: Space picks up, ArrowLeft moves a column, Space drops.
    await moveWithKeyboard(page, 'Maya Okafor', 'ArrowLeft', 'Scheduled', 'Contacted');
    await expectPage(card(contacted, 'Maya Okafor')).toBeVisible();
    await expectPage(card(scheduled, 'Maya Okafor')).toHaveCount(0);
    await expectStoredStage(page, 'Maya Okafor', 'contacted');

    // And to Scheduled again with the keyboard; it survives a reload of the whole window.
    await moveWithKeyboard(page, 'Maya Okafor', 'ArrowRight', 'Contacted', 'Scheduled');
    await expectPage(card(scheduled, 'Maya Okafor')).toBeVisible();
    await expectStoredStage(page, 'Maya Okafor', 'scheduled');
    await page.reload();
    await nav(page, 'Pipeline');
    await expectPage(card(column(page, 'Scheduled'), 'Maya Okafor')).toBeVisible();
    await expectPage(card(column(page, 'Contacted'), 'Maya Okafor')).toHaveCount(0);

    // Import the LinkedIn connections: Maya is in the file too, so she is merged, not doubled.
    await page.getByRole('button', { name: 'Import or export…' }).click();
    await page.getByRole('radio', { name: 'LinkedIn connections (CSV)' }).check();
    app.answerOpenDialog([linkedinFixture]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    const preview = page.getByRole('region', {
      name: 'Preview of linkedin-connections.csv',
    });
    await expectPage(preview.getByText('6 new, 1 to merge, 0 unchanged, 0 rejected')).toBeVisible();
    await preview.getByRole('button', { name: 'Import 7 contacts' }).click();
    await expectPage(
      page.getByRole('status').filter({ hasText: 'Imported 6 new contacts and updated 1.' }),
    ).toBeVisible();

    // The same file again: everyone is already there and there is nothing to import.
    app.answerOpenDialog([linkedinFixture]);
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expectPage(preview.getByText('0 new, 0 to merge, 7 unchanged, 0 rejected')).toBeVisible();
    const nothing = preview.getByRole('button', { name: 'Nothing to import' });
    await expectPage(nothing).toBeVisible();
    expect(await nothing.isDisabled()).toBe(true);
    await preview.getByRole('button', { name: 'Cancel' }).click();

    // The list shows seven people, Maya once, with her LinkedIn details merged in.
    await nav(page, 'Pipeline');
    await page.getByRole('radio', { name: 'List' }).check();
    await expectPage(page.getByText('7 contacts', { exact: true })).toBeVisible();
    const table = page.getByRole('table', { name: 'Contacts' });
    await expectPage(table.getByRole('row')).toHaveCount(8); // the header and seven people
    await expectPage(table.getByRole('link', { name: 'Maya Okafor' })).toHaveCount(1);
    await expectPage(table.getByRole('link', { name: 'Zoë Ångström' })).toHaveCount(1);
    await expectPage(
      table
        .getByRole('row')
        .filter({ hasText: 'Maya Okafor' })
        .getByRole('cell', { name: 'Scheduled' }),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'Board' }).check();

    // Export as CSV and read the file as a spreadsheet would.
    await page.getByRole('button', { name: 'Import or export…' }).click();
    const csvPath = join(scratch, 'contacts.csv');
    app.answerSaveDialog(csvPath);
    await page.getByRole('button', { name: 'Export contacts as CSV…' }).click();
    await expectPage(
      page.getByRole('status').filter({ hasText: `Exported 7 contacts to ${csvPath}.` }),
    ).toBeVisible();
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(rows).toHaveLength(7);
    const at = (name: string) => header!.indexOf(name);
    const row = (first: string) => rows.find((r) => r[at('First Name')] === first);
    const maya = row('Maya');
    expect(maya?.[at('Last Name')]).toBe('Okafor');
    expect(maya?.[at('Source')]).toBe('alumni');
    expect(maya?.[at('Source Detail')]).toBe('Tufts Alumni Association');
    expect(maya?.[at('E-mail')]).toBe('maya.okafor@northwind.example');
    expect(maya?.[at('LinkedIn URL')]).toBe('https://www.linkedin.com/in/maya-okafor-1a2b3c');
    expect(maya?.[at('Stage')]).toBe('scheduled');
    const zoe = row('Zoë');
    expect(zoe?.[at('Last Name')]).toBe('Ångström');
    expect(zoe?.[at('Title')]).toBe('Director, "Clinical" Operations');
    expect(row('李')?.[at('Last Name')]).toBe('雷');
    expect(row('Jonas')?.[at('Company')]).toBe('Fabrikam, Inc.');
  });

  it('adds a contact with the keyboard alone and warns before adding a second one with the same e-mail', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    await expectPage(
      page.getByRole('heading', { name: 'Who would you like to learn from?' }),
    ).toBeVisible();

    await tabTo(page, page.getByRole('button', { name: 'Add a contact' }));
    await page.keyboard.press('Enter');
    await expectPage(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await tabTo(page, page.getByLabel('First name'));
    await page.keyboard.type('Aoife');
    await page.keyboard.press('Tab');
    await page.keyboard.type('O’Brien');
    await tabTo(page, page.getByLabel('Company'));
    await page.keyboard.type('Woodgrove Bank');
    await tabTo(page, page.getByLabel('E-mail'));
    await page.keyboard.type('aoife@example.ie');
    await tabTo(page, page.getByLabel('Source', { exact: true }));
    await page.keyboard.type('Prof'); // a closed select jumps to the option typed
    await expectPage(page.getByLabel('Source', { exact: true })).toHaveValue('professional-org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Women in Finance Network');
    await page.keyboard.press('Enter'); // submits the form from a text field
    await expectPage(page.getByRole('heading', { level: 1, name: 'Aoife O’Brien' })).toBeVisible();
    await expectPage(
      page.getByText('Professional or industry organization (Women in Finance Network)'),
    ).toBeVisible();

    // Another contact with the same e-mail, in another case: Rapport names the match first.
    await nav(page, 'Pipeline');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel('First name').fill('A.');
    await page.getByLabel('Last name').fill('Brien');
    await page.getByLabel('E-mail').fill('AOIFE@example.ie');
    await page.getByRole('button', { name: 'Save contact' }).click();
    const warning = page
      .getByRole('alert')
      .filter({ hasText: 'This looks like someone you already have:' });
    await expectPage(warning).toBeVisible();
    await expectPage(warning.getByText('(same e-mail)')).toBeVisible();
    await expectPage(warning.getByRole('link', { name: 'Open Aoife O’Brien' })).toBeVisible();
    await expectPage(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    const count = await page.evaluate(async () => {
      const api = (
        window as unknown as {
          rapport: { contacts: { list(): Promise<{ value: unknown[] }> } };
        }
      ).rapport;
      return (await api.contacts.list()).value.length;
    });
    expect(count).toBe(1);

    // Following the link opens the existing contact instead of adding a second card.
    await warning.getByRole('link', { name: 'Open Aoife O’Brien' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Aoife O’Brien' })).toBeVisible();
    await nav(page, 'Pipeline');
    await expectPage(page.getByText('1 contact', { exact: true })).toBeVisible();
  });
});
