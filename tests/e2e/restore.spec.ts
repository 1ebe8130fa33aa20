import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Store files (not backups, not moved-aside copies) whose content mentions `needle`. */
function storeFilesContaining(dataDir: string, needle: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (
          !['backups', 'damaged', 'attachments'].includes(entry.name) &&
          !entry.name.startsWith('pre-migration')
        )
          walk(path);
      } else if (entry.name.endsWith('.json') && readFileSync(path, 'utf8').includes(needle)) {
        found.push(path);
      }
    }
  };
  walk(dataDir);
  return found;
}

async function saveName(app: LaunchedApp, name: string) {
  await app.page.getByRole('link', { name: 'Settings' }).click();
  await app.page.getByLabel('Your name').fill(name);
  await app.page.getByRole('button', { name: 'Save profile' }).click();
  await expectPage(
    app.page.getByRole('status').filter({ hasText: 'Profile saved.' }),
  ).toBeVisible();
}

describe('a damaged store', () => {
  it('is moved aside, the newest good backup is restored, and the user is told which one', async () => {
    app = await launchApp({ now: '2026-12-02T10:00:00.000Z' });
    const { dataDir } = app;
    await saveName(app, 'Priya Raman');
    await app.close(); // quitting takes a backup

    const [settingsFile] = storeFilesContaining(dataDir, 'Priya Raman');
    expect(settingsFile).toBeDefined();
    const damagedBytes = '{"profile": {"name": "Priya';
    writeFileSync(settingsFile!, damagedBytes);

    app = await launchApp({ dataDir, now: '2026-12-03T08:00:00.000Z' });
    const notice = app.page.getByRole('alert').filter({ hasText: 'restored' });
    await expectPage(notice).toBeVisible();
    // The notice names the backup's date (written on 2 December).
    await expectPage(notice).toContainText('2026');
    await app.page.getByRole('link', { name: 'Settings' }).click();
    await expectPage(app.page.getByLabel('Your name')).toHaveValue('Priya Raman');

    // The damaged bytes were kept, not deleted.
    const kept = storeFilesContaining(join(dataDir, 'damaged'), '"Priya');
    expect(existsSync(join(dataDir, 'damaged'))).toBe(true);
    expect(kept.map((file) => relative(dataDir, file)).length).toBeGreaterThan(0);

    await app.page.getByRole('button', { name: 'Dismiss' }).click();
    await expectPage(app.page.getByRole('alert').filter({ hasText: 'restored' })).toBeHidden();
  });
});
