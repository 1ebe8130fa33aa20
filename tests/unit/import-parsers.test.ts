import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connectedOnColumn,
  csvDrafts,
  guessField,
  guessMapping,
  readCsvTable,
} from '../../electron/services/import/csv.js';
import { decodeImportBytes, importLimits } from '../../electron/services/import/decode.js';
import { splitFullName } from '../../electron/services/import/draft.js';
import { splitCards, unfoldLines, vcardDrafts } from '../../electron/services/import/vcard.js';
import { UserFacingError } from '../../shared/result.js';
import type { MappableField } from '../../shared/schema/pipeline.js';

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, '../fixtures', name));
const source = { kind: 'other' as const, detail: 'test' };
const bytes = (text: string) => new TextEncoder().encode(text);

async function csv(text: string, mode: 'linkedin' | 'csv' = 'csv', mapping?: MappableField[]) {
  const table = readCsvTable(text, mode);
  const used = mapping ?? guessMapping(table.headers);
  const parsed = await csvDrafts(table, used, {
    source,
    connectedOnColumn: mode === 'linkedin' ? connectedOnColumn(table.headers) : null,
  });
  return { table, mapping: used, ...parsed };
}

function failure(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a UserFacingError');
}

describe('decoding a chosen file', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /empty/],
    ['only blank lines', bytes('\r\n\r\n  \n'), /empty/],
    [
      'the sample resume PDF',
      fixture('sample-resume.pdf'),
      /binary file \(a PDF\), not a CSV or vCard/,
    ],
    ['a ZIP (an .xlsx)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /binary file/],
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
      /binary file \(an image\)/,
    ],
    ['a JPEG image', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), /binary file/],
    ['text with NUL bytes', bytes('First Name\u0000,Last\n'), /binary file/],
    ['a UTF-16 BOM followed by an odd byte count', new Uint8Array([0xff, 0xfe, 0x41]), /UTF-16/],
  ])('refuses %s with a clear message', (_label, input, message) => {
    const error = failure(() => decodeImportBytes(input));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toMatch(message);
    expect(error.message.split('Nothing was changed.')).toHaveLength(2);
  });

  it('refuses a file over 20 MB before decoding it', () => {
    const big = new Uint8Array(importLimits.maxBytes + 1).fill(0x41);
    expect(failure(() => decodeImportBytes(big)).message).toMatch(
      /20\.0 MB; Rapport imports contact files up to 20 MB/,
    );
  });

  it.each([
    ['UTF-8 without a BOM', bytes('Zoë,Ångström')],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Zoë,Ångström')])],
    [
      'UTF-16 LE with a BOM',
      new Uint8Array([0xff, 0xfe, ...Buffer.from('Zoë,Ångström', 'utf16le')]),
    ],
    [
      'UTF-16 BE with a BOM',
      new Uint8Array([0xfe, 0xff, ...Buffer.from('Zoë,Ångström', 'utf16le').swap16()]),
    ],
  ])('reads %s', (_label, input) => {
    expect(decodeImportBytes(input)).toBe('Zoë,Ångström');
  });
});

