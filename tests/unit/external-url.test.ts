import type { WebContents } from 'electron';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildMailto } from '../../shared/domain/mailto.js';
import { createElectronDeps } from '../../electron/app-deps.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import {
  EXTERNAL_URL_REFUSED,
  normalizeExternalUrl,
} from '../../electron/services/external-url.js';
import type { Storage } from '../../electron/services/types.js';
import { forLog, hardenWebContents } from '../../electron/window.js';
import { FakeWebContents } from './helpers/fake-electron.js';

// window.ts imports `electron` for BrowserWindow; only hardenWebContents is used here.
vi.mock('electron', () => ({ default: {} }));

/** Each raw string a page or the renderer could send, and exactly what the OS may be given. */
const cases: { name: string; raw: string; opens: string | null }[] = [
  {
    name: 'a plain https link',
    raw: 'https://example.com/page',
    opens: 'https://example.com/page',
  },
  {
    name: 'a line break smuggling a launcher flag',
    raw: 'https://example.com\r\n--gpu-launcher=calc',
    opens: null,
  },
  { name: 'a tab inside the link', raw: 'https://exa\tmple.com/', opens: null },
  { name: 'a NUL', raw: 'https://example.com/\u0000', opens: null },
  { name: 'a leading space', raw: ' https://x', opens: 'https://x/' },
  { name: 'backslashes (a UNC path to Windows)', raw: 'http:\\\\evil\\x', opens: 'http://evil/x' },
  {
    name: 'upper case, the default port and a space',
    raw: 'HTTPS://Example.COM:443/a b',
    opens: 'https://example.com/a%20b',
  },
  {
    name: 'a query and a fragment',
    raw: 'https://example.com/p?q=a+b#part',
    opens: 'https://example.com/p?q=a+b#part',
  },
  { name: 'javascript:', raw: 'javascript:alert(1)', opens: null },
  { name: 'JavaScript: in mixed case', raw: 'JaVaScRiPt:alert(1)', opens: null },
  { name: 'file:', raw: 'file:///etc/passwd', opens: null },
  { name: 'data:', raw: 'data:text/html,<script>alert(1)</script>', opens: null },
  { name: 'an SMB share', raw: 'smb://server/share', opens: null },
  { name: 'a Windows protocol handler', raw: 'ms-msdt:/id PCWDiagnostic', opens: null },
  { name: 'not a URL', raw: 'not a url', opens: null },
  { name: 'an empty string', raw: '', opens: null },
  { name: 'a plain mailto', raw: 'mailto:maya@example.com', opens: 'mailto:maya@example.com' },
  {
    name: 'a mailto with attach, bcc and cc',
    raw: 'mailto:maya@example.com?attach=/etc/passwd&bcc=spy@evil.example&cc=boss@example.com&subject=Hi%20there&body=Thanks',
    opens: 'mailto:maya@example.com?cc=boss@example.com&subject=Hi%20there&body=Thanks',
  },
  {
    name: 'a mailto with headers in upper case and a Windows attachment',
    raw: 'mailto:a@b.org?BCC=x@y.org&Attach=C:%5Csecret.txt&X-Mailer=evil&from=ceo@b.org',
    opens: 'mailto:a@b.org',
  },
  {
    name: 'a mailto subject that tries to start a new header',
    raw: 'mailto:a@b.org?subject=Hi%0D%0ABcc:%20x@y.org',
    opens: 'mailto:a@b.org?subject=Hi%20Bcc%3A%20x%40y.org',
  },
  {
    name: 'a mailto body with line breaks (kept, as CRLF)',
    raw: 'mailto:a@b.org?body=one%0D%0Atwo',
    opens: 'mailto:a@b.org?body=one%0D%0Atwo',
  },
  {
    name: 'a mailto with recipients as to= headers',
    raw: 'mailto:?to=a@b.org&to=c@d.org,e@f.org',
    opens: 'mailto:a@b.org,c@d.org,e@f.org',
  },
  {
    name: 'a mailto with a second subject',
    raw: 'mailto:a@b.org?subject=first&subject=second',
    opens: 'mailto:a@b.org?subject=first',
  },
  { name: 'a mailto with a fragment', raw: 'mailto:a@b.org#x', opens: 'mailto:a@b.org' },
  { name: 'a mailto to no address (the mail app asks)', raw: 'mailto:', opens: 'mailto:' },
  { name: 'a mailto to something that is no address', raw: 'mailto:not-an-address', opens: null },
  { name: 'a mailto with a cc that is no address', raw: 'mailto:a@b.org?cc=<x>', opens: null },
  {
    name: 'a mailto with broken percent-encoding',
    raw: 'mailto:a@b.org?subject=%E0%A4%A',
    opens: null,
  },
];

