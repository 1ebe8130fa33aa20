import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import type { Logger } from './ipc/dispatch.js';

/**
 * The renderer is served from `app://rapport/…`, never from `file://`: a file page could read any
 * file by URL, while this origin can only reach what the handler below chooses to serve. The
 * sender check in electron/ipc/register.ts trusts this same origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent with every page and asset. No 'unsafe-inline' or 'unsafe-eval': an injected string can
 * never become script, and the page cannot be framed or post forms anywhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** A wrong type breaks module scripts (Chromium refuses them), so unknown files are plain bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * True when `candidate` is strictly below `folder` (not the folder itself, not a sibling that
 * merely starts with the same letters, such as `renderer-old` next to `renderer`).
 */
export function isInsideFolder(
  folder: string,
  candidate: string,
  pathApi: path.PlatformPath = path,
): boolean {
  const fromFolder = pathApi.relative(pathApi.resolve(folder), pathApi.resolve(candidate));
  return fromFolder !== '' && !fromFolder.startsWith('..') && !pathApi.isAbsolute(fromFolder);
}

/** What an app:// URL maps to: a file to try, or a refusal with the reason for the log. */
export type AppRequest =
  | {
      kind: 'file';
      filePath: string;
      /** True for routes such as `/settings/profile`: serve index.html when no such file exists. */
      spaFallback: boolean;
    }
  | { kind: 'forbidden'; reason: string };

/**
 * Maps an `app://rapport/…` URL to a file inside `rootDir`, or refuses it. Pure (no disk access)
 * so the hostile cases can live in a table. The path is decoded, then every `..` segment, NUL,
 * backslash trick or drive prefix is refused, and the resolved path is checked to stay inside
 * the folder anyway: two independent guards, so one mistake does not open the disk.
 * `pathApi` lets tests run the Windows rules on Linux.
 */
export function resolveAppRequest(
  rootDir: string,
  rawUrl: string,
  pathApi: path.PlatformPath = path,
): AppRequest {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'forbidden', reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'forbidden', reason: 'not our origin' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0')) return { kind: 'forbidden', reason: 'NUL in path' };
  const segments = decoded
    .replaceAll('\\', '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { kind: 'forbidden', reason: 'parent segment' };
  if (segments.some((s) => s.includes(':')))
    return { kind: 'forbidden', reason: 'drive or stream' };

  const relative = segments.length === 0 ? 'index.html' : pathApi.join(...segments);
  const filePath = pathApi.resolve(rootDir, relative);
  if (!isInsideFolder(rootDir, filePath, pathApi)) {
    return { kind: 'forbidden', reason: 'outside the app folder' };
  }
  const last = segments.at(-1) ?? 'index.html';
  const spaFallback = pathApi.extname(last) === '' || pathApi.extname(last) === '.html';
  return { kind: 'file', filePath, spaFallback };
}

const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
};

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
  });

/** Vite names built assets after their content (`index-B1QfXin1.js`): a name never changes meaning. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpe?g|gif|webp|wasm)$/;

/**
 * Chromium keeps the V8 code cache of a script as metadata of its cached response, checked against
 * the response's time: without cache headers and a validator, every launch compiles the bundle from
 * source again even though the scheme has `codeCache`. Content-named assets never change, so they
 * are immutable; index.html (and anything else) is revalidated by its modification time.
 */
export function cachingHeaders(filePath: string, modified: Date): Record<string, string> {
  return {
    'cache-control': HASHED_ASSET.test(path.basename(filePath))
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'last-modified': modified.toUTCString(),
  };
}

/**
 * A revalidation (its If-Modified-Since header) whose copy is still current (HTTP dates have
 * whole seconds). Also used by the e2e harness's server, which serves as this protocol does.
 */
export function notModifiedSince(
  ifModifiedSince: string | null | undefined,
  modified: Date,
): boolean {
  const since = Date.parse(ifModifiedSince ?? '');
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

const isMissing = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};

/**
 * The `app://` request handler. Unknown routes fall back to index.html so the renderer's own
 * router can answer them; a missing asset (`/assets/x.js`) is a 404 rather than HTML that would
 * then fail to parse as script with a confusing error.
 */
export function createAppProtocolHandler(
  rootDir: string,
  log: Logger = (message, error) => console.error(message, error),
): (request: Request) => Promise<Response> {
  const indexPath = path.join(path.resolve(rootDir), 'index.html');
  const serve = async (filePath: string, request: Request) => {
    const info = await stat(filePath);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    const headers = {
      ...securityHeaders,
      ...cachingHeaders(filePath, info.mtime),
      'content-type': contentTypeFor(filePath),
    };
    if (notModifiedSince(request.headers.get('if-modified-since'), info.mtime))
      return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(await readFile(filePath)), { status: 200, headers });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const target = resolveAppRequest(rootDir, request.url);
    if (target.kind === 'forbidden') {
      log(`[protocol] refused ${request.url}: ${target.reason}`);
      return plain(403, 'Forbidden');
    }
    try {
      return await serve(target.filePath, request);
    } catch (error) {
      if (!isMissing(error)) {
        log(`[protocol] could not read ${target.filePath}`, error);
        return plain(500, 'Could not read the file');
      }
      if (!target.spaFallback) return plain(404, 'Not found');
    }
    try {
      return await serve(indexPath, request);
    } catch (error) {
      log(`[protocol] the renderer is missing: ${indexPath}`, error);
      return plain(404, 'Not found');
    }
  };
}

/**
 * Must run before `app` is ready: privileges cannot be granted to a scheme afterwards. `codeCache`
 * (which needs `standard`) lets V8 keep the compiled renderer between launches, as it does for
 * https pages: Chromium allows it only for http(s) unless a scheme asks. The cache lives in the
 * session's default place ("Code Cache" in the user data folder).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

/** Serves `rootDir` (the built renderer, `out/renderer`) on `app://rapport`. Call once ready. */
export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  log?: Logger,
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, log));
}
