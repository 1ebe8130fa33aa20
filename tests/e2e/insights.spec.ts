import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';
import { newContact } from './seed.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Api {
  contacts: { create(a: unknown): Promise<{ ok: boolean; value: { id: string } }> };
  activities: { log(a: unknown): Promise<{ ok: boolean }> };
  meetings: {
    schedule(a: unknown): Promise<{ ok: boolean; value: { meeting: { id: string } } }>;
    markHeld(a: unknown): Promise<{ ok: boolean }>;
  };
}

/** One person of the seeded search, and what happened with them (days after 1 November). */
interface Person {
  first: string;
  referredBy: number | null;
  outreachDay: number;
  replyDay: number | null;
  metDay: number | null;
  thankedHoursAfter: number | null;
}

const people: Person[] = [
  { first: 'Maya', referredBy: null, outreachDay: 2, replyDay: 3, metDay: 9, thankedHoursAfter: 5 },
  { first: 'Kim', referredBy: 0, outreachDay: 4, replyDay: 5, metDay: 12, thankedHoursAfter: 40 },
  {
    first: 'Jordan',
    referredBy: null,
    outreachDay: 6,
    replyDay: null,
    metDay: null,
    thankedHoursAfter: null,
  },
  {
    first: 'Ana',
    referredBy: 1,
    outreachDay: 10,
    replyDay: 13,
    metDay: null,
    thankedHoursAfter: null,
  },
  {
    first: 'Sam',
    referredBy: null,
    outreachDay: 16,
    replyDay: 17,
    metDay: 20,
    thankedHoursAfter: null,
  },
];

const at = (day: number, hour = 14) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

async function seed(page: Page) {
  const setup = people.map((p) => ({
    person: newContact({ firstName: p.first, lastName: 'Test', company: `${p.first} Co` }),
    referredBy: p.referredBy,
    outreach: at(p.outreachDay),
    reply: p.replyDay === null ? null : at(p.replyDay),
    met: p.metDay === null ? null : at(p.metDay, 15),
    thanked:
      p.metDay === null || p.thankedHoursAfter === null
        ? null
        : new Date(
            Date.parse(at(p.metDay, 15)) + (30 + p.thankedHoursAfter * 60) * 60_000,
          ).toISOString(),
  }));
  await page.evaluate(async (list) => {
    const api = (window as unknown as { rapport: Api }).rapport;
    const ids: string[] = [];
    for (const item of list) {
      const contact = await api.contacts.create({
        contact: {
          ...item.person.contact,
          referredById: item.referredBy === null ? null : ids[item.referredBy],
          source:
            item.referredBy === null
              ? { kind: 'alumni', detail: '' }
              : { kind: 'referral', detail: '' },
        },
      });
      const id = contact.value.id;
      ids.push(id);
      await api.activities.log({
        contactId: id,
        kind: 'outreach-sent',
        at: item.outreach,
        summary: '',
      });
      if (item.reply)
        await api.activities.log({
          contactId: id,
          kind: 'reply-received',
          at: item.reply,
          summary: '',
        });
      if (item.met) {
        const scheduled = await api.meetings.schedule({
          contactId: id,
          start: item.met,
          minutes: 30,
          place: 'Café',
        });
        await api.meetings.markHeld({ id: scheduled.value.meeting.id });
      }
      if (item.thanked)
        await api.activities.log({
          contactId: id,
          kind: 'thank-you-sent',
          at: item.thanked,
          summary: '',
        });
    }
  }, setup);
}

/** The rows of a chart's table (row header first), as the user reads them. */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const card = page.getByRole('region', { name: chart });
  await card.getByRole('button', { name: 'Show as table' }).click();
  const table = card.getByRole('table');
  await table.waitFor();
  return table.evaluate((element) =>
    [...element.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent ?? ''),
    ),
  );
}

describe('insights', () => {
  it('shows figures that match the data, saves a chart as PNG and CSV, and opens a person from the referral network', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await seed(page);

    // Counted here from the list above, not by the app's code.
    const wrote = people.length;
    const replied = people.filter((p) => p.replyDay !== null).length;
    const met = people.filter((p) => p.metDay !== null).length;
    const thanked = people.filter((p) => p.thankedHoursAfter !== null).length;
    const referred = new Set(people.map((p) => p.referredBy).filter((r) => r !== null)).size;
    const onTime = people.filter(
      (p) => p.thankedHoursAfter !== null && p.thankedHoursAfter <= 24,
    ).length;

    await page.keyboard.press('Control+7');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    const funnel = await tableRows(page, 'Funnel');
    expect(funnel.map((row) => [row[0], Number(row[1])])).toEqual([
      ['Outreach sent', wrote],
      ['Replied', replied],
      ['Met', met],
      ['Thanked', thanked],
      ['Referred someone', referred],
    ]);
    const thanks = page.getByRole('region', { name: 'Thank-you notes within 24 hours' });
    await expectPage(thanks).toContainText(
      `${onTime} of ${met} thank-you notes went out within 24 hours`,
    );

    // The funnel's data as CSV, and the stage chart as a picture.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-insights-'));
    app.answerSaveDialog(path.join(folder, 'funnel.csv'));
    await page
      .getByRole('region', { name: 'Funnel' })
      .getByRole('button', { name: 'Save data as CSV…' })
      .click();
    await expectPage(
      page.getByText(`Saved the data to ${path.join(folder, 'funnel.csv')}.`),
    ).toBeVisible();
    const csv = fs.readFileSync(path.join(folder, 'funnel.csv'), 'utf8');
    expect(csv).toContain(`Outreach sent,${wrote},`);
    const stages = page.getByRole('region', { name: 'Contacts by stage' });
    app.answerSaveDialog(path.join(folder, 'stages.png'));
    await stages.getByRole('button', { name: 'Save as PNG…' }).click();
    await expectPage(stages.getByText(/^Saved the chart to /)).toBeVisible();
    const png = fs.readFileSync(path.join(folder, 'stages.png'));
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(png.length).toBeGreaterThan(2_000);

    // Who led to whom: Maya introduced Kim, Kim introduced Ana.
    const network = page.getByRole('region', { name: 'Referral network' });
    await expectPage(network).toContainText('2 introductions among 3 people');
    await network.getByRole('link', { name: 'Kim Test' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Kim Test' })).toBeVisible();
  });
});
