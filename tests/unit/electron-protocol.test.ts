import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  createAppProtocolHandler,
  isInsideFolder,
  registerAppScheme,
  resolveAppRequest,
} from '../../electron/protocol.js';

describe('resolveAppRequest', () => {
  const root = '/srv/app/out/renderer';

  it.each([
    ['app://rapport/', 'index.html'],
    ['app://rapport/index.html', 'index.html'],
    ['app://rapport/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://rapport/assets/./logo.svg', 'assets/logo.svg'],
    ['app://rapport/assets/My%20Font.woff2', 'assets/My Font.woff2'],
    ['app://rapport/index.html?x=1#top', 'index.html'],
    // The URL parser removes these dot segments itself; what is left is looked up inside the root.
    ['app://rapport/../../etc/passwd', 'etc/passwd'],
    ['app://rapport/%2e%2e/%2E%2e/etc/passwd', 'etc/passwd'],
  ])('maps %s inside the renderer folder', (url, relative) => {
    const result = resolveAppRequest(root, url, path.posix);
    expect(result).toMatchObject({ kind: 'file', filePath: path.posix.join(root, relative) });
  });

  it.each([
    ['encoded slashes', 'app://rapport/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded dots and slashes', 'app://rapport/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded backslashes', 'app://rapport/..%5c..%5cetc%5cpasswd'],
    ['raw backslashes', 'app://rapport/assets\\..\\..\\..\\etc\\passwd'],
    ['encoded slashes after a folder', 'app://rapport/a/..%2F..%2F..%2Fb'],
    [
      'a parent segment, even one that would land back inside',
      'app://rapport/assets/..%2findex.html',
    ],
    ['a NUL byte', 'app://rapport/index.html%00.png'],
    ['broken percent-encoding', 'app://rapport/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['http on our host name', 'http://rapport/index.html'],
    ['a drive letter', 'app://rapport/C:%5cWindows%5cwin.ini'],
    ['an NTFS stream', 'app://rapport/index.html::$DATA'],
    ['not a URL', 'rapport/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppRequest(root, url, path.posix)).toMatchObject({ kind: 'forbidden' });
  });

  const winRoot = 'C:\\Program Files\\Rapport\\out\\renderer';
  it.each([
    'app://rapport/..%5c..%5cWindows%5cwin.ini',
    'app://rapport/assets%5c..%5c..%5c..%5csecret.txt',
    'app://rapport/C:%5cWindows%5cwin.ini',
    'app://rapport/D:/secret.txt',
  ])('refuses %s with Windows path rules too', (url) => {
    expect(resolveAppRequest(winRoot, url, path.win32)).toMatchObject({ kind: 'forbidden' });
  });

  it('keeps a UNC-looking path inside the folder with Windows path rules', () => {
    expect(
      resolveAppRequest(winRoot, 'app://rapport/%5c%5cserver%5cshare%5cx', path.win32),
    ).toEqual({
      kind: 'file',
      filePath: `${winRoot}\\server\\share\\x`,
      spaFallback: true,
    });
  });

  it.each([
    ['app://rapport/settings/profile', true],
    ['app://rapport/index.html', true],
    ['app://rapport/assets/missing.js', false],
    ['app://rapport/favicon.ico', false],
  ])('falls back to index.html for %s: %s', (url, spaFallback) => {
    expect(resolveAppRequest(root, url, path.posix)).toMatchObject({ kind: 'file', spaFallback });
  });
});

describe('isInsideFolder', () => {
  it.each([
    ['/srv/out/renderer/index.html', true],
    ['/srv/out/renderer/assets/a.js', true],
    ['/srv/out/renderer', false],
    ['/srv/out/renderer/', false],
    ['/srv/out/renderer/../main/main.js', false],
    ['/srv/out/renderer-old/index.html', false],
    ['/srv/out/rendererX', false],
    ['/etc/passwd', false],
    ['relative/index.html', false],
  ])('%s is inside /srv/out/renderer: %s', (candidate, inside) => {
    expect(isInsideFolder('/srv/out/renderer', candidate, path.posix)).toBe(inside);
  });

  it.each([
    ['C:\\app\\renderer\\index.html', true],
    ['c:\\APP\\Renderer\\index.html', true],
    ['C:\\app\\renderer-old\\index.html', false],
    ['D:\\app\\renderer\\index.html', false],
    ['\\\\server\\share\\index.html', false],
  ])('%s is inside C:\\app\\renderer with Windows rules: %s', (candidate, inside) => {
    expect(isInsideFolder('C:\\app\\renderer', candidate, path.win32)).toBe(inside);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/INDEX.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('the app:// handler', () => {
  let dir: string;
  let root: string;
  const log = vi.fn();

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rapport-protocol-'));
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Rapport</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("hi")');
    writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
    log.mockClear();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') =>
    createAppProtocolHandler(root, log)(new Request(url, { method }));

  it('serves files with their content type and the strict CSP', async () => {
    const response = await get('app://rapport/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('console.log("hi")');
  });

  it('sends a CSP without unsafe-inline or unsafe-eval on every answer, errors included', async () => {
    for (const url of [
      'app://rapport/',
      'app://rapport/assets/gone.js',
      'app://rapport/..%2fsecret.txt',
    ]) {
      const csp = (await get(url)).headers.get('content-security-policy');
      expect(csp).toBe(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
      );
      expect(csp).not.toMatch(/unsafe/);
    }
  });

  it('answers unknown routes with index.html so the renderer can route them', async () => {
    const response = await get('app://rapport/settings/profile');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Rapport</title>');
  });

  it('answers a missing asset with 404, not with HTML', async () => {
    const response = await get('app://rapport/assets/gone.js');
    expect(response.status).toBe(404);
  });

  it.each([
    'app://rapport/..%2fsecret.txt',
    'app://rapport/assets/..%2f..%2fsecret.txt',
    'app://rapport/%2e%2e%2fsecret.txt',
    'app://rapport/..%5csecret.txt',
  ])('never serves a file outside the renderer folder (%s)', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the renderer folder');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('[protocol] refused'));
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://rapport/index.html', 'POST')).status).toBe(405);
  });

  it('registers app as standard, secure and fetch-capable, with a V8 code cache', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });

  it('lets content-named assets be cached for good and revalidates the rest by date', async () => {
    writeFileSync(path.join(root, 'assets', 'index-B1QfXin1.js'), 'export {}');
    const hashed = await get('app://rapport/assets/index-B1QfXin1.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const modified = hashed.headers.get('last-modified');
    expect(Date.parse(modified ?? '')).not.toBeNaN();
    for (const url of ['app://rapport/', 'app://rapport/assets/app.js', 'app://rapport/settings']) {
      const response = await get(url);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('last-modified')).toBe(modified);
    }
  });

  it('answers a revalidation of an unchanged file with 304 and no body, a stale one in full', async () => {
    const handler = createAppProtocolHandler(root, log);
    const first = await handler(new Request('app://rapport/assets/app.js'));
    const since = first.headers.get('last-modified')!;
    const again = await handler(
      new Request('app://rapport/assets/app.js', { headers: { 'if-modified-since': since } }),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const stale = await handler(
      new Request('app://rapport/assets/app.js', {
        headers: { 'if-modified-since': new Date(Date.parse(since) - 60_000).toUTCString() },
      }),
    );
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe('console.log("hi")');
  });
});
