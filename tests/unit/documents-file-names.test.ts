process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import {
  calendarFileName,
  localDate,
  MAX_FILE_NAME_LENGTH,
  packetFileName,
  prepSheetFileName,
  safeFileName,
} from '../../electron/services/documents/file-names.js';

const maya = { firstName: 'Maya', lastName: 'Okafor', company: 'Northwind Health' };
const start = new Date('2026-12-03T16:00:00.000Z');

/** Illegal somewhere: Windows' set, plus control characters everywhere. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

describe('document file names', () => {
  it('follow the "Kind - Name - Company - date" pattern', () => {
    expect(prepSheetFileName(maya, start)).toBe(
      'Prep - Maya Okafor - Northwind Health - 2026-12-03.docx',
    );
    expect(packetFileName(maya, start)).toBe('Packet - Maya Okafor - 2026-12-03.pdf');
    expect(calendarFileName(maya, start)).toBe('Meeting - Maya Okafor - 2026-12-03.ics');
  });

  it('use the local date, not the UTC one, for a late-evening meeting', () => {
    // 02:30 UTC on Dec 4 is 21:30 on Dec 3 in New York.
    const evening = new Date('2026-12-04T02:30:00.000Z');
    expect(localDate(evening)).toBe('2026-12-03');
    expect(packetFileName(maya, evening)).toBe('Packet - Maya Okafor - 2026-12-03.pdf');
  });

  it('leave out an empty company instead of leaving an empty " -  - " part', () => {
    expect(prepSheetFileName({ ...maya, company: '' }, start)).toBe(
      'Prep - Maya Okafor - 2026-12-03.docx',
    );
    expect(prepSheetFileName({ ...maya, company: '???' }, start)).toBe(
      'Prep - Maya Okafor - 2026-12-03.docx',
    );
  });

  it('keep Unicode names intact', () => {
    expect(packetFileName({ firstName: 'Zoë', lastName: 'Ångström', company: '' }, start)).toBe(
      'Packet - Zoë Ångström - 2026-12-03.pdf',
    );
    expect(packetFileName({ firstName: '李雷', lastName: '', company: '' }, start)).toBe(
      'Packet - 李雷 - 2026-12-03.pdf',
    );
  });

  const hostile: [string, string, string][] = [
    ['path separators', 'Maya/../../etc\\passwd', 'Maya .. .. etc passwd.docx'],
    ['Windows-illegal characters', 'a<b>c:d"e|f?g*h', 'a b c d e f g h.docx'],
    ['control characters and newlines', 'Maya\u0000\u0007\r\nOkafor\t', 'Maya Okafor.docx'],
    ['trailing dots and spaces', 'Maya Okafor. . .  ', 'Maya Okafor.docx'],
    ['leading dots (hidden files)', '..hidden', 'hidden.docx'],
    ['runs of spaces', 'Maya     Okafor', 'Maya Okafor.docx'],
    ['a reserved device name', 'CON', '_CON.docx'],
    ['a reserved device name in lower case', 'nul', '_nul.docx'],
    ['a reserved name with a dot part', 'com1.backup', '_com1.backup.docx'],
    ['nothing left after cleaning', '<>:"/\\|?*', 'Untitled.docx'],
    ['an empty name', '', 'Untitled.docx'],
    ['bidirectional overrides', 'Maya\u202eobfuscated', 'Mayaobfuscated.docx'],
    ['a name that is not reserved, only close', 'CONSOLE', 'CONSOLE.docx'],
  ];
  it.each(hostile)('are safe on every OS with %s', (_label, name, expected) => {
    const result = safeFileName(name, 'docx');
    expect(result).toBe(expected);
    expect(result).not.toMatch(ILLEGAL);
    expect(result).not.toMatch(RESERVED);
    expect(result).not.toMatch(/[. ]$/);
  });

  it('cap very long names without cutting the extension or a surrogate pair', () => {
    const long = `${'😀'.repeat(100)}${'x'.repeat(200)}`;
    const result = safeFileName(long, 'pdf');
    expect([...result].length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(result.endsWith('.pdf')).toBe(true);
    expect(result).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keep the date when the name and the company are very long', () => {
    const name = prepSheetFileName(
      { firstName: 'A'.repeat(100), lastName: 'B'.repeat(100), company: 'C'.repeat(200) },
      start,
    );
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith(' - 2026-12-03.docx')).toBe(true);
  });
});
