import type { Locator } from 'playwright-core';

/**
 * A few web-first assertions for playwright-core (which has no `expect`): each one retries until
 * the condition holds or the timeout passes, as @playwright/test's expect does.
 */
export function expect(locator: Locator, timeout = 5_000) {
  const poll = async (check: () => Promise<boolean>, describe: () => Promise<string>) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        if (await check()) return;
      } catch {
        // The element may not exist yet; keep polling.
      }
      if (Date.now() > deadline)
        throw new Error(`${locator}: ${await describe().catch(() => '?')}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  return {
    toBeVisible: () =>
      poll(
        () => locator.first().isVisible(),
        async () => 'expected to be visible',
      ),
    toBeHidden: () =>
      poll(
        async () => (await locator.count()) === 0 || !(await locator.first().isVisible()),
        async () => 'expected to be hidden',
      ),
    toHaveValue: (value: string) =>
      poll(
        async () => (await locator.inputValue({ timeout: 200 })) === value,
        async () =>
          `expected value ${JSON.stringify(value)}, got ${JSON.stringify(await locator.inputValue({ timeout: 200 }))}`,
      ),
    toHaveAttribute: (name: string, value: string) =>
      poll(
        async () => (await locator.getAttribute(name, { timeout: 200 })) === value,
        async () =>
          `expected ${name}=${JSON.stringify(value)}, got ${JSON.stringify(await locator.getAttribute(name, { timeout: 200 }))}`,
      ),
    toContainText: (text: string) =>
      poll(
        async () => ((await locator.first().textContent({ timeout: 200 })) ?? '').includes(text),
        async () =>
          `expected text containing ${JSON.stringify(text)}, got ${JSON.stringify(await locator.first().textContent({ timeout: 200 }))}`,
      ),
    toBeFocused: () =>
      poll(
        () =>
          locator.evaluate((element) => element === document.activeElement, null, { timeout: 200 }),
        async () =>
          `expected to have the focus; it is on ${await locator.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing')}`,
      ),
    toHaveCount: (count: number) =>
      poll(
        async () => (await locator.count()) === count,
        async () => `expected ${count} elements, got ${await locator.count()}`,
      ),
  };
}
