import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { extractFile, getRawHeader, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type * as ResEdit from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The Electron version package.json pins; the stand-in below claims to be it. */
const electronVersion = pkg.devDependencies.electron!;

/**
 * The fuse wire as a stock Electron binary ships it (version 1, then one '0'/'1' byte per fuse):
 * RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off,
 * only-asar off, browser V8 snapshot off, file:// privileges on, and (since Electron 43) a ninth
 * fuse, WasmTrapHandlers, on. @electron/fuses 1.8 has no name for the ninth.
 */
const STOCK_FUSE_WIRE = '101100011';
const WASM_TRAP_HANDLERS = 8;

/**
 * A stand-in for the Electron binary (which cannot be downloaded here): a script carrying the
 * stock fuse wire behind Electron's sentinel, so electron-builder's fuse flipping runs for real
 * and the result can be read back.
 */
function fakeElectronDist(dir: string) {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.from([1, STOCK_FUSE_WIRE.length, ...Buffer.from(STOCK_FUSE_WIRE)]);
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n# '),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    wire,
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), body, { mode: 0o755 });
  writeFileSync(path.join(dir, 'version'), electronVersion);
}

/**
 * resedit, the PE resource library electron-builder itself edits Windows executables with,
 * loaded from electron-builder's own dependencies.
 */
const resedit = createRequire(
  createRequire(path.join(repo, 'package.json')).resolve('app-builder-lib/package.json'),
)('resedit') as typeof ResEdit;

/**
 * A stand-in electron.exe: an empty Windows executable with the version resource electron-builder
 * expects, and the stock fuse wire appended, so the Windows steps (asar integrity resource, fuse
 * flipping) run for real on Linux.
 */
function fakeWindowsElectronDist(dir: string) {
  mkdirSync(dir, { recursive: true });
  const exe = resedit.NtExecutable.createEmpty(false, false);
  const resources = resedit.NtExecutableResource.from(exe);
  const version = resedit.Resource.VersionInfo.createEmpty();
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron' });
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  exe.setExtraData(
    Buffer.concat([
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, STOCK_FUSE_WIRE.length, ...Buffer.from(STOCK_FUSE_WIRE)]),
    ]),
  );
  writeFileSync(path.join(dir, 'electron.exe'), Buffer.from(exe.generate()));
  writeFileSync(path.join(dir, 'version'), electronVersion);
}

/**
 * The fuses Rapport ships with, by @electron/fuses name. build/electron-builder.yml spells the
 * same names in camelCase under `electronFuses`.
 */
const HARDENED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
} as const;

const builderYml = readFileSync(path.join(repo, 'build', 'electron-builder.yml'), 'utf8');

/** The `electronFuses:` block of the builder config, as @electron/fuses names and values. */
function configuredFuses(yml: string): Record<string, boolean | string> {
  const lines = yml.split('\n');
  const start = lines.indexOf('electronFuses:');
  if (start < 0) return {};
  const block: Record<string, boolean | string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): *(.*)$/.exec(line);
    if (!match) break;
    const [, key, value] = match as unknown as [string, string, string];
    const name = key.charAt(0).toUpperCase() + key.slice(1);
    block[name] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return block;
}