describe('LinkedIn Connections.csv', () => {
  it('finds the header after the Notes preamble and maps every column of the current export', async () => {
    const result = await csv(decodeImportBytes(fixture('linkedin-connections.csv')), 'linkedin');
    expect(result.table.headerIndex).toBe(3);
    expect(result.mapping).toEqual([
      'firstName',
      'lastName',
      'linkedinUrl',
      'email',
      'company',
      'title',
      'ignore',
    ]);
    expect(result.records).toHaveLength(7);
    expect(result.skipped).toEqual([]);
    expect(result.records[1]).toEqual({
      row: 6,
      draft: {
        firstName: 'Jonas',
        lastName: 'Lindqvist',
        title: 'Data Engineer, Platform',
        company: 'Fabrikam, Inc.',
        industry: '',
        location: '',
        email: 'jonas.lindqvist@example.org',
        phone: '',
        linkedinUrl: 'https://www.linkedin.com/in/jlindqvist',
        tags: [],
        notes: 'Connected on LinkedIn: 03 Jan 2023',
        source,
      },
    });
    expect(result.records[2]?.draft).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ångström',
      title: 'Director, "Clinical" Operations',
    });
    expect(result.records[3]?.draft).toMatchObject({ firstName: '李', lastName: '雷' });
    expect(result.records[4]?.draft).toMatchObject({ firstName: 'Priya', company: '', title: '' });
  });

  it('reads the old export without a URL column and without a preamble', async () => {
    const result = await csv(
      decodeImportBytes(fixture('linkedin-connections-old.csv')),
      'linkedin',
    );
    expect(result.table.headerIndex).toBe(0);
    expect(result.records.map((record) => record.draft.firstName)).toEqual([
      'Maya',
      'Jonas',
      'Zoë',
      '李',
    ]);
    expect(result.records[0]?.draft.linkedinUrl).toBe('');
  });

  it.each([
    ['no preamble', ''],
    ['a one-line preamble', 'Notes:\n'],
    [
      'a long preamble with a quoted multi-line paragraph',
      'Notes:\n"line one,\nline two"\n\n\n\n\n\n\n\n\n\n',
    ],
  ])('finds the header row with %s', async (_label, preamble) => {
    const text = `${preamble}First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Garcia,,,Northwind,PM,01 Jan 2024\n`;
    const result = await csv(text, 'linkedin');
    expect(result.records.map((record) => record.draft.firstName)).toEqual(['Ana']);
  });

  it('refuses a CSV without the LinkedIn header, saying what to do instead', () => {
    const error = failure(() => readCsvTable('Name,E-mail\nAna,ana@example.com\n', 'linkedin'));
    expect(error.message).toMatch(
      /does not look like a LinkedIn Connections\.csv.*"Other CSV file"/,
    );
  });

  it('refuses a header that comes after the first 20 lines', () => {
    const text = `${'Notes\n'.repeat(25)}First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,G,,,,,\n`;
    expect(() => readCsvTable(text, 'linkedin')).toThrow(UserFacingError);
  });

  it('skips rows without a first name and empty rows, and keeps people whose e-mail or URL is bad, with a warning per field', async () => {
    const text = [
      'Notes:',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ',Nobody,https://www.linkedin.com/in/nobody,,Acme,,01 Jan 2024',
      'Ana,Garcia,https://example.com/ana,not-an-email,Acme,PM,01 Jan 2024',
      '   ,   ,,,,,',
      'Ben,Smith,linkedin.com/in/bensmith,ben@example.com,Acme,,',
    ].join('\r\n');
    const result = await csv(text, 'linkedin');
    expect(result.records.map((record) => [record.row, record.draft.firstName])).toEqual([
      [5, 'Ana'],
      [7, 'Ben'],
    ]);
    expect(result.records[0]?.draft).toMatchObject({ email: '', linkedinUrl: '', company: 'Acme' });
    expect(result.records[1]?.draft.linkedinUrl).toBe('https://linkedin.com/in/bensmith');
    expect(result.skipped).toEqual([
      { row: 4, reason: 'Row 4 has no first name, so it was skipped.' },
      { row: 6, reason: 'Row 6 is empty.' },
    ]);
    expect(result.warnings).toEqual([
      {
        row: 5,
        reason: 'Row 5: the e-mail address "not-an-email" is not valid, so it was left out.',
      },
      {
        row: 5,
        reason:
          'Row 5: "https://example.com/ana" is not a LinkedIn profile address, so it was left out.',
      },
    ]);
  });
});

