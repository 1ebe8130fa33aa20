import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('profile', () => {
  it('keeps the profile a user saved after the app is closed and opened again', async () => {
    app = await launchApp({ now: '2026-12-01T09:00:00.000Z' });
    const { page, dataDir } = app;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('tab', { name: 'Profile' }).click();
    await page.getByLabel('Your name').fill('Zoë Ångström');
    await page.getByLabel('E-mail').fill('zoe@example.com');
    await page.getByLabel('Phone').fill('+44 20 7946 0018');
    await page.getByLabel('LinkedIn profile URL').fill('https://www.linkedin.com/in/zoe-angstrom');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
    await app.close();

    app = await launchApp({ dataDir, now: '2026-12-01T09:05:00.000Z' });
    await app.page.getByRole('link', { name: 'Settings' }).click();
    await app.page.getByRole('tab', { name: 'Profile' }).click();
    await expectPage(app.page.getByLabel('Your name')).toHaveValue('Zoë Ångström');
    await expectPage(app.page.getByLabel('E-mail')).toHaveValue('zoe@example.com');
    await expectPage(app.page.getByLabel('LinkedIn profile URL')).toHaveValue(
      'https://www.linkedin.com/in/zoe-angstrom',
    );
  });

  it('refuses an invalid e-mail with a message next to the field and saves nothing', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name').fill('Maya');
    await page.getByLabel('E-mail').fill('maya-at-example');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expectPage(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    await expectPage(
      page.getByText('Enter an e-mail address like name@example.com.'),
    ).toBeVisible();
    const settings = await page.evaluate(async () => {
      const api = (window as unknown as { rapport: { settings: { get(): Promise<unknown> } } })
        .rapport;
      return api.settings.get();
    });
    expect(settings).toMatchObject({ ok: true, value: { profile: { name: '' } } });
  });
});
