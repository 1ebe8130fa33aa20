import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { launchApp } from '../../tests/e2e/harness.js';
import {
  BENCH_BROWSER_ARGS,
  CHROMIUM,
  openProfile,
  userPause,
  waitForToday,
  type Profile,
} from './launch.js';
import { openedAndRead, seededCopy } from './seed-store.js';
import { median, round, type BenchModule, type Figure } from './types.js';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

/**
 * A seeded store (shared with the scale bench), opened and closed once so that the timed starts
 * find it as a user's next launch would: files checked and split, the manifest written.
 */
async function seed(size: 'heavy' | '50k', progress: (message: string) => void): Promise<string> {
  const dataDir = seededCopy(size, progress);
  await openedAndRead(dataDir);
  return dataDir;
}

const emptyDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-startup-'));

/** Launch (browser excluded) to Today interactive, in ms; the app stays open for more figures. */
async function timeStartup(profile: Profile, dataDir: string, fixedClock = true) {
  const started = performance.now();
  const app = await launchApp({
    dataDir,
    ...(fixedClock ? { now: NOW.toISOString() } : {}),
    transport: 'http',
    context: profile.context,
    port: profile.port,
  });
  await waitForToday(app.page);
  const ms = performance.now() - started;
  const readyAt = (await app.page.evaluate('performance.now()')) as number;
  return { ms, app, readyAt };
}

/**
 * The JavaScript files the page asked for until Today was interactive (page time `until`), gzipped
 * as a server would send them; the other areas' code, fetched from the `rapport:preload-areas`
 * mark on when the page is idle, is not.
 */
async function loadedScriptsGzipKb(
  page: Page,
  until: number,
): Promise<{ kb: number; files: string[] }> {
  const files = (await page.evaluate(
    `(() => { const idle = performance.getEntriesByName('rapport:preload-areas')[0]?.startTime ?? Infinity; const until = Math.min(idle, ${until}); return performance.getEntriesByType('resource').filter((e) => e.startTime <= until).map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')); })()`,
  )) as string[];
  let bytes = 0;
  for (const file of new Set(files))
    bytes += zlib.gzipSync(fs.readFileSync(path.join(rendererDir, file))).length;
  return { kb: bytes / 1024, files: [...new Set(files)] };
}

/**
 * From a click on Meetings in the sidebar to its first row painted, timed in the page, a second
 * after Today appeared (the page has fetched the other areas' code by then, when idle).
 */
const MEETINGS_SHOWN = `(async () => {
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent?.trim() === 'Meetings');
  const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
  const start = performance.now();
  link.click();
  for (;;) {
    await frame();
    if (document.querySelector('.meeting-row')) break;
    if (performance.now() - start > 60000) throw new Error('the meetings never showed');
  }
  await frame();
  return performance.now() - start;
})()`;

/** From a click on Insights to its charts painted (main computes every figure in between). */
const INSIGHTS_SHOWN = `(async () => {
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent?.trim() === 'Insights');
  const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
  const start = performance.now();
  link.click();
  for (;;) {
    await frame();
    if (document.querySelector('.insights-grid svg')) break;
    if (performance.now() - start > 60000) throw new Error('the insights never showed');
  }
  await frame();
  return performance.now() - start;
})()`;

/** Types the query twice into the focused search box, one character per frame; ms per keystroke. */
const KEYSTROKES = (text: string) => `(async () => {
  const input = document.activeElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)));
  const times = [];
  const word = ${JSON.stringify(text)};
  for (let pass = 0; pass < 2; pass += 1) {
    setValue.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    for (let i = 1; i <= word.length; i += 1) {
      await frame();
      // From the input event to the list re-rendered and laid out (as search.keystroke.median.ms).
      const start = performance.now();
      setValue.call(input, word.slice(0, i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight;
      times.push(performance.now() - start);
    }
  }
  return times;
})()`;

const goal = (text: string, pass: boolean) => ({ text, pass });

/**
 * Start-up and the screens that grow with the store, in the real renderer in Chromium, with the
 * handler table served over HTTP (JSON, comparable to Electron's structured clone; the harness's
 * default Playwright binding is ~10x slower for large answers). Launch timings start when the app
 * is launched in an already running browser (its own launch is not Rapport's) and include opening
 * the store, building the handlers, creating the page, loading it and Today's first answer. The
 * page is created in a profile that has run the app before (see Profile): the first launch of a
 * new install, with nothing cached, is reported on its own line.
 */
