import { describe, expect, it } from 'vitest';
import {
  buildMailto,
  isValidMailAddress,
  MAILTO_LIMIT,
  TRUNCATION_NOTE,
} from '../../shared/domain/mailto.js';

/** Reads a mailto URL back the way a mail app would. */
function parse(url: string): { to: string; subject?: string; body?: string } {
  const match = /^mailto:([^?]*)(?:\?(.*))?$/.exec(url);
  if (!match) throw new Error(`not a mailto URL: ${url}`);
  const fields: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    fields[key!] = decodeURIComponent(value);
  }
  return { to: decodeURIComponent(match[1]!), ...fields };
}

describe('buildMailto', () => {
  it('encodes spaces as %20, never as +, and keeps the address readable', () => {
    const { url, truncated } = buildMailto({
      to: 'maya@example.com',
      subject: 'Fellow Tufts alum',
      body: 'Hi Maya',
    });
    expect(url).toBe('mailto:maya@example.com?subject=Fellow%20Tufts%20alum&body=Hi%20Maya');
    expect(url).not.toContain('+');
    expect(truncated).toBe(false);
  });

  it.each([
    ['an ampersand', 'Q&A', 'Q%26A'],
    ['a question mark', 'Free?', 'Free%3F'],
    ['a hash', 'C# people', 'C%23%20people'],
    ['a percent sign', '100% curious', '100%25%20curious'],
    ['an equals sign', 'a=b', 'a%3Db'],
    ['a plus sign', '1+1', '1%2B1'],
    ['accents', 'Café Zoë', 'Caf%C3%A9%20Zo%C3%AB'],
    ['CJK', '你好', '%E4%BD%A0%E5%A5%BD'],
    ['an emoji', 'Hi 👋', 'Hi%20%F0%9F%91%8B'],
  ])(
    'encodes %s in the subject and body so the mail app reads the same text',
    (_, text, encoded) => {
      const { url } = buildMailto({ to: 'a@b.org', subject: text, body: text });
      expect(url).toBe(`mailto:a@b.org?subject=${encoded}&body=${encoded}`);
      expect(parse(url)).toMatchObject({ subject: text, body: text });
    },
  );

  it.each([
    ['LF', 'one\ntwo\n\nthree'],
    ['CRLF', 'one\r\ntwo\r\n\r\nthree'],
    ['CR', 'one\rtwo\r\rthree'],
  ])('turns %s line breaks in the body into %0D%0A', (_, body) => {
    const { url } = buildMailto({ to: 'a@b.org', subject: 's', body });
    expect(url).toContain('body=one%0D%0Atwo%0D%0A%0D%0Athree');
  });

  it('puts a subject with line breaks on one line (a header cannot hold a break)', () => {
    const { url } = buildMailto({ to: 'a@b.org', subject: 'Hello\r\nBcc: evil@x.org', body: '' });
    expect(parse(url)).toMatchObject({ subject: 'Hello Bcc: evil@x.org' });
    expect(url).not.toMatch(/%0[AD]/);
  });

  it('replaces a lone surrogate (half an emoji) instead of throwing', () => {
    const { url } = buildMailto({ to: 'a@b.org', subject: 'x\uD83D', body: '\uDC4By' });
    expect(parse(url)).toMatchObject({ subject: 'x\uFFFD', body: '\uFFFDy' });
  });

  it('leaves out empty fields and allows an empty recipient', () => {
    expect(buildMailto({ to: '', subject: '', body: '' }).url).toBe('mailto:');
    expect(buildMailto({ to: '', subject: 'Hi', body: '' }).url).toBe('mailto:?subject=Hi');
    expect(buildMailto({ to: 'a@b.org', subject: '', body: 'x' }).url).toBe(
      'mailto:a@b.org?body=x',
    );
  });

  it('joins several addresses with commas and encodes characters that would break the URL', () => {
    const { url } = buildMailto({ to: 'a@b.org, c+tag@d.org; o%k@e.org', subject: '', body: '' });
    expect(url).toBe('mailto:a@b.org,c%2Btag@d.org,o%25k@e.org');
  });

  it.each([
    ['no @', 'maya.example.com'],
    ['a space', 'maya okafor@example.com'],
    ['no dot in the domain', 'maya@localhost'],
    ['a query smuggled in', 'maya@example.com?bcc=x@y.org'],
    ['angle brackets', '<maya@example.com>'],
    ['two dots', 'maya..o@example.com'],
    ['a trailing dot in the local part', 'maya.@example.com'],
    ['a line break', 'maya@example.com\nbcc@x.org'],
  ])('refuses an address with %s', (_, to) => {
    expect(isValidMailAddress(to)).toBe(false);
    expect(() => buildMailto({ to, subject: '', body: '' })).toThrow(RangeError);
  });

  it.each(['maya@example.com', 'first.last+tag@sub.example.co.uk', 'zoë@exämple.de'])(
    'accepts %s',
    (to) => {
      expect(isValidMailAddress(to)).toBe(true);
    },
  );

  it('cuts a very long body at a word boundary, adds a note, and stays under the limit', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    const body = words.join(' ');
    const { url, truncated } = buildMailto({ to: 'a@b.org', subject: 'Hello', body });
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    const decoded = parse(url).body!;
    expect(decoded.endsWith(TRUNCATION_NOTE)).toBe(true);
    const kept = decoded.slice(0, -TRUNCATION_NOTE.length);
    expect(body.startsWith(kept)).toBe(true);
    expect(words).toContain(kept.split(' ').at(-1));
    // Close to the limit, not cut far more than needed.
    expect(url.length).toBeGreaterThan(MAILTO_LIMIT - 20);
  });

  it('never splits a multi-byte character or an emoji when cutting', () => {
    const body = '👋🏽 Grüße '.repeat(300);
    const { url, truncated } = buildMailto({ to: 'a@b.org', subject: 'x', body });
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(() => parse(url)).not.toThrow();
    expect(parse(url).body).not.toContain('\uFFFD');
  });

  it('shortens a subject too long for any body and keeps the note', () => {
    const subject = '漢字'.repeat(150);
    const { url, truncated } = buildMailto({ to: 'a@b.org', subject, body: 'Hello there' });
    expect(truncated).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(subject.startsWith(parse(url).subject!)).toBe(true);
    expect(parse(url).body).toContain('too long for the mail app');
  });

  it('keeps a body that fits exactly as it is', () => {
    const body = 'a'.repeat(MAILTO_LIMIT - 'mailto:a@b.org?body='.length);
    const { url, truncated } = buildMailto({ to: 'a@b.org', subject: '', body });
    expect(truncated).toBe(false);
    expect(url.length).toBe(MAILTO_LIMIT);
  });
});
