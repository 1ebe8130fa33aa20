import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';
import {
  createIpcWorld,
  resetToSeed,
  seed,
  validArgs,
  type IpcWorld,
  type Seeded,
} from './helpers/ipc-world.js';

/**
 * Every channel of the contract, called through `dispatch()` and the real handler table (real
 * storage in a temp folder, dialogs that cancel or pick a file inside the data folder), with
 * hostile arguments: as a whole, and in place of each field of arguments the channel accepts.
 * Whatever comes in, the answer is a Result that is ok or a failure main meant to give (never
 * 'internal', never a stack or a source path), within a second, with Object.prototype untouched
 * and nothing written outside the data folder.
 */

/** A flat string (not a rope), as one arrives through IPC's structured clone. */
const flat = (length: number, fill = 'a') => Buffer.alloc(length, fill).toString('latin1');
const HUGE = flat(50 * 1024 * 1024);
const LONG = flat(256_000);
const nested = (depth: number, open: string, leaf: string, close: string) =>
  JSON.parse(`${open.repeat(depth)}${leaf}${close.repeat(depth)}`) as unknown;
const DEEP_OBJECT = nested(10_000, '{"a":', '1', '}');
const DEEP_ARRAY = nested(10_000, '[', '', ']');
const HUGE_ARRAY = Array.from({ length: 1_000_000 }, () => 'x');
const HUGE_OBJECT_ARRAY = Array.from({ length: 100_000 }, () => ({ id: 'x' }));
/** JSON.parse makes `__proto__` an own property, as structured clone does. */
const PROTO = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}},"constructor":{"name":"x"}}',
].map((text) => JSON.parse(text) as unknown);

function hostileStrings(root: string): [string, string][] {
  return [
    ['empty', ''],
    ['spaces', '   '],
    ['50 MB', HUGE],
    ['256,000 characters', LONG],
    ['50 MB of spaces', flat(50 * 1024 * 1024, ' ')],
    ['traversal', '../../etc/passwd'],
    ['deep traversal', '../../../../../../../../etc/passwd'],
    ['Windows traversal', '..\\..\\x'],
    ['absolute path', '/etc/passwd'],
    ['absolute path in the temp root', path.join(root, 'outside.txt')],
    ['Windows absolute path', 'C:\\Windows\\win.ini'],
    ['UNC path', '\\\\server\\share\\x'],
    ['file URL', 'file:///etc/passwd'],
    ['javascript URL', 'javascript:alert(1)'],
    ['encoded traversal', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['NUL byte', 'a\u0000b'],
    ['only NUL', '\u0000'],
    ['RTL override', '\u202eexe.txt'],
    ['RTL override in a word', 'Ana\u202egnp.exe'],
    ['lone surrogate', '\ud800'],
    ['emoji', '😀'.repeat(50)],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['prototype', 'prototype'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['Windows device name', 'CON'],
    ['101 characters', 'x'.repeat(101)],
  ];
}

const hostileNumbers: [string, number][] = [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['2^53 + 2', 2 ** 53 + 2],
  ['1.5', 1.5],
  ['-1', -1],
  ['0', 0],
];

const hostileOthers: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['false', false],
  ['an empty array', []],
  ['an empty object', {}],
  ['a million-item array', HUGE_ARRAY],
  ['100,000 objects', HUGE_OBJECT_ARRAY],
  ['10,000 nested objects', DEEP_OBJECT],
  ['10,000 nested arrays', DEEP_ARRAY],
  ...PROTO.map((value, n) => [`prototype keys ${n + 1}`, value] as [string, unknown]),
  ['a BigInt', 10n],
  ['a Map', new Map([['id', 'x']])],
  ['a Set', new Set(['x'])],
  ['bytes', new Uint8Array(16)],
  ['an invalid Date', new Date(Number.NaN)],
  ['a Date', new Date(0)],
  ['a RegExp', /x/],
  ['an Error', new Error('boom')],
  ['an object without prototype', Object.assign(Object.create(null) as object, { id: 'x' })],
  [
    'an object with 200,000 keys',
    Object.fromEntries(HUGE_ARRAY.slice(0, 200_000).map((_, n) => [`k${n}`, n])),
  ],
  ['an object with a 256,000-character key', { [LONG]: 1 }],
];

/**
 * For each field of valid arguments: a smaller hostile set (the whole set runs on whole
 * arguments), values at the edges of what the schemas accept, and the ids of other kinds of things
 * (a meeting's id where a contact's is expected, a deleted contact's id).
 */
function fieldValues(root: string, seeded: Seeded): [string, unknown][] {
  const strings = new Map(hostileStrings(root));
  const others = new Map(hostileOthers);
  const numbers = new Map(hostileNumbers);
  return [
    ['undefined', undefined],
    ['null', null],
    ['NaN', numbers.get('NaN')],
    ['Infinity', numbers.get('Infinity')],
    ['-0', -0],
    ['1e308', 1e308],
    ['true', true],
    ['empty', ''],
    ['256,000 characters', LONG],
    ['50 MB', HUGE],
    ['traversal', strings.get('traversal')],
    ['Windows traversal', strings.get('Windows traversal')],
    ['absolute path in the temp root', strings.get('absolute path in the temp root')],
    ['NUL byte', strings.get('NUL byte')],
    ['RTL override', strings.get('RTL override in a word')],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['an empty array', []],
    ['a million-item array', HUGE_ARRAY],
    ['10,000 nested objects', DEEP_OBJECT],
    ['prototype keys', others.get('prototype keys 1')],
    ['0', 0],
    ['-1', -1],
    ['a million', 1_000_000],
    ['2^31', 2 ** 31],
    ['the first instant of year 0', '0000-01-01T00:00:00.000Z'],
    ['the last instant of year 9999', '9999-12-31T23:59:59.999Z'],
    ['an instant at +14:00', '2026-01-15T23:59:59+14:00'],
    ['year 0', '0000-01-01'],
    ['year 9999', '9999-12-31'],
    ['the 29th of February of a common year', '2026-02-29'],
    ...Object.entries(seeded)
      .filter(([key]) => /Id$/.test(key))
      .map(([key, id]) => [`the ${key}`, id] as [string, unknown]),
  ];
}

/** Every path inside a value (objects and arrays, then what they hold), root excluded. */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const inner =
    Array.isArray(value) && value.length > 0
      ? value.flatMap((item, n) => pathsIn(item, [...prefix, n]))
      : value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...prefix, key]))
        : [];
  return prefix.length === 0 ? inner : [prefix, ...inner];
}

