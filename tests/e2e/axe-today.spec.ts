import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { violations } from './axe-check.js';
import { launchApp, type LaunchedApp } from './harness.js';
import { newContact } from './seed.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Api {
  contacts: { create(a: unknown): Promise<{ value: { id: string } }> };
  meetings: { schedule(a: unknown): Promise<{ ok: boolean }> };
}

describe('accessibility (axe-core) of Today after a meeting, light and dark', () => {
  it.each(['light', 'dark'] as const)(
    'has no violations on "Did it happen?" and the reschedule dialog in %s',
    async (scheme) => {
      // Thursday 3 Dec 2026, 16:00 UTC; the meeting was at 15:00 UTC that day.
      app = await launchApp({ now: '2026-12-03T16:00:00.000Z' });
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      const maya = newContact({
        firstName: 'Maya',
        lastName: 'Okafor',
        title: 'Director of Nursing',
        company: 'Northwind Health',
        email: 'maya@example.com',
      });
      await page.evaluate(async (person) => {
        const api = (window as unknown as { rapport: Api }).rapport;
        const contact = await api.contacts.create(person);
        await api.meetings.schedule({
          contactId: contact.value.id,
          start: '2026-12-03T15:00:00.000Z',
          minutes: 30,
          place: 'Northwind Health',
        });
      }, maya);
      await page.keyboard.press('Control+2');
      await page.keyboard.press('Control+1');
      const question = page.getByRole('region', { name: 'Did it happen?' });
      await expectPage(question).toBeVisible();
      const found = (await violations(page)).map((line) => `Today (did it happen?): ${line}`);
      await question
        .getByRole('button', { name: 'Reschedule the meeting with Maya Okafor' })
        .click();
      await expectPage(
        page.getByRole('dialog', { name: 'Reschedule your meeting with Maya Okafor' }),
      ).toBeVisible();
      found.push(...(await violations(page)).map((line) => `Reschedule dialog: ${line}`));
      expect(found).toEqual([]);
    },
  );
});
