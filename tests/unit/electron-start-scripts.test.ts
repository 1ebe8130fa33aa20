import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// start.mjs and dev.mjs run in a throwaway project whose node_modules/electron is a stand-in:
// one that throws like a real install whose binary was never downloaded, one that names a
// missing file, or one whose "binary" is this very Node (so a launch is observable anywhere).
const repo = fileURLToPath(new URL('../..', import.meta.url));
const scripts = ['start.mjs', 'dev.mjs', 'electron-binary.mjs'];

let project: string;
beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'rapport-start-'));
  mkdirSync(path.join(project, 'build', 'scripts'), { recursive: true });
  for (const script of scripts) {
    copyFileSync(
      path.join(repo, 'build', 'scripts', script),
      path.join(project, 'build', 'scripts', script),
    );
  }
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'fake-rapport', main: 'fake-main.cjs' }),
  );
  // What `electron .` would run; here Node runs it and reports what it was given.
  writeFileSync(
    path.join(project, 'fake-main.cjs'),
    'console.log(JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null })); process.exit(7);',
  );
  mkdirSync(path.join(project, 'out', 'main'), { recursive: true });
  writeFileSync(path.join(project, 'out', 'main', 'main.js'), '');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function fakeElectronPackage(indexJs: string) {
  const dir = path.join(project, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'electron', main: 'index.js' }),
  );
  writeFileSync(path.join(dir, 'index.js'), indexJs);
}

const run = (script: string, args: string[] = [], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(project, 'build', 'scripts', script), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 20_000,
  });

/**
 * Electron 45's package: no binary at install time; install.js fetches it (here: one that fails
 * like an offline machine, printing a stack trace of its own; or one that "downloads" this Node).
 */
function electron45Package(install: 'offline' | 'downloads' | 'installed') {
  const dir = path.join(project, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'electron', main: 'index.js' }),
  );
  // Requiring it would download with inherited output: the scripts must not.
  writeFileSync(
    path.join(dir, 'index.js'),
    "console.log('Downloading Electron binary...'); throw new Error('do not require me');",
  );
  const place = `const fs = require('fs'); const path = require('path');
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
    fs.symlinkSync(${JSON.stringify(process.execPath)}, path.join(__dirname, 'dist', 'electron'));
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
  writeFileSync(
    path.join(dir, 'install.js'),
    install === 'offline'
      ? "console.error('RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest'); process.exit(1);"
      : place,
  );
  if (install === 'installed') spawnSync(process.execPath, [path.join(dir, 'install.js')]);
}

const missingBinaryCases = [
  {
    name: 'the binary was never downloaded',
    // Electron before 45: node_modules/electron/index.js throws this when path.txt is missing.
    indexJs:
      "throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');",
  },
  {
    name: 'the binary path does not exist',
    indexJs: "module.exports = require('path').join(__dirname, 'dist', 'electron');",
  },
  { name: 'the electron package is not installed at all', indexJs: null },
];

describe('a missing Electron binary', () => {
  it.each(
    missingBinaryCases.flatMap((c) => [
      { ...c, script: 'start.mjs', command: 'npm start' },
      { ...c, script: 'dev.mjs', command: 'npm run dev' },
    ]),
  )('$script prints one plain line and exits 1 when $name', ({ indexJs, script, command }) => {
    if (indexJs !== null) fakeElectronPackage(indexJs);
    const result = run(script);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Rapport: the Electron binary is not installed (offline install?). Fetch it with ' +
        `"npx install-electron" (needs internet), then run ${command} again.\n`,
    );
  });
});

describe('Electron 45 and later (the binary is fetched on first use)', () => {
  it.each(['start.mjs', 'dev.mjs'])(
    '%s prints one plain line and exits 1 when the fetch fails offline',
    (script) => {
      electron45Package('offline');
      const result = run(script);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^Rapport: the Electron binary is not installed/);
    },
  );

  it.each(['downloads', 'installed'] as const)(
    'npm start runs the binary path.txt names when it %s',
    (install) => {
      electron45Package(install);
      const result = run('start.mjs', ['--from-45']);
      expect(result.status).toBe(7);
      expect(JSON.parse(result.stdout)).toMatchObject({ args: ['--from-45'], runAsNode: null });
    },
  );
});

describe('npm start', () => {
  it('runs Electron on this folder with the arguments given, without ELECTRON_RUN_AS_NODE, and passes its exit code on', () => {
    fakeElectronPackage(`module.exports = ${JSON.stringify(process.execPath)};`);
    const result = run('start.mjs', ['--trace-warnings-for-test'], { ELECTRON_RUN_AS_NODE: '1' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(7);
    expect(JSON.parse(result.stdout)).toEqual({
      cwd: path.resolve(project),
      args: ['--trace-warnings-for-test'],
      runAsNode: null,
    });
  });

  it('says the app is not built when out/main/main.js is missing', () => {
    fakeElectronPackage(`module.exports = ${JSON.stringify(process.execPath)};`);
    rmSync(path.join(project, 'out'), { recursive: true });
    const result = run('start.mjs');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Rapport: the app is not built yet (out/main/main.js is missing). Run npm run build, then npm start.',
    ]);
  });
});