function withValue(args: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(args) as Record<string | number, unknown>;
  let node = copy;
  for (const part of at.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[at.at(-1)!] = value;
  return copy;
}

/** Valid arguments with own `__proto__` / `constructor` / `prototype` keys next to the real ones. */
function withPrototypeKeys(args: unknown): unknown[] {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return [];
  const text = JSON.stringify(args).slice(1, -1);
  const comma = text === '' ? '' : ',';
  return [
    `{${text}${comma}"__proto__":{"polluted":"yes"}}`,
    `{"__proto__":{"polluted":"yes"}${comma}${text}}`,
    `{${text}${comma}"constructor":{"prototype":{"polluted":"yes"}}}`,
    `{${text}${comma}"prototype":{"polluted":"yes"}}`,
  ].map((json) => JSON.parse(json) as unknown);
}

/** Every file under `dir` with its size and time, `skip` (the data folder) left out. */
function snapshot(dir: string, skip: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (full === skip) continue;
      const stat = fs.lstatSync(full);
      out[path.relative(dir, full)] = `${entry.isDirectory() ? 'dir' : stat.size}@${stat.mtimeMs}`;
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

const statOf = (file: string) => {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}@${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

interface Problem {
  call: string;
  problem: string;
}

describe('IPC fuzzing through dispatch and the real handlers', () => {
  let world: IpcWorld;
  let seeded: Seeded;
  let calls = 0;
  let slowest = { call: '', ms: 0 };
  const answers: Record<string, number> = {};
  const problems: Problem[] = [];
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  let outsideBefore: Record<string, string>;
  let canariesBefore: Record<string, string>;
  let canaries: string[];
  let cwdBefore: string[];

  /** One call, checked: a Result, ok or a meant failure, no leak, under a second. */
  async function fuzz(
    label: string,
    channel: unknown,
    args: unknown,
    { timed = true } = {},
  ): Promise<Result<unknown>> {
    calls += 1;
    const logged = world.logged.length;
    const started = performance.now();
    let result: Result<unknown>;
    try {
      result = await world.call(channel as string, args);
    } catch (error) {
      problems.push({ call: label, problem: `dispatch threw: ${String(error)}` });
      return { ok: false, error: { code: 'internal', message: 'threw' } };
    }
    const ms = performance.now() - started;
    if (ms > slowest.ms) slowest = { call: label, ms };
    const answer = result?.ok ? 'ok' : (result?.error?.code ?? '?');
    answers[answer] = (answers[answer] ?? 0) + 1;
    if (timed && ms >= 1_000) problems.push({ call: label, problem: `took ${ms.toFixed(0)} ms` });
    if (result === null || typeof result !== 'object' || typeof result.ok !== 'boolean') {
      problems.push({ call: label, problem: 'did not answer with a Result' });
    } else if (!result.ok) {
      const { code, message } = result.error;
      if (code === 'internal') {
        const error = world.logged[logged]?.error;
        const where = error instanceof Error ? (error.stack ?? '').split('\n')[1]?.trim() : '';
        problems.push({ call: label, problem: `internal: ${String(error)} ${where}` });
      }
      if (typeof message !== 'string' || message.length > 2_000)
        problems.push({ call: label, problem: `message of ${String(message?.length)} characters` });
      else if (/\n\s+at\s|node_modules|\.ts:\d|\.js:\d/.test(message))
        problems.push({ call: label, problem: `leaks a stack: ${message.slice(0, 200)}` });
      else if (message.includes(process.cwd()) || message.includes(world.root))
        problems.push({ call: label, problem: `leaks a path: ${message.slice(0, 200)}` });
    }
    if (({} as Record<string, unknown>).polluted !== undefined)
      problems.push({ call: label, problem: 'polluted Object.prototype' });
    return result;
  }

  beforeAll(async () => {
    world = await createIpcWorld({ prefix: 'rapport-fuzz-' });
    seeded = await seed(world);
    world.logged.length = 0;
    world.dialogs.mode = 'alternate';
    // A sibling of the data folder, with a file in it, and a canary beside each traversal target.
    fs.mkdirSync(path.join(world.root, 'l1', 'sibling'));
    fs.writeFileSync(path.join(world.root, 'l1', 'sibling', 'canary.txt'), 'untouched');
    outsideBefore = snapshot(world.root, world.dataDir);
    canaries = ['/etc/passwd', '/etc/hosts', path.join(path.dirname(process.cwd()), 'x')];
    canariesBefore = Object.fromEntries(canaries.map((file) => [file, statOf(file)]));
    cwdBefore = fs.readdirSync(process.cwd()).sort();
  }, 60_000);

  afterAll(() => {
    console.info(
      `[ipc-fuzz] ${calls} calls over ${channels.length} channels; answers ${JSON.stringify(answers)}; slowest ${slowest.ms.toFixed(1)} ms (${slowest.call})`,
    );
    world?.close();
  });

  it('answers every channel called with hostile whole arguments', async () => {
    const payloads: [string, unknown][] = [
      ...hostileStrings(world.root),
      ...hostileNumbers,
      ...hostileOthers,
      ['an object keyed by a path', { [path.join(world.root, 'x')]: 1, '../../etc/passwd': 1 }],
    ];
    for (const channel of channels) {
      for (const [name, payload] of payloads) await fuzz(`${channel} <- ${name}`, channel, payload);
    }
    expect(problems).toEqual([]);
  });

  it('answers every channel with one field of valid arguments made hostile', async () => {
    const valid = validArgs(seeded) as Record<string, unknown>;
    const values = fieldValues(world.root, seeded);
    for (const channel of channels) {
      const args = valid[channel];
      if (args === undefined) continue;
      // Each channel starts from the seeded data: the one before may have deleted what it needs.
      await resetToSeed(world);
      await fuzz(`${channel} <- valid`, channel, args);
      for (const at of pathsIn(args)) {
        for (const [name, value] of values) {
          await fuzz(`${channel} ${at.join('.')} <- ${name}`, channel, withValue(args, at, value));
        }
      }
      for (const [n, payload] of withPrototypeKeys(args).entries()) {
        await fuzz(`${channel} <- valid with prototype keys ${n + 1}`, channel, payload);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes documents safely for a contact whose name is hostile', async () => {
    const valid = validArgs(seeded) as Record<string, unknown>;
    world.dialogs.mode = 'file';
    await resetToSeed(world);
    const documents: Channel[] = [
      'export:prepSheet',
      'export:packet',
      'export:printPacket',
      'export:calendar',
      'thanks:exportDocx',
      'export:contactsCsv',
      'export:contactsVcard',
      'data:export',
    ];
    for (const [name, value] of hostileStrings(world.root)) {
      if (value.length > 100) continue;
      await fuzz(`contacts:update names <- ${name}`, 'contacts:update', {
        id: seeded.contactId,
        contact: {
          ...(valid['contacts:create'] as { contact: object }).contact,
          firstName: value.trim() === '' || value === '\u0000' ? 'Ana' : value,
          lastName: value,
          company: value,
        },
      });
      for (const channel of documents)
        await fuzz(`${channel} for ${name}`, channel, valid[channel]);
    }
    world.dialogs.mode = 'alternate';
    expect(problems).toEqual([]);
    // The documents were written (into the folder the save dialog answers with), not refused.
    expect(fs.readdirSync(path.join(world.dataDir, 'saved')).length).toBeGreaterThan(50);
  });

  it('keeps answering after every reference it accepts was pointed somewhere odd', async () => {
    const valid = validArgs(seeded) as Record<string, unknown>;
    const isReference = (at: (string | number)[]) =>
      at.some((part) => typeof part === 'string' && /(^id|Id|Ids)$/.test(part));
    const oddIds: [string, string][] = [
      ['__proto__', '__proto__'],
      ['constructor', 'constructor'],
      ['toString', 'toString'],
      ['a deleted contact', seeded.deletedContactId],
      ['a meeting id', seeded.meetingId],
      ['a traversal', '../../etc/passwd'],
    ];
    for (const [name, id] of oddIds) {
      await resetToSeed(world);
      // Whatever is saved stays saved: the next calls read it back.
      for (const channel of channels) {
        const args = valid[channel];
        if (args === undefined || channel === 'backups:restore') continue;
        for (const at of pathsIn(args).filter(isReference)) {
          await fuzz(
            `${channel} ${at.join('.')} <- ${name} (kept)`,
            channel,
            withValue(args, at, id),
          );
        }
      }
      for (const channel of channels) {
        await fuzz(`${channel} after references to ${name}`, channel, valid[channel]);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers calls that arrive all at once, as IPC calls from a busy window do', async () => {
    const valid = validArgs(seeded) as Record<string, unknown>;
    await resetToSeed(world);
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(
        channels.flatMap((channel) => [
          fuzz(`${channel} at once (${round})`, channel, valid[channel], { timed: false }),
          fuzz(`${channel} at once with prototype keys`, channel, PROTO[0], { timed: false }),
        ]),
      );
    }
    expect(problems).toEqual([]);
  });

  it('refuses channels that are not in the contract', async () => {
    for (const channel of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      HUGE,
      'contacts:get\u0000',
      'CONTACTS:GET',
      'contacts:get ',
      42,
      null,
      undefined,
      Symbol('contacts:get'),
      ['contacts:get'],
      { toString: () => 'contacts:get' },
    ]) {
      const result = await fuzz(`channel ${String(channel).slice(0, 20)}`, channel, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect(problems).toEqual([]);
  });

  it('made at least 2,500 calls', () => {
    expect(calls).toBeGreaterThanOrEqual(2_500);
  });

  it('left Object.prototype as it was', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    for (const proto of [Array.prototype, Function.prototype, String.prototype]) {
      expect((proto as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('wrote nothing outside the data folder', () => {
    expect(snapshot(world.root, world.dataDir)).toEqual(outsideBefore);
    expect(Object.fromEntries(canaries.map((file) => [file, statOf(file)]))).toEqual(
      canariesBefore,
    );
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
  });

  it('opened only the data folder and web or e-mail links', () => {
    for (const target of world.shell.openPath) {
      expect(path.relative(world.dataDir, target).startsWith('..')).toBe(false);
      expect(path.isAbsolute(path.relative(world.dataDir, target))).toBe(false);
    }
    for (const url of world.shell.openExternal) {
      expect(['http:', 'https:', 'mailto:']).toContain(new URL(url).protocol);
    }
  });
});
