import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Electron fixes security bugs only in its three newest majors. package.json's
// `config.electronMinimumMajor` is the one place that says which major Rapport must be on;
// raise it when a new major comes out, then update Electron until this test passes.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(path.join(repo, file), 'utf8'));

interface PackageJson {
  config?: { electronMinimumMajor?: unknown };
  devDependencies?: Record<string, string>;
}
interface LockFile {
  packages?: Record<string, { version?: string; devDependencies?: Record<string, string> }>;
}

/** Everything wrong with the Electron version, as sentences; empty when all is well. */
function electronVersionProblems(pkg: PackageJson, lock: LockFile, installed?: string): string[] {
  const problems: string[] = [];
  const minimum = pkg.config?.electronMinimumMajor;
  const wanted = pkg.devDependencies?.electron;
  if (typeof minimum !== 'number' || !Number.isInteger(minimum)) {
    problems.push('package.json has no whole-number config.electronMinimumMajor');
  }
  if (wanted === undefined || !/^\d+\.\d+\.\d+$/.test(wanted)) {
    problems.push(`package.json pins no exact Electron version (found ${String(wanted)})`);
    return problems;
  }
  const major = Number(wanted.split('.')[0]);
  if (typeof minimum === 'number' && major < minimum) {
    problems.push(
      `Electron ${wanted} is older than the supported minimum major ${minimum}: ` +
        'ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install electron@latest --save-dev --save-exact',
    );
  }
  const root = lock.packages?.['']?.devDependencies?.electron;
  const locked = lock.packages?.['node_modules/electron']?.version;
  if (root !== wanted) {
    problems.push(`package-lock.json asks for Electron ${String(root)}, package.json ${wanted}`);
  }
  if (locked !== wanted) {
    problems.push(`package-lock.json resolves Electron ${String(locked)}, package.json ${wanted}`);
  }
  if (installed !== undefined && installed !== wanted) {
    problems.push(`node_modules holds Electron ${installed}, package.json ${wanted} (npm ci)`);
  }
  return problems;
}

const lockFor = (version: string): LockFile => ({
  packages: {
    '': { devDependencies: { electron: version } },
    'node_modules/electron': { version },
  },
});

describe('the Electron version', () => {
  it('is pinned exactly, at or above config.electronMinimumMajor, and the lock file and node_modules agree', () => {
    const installedPackage = path.join(repo, 'node_modules', 'electron', 'package.json');
    const installed = existsSync(installedPackage)
      ? (readJson('node_modules/electron/package.json') as { version: string }).version
      : undefined;
    expect(
      electronVersionProblems(readJson('package.json'), readJson('package-lock.json'), installed),
    ).toEqual([]);
  });

  it.each([
    {
      name: 'a major older than the minimum',
      pkg: { config: { electronMinimumMajor: 45 }, devDependencies: { electron: '40.8.5' } },
      lock: lockFor('40.8.5'),
      problem: 'Electron 40.8.5 is older than the supported minimum major 45',
    },
    {
      name: 'a version range instead of an exact version',
      pkg: { config: { electronMinimumMajor: 45 }, devDependencies: { electron: '^45.5.0' } },
      lock: lockFor('45.5.0'),
      problem: 'package.json pins no exact Electron version (found ^45.5.0)',
    },
    {
      name: 'a lock file left behind on the old version',
      pkg: { config: { electronMinimumMajor: 45 }, devDependencies: { electron: '45.5.0' } },
      lock: lockFor('40.8.5'),
      problem: 'package-lock.json resolves Electron 40.8.5, package.json 45.5.0',
    },
    {
      name: 'no minimum at all',
      pkg: { devDependencies: { electron: '45.5.0' } },
      lock: lockFor('45.5.0'),
      problem: 'package.json has no whole-number config.electronMinimumMajor',
    },
  ])('is reported when package.json has $name', ({ pkg, lock, problem }) => {
    expect(electronVersionProblems(pkg, lock).join('\n')).toContain(problem);
  });
});
