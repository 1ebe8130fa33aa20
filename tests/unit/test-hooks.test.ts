import { describe, expect, it, vi } from 'vitest';
import { withTestHooks } from '../../electron/test-hooks.js';

const real = { showOpen: vi.fn(async () => ['/real']), showSave: vi.fn(async () => '/real.json') };
const options = { title: 't', filters: [] };

describe('end-to-end hooks in main', () => {
  it('are absent in a normal run: real clock, real dialogs, nothing on globalThis', async () => {
    const target: Record<string, unknown> = {};
    const hooks = withTestHooks({ now: '2020-01-01T00:00:00Z' }, real, target);
    expect(hooks.dialogs).toBe(real);
    expect(hooks.now().getFullYear()).toBeGreaterThan(2020);
    expect(target).toEqual({});
  });

  it('fix the clock and answer dialogs from a queue when the e2e switch is on (RAPPORT_E2E=1)', async () => {
    const target: Record<string, unknown> = {};
    const hooks = withTestHooks({ e2e: true, now: '2026-12-03T09:00:00.000Z' }, real, target);
    expect(hooks.now().toISOString()).toBe('2026-12-03T09:00:00.000Z');
    const api = target.__rapportTest as Record<string, (value: unknown) => void>;
    api.setNow!('2026-12-04T10:00:00.000Z');
    expect(hooks.now().toISOString()).toBe('2026-12-04T10:00:00.000Z');
    api.answerOpen!(null);
    api.answerSave!('/chosen.json');
    expect(await hooks.dialogs.showOpen(options)).toBeNull();
    expect(await hooks.dialogs.showSave({ ...options, defaultPath: 'x' })).toBe('/chosen.json');
    // With the queue empty, the real dialog opens.
    expect(await hooks.dialogs.showOpen(options)).toEqual(['/real']);
  });
});
