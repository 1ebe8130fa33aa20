import {
  ATTACHMENT_MAX_BYTES,
  base64Length,
  IMPORT_MAX_BYTES,
} from '../../shared/domain/dropped-files.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CHART_CSV_MAX_CHARS,
  CHART_PNG_MAX_BYTES,
  channels,
  contract,
  type Channel,
} from '../../shared/contract.js';
import { collections } from '../../shared/schema/dataset.js';
import { Settings } from '../../shared/schema/settings.js';
import { createIpcWorld, seed, validArgs, type IpcWorld } from './helpers/ipc-world.js';

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type CheckDef = { check: string; abort?: boolean; params?: { utf16Limit?: unknown } };

const checksOf = (node: Schema) =>
  (((node._zod.def as Def).checks ?? []) as { _zod: { def: CheckDef } }[]).map((c) => c._zod.def);

/** `bounded()`'s first check: refuses more than twice the limit in UTF-16 units, in O(1). */
const isUnitGuard = (check: CheckDef | undefined) =>
  check?.check === 'custom' && check.abort === true && typeof check.params?.utf16Limit === 'number';

/**
 * What is wrong with the way a schema bounds its strings, arrays and records, as `path: problem`
 * lines. A string with any check must be measured first, by `bounded()` (or `trimmed()`, `text()`,
 * `Id`), whose O(1) guard ends the chain before zod's code-point count, trim, a format, a pattern
 * or a refinement sees the string. `requireBounds`: every string, array and record must have an
 * upper limit (IPC arguments); without it a plain `z.string()` passes (stored record keys).
 */
function boundProblems(schema: Schema, where: string, requireBounds: boolean): string[] {
  const problems: string[] = [];
  const walk = (node: Schema, path: string, measured: boolean): void => {
    const def = node._zod.def as Def;
    const checks = checksOf(node);
    switch (def.type) {
      case 'string':
        if (!measured && !isUnitGuard(checks[0]) && (requireBounds || checks.length > 0))
          problems.push(`${path}: not measured first (use bounded() from shared/schema/common.ts)`);
        return;
      case 'array':
        if (requireBounds && !checks.some((c) => c.check === 'max_length'))
          problems.push(`${path}: array without a maximum`);
        return walk(def.element as Schema, `${path}[]`, false);
      case 'record':
        if (requireBounds) problems.push(`${path}: record (unbounded number of keys)`);
        walk(def.keyType as Schema, `${path}{key}`, false);
        return walk(def.valueType as Schema, `${path}{}`, false);
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, Schema>))
          walk(value, `${path}.${key}`, false);
        if (def.catchall) walk(def.catchall as Schema, `${path}.*`, false);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        return walk(def.innerType as Schema, path, measured);
      case 'pipe': {
        const input = def.in as Schema;
        walk(input, `${path}<in>`, measured);
        // The output side only ever sees a value the input side measured and let through.
        const inMeasured =
          measured ||
          ((input._zod.def as Def).type === 'string' && isUnitGuard(checksOf(input)[0]));
        return walk(def.out as Schema, `${path}<out>`, inMeasured);
      }
      case 'union':
        (def.options as Schema[]).forEach((option, n) => walk(option, `${path}|${n}`, measured));
        return;
      case 'number':
      case 'boolean':
      case 'enum':
      case 'literal':
      case 'undefined':
      case 'null':
      case 'never':
        return;
      default:
        problems.push(`${path}: ${def.type} is not understood by this test; bound it and add it`);
    }
  };
  walk(schema, where, false);
  return problems;
}

describe('length limits in the schemas', () => {
  it('bound every string, array and record of every IPC argument, lengths first', () => {
    const problems = channels.flatMap((channel) =>
      boundProblems(contract[channel].args as unknown as Schema, channel, true),
    );
    expect(problems).toEqual([]);
  });

  it('measure every stored string before any pattern or refinement looks at it', () => {
    const problems = [
      ...Object.entries(collections).map(([name, schema]) => [name, schema] as const),
      ['settings', Settings] as const,
    ].flatMap(([name, schema]) => boundProblems(schema as unknown as Schema, name, false));
    expect(problems).toEqual([]);
  });
});

/** A flat string (not a rope), as one arrives through IPC's structured clone. */
const flat = (length: number) => Buffer.alloc(length, 'a').toString('latin1');
const LONG = flat(256_000);
const HUGE = flat(50 * 1024 * 1024);

