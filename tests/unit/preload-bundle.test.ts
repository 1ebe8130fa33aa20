import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { electronBuilds } from '../../build/scripts/electron-builds.mjs';
import { channels, eventNames } from '../../shared/contract.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The preload exactly as `npm run build:app` makes it, built in memory. */
async function buildPreload() {
  const options = electronBuilds(root).find((o) => String(o.outfile).includes('preload'));
  if (!options) throw new Error('no preload build');
  const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const file = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
  if (!file) throw new Error('no preload output');
  return { code: file.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('the built preload', () => {
  let preload: Awaited<ReturnType<typeof buildPreload>>;
  beforeAll(async () => {
    preload = await buildPreload();
  }, 60_000);

  it('carries channel names only: no zod, no contract schemas', () => {
    expect(preload.inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    expect(preload.inputs).not.toContain(path.normalize('shared/contract.ts'));
    expect(preload.inputs.some((input) => input.startsWith('shared/schema'))).toBe(false);
    expect(preload.code).not.toMatch(/zod|safeParse/);
  });

  it('stays small (every window loads it before the page)', () => {
    expect(Buffer.byteLength(preload.code)).toBeLessThan(8 * 1024);
  });

  it('exposes one method per contract channel and the contract events, over ipcRenderer', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const on = vi.fn();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke, on, removeListener: vi.fn() },
    };
    const module = { exports: {} };
    const load = new Function('require', 'module', 'exports', preload.code) as (
      require: (name: string) => unknown,
      module: { exports: object },
      exports: object,
    ) => void;
    load(
      (name) => {
        if (name !== 'electron') throw new Error(`the preload required ${name}`);
        return electron;
      },
      module,
      module.exports,
    );
    expect([...exposed.keys()]).toEqual(['rapport']);
    const api = exposed.get('rapport') as Record<
      string,
      Record<string, (a?: unknown) => unknown>
    > & {
      on(event: string, listener: () => void): () => void;
    };
    for (const channel of channels) {
      const [domain, verb] = channel.split(':') as [string, string];
      await api[domain]![verb]!({ probe: channel });
      expect(invoke).toHaveBeenLastCalledWith(channel, { probe: channel });
    }
    expect(invoke).toHaveBeenCalledTimes(channels.length);
    for (const event of eventNames) api.on(event, () => undefined);
    expect(on.mock.calls.map(([event]) => event)).toEqual(eventNames);
    expect(() => api.on('evil:event', () => undefined)).toThrow(/Unknown event/);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
