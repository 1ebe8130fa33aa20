import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { chromium, type Page } from 'playwright-core';
import { openStorage } from '../../electron/services/storage.js';
import { exportText } from '../../electron/services/export-file.js';
import { launchApp } from '../../tests/e2e/harness.js';
import { generateDataset } from './generate.js';
import { BENCH_BROWSER_ARGS, CHROMIUM, openProfile, userPause, waitForToday } from './launch.js';
import { median, round, type BenchModule, type Figure } from './types.js';

const NOW = new Date('2026-12-01T09:00:00.000Z');

/**
 * tsx compiles this file with esbuild's keepNames, which wraps inner functions in `__name(...)`;
 * functions sent to page.evaluate then need that helper in the page too.
 */
const defineNameHelper = (page: Page) => page.evaluate('globalThis.__name = (fn) => fn');

/** A data folder holding `contacts` generated contacts (and nothing else heavy). */
async function seededDataDir(contacts: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-ui-'));
  const file = path.join(dataDir, 'seed.json');
  const data = generateDataset(
    { contacts, activities: 0, meetings: 0, questionsPerMeeting: 0, notesPerMeeting: 0 },
    7,
    NOW,
  );
  fs.writeFileSync(file, exportText(data, NOW));
  const storage = openStorage({ dataDir, now: () => NOW, StoreClass: Conf, log: () => undefined });
  await storage.importAll(file);
  storage.close();
  fs.rmSync(file);
  return dataDir;
}

/**
 * Timings taken inside the page (performance.now), from the user's action to the next frame
 * painted after the UI settled: what a person waits for, in the real renderer in Chromium.
 */
export const rendererBench: BenchModule = {
  name: 'renderer',
  async run({ progress }) {
    const figures: Figure[] = [];

    progress('seeding 5,000 contacts');
    const boardDir = await seededDataDir(5_000);
    const renders: number[] = [];
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: BENCH_BROWSER_ARGS });
    try {
      // Launched as the startup bench does (a profile that has run the app before); the click
      // comes a moment after Today is interactive, when the page has fetched the other areas.
      const profile = await openProfile(browser);
      for (let run = 0; run < 5; run += 1) {
        const app = await launchApp({
          dataDir: boardDir,
          now: NOW.toISOString(),
          transport: 'http',
          context: profile.context,
          port: profile.port,
        });
        await waitForToday(app.page);
        await userPause();
        const ms = await app.page.evaluate(async () => {
          const link = [...document.querySelectorAll('nav a')].find(
            (a) => a.textContent?.trim() === 'Pipeline',
          ) as HTMLElement;
          const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
          const start = performance.now();
          link.click();
          for (;;) {
            await frame();
            const cards = document.querySelectorAll('[aria-roledescription="draggable contact"]');
            if (cards.length > 0) break;
            if (performance.now() - start > 30_000) throw new Error('the board never showed');
          }
          await frame();
          return performance.now() - start;
        });
        renders.push(ms);
        await app.close();
      }
    } finally {
      await browser.close();
    }
    fs.rmSync(boardDir, { recursive: true, force: true });
    const render = round(median(renders));
    progress(`board renders (ms): ${renders.map((v) => v.toFixed(1)).join(' ')}`);
    figures.push({
      key: 'pipeline.render.ms',
      value: render,
      unit: 'ms',
      goal: { text: '< 300 ms (5,000 contacts)', pass: render < 300 },
    });

    progress('seeding 10,000 contacts');
    const searchDir = await seededDataDir(10_000);
    const app = await launchApp({ dataDir: searchDir, now: NOW.toISOString(), transport: 'http' });
    await defineNameHelper(app.page);
    await app.page.getByRole('link', { name: 'Pipeline' }).click();
    await app.page
      .getByRole('radio', { name: 'List' })
      .or(app.page.getByRole('tab', { name: 'List' }))
      .click();
    const search = app.page
      .getByRole('searchbox', { name: 'Search contacts' })
      .or(app.page.getByLabel('Search contacts'));
    await search.first().waitFor();
    await search.first().focus();
    const keystrokes = await app.page.evaluate(async (text) => {
      const input = document.activeElement as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
      const times: number[] = [];
      for (const word of [text, text]) {
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        for (let i = 1; i <= word.length; i += 1) {
          await frame();
          // From the input event to the list re-rendered and laid out (React renders a typed
          // character synchronously; reading offsetHeight forces style and layout). Painting and
          // the wait for the next display frame are not counted: they do not depend on our work.
          const start = performance.now();
          setValue.call(input, word.slice(0, i));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          void document.body.offsetHeight;
          times.push(performance.now() - start);
        }
      }
      return times;
    }, 'martinez product');
    await app.close();
    fs.rmSync(searchDir, { recursive: true, force: true });
    const keystroke = round(median(keystrokes));
    progress(`keystrokes (ms): ${keystrokes.map((v) => v.toFixed(1)).join(' ')}`);
    figures.push({
      key: 'search.keystroke.median.ms',
      value: keystroke,
      unit: 'ms',
      goal: { text: '< 8 ms (10,000 contacts)', pass: keystroke < 8 },
    });
    return figures;
  },
};
