import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANSWERED_AT_ONCE } from '../../electron/ipc/history-wait.js';
import { channels } from '../../shared/contract.js';
import { createIpcWorld, seed, validArgs, type IpcWorld } from './helpers/ipc-world.js';

/**
 * Right after start the store has not read activities and preps yet (store/deferred.ts). A
 * request must not read them on main in one go: the channels in ANSWERED_AT_ONCE never need
 * them whole, and every other channel waits for the background reading.
 */
let world: IpcWorld;
let args: Record<string, unknown>;
beforeAll(async () => {
  world = await createIpcWorld({ prefix: 'rapport-history-' });
  args = validArgs(await seed(world)) as Record<string, unknown>;
  // History for the seeded contact, so a contact page has something to read.
  await world.must('activities:log', {
    contactId: (args['contacts:get'] as { id: string }).id,
    kind: 'note',
    at: '2026-01-15T14:00:00.000Z',
    summary: 'Called about the role.',
  });
}, 60_000);
afterAll(() => world.close());

/** A new start whose background reading would not begin for ten minutes unless asked. */
const restart = () => world.reopen({ backgroundReadDelayMs: 600_000, log: () => {} });
const unread = () => ({
  activities: world.storage.isLoaded?.('activities'),
  preps: world.storage.isLoaded?.('preps'),
});
const historyReadsOnMain = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([file]) => /[\\/](activities|preps)-[^\\/]*$/.test(String(file)));

describe('requests right after start, before the history is read', () => {
  it.each([...ANSWERED_AT_ONCE])('%s is answered without reading the history', async (channel) => {
    restart();
    const result = await world.call(channel, args[channel]);
    expect(world.logged).toEqual([]);
    expect(result.ok || result.error.code !== 'internal').toBe(true);
    expect(unread()).toEqual({ activities: false, preps: false });
  });

  const waiting = channels.filter((channel) => !ANSWERED_AT_ONCE.has(channel));

  it('leaves only the channels that may need it all to wait', () => {
    expect(waiting).toEqual(
      expect.arrayContaining(['contacts:get', 'contacts:setStage', 'activities:log']),
    );
  });

  it.each(waiting)(
    '%s waits for the background reading instead of reading on main',
    async (channel) => {
      restart();
      const readSync = vi.spyOn(fs, 'readFileSync');
      try {
        const result = await world.call(channel, args[channel]);
        expect(world.logged).toEqual([]);
        expect(result.ok || result.error.code !== 'internal').toBe(true);
        // Everything it needed came from the background reading (asynchronous, a file per turn).
        expect(historyReadsOnMain(readSync)).toEqual([]);
      } finally {
        readSync.mockRestore();
      }
    },
  );

  it('shows a contact page with its history once the history is read', async () => {
    restart();
    let answered = false;
    const page = world.call('contacts:get', args['contacts:get']).then((result) => {
      answered = true;
      return result;
    });
    await Promise.resolve();
    expect(answered).toBe(false);
    const result = await page;
    expect(
      result.ok && (result.value as { activities: unknown[] }).activities.length,
    ).toBeGreaterThan(0);
    expect(unread()).toEqual({ activities: true, preps: true });
  });
});
