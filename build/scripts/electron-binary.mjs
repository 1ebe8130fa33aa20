// Finds the Electron executable for `npm start` / `npm run dev`. `require('electron')` returns
// its path, but throws (or names a file that is not there) when the binary was never fetched,
// e.g. after `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci` on an offline machine. That case gets one
// plain sentence and exit code 1 instead of a stack trace.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const MISSING_BINARY_MESSAGE =
  'Rapport: the Electron binary is not installed (offline install?). Fetch it with ' +
  '"node node_modules/electron/install.js" (needs internet), then run npm start again.';

/** The executable's path, or null when it is not installed. `root` holds package.json. */
export function findElectronBinary(root) {
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