function run(command: string, args: string[]) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repo,
      env: { ...process.env, ELECTRON_BUILDER_CACHE: path.join(work, 'cache'), CI: 'true' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

let work: string;
let appOutDir: string;
let entries: string[];
let packSeconds: number;

describe('the packaged app (electron-builder --dir)', () => {
  beforeAll(async () => {
    const needed = [
      'out/main/main.js',
      'out/main/import-worker.cjs',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
    ];
    const missing = needed.filter((file) => !existsSync(path.join(repo, file)));
    if (missing.length > 0) {
      throw new Error(
        `The packaging test packs the built app, but ${missing.join(', ')} is missing. ` +
          'Run "npm run build:app" first (npm test does).',
      );
    }
    work = mkdtempSync(path.join(tmpdir(), 'rapport-pack-'));
    const dist = path.join(work, 'electron-dist');
    fakeElectronDist(dist);
    const output = path.join(work, 'release');
    const started = performance.now();
    const result = await run(process.execPath, [
      path.join(repo, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'build/electron-builder.yml',
      '--linux',
      '--x64',
      '--dir',
      `-c.electronDist=${dist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ]);
    packSeconds = (performance.now() - started) / 1000;
    console.log(`[packaging] electron-builder --dir took ${packSeconds.toFixed(1)} s`);
    if (result.code !== 0)
      throw new Error(`electron-builder failed (${result.code}):\n${result.output}`);
    appOutDir = path.join(output, 'linux-unpacked');
    entries = listPackage(path.join(appOutDir, 'resources', 'app.asar'), { isPack: false }).map(
      (entry) => entry.replaceAll('\\', '/').replace(/^\//, ''),
    );
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const asarJson = (file: string) =>
    JSON.parse(
      extractFile(path.join(appOutDir, 'resources', 'app.asar'), file).toString('utf8'),
    ) as {
      name: string;
      main?: string;
      dependencies?: Record<string, string>;
      scripts?: unknown;
    };

  it('packs in well under a minute', () => {
    expect(packSeconds).toBeLessThan(60);
  });

  it('holds the built main (with its import worker), preload and renderer, and package.json pointing at main', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'out/main/main.js',
        // Self-contained (no node_modules): Electron loads worker scripts from app.asar.
        'out/main/import-worker.cjs',
        'out/preload/preload.cjs',
        'out/renderer/index.html',
        'package.json',
        'node_modules/electron-store/package.json',
        'node_modules/zod/package.json',
      ]),
    );
    expect(asarJson('package.json').main).toBe(pkg.main);
  });

  it('holds no sources, tests, build files or source maps', () => {
    const stray = entries.filter(
      (entry) =>
        /^(electron|renderer|shared|tests|build|release|seed)\//.test(entry) ||
        (!entry.startsWith('node_modules/') && /\.(ts|tsx|map)$/.test(entry)) ||
        ['tsconfig.json', 'package-lock.json', 'README.md'].includes(entry),
    );
    expect(stray).toEqual([]);
  });

  it('holds no development dependency', () => {
    const top = new Set(
      entries
        .filter((entry) => /^node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry))
        .map((entry) => entry.slice(13)),
    );
    // conf is a devDependency for tests, and also what electron-store itself runs on.
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => name !== 'conf');
    expect(devOnly).toEqual(
      expect.arrayContaining([
        'react',
        'vite',
        'vitest',
        'typescript',
        'electron',
        'playwright-core',
        'eslint',
      ]),
    );
    expect(devOnly.filter((name) => top.has(name))).toEqual([]);
  });

  it("holds every production dependency's own dependencies (nothing missing at run time)", () => {
    const packages = entries.filter((entry) =>
      /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(entry),
    );
    const unresolved: string[] = [];
    for (const file of ['package.json', ...packages]) {
      const dir = path.posix.dirname(file);
      for (const dependency of Object.keys(asarJson(file).dependencies ?? {})) {
        // Type declarations (docx lists @types/node) are left out on purpose: never loaded.
        if (dependency.startsWith('@types/')) continue;
        // Node's lookup: node_modules next to the package, then in each folder above it.
        let found = false;
        for (let from = dir; ; from = path.posix.dirname(from)) {
          const base = from === '.' ? '' : `${from}/`;
          if (entries.includes(`${base}node_modules/${dependency}/package.json`)) found = true;
          if (found || from === '.') break;
        }
        if (!found) unresolved.push(`${file} -> ${dependency}`);
      }
    }
    expect(packages.length).toBeGreaterThan(2);
    expect(unresolved).toEqual([]);
    for (const name of Object.keys(pkg.dependencies))
      expect(entries).toContain(`node_modules/${name}/package.json`);
  });

  it('names the executable rapport and flips the hardening fuses', async () => {
    const executable = path.join(appOutDir, 'rapport');
    expect(existsSync(executable)).toBe(true);
    const fuses = await getCurrentFuseWire(executable);
    const DISABLED = 0x30;
    const ENABLED = 0x31;
    const flipped = Object.fromEntries(
      Object.keys(HARDENED_FUSES).map((name) => [
        name,
        fuses[FuseV1Options[name as keyof typeof FuseV1Options]] === ENABLED,
      ]),
    );
    expect(flipped).toEqual(HARDENED_FUSES);
    // The fuses Rapport leaves alone keep Electron's own setting.
    expect(fuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLED);
    expect((fuses as Record<number, number>)[WASM_TRAP_HANDLERS]).toBe(ENABLED);
  });
});

describe('the packaged Windows app (electron-builder --win --dir, stand-in electron.exe)', () => {
  let winWork: string;
  let winOutDir: string;

  beforeAll(async () => {
    winWork = mkdtempSync(path.join(tmpdir(), 'rapport-pack-win-'));
    const dist = path.join(winWork, 'electron-dist');
    fakeWindowsElectronDist(dist);
    const output = path.join(winWork, 'release');
    const result = await run(process.execPath, [
      path.join(repo, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'build/electron-builder.yml',
      '--win',
      '--x64',
      '--dir',
      `-c.electronDist=${dist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
      // Signing fetches Windows tools from the internet; the integrity resource and the fuses
      // are written before that step.
      '-c.win.signAndEditExecutable=false',
    ]);
    if (result.code !== 0)
      throw new Error(`electron-builder failed (${result.code}):\n${result.output}`);
    winOutDir = path.join(output, 'win-unpacked');
  }, 180_000);

  afterAll(() => {
    if (winWork) rmSync(winWork, { recursive: true, force: true });
  });

  it("embeds the SHA-256 of app.asar's header, which the integrity fuse makes Electron check", () => {
    const exe = resedit.NtExecutable.from(readFileSync(path.join(winOutDir, 'Rapport.exe')));
    const entry = resedit.NtExecutableResource.from(exe).entries.find(
      (candidate) => candidate.type === 'INTEGRITY' && candidate.id === 'ELECTRONASAR',
    );
    expect(entry).toBeDefined();
    const { headerString } = getRawHeader(path.join(winOutDir, 'resources', 'app.asar'));
    expect(JSON.parse(Buffer.from(entry!.bin).toString('utf8'))).toEqual([
      {
        file: 'resources\\app.asar',
        alg: 'SHA256',
        value: createHash('sha256').update(headerString).digest('hex'),
      },
    ]);
  });

  it('flips the same hardening fuses in Rapport.exe', async () => {
    const fuses = await getCurrentFuseWire(path.join(winOutDir, 'Rapport.exe'));
    const flipped = Object.fromEntries(
      Object.keys(HARDENED_FUSES).map((name) => [
        name,
        fuses[FuseV1Options[name as keyof typeof FuseV1Options]] === 0x31,
      ]),
    );
    expect(flipped).toEqual(HARDENED_FUSES);
  });
});

describe('the packaging config', () => {
  const yml = builderYml;

  it('flips exactly the hardening fuses, asar integrity and cookie encryption included', () => {
    expect(configuredFuses(yml)).toEqual(HARDENED_FUSES);
    for (const name of Object.keys(HARDENED_FUSES)) expect(FuseV1Options).toHaveProperty(name);
  });

  it('lets electron-builder embed the asar integrity hash that the fuse makes Electron check', () => {
    expect(yml).not.toMatch(/^\s*disableAsarIntegrity:/m);
    expect(yml.split('\n')).toContain('asar: true');
  });

  it.each([
    'appId: app.rapport.desktop',
    'productName: Rapport',
    '  output: release',
    'asar: true',
    'allowMissingDependencies: false',
    '  category: Office',
    '  category: public.app-category.productivity',
    '  target: nsis',
    '  target: dmg',
    '    - AppImage',
    '    - deb',
  ])('says %s', (line) => {
    expect(yml.split('\n')).toContain(line);
  });

  it('ships only out/ and package.json', () => {
    const files = yml.slice(yml.indexOf('files:')).split('\n').slice(1);
    const globs = files
      .slice(
        0,
        files.findIndex((line) => !line.startsWith('  - ')),
      )
      .map((line) => line.slice(4));
    expect(globs).toEqual(['out/**', "'!out/**/*.map'", 'package.json']);
  });
});

/** Decodes the 8-bit RGBA, filter-0 PNGs that build/scripts/make-icons.mjs writes. */
function readIcon(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]]).toEqual([8, 6]);
  const chunks: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT')
      chunks.push(bytes.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const pixel = (x: number, y: number) => {
    const at = y * (width * 4 + 1) + 1 + x * 4;
    return [...raw.subarray(at, at + 4)];
  };
  return { width, height, pixel };
}

describe('the app icon', () => {
  it.each([512, 1024])(
    'is a %i px square: a white R on an opaque tile, transparent corners',
    (size) => {
      const icon = readIcon(path.join(repo, 'build', 'icons', `${size}x${size}.png`));
      expect([icon.width, icon.height]).toEqual([size, size]);
      const at = (x: number, y: number) => icon.pixel(Math.floor(x * size), Math.floor(y * size));
      expect(at(0.01, 0.01)[3]).toBe(0); // outside the rounded tile
      expect(at(0.35, 0.5)).toEqual([255, 255, 255, 255]); // the stem of the R
      expect(at(0.45, 0.45)).not.toEqual([255, 255, 255, 255]); // the counter of the R
      expect(at(0.45, 0.45)[3]).toBe(255);
      expect(at(0.2, 0.5)).not.toEqual([255, 255, 255, 255]); // tile left of the letter
    },
  );
});
