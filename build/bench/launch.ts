import net from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The harness's Chromium and switches, for the benches that launch their own browser. */
export { CHROMIUM, CHROMIUM_ARGS as BENCH_BROWSER_ARGS } from '../../tests/e2e/harness.js';

/**
 * Today is interactive: its heading is there, its content replaced the loading status (reminders,
 * "all caught up", or the first-run welcome), and a frame was painted after that.
 */
function todayReady(): boolean {
  const main = document.querySelector('main');
  if (!main) return false;
  const heading = [...main.querySelectorAll('h1')].some((h) => h.textContent?.trim() === 'Today');
  const loading = main.querySelector('.loading');
  const content = main.querySelector('.today-list, .caught-up, .today-section, .first-run');
  return heading && loading === null && content !== null;
}

/** A port free now, for every launch of the bench: the origin the browser keeps its caches by. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('No free port.');
  return address.port;
}

/**
 * Where each launch opens its page: one browser profile (context) and one origin for all of them,
 * so that a launch finds the HTTP and V8 code caches of the launches before it, as Electron's
 * session keeps them on disk for app://. Only the bench's very first launch is cold.
 */
export interface Profile {
  context: BrowserContext;
  port: number;
}

/** A fresh profile of the running browser, at the window size the app opens with. */
export async function openProfile(browser: Browser): Promise<Profile> {
  return {
    context: await browser.newContext({
      viewport: { width: 1200, height: 800 },
      timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
    port: await freePort(),
  };
}

/** Waits until Today is interactive (see todayReady) and one more frame was painted. */
export async function waitForToday(page: Page): Promise<void> {
  // tsx wraps functions in __name(); the page needs that helper for the predicate below.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.waitForFunction(todayReady, undefined, { polling: 'raf', timeout: 120_000 });
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => done(null)))');
}

/** A person's first click comes a moment after a screen appears, not in the frame it painted. */
export const userPause = () => new Promise((done) => setTimeout(done, 1_000));