describe('any CSV', () => {
  it.each([
    ['First Name', 'firstName'],
    ['first_name', 'firstName'],
    ['Given name', 'firstName'],
    ['Surname', 'lastName'],
    ['Name', 'fullName'],
    ['Full name', 'fullName'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['E-mail 1 - Value', 'email'],
    ['Mobile Phone', 'phone'],
    ['Organization', 'company'],
    ['Job Title', 'title'],
    ['LinkedIn profile', 'linkedinUrl'],
    ['City', 'location'],
    ['Labels', 'tags'],
    ['Comments', 'notes'],
    ['Favourite colour', 'ignore'],
  ] as const)('guesses that "%s" is %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('maps a field to its first column only, except notes and tags', () => {
    expect(guessMapping(['Email', 'E-mail', 'Notes', 'Comments'])).toEqual([
      'email',
      'ignore',
      'notes',
      'notes',
    ]);
  });

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('sniffs a %s delimiter', async (_label, delimiter) => {
    const text =
      ['Name', 'E-mail', 'Company'].join(delimiter) +
      '\n' +
      ['Ana Garcia', 'ana@example.com', 'Acme, Inc.'].join(delimiter) +
      '\n';
    const result = await csv(text);
    expect(result.table.delimiter).toBe(delimiter);
    expect(result.records[0]?.draft).toMatchObject({
      firstName: 'Ana',
      lastName: 'Garcia',
      email: 'ana@example.com',
    });
  });

  it.each([
    ['Maya Okafor', 'Maya', 'Okafor'],
    ['Okafor, Maya', 'Maya', 'Okafor'],
    ['  Carlos   Mendoza Ruiz ', 'Carlos', 'Mendoza Ruiz'],
    ['Cher', 'Cher', ''],
  ])('splits the full name "%s"', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ first, last });
  });

  it('joins several notes columns, splits tags and removes the export formula guard', async () => {
    const text =
      'Name,Phone,Tags,Notes,Comments\r\nAna Garcia,"\'+1 555 0100","alumni; priority, alumni","\'=not a formula",Second\r\n';
    const result = await csv(text);
    expect(result.records[0]?.draft).toMatchObject({
      phone: '+1 555 0100',
      tags: ['alumni', 'priority'],
      notes: '=not a formula\nSecond',
    });
  });

  it('rejects every row, with a reason, when no column gives a name', async () => {
    const result = await csv('Colour,Size\nred,L\nblue,M\n');
    expect(result.mapping).toEqual(['ignore', 'ignore']);
    expect(result.skipped).toHaveLength(2);
    expect(result.skipped[0]).toEqual({
      row: 2,
      reason: 'Row 2: no column is matched to a first name or full name, so the row was skipped.',
    });
  });

  it('uses the mapping the user chose', async () => {
    const result = await csv('Colour,Size\nred,L\n', 'csv', ['firstName', 'notes']);
    expect(result.records[0]?.draft).toMatchObject({ firstName: 'red', notes: 'L' });
  });

  it('refuses more than 50,000 rows before making any contact', () => {
    const text = 'Name\n' + 'Ana\n'.repeat(importLimits.maxRecords + 1);
    expect(failure(() => readCsvTable(text, 'csv')).message).toMatch(
      /50,001 rows; Rapport imports up to 50,000/,
    );
  });

  const unclosed = /a quotation mark is not closed here/;
  it.each([
    ['a lone quote', '"', [], unclosed],
    ['an unclosed quote in a row', 'Name,Notes\nAna,"never closed\nBen,x\n', ['Ana'], unclosed],
    ['only delimiters', ',,,\n;;;\n', [], null],
    ['a header and nothing else', 'Name,E-mail\n', [], null],
    ['ragged rows', 'Name,E-mail\nAna\nBen,ben@example.com,extra,cells\n', ['Ana', 'Ben'], null],
    ['a 100,000-character cell', `Name,Notes\nAna,${'x'.repeat(100_000)}\n`, ['Ana'], /cut/],
    ['quotes inside unquoted cells', 'Name,Notes\nAna "the" Garcia,say ""hi""\n', ['Ana'], null],
    ['CR-only line ends', 'Name,E-mail\rAna,ana@example.com\r', ['Ana'], null],
    [
      'a formula in the name',
      'Name\n=HYPERLINK("http://evil")\n',
      ['=HYPERLINK("http://evil")'],
      null,
    ],
  ] as const)('reads %s without crashing', async (_label, text, names, issue) => {
    const result = await csv(text);
    expect(result.records.map((record) => record.draft.firstName)).toEqual(names);
    const issues = [...result.skipped, ...result.warnings];
    if (issue === null) expect(issues).toEqual([]);
    else expect(issues[0]?.reason).toMatch(issue);
  });

  it('cuts notes over 20,000 characters and says so', async () => {
    const result = await csv(`Name,Notes\nAna,${'x'.repeat(25_000)}\n`);
    expect(result.records[0]?.draft.notes).toHaveLength(20_000);
    expect(result.warnings[0]?.reason).toBe(
      'Row 2: the notes are longer than 20,000 characters and were cut there.',
    );
  });
});

