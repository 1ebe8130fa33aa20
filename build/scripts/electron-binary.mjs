// Finds the Electron executable for `npm start` / `npm run dev`. Since Electron 45 the npm
// package no longer downloads the binary at install time: `require('electron')` fetches it on
// first use, printing its own progress and a stack trace when that fails. So the binary is looked
// up directly (node_modules/electron/path.txt and dist/), fetched here with the package's own
// install.js when missing (quietly, with one line when the terminal is interactive), and an
// offline machine gets one plain sentence and exit code 1 instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const MISSING_BINARY_MESSAGE =
  'Rapport: the Electron binary is not installed (offline install?). Fetch it with ' +
  '"npx install-electron" (needs internet), then run npm start again.';

/** node_modules/electron for the project at `root`, or null when the package is not installed. */
function electronPackageDir(root) {
  try {
    return path.dirname(
      createRequire(path.join(root, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    return null;
  }
}

/** The downloaded binary named by path.txt, or null when it is not there (yet). */
function installedBinary(dir) {
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The executable's path, or null when it is not installed and cannot be fetched. */
export function findElectronBinary(root) {
  const dir = electronPackageDir(root);
  if (dir === null) return null;
  const installed = installedBinary(dir);
  if (installed !== null) return installed;
  const installer = path.join(dir, 'install.js');
  if (existsSync(installer)) {
    if (process.stderr.isTTY)
      console.error('Rapport: fetching the Electron runtime (first start only, about 100 MB)…');
    spawnSync(process.execPath, [installer], { cwd: dir, stdio: 'ignore' });
    return installedBinary(dir);
  }
  // A package without install.js (older layouts): its index.js names the binary.
  try {
    const binary = createRequire(path.join(root, 'package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Exits with the one-line message when Electron cannot be launched; returns its path otherwise. */
export function requireElectronBinary(root, command = 'npm start') {
  const binary = findElectronBinary(root);
  if (binary === null) {
    console.error(MISSING_BINARY_MESSAGE.replace('npm start', command));
    process.exit(1);
  }
  return binary;
}

/** Electron started with ELECTRON_RUN_AS_NODE set would run main.js as a plain Node script. */
export function electronEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}
