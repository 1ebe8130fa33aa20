/**
 * The development and test switches main understands, read from the environment here and
 * nowhere else (a unit test fails if another file under electron/ reads `process.env`).
 *
 * A packaged app ignores all of them: a variable set by a user, an installer or malware must not
 * point the app at another page, another data folder, a fixed clock or the test hooks. Only a
 * run from the source tree (`npm start`, `npm run dev`, the end-to-end harness) honours them.
 */
export interface Switches {
  /** `VITE_DEV_SERVER_URL` from `npm run dev`: this origin is loaded and trusted like app://. */
  devServerUrl?: string;
  /** `RAPPORT_DATA_DIR`: end-to-end runs point each launch at a fresh data folder. */
  dataDir?: string;
  /** `RAPPORT_E2E=1`: install the end-to-end hooks (fixed clock, queued dialog answers). */
  e2e?: boolean;
  /** `RAPPORT_NOW`: where the end-to-end clock starts (ISO date); used only with `e2e`. */
  now?: string;
}

/**
 * The dev server must be plain http on this machine (Vite's `server.resolvedUrls.local`): any
 * other value is ignored rather than trusted with the full `window.rapport` API.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function devServerOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Returns `{}` for a packaged app, whatever the environment says. */
export function readSwitches(
  isPackaged: boolean,
  env: Record<string, string | undefined> = process.env,
): Switches {
  if (isPackaged) return {};
  const switches: Switches = {};
  const devServerUrl = devServerOrigin(env.VITE_DEV_SERVER_URL);
  if (devServerUrl) switches.devServerUrl = devServerUrl;
  if (env.RAPPORT_DATA_DIR) switches.dataDir = env.RAPPORT_DATA_DIR;
  if (env.RAPPORT_E2E === '1') switches.e2e = true;
  if (env.RAPPORT_NOW) switches.now = env.RAPPORT_NOW;
  return switches;
}
