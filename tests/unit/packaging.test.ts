import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * A stand-in for the Electron binary (which cannot be downloaded here): a script carrying the
 * fuse wire Electron 40 ships with, so electron-builder's fuse flipping runs for real and the
 * result can be read back.
 */
function fakeElectronDist(dir: string) {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.from([1, 8, 0x31, 0x30, 0x31, 0x31, 0x30, 0x30, 0x30, 0x31]);
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n# '),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    wire,
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), body, { mode: 0o755 });
  writeFileSync(path.join(dir, 'version'), '40.8.5');
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
    const needed = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
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
      '-c.electronVersion=40.8.5',
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

  it('holds the built main, preload and renderer, and package.json pointing at main', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'out/main/main.js',
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
    expect(fuses[FuseV1Options.RunAsNode]).toBe(DISABLED);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLED);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLED);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLED);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLED);
  });
});

describe('the packaging config', () => {
  const yml = readFileSync(path.join(repo, 'build', 'electron-builder.yml'), 'utf8');

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