/** `[path, value]` of every string in a value, depth first (array items by index). */
function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, n) => stringLeaves(item, [...path, n]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withValue(args: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(args) as Record<string | number, unknown>;
  let node = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/**
 * A dropped file's bytes (base64): up to 20 MB (contacts) or 50 MB (attachments) of text is what
 * they are for; they are refused just over their own limits (below), not at 256,000 characters.
 */
const byteLimits: Partial<Record<Channel, [field: string, limit: number]>> = {
  'import:dropped': ['data', base64Length(IMPORT_MAX_BYTES)],
  'meetings:attachDropped': ['data', base64Length(ATTACHMENT_MAX_BYTES)],
  // A chart saved from Insights: its picture (base64) and its table, each with its own limit.
  'insights:savePng': ['data', base64Length(CHART_PNG_MAX_BYTES)],
  'insights:saveCsv': ['text', CHART_CSV_MAX_CHARS],
};
const carriesBytes = (channel: Channel, path: (string | number)[]) =>
  byteLimits[channel] !== undefined && path.join('.') === byteLimits[channel][0];

describe('a dropped file or a saved chart over IPC', () => {
  it.each(Object.entries(byteLimits) as [Channel, [string, number]][])(
    '%s refuses bytes over its limit by their length, naming the field',
    async (channel, [field, limit]) => {
      const world = await createIpcWorld({ prefix: 'rapport-bytes-' });
      try {
        const args = validArgs(await seed(world))[channel];
        // The payload is built first: the time measured is the refusal's, not the test's.
        const payload = withValue(args, [field], flat(limit + 4));
        const started = performance.now();
        const result = await world.call(channel, payload);
        expect(performance.now() - started).toBeLessThan(500);
        expect(result).toMatchObject({
          ok: false,
          error: {
            code: 'invalid-args',
            message: expect.stringMatching(new RegExp(`^${field}: `)),
          },
        });
      } finally {
        world.close();
      }
    },
    60_000,
  );
});

describe('a huge string field over IPC', () => {
  let world: IpcWorld;
  let cases: { channel: Channel; path: (string | number)[]; args: unknown }[];
  const timings: Record<string, number[]> = {};

  beforeAll(async () => {
    world = await createIpcWorld({ prefix: 'rapport-bounds-' });
    const valid = validArgs(await seed(world));
    world.logged.length = 0;
    cases = (Object.entries(valid) as [Channel, unknown][]).flatMap(([channel, args]) =>
      stringLeaves(args)
        .filter((path) => !carriesBytes(channel, path))
        .map((path) => ({ channel, path, args })),
    );
    // Warm up zod and the handlers once, so the first measured call is not paying for JIT.
    await world.call('contacts:create', withValue(valid['contacts:create'], ['contact'], LONG));
  }, 60_000);
  afterAll(() => {
    world.close();
    for (const [size, ms] of Object.entries(timings)) {
      const sorted = [...ms].sort((a, b) => a - b);
      console.info(
        `[ipc-bounds] ${size}: ${ms.length} fields refused, median ${sorted[sorted.length >> 1]!.toFixed(2)} ms, slowest ${sorted.at(-1)!.toFixed(2)} ms`,
      );
    }
  });

  it('finds string fields in at least 15 channels', () => {
    expect(new Set(cases.map((c) => c.channel)).size).toBeGreaterThanOrEqual(15);
    expect(cases.length).toBeGreaterThan(80);
  });

  /** The fastest of three tries: one call that met a garbage collection is not the rule's fault. */
  async function timedRejection(channel: Channel, args: unknown) {
    let best = Infinity;
    let result;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      result = await world.call(channel, args);
      best = Math.min(best, performance.now() - started);
      if (best < 10) break;
    }
    return { result: result!, ms: best };
  }

  it.each([
    ['256,000 characters', LONG],
    ['50 MB', HUGE],
  ])('of %s is refused by its length, naming the field, in under 50 ms', async (size, big) => {
    const slow: string[] = [];
    for (const { channel, path, args } of cases) {
      const { result, ms } = await timedRejection(channel, withValue(args, path, big));
      (timings[size] ??= []).push(ms);
      const field = path.join('.');
      expect(result, `${channel} ${field}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-args' },
      });
      const message = result.ok ? '' : result.error.message;
      expect(message.startsWith(field === '' ? '' : `${field}: `), `${channel}: ${message}`).toBe(
        true,
      );
      expect(message.length).toBeLessThan(400);
      if (ms >= 50) slow.push(`${channel} ${field}: ${ms.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
    expect(world.logged).toEqual([]);
  });

  it('never hands a huge string to a regular expression or the URL parser', async () => {
    const seen = { regex: 0, url: 0 };
    const exec = RegExp.prototype.exec;
    const OriginalUrl = globalThis.URL;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      seen.regex = Math.max(seen.regex, String(input).length);
      return exec.call(this, input);
    };
    globalThis.URL = class extends OriginalUrl {
      constructor(url: string | URL, base?: string | URL) {
        seen.url = Math.max(seen.url, String(url).length);
        super(url, base);
      }
    } as typeof URL;
    try {
      for (const { channel, path, args } of cases) {
        await world.call(channel, withValue(args, path, LONG));
      }
    } finally {
      RegExp.prototype.exec = exec;
      globalThis.URL = OriginalUrl;
    }
    // The longest thing a pattern may see: a URL at its limit plus the trim slack, in two units.
    expect(seen.regex).toBeLessThanOrEqual(2 * 3_000);
    expect(seen.url).toBeLessThanOrEqual(2 * 3_000);
  });

  it('answers unknown fields without quoting them back', async () => {
    const keys = Object.fromEntries(
      Array.from({ length: 200_000 }, (_, n) => [`${world.root}/k${n}`, n]),
    );
    for (const args of [keys, { [LONG]: 1 }, { '../../etc/passwd': 1, meetingMinutes: 30 }]) {
      const result = await world.call('settings:update', args);
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid-args', message: 'This request has fields Rapport does not know.' },
      });
    }
  });
});
