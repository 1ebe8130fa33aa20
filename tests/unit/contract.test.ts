import { describe, expect, it, vi } from 'vitest';
import { channels, contract, createRapportApi, eventNames } from '../../shared/contract.js';

describe('the contract', () => {
  it('names every channel domain:verb in lower camel case', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]+$/);
  });

  it('gives every channel an argument schema', () => {
    for (const channel of channels)
      expect(typeof contract[channel].args.safeParse).toBe('function');
  });
});

describe('createRapportApi', () => {
  it('exposes one method per channel, grouped by domain, that sends that channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    const api = createRapportApi({ invoke, subscribe: () => () => undefined }) as unknown as Record<
      string,
      Record<string, (args?: unknown) => Promise<unknown>>
    >;
    for (const channel of channels) {
      const [domain, verb] = channel.split(':') as [string, string];
      await api[domain]![verb]!({ probe: channel });
      expect(invoke).toHaveBeenLastCalledWith(channel, { probe: channel });
    }
    expect(invoke).toHaveBeenCalledTimes(channels.length);
  });

  it('is frozen, so page scripts cannot swap a method', () => {
    const api = createRapportApi({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: () => () => undefined,
    });
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.settings)).toBe(true);
  });

  it('subscribes only to known events and hands back an unsubscribe', () => {
    const unsubscribe = vi.fn();
    const subscribe = vi.fn(() => unsubscribe);
    const api = createRapportApi({ invoke: async () => ({ ok: true, value: null }), subscribe });
    const off = api.on('app:navigate', () => undefined);
    off();
    expect(subscribe).toHaveBeenCalledWith('app:navigate', expect.any(Function));
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(() => api.on('evil:event' as never, () => undefined)).toThrow(/Unknown event/);
    expect(eventNames).toContain('storage:changed');
  });
});