export const startupBench: BenchModule = {
  name: 'startup',
  async run({ progress }) {
    const figures: Figure[] = [];
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: BENCH_BROWSER_ARGS,
    });
    const folders: string[] = [];
    try {
      const profile = await openProfile(browser);
      // An empty store: the first-run screen, and what its JavaScript weighs.
      const emptyDir = emptyDataDir();
      folders.push(emptyDir);
      const empty: number[] = [];
      let initial = { kb: Number.NaN, files: [] as string[] };
      {
        const { ms, app } = await timeStartup(profile, emptyDir);
        progress(`first launch of a new install, nothing cached (ms): ${ms.toFixed(0)}`);
        await app.close();
      }
      for (let run = 0; run < 5; run += 1) {
        const { ms, app } = await timeStartup(profile, emptyDir);
        empty.push(ms);
        await app.close();
      }
      {
        // Playwright's fixed clock hides the page's resource timings: this launch keeps the real
        // one. A fresh profile, too: scripts the memory cache answers leave no resource timing.
        const fresh = await browser.newContext();
        try {
          const { app, readyAt } = await timeStartup(
            { context: fresh, port: profile.port },
            emptyDir,
            false,
          );
          initial = await loadedScriptsGzipKb(app.page, readyAt);
          await app.close();
        } finally {
          await fresh.close();
        }
      }
      if (initial.files.length === 0) throw new Error('No script of the first screen was seen.');
      progress(`empty start (ms): ${empty.map((v) => v.toFixed(0)).join(' ')}`);
      progress(`first screen loads ${initial.files.join(', ')}`);
      const emptyMs = round(median(empty), 0);
      figures.push({
        key: 'startup.today.empty.ms',
        value: emptyMs,
        unit: 'ms',
        goal: goal('< 800 ms', emptyMs < 800),
      });
      const kb = round(initial.kb, 1);
      figures.push({
        key: 'renderer.initial.js.kb',
        value: kb,
        unit: 'KB',
        goal: goal('< 120 KB gzip (JS loaded for Today)', kb < 120),
      });

      // The heavy user (5,000 contacts, 1,000 meetings): start, then the Meetings page.
      const heavyDir = await seed('heavy', progress);
      folders.push(heavyDir);
      const starts: number[] = [];
      const meetings: number[] = [];
      const insights: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        const { ms, app } = await timeStartup(profile, heavyDir);
        starts.push(ms);
        await userPause();
        meetings.push((await app.page.evaluate(MEETINGS_SHOWN)) as number);
        await userPause();
        insights.push((await app.page.evaluate(INSIGHTS_SHOWN)) as number);
        await app.close();
      }
      progress(`5k Insights page (ms): ${insights.map((v) => v.toFixed(0)).join(' ')}`);
      const insightsMs = round(median(insights), 0);
      figures.push({
        key: 'insights.render.ms',
        value: insightsMs,
        unit: 'ms',
        goal: goal('< 500 ms (5,000 contacts, 20,000 activities)', insightsMs < 500),
      });
      progress(`5k start (ms): ${starts.map((v) => v.toFixed(0)).join(' ')}`);
      progress(`5k Meetings page (ms): ${meetings.map((v) => v.toFixed(0)).join(' ')}`);
      const startMs = round(median(starts), 0);
      figures.push({
        key: 'startup.today.ms',
        value: startMs,
        unit: 'ms',
        goal: goal('< 1,200 ms (5,000 contacts)', startMs < 1_200),
      });
      const meetingsMs = round(median(meetings), 0);
      figures.push({
        key: 'meetings.page.ms',
        value: meetingsMs,
        unit: 'ms',
        goal: goal('< 300 ms (5,000 contacts, 1,000 meetings)', meetingsMs < 300),
      });
      fs.rmSync(heavyDir, { recursive: true, force: true });

      // 50,000 contacts: start, then search keystrokes in the list.
      const bigDir = await seed('50k', progress);
      folders.push(bigDir);
      const bigStarts: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const { ms, app } = await timeStartup(profile, bigDir);
        bigStarts.push(ms);
        await app.close();
      }
      progress(`50k start (ms): ${bigStarts.map((v) => v.toFixed(0)).join(' ')}`);
      const bigStartMs = round(median(bigStarts), 0);
      figures.push({
        key: 'scale50k.startup.today.ms',
        value: bigStartMs,
        unit: 'ms',
        goal: goal('< 2,500 ms (50,000 contacts)', bigStartMs < 2_500),
      });

      const { app } = await timeStartup(profile, bigDir);
      try {
        await app.page.getByRole('link', { name: 'Pipeline' }).click();
        await app.page.getByRole('radio', { name: 'List' }).click({ timeout: 120_000 });
        const search = app.page.getByRole('searchbox', { name: 'Search contacts' });
        await search.waitFor();
        await search.focus();
        const keystrokes = (await app.page.evaluate(KEYSTROKES('martinez product'))) as number[];
        progress(`50k keystrokes (ms): ${keystrokes.map((v) => v.toFixed(1)).join(' ')}`);
        const keystroke = round(median(keystrokes));
        figures.push({
          key: 'scale50k.keystroke.median.ms',
          value: keystroke,
          unit: 'ms',
          goal: goal('< 16 ms (50,000 contacts)', keystroke < 16),
        });
      } finally {
        await app.close();
      }
    } finally {
      await browser.close();
      for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