describe('vCard', () => {
  it('reads the 2.1 fixture: quoted-printable UTF-8 names and a soft line break in the note', async () => {
    const result = await vcardDrafts(decodeImportBytes(fixture('contacts-v21.vcf')), source);
    expect(result.records).toEqual([
      {
        row: 1,
        draft: expect.objectContaining({
          firstName: 'Zoë',
          lastName: 'Ångström',
          company: 'Contoso Pharmaceuticals',
          phone: '+44 20 7946 0018',
          notes: 'Former colleague from the lab.\nAsk about clinical operations roles.',
        }),
      },
    ]);
  });

  it('reads the 3.0 fixture: two cards, escaped commas and semicolons, a folded note', async () => {
    const result = await vcardDrafts(decodeImportBytes(fixture('contacts-v3.vcf')), source);
    expect(result.records.map((record) => record.draft)).toEqual([
      expect.objectContaining({
        firstName: 'Maya',
        lastName: 'Okafor',
        title: 'Senior Product Manager',
        company: 'Northwind Health',
        email: 'maya.okafor@example.com',
        phone: '+1 555 0100',
        linkedinUrl: 'https://www.linkedin.com/in/maya-okafor-1a2b3c',
        notes: 'Met at the alumni mixer, class of 2012. Prefers mornings.',
      }),
      expect.objectContaining({
        firstName: 'Jonas',
        company: 'Fabrikam, Inc.',
        notes:
          'A long note that is folded across lines because vCard lines are limited to 75 octets; unfolding must join them.',
      }),
    ]);
  });

  it('reads the 4.0 fixture: groups, PREF, tel: URIs, ADR, CATEGORIES, a fold inside a UTF-8 word, a card without a name', async () => {
    const result = await vcardDrafts(decodeImportBytes(fixture('contacts-v4.vcf')), source);
    expect(result.records[0]?.draft).toEqual({
      firstName: 'Chloé',
      lastName: 'Dubois',
      title: 'Policy Advisor',
      company: 'Globex, Ltd.',
      industry: '',
      location: 'Paris, Île-de-France, France',
      email: 'chloe@example.org',
      phone: '+33-1-23-45-67-89',
      linkedinUrl: 'https://fr.linkedin.com/in/chloe-dubois',
      tags: ['alumni', 'priority'],
      notes:
        'Line one\nLine two with a backslash \\ and a semicolon ; and a comma , done. Résumé sent à Chloé.\nOther e-mail: chloe.dubois@example.fr',
      source,
    });
    expect(result.records[1]?.draft).toMatchObject({
      firstName: 'Kai',
      linkedinUrl: '',
      notes: 'Web: https://kai.example.jp',
    });
    expect(result.skipped).toEqual([{ row: 3, reason: 'Card 3 has no name, so it was skipped.' }]);
    expect(result.warnings).toEqual([]);
  });

  it('unfolds space and tab continuations and quoted-printable soft breaks', () => {
    expect(
      unfoldLines('NOTE:a\r\n b\r\n\tc\r\nNOTE;ENCODING=QUOTED-PRINTABLE:x=\r\ny=\r\nz\r\nFN:q'),
    ).toEqual(['NOTE:abc', 'NOTE;ENCODING=QUOTED-PRINTABLE:xyz', 'FN:q']);
  });

  it.each([
    ['no cards at all', 'hello\nworld\n', /no BEGIN:VCARD/],
    ['a CSV chosen as vCard', 'First Name,Last Name\nAna,Garcia\n', /no BEGIN:VCARD/],
  ])('refuses %s', async (_label, text, message) => {
    await expect(vcardDrafts(text, source)).rejects.toThrow(message);
  });

  it.each([
    ['a card without END', 'BEGIN:VCARD\nFN:Ana Garcia\n', 1, 0],
    ['a card cut by the next BEGIN', 'BEGIN:VCARD\nFN:Ana\nBEGIN:VCARD\nFN:Ben\nEND:VCARD\n', 2, 0],
    [
      'lowercase keywords and LF line ends',
      'begin:vcard\nversion:3.0\nfn:Ana Garcia\nend:vcard\n',
      1,
      0,
    ],
    [
      'a base64 photo',
      'BEGIN:VCARD\nFN:Ana\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\n AAAA\nEND:VCARD\n',
      1,
      0,
    ],
    [
      'bad quoted-printable escapes',
      'BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE:=ZZ;=C3\nFN:Ana\nEND:VCARD\n',
      1,
      0,
    ],
    [
      'an unknown charset',
      'BEGIN:VCARD\nFN;CHARSET=KLINGON;ENCODING=QUOTED-PRINTABLE:Ana=20G\nEND:VCARD\n',
      1,
      0,
    ],
    ['a property without a colon', 'BEGIN:VCARD\nFN Ana\nEND:VCARD\n', 0, 1],
    ['an empty card', 'BEGIN:VCARD\nEND:VCARD\n', 0, 1],
    ['a bad e-mail and phone', 'BEGIN:VCARD\nFN:Ana\nEMAIL:nope\nTEL:call me\nEND:VCARD\n', 1, 0],
    ['a stray trailing backslash', 'BEGIN:VCARD\nFN:Ana\\\nEND:VCARD\n', 1, 0],
  ])('reads %s without crashing', async (_label, text, kept, refused) => {
    const result = await vcardDrafts(text, source);
    expect(result.records).toHaveLength(kept);
    expect(result.skipped).toHaveLength(refused);
  });

  it('numbers cards in file order for the reasons', async () => {
    const result = await vcardDrafts(
      'BEGIN:VCARD\nFN:Ana\nEND:VCARD\nBEGIN:VCARD\nORG:Acme\nEND:VCARD\nBEGIN:VCARD\nFN:Ben\nEMAIL:x\nEND:VCARD\n',
      source,
    );
    expect(result.skipped.map((issue) => issue.reason)).toEqual([
      'Card 2 has no name, so it was skipped.',
    ]);
    expect(result.warnings.map((issue) => issue.reason)).toEqual([
      'Card 3: the e-mail address "x" is not valid, so it was left out.',
    ]);
  });

  it('refuses more than 50,000 cards', () => {
    const text = 'BEGIN:VCARD\nFN:A\nEND:VCARD\n'.repeat(importLimits.maxRecords + 1);
    expect(() => splitCards(text)).toThrow(/50,001 cards; Rapport imports up to 50,000/);
  });
});