describe('normalizeExternalUrl', () => {
  it.each(cases)('$name: $raw -> $opens', ({ raw, opens }) => {
    expect(normalizeExternalUrl(raw)).toBe(opens);
  });

  it.each([undefined, null, 42, { href: 'https://x' }])(
    'refuses a %j that is not a string',
    (raw) => {
      expect(normalizeExternalUrl(raw)).toBeNull();
    },
  );

  it('gives back unchanged every link that "Open in mail app" builds', () => {
    const address = fc.constantFrom(
      'maya@example.com',
      "o'brien+jobs@example.co.uk",
      'zoë@exämple.de',
    );
    fc.assert(
      fc.property(
        address,
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        (to, subject, body) => {
          const { url } = buildMailto({ to, subject, body });
          expect(normalizeExternalUrl(url)).toBe(url);
        },
      ),
    );
  });

  it('is idempotent: a normalized link normalizes to itself', () => {
    for (const { opens } of cases) {
      if (opens !== null) expect(normalizeExternalUrl(opens)).toBe(opens);
    }
  });
});

describe('what reaches the shell', () => {
  function electronDeps() {
    const shell = {
      openPath: vi.fn(async (_path: string) => ''),
      openExternal: vi.fn(async (_url: string) => undefined),
    };
    const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
    return { shell, deps: createElectronDeps({ dialog, shell, getWindow: () => null }) };
  }

  it.each(cases)('from the renderer (app:openExternal), $name', async ({ raw, opens }) => {
    const { shell, deps } = electronDeps();
    const handlers = createHandlers({
      storage: { onChange: () => () => undefined } as unknown as Storage,
      now: () => new Date(),
      renderPdf: async () => new Uint8Array(),
      appInfo: { version: '0', platform: 'linux' },
      ...deps,
    } satisfies HandlerDeps);
    const result = await dispatch(handlers, 'app:openExternal', { url: raw });
    if (opens === null) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', message: EXTERNAL_URL_REFUSED },
      });
      expect(shell.openExternal).not.toHaveBeenCalled();
    } else {
      expect(result).toEqual({ ok: true, value: null });
      expect(shell.openExternal.mock.calls).toEqual([[opens]]);
    }
  });

  it.each(cases)('from the main-process helper itself, $name', async ({ raw, opens }) => {
    const { shell, deps } = electronDeps();
    if (opens === null) {
      await expect(deps.openExternal(raw)).rejects.toMatchObject({
        name: 'UserFacingError',
        code: 'forbidden',
        message: EXTERNAL_URL_REFUSED,
      });
      expect(shell.openExternal).not.toHaveBeenCalled();
    } else {
      await deps.openExternal(raw);
      expect(shell.openExternal.mock.calls).toEqual([[opens]]);
    }
  });

  it.each(cases)('from a link the page opens in a new window, $name', async ({ raw, opens }) => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async (_url: string) => undefined);
    const log = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { openExternal, log });
    expect(contents.windowOpenHandler!({ url: raw })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual(opens === null ? [] : [[opens]]);
    if (opens === null) {
      const [line] = log.mock.calls.at(-1) as [string];
      expect(line).toMatch(/^\[window\] refused to open /);
      expect(line).not.toMatch(/[\r\n\t]/);
      expect(line).not.toContain('\u0000');
    }
  });

  it('a refused navigation is logged without the line breaks it carried', () => {
    const contents = new FakeWebContents();
    const log = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { openExternal: vi.fn(), log });
    const preventDefault = vi.fn();
    contents.emit('will-navigate', {
      url: 'https://evil.example/\r\n2026-01-01T00:00:00Z [main] all is well',
      preventDefault,
    });
    expect(preventDefault).toHaveBeenCalled();
    expect(log.mock.calls).toHaveLength(1);
    expect(log.mock.calls[0]![0]).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['mailto:maya.okafor@example.com?subject=Hello', 'mailto:…'],
    ['file:///home/maya/Connections.csv', 'file:…'],
    ['https://evil.example/', 'https://evil.example'],
    ['https://evil.example/people/maya-okafor?q=1', 'https://evil.example…'],
    ['not a url', 'a link that is not a URL'],
  ])('logs %s as %s: scheme and host, no path, query or address', (url, shown) => {
    expect(forLog(url)).toBe(shown);
  });
});
