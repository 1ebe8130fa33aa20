import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { INVOKE_PATH } from './invoke-path.js';
import {
  cachingHeaders,
  CONTENT_SECURITY_POLICY,
  notModifiedSince,
} from '../../electron/protocol.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The same policy the app:// protocol sends in Electron, so CSP problems show up in e2e too. */
export const CSP = CONTENT_SECURITY_POLICY;

export { INVOKE_PATH };

/**
 * Serves the built renderer on 127.0.0.1 (pages must not come from file://). With `invoke`, it
 * also answers POST INVOKE_PATH with the handler table's Result as JSON: for large answers that is
 * about as fast as Electron's structured clone, where a Playwright binding is ten times slower.
 */
export async function serveRenderer(
  root: string,
  invoke?: (channel: unknown, args: unknown) => Promise<unknown>,
  /** A fixed port (0: any free one), so that relaunches keep the page's origin and caches. */
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (invoke && request.method === 'POST' && pathname === INVOKE_PATH) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { channel, args } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          channel: unknown;
          args: unknown;
        };
        void invoke(channel, args).then((result) => {
          response.writeHead(200, {
            'Content-Type': 'application/json; charset=utf-8',
            'Cache-Control': 'no-store',
          });
          response.end(JSON.stringify(result));
        });
      });
      return;
    }
    let file = resolve(join(base, pathname));
    if (!file.startsWith(base + sep) && file !== base) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    // The app:// protocol's caching (immutable hashed assets, index.html revalidated), so the
    // browser keeps scripts and their V8 code cache between launches as Electron does.
    const modified = statSync(file).mtime;
    const headers = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      ...cachingHeaders(file, modified),
    };
    if (notModifiedSince(request.headers['if-modified-since'], modified)) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
