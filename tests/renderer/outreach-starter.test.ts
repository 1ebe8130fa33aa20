import { describe, expect, it } from 'vitest';
import { outreachStarter, type StarterInput } from '../../renderer/features/outreach/starter.js';
import { CONNECTION_PLACEHOLDER, lintOutreach } from '../../shared/domain/outreach-lint.js';
import { importSourceDetails } from '../../shared/domain/sources.js';
import type { SourceKind } from '../../shared/schema/entities.js';

const contact = (kind: SourceKind, detail = ''): StarterInput['contact'] => ({
  firstName: 'Maya',
  company: 'Acme Energy',
  industry: 'clean energy policy',
  source: { kind, detail },
});

const start = (input: Partial<StarterInput> & Pick<StarterInput, 'contact'>) =>
  outreachStarter({ senderName: 'Alex Kim', meetingMinutes: 30, ...input });

const checksFor = (input: StarterInput) => {
  const { subject, body } = outreachStarter(input);
  return lintOutreach({
    subject,
    body,
    contact: input.contact,
    referrerName: input.referrerName,
  });
};

/** Phrases that would claim something the contact's record does not say. */
const INVENTED =
  /mutual (?:friend|contact)|followed your career|followed your work|admired|big fan|long admired|I have heard so much|friend of a friend/i;

describe('the outreach starter', () => {
  it('writes the whole alumni e-mail: connection, interest, the request and the signature', () => {
    expect(start({ contact: contact('alumni', 'Tufts Alumni Association') })).toEqual({
      subject: 'Fellow Tufts Alumni Association alum',
      body: [
        'Hi Maya,',
        '',
        'I found you through the Tufts Alumni Association and hoped you might not mind a note from a fellow alum. I would value your perspective on clean energy policy and on your work at Acme Energy.',
        '',
        'Would you be open to a 30-minute conversation in the next few weeks?',
        '',
        'Best,',
        'Alex Kim',
      ].join('\n'),
    });
  });

  it.each([
    [15, 'a 15-minute conversation'],
    [30, 'a 30-minute conversation'],
    [45, 'a 45-minute conversation'],
    [80, 'an 80-minute conversation'],
    [11, 'an 11-minute conversation'],
  ])('asks for the meeting length from Settings: %i minutes reads %j', (minutes, phrase) => {
    const { body } = start({ contact: contact('alumni'), meetingMinutes: minutes });
    expect(body).toContain(`Would you be open to ${phrase} in the next few weeks?`);
  });

  it('asks for the default 30 minutes before the settings have loaded', () => {
    const { body } = outreachStarter({ contact: contact('alumni') });
    expect(body).toContain('a 30-minute conversation');
  });

  const known: [SourceKind, string, string, string][] = [
    [
      'alumni',
      'the Tufts Alumni Association',
      '',
      'I found you through the Tufts Alumni Association',
    ],
    ['alumni', '', '', 'I found you through our alumni network'],
    ['professional-org', 'AIGA', '', 'We are both members of AIGA'],
    ['professional-org', '', '', 'We are both members of the same professional organization'],
    ['former-colleague', 'Northwind', '', 'We used to work together at Northwind.'],
    ['former-colleague', '', '', 'We used to work together.'],
    ['family-friends', 'Aunt Ruth', '', 'We are connected through Aunt Ruth.'],
    ['referral', '', 'Jordan Lee', 'Jordan Lee suggested I reach out to you.'],
    ['referral', 'Jordan at the meetup', '', 'Jordan at the meetup suggested I reach out to you.'],
    ['other', 'PyCon 2024', '', 'I found you through PyCon 2024.'],
  ];
  it.each(known)(
    'opens a %s contact (detail %j, referrer %j) with what the record says, and passes every check',
    (kind, detail, referrerName, opening) => {
      const input = { contact: contact(kind, detail), referrerName, senderName: 'Alex Kim' };
      const { body } = outreachStarter(input);
      expect(body.split('\n')[2]).toMatch(new RegExp(`^${opening.replace(/[.?]/g, '\\$&')}`));
      expect(body).not.toContain(CONNECTION_PLACEHOLDER);
      expect(checksFor(input).filter((check) => !check.ok)).toEqual([]);
    },
  );

  const unknown: [SourceKind, string, string][] = [
    ['other', importSourceDetails.linkedin, 'a LinkedIn import'],
    ['other', importSourceDetails.csv, 'a CSV import'],
    ['other', importSourceDetails.vcard, 'a vCard import'],
    ['other', '  linkedin CONNECTION ', 'an import detail in odd case and spacing'],
    ['other', 'Imported from Outlook', 'another import'],
    ['other', '', 'no source detail'],
    ['family-friends', '', 'family or friends without a name'],
    ['referral', '', 'a referral without a referrer'],
  ];
  it.each(unknown)(
    'asks the user to name the real connection for %j (%s), and the check fails until they do',
    (kind, detail) => {
      const input = { contact: contact(kind, detail), senderName: 'Alex Kim' };
      const { body } = outreachStarter(input);
      expect(body.split('\n').slice(0, 5)).toEqual([
        'Hi Maya,',
        '',
        CONNECTION_PLACEHOLDER,
        '',
        'I would value your perspective on clean energy policy and on your work at Acme Energy.',
      ]);
      expect(body).not.toMatch(/linkedin|imported|csv|vcard/i);
      const checks = checksFor(input);
      expect(checks.find((check) => check.id === 'connection-first')).toMatchObject({
        ok: false,
        detail: expect.stringContaining(`Replace “${CONNECTION_PLACEHOLDER}”`),
      });
      expect(checks.filter((check) => !check.ok).map((check) => check.id)).toEqual([
        'connection-first',
      ]);
    },
  );

  it('names the shared connection once the user replaces the placeholder', () => {
    const input = { contact: contact('other', importSourceDetails.linkedin) };
    const { subject, body } = outreachStarter(input);
    const written = body.replace(
      CONNECTION_PLACEHOLDER,
      'We met at the Boston Climate Week panel.',
    );
    const checks = lintOutreach({ subject, body: written, contact: input.contact });
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('does not let an import detail pass for a connection when the kind was changed by hand', () => {
    const { body } = start({ contact: contact('alumni', importSourceDetails.linkedin) });
    expect(body).toContain('I found you through our alumni network');
    expect(body).not.toMatch(/linkedin/i);
  });

  const every: [SourceKind, string, string][] = [
    ...known.map(([kind, detail, referrer]): [SourceKind, string, string] => [
      kind,
      detail,
      referrer,
    ]),
    ...unknown.map(([kind, detail]): [SourceKind, string, string] => [kind, detail, '']),
  ];
  it.each(every)(
    'claims nothing invented and never mentions jobs (%s, %j)',
    (kind, detail, referrerName) => {
      const input = { contact: contact(kind, detail), referrerName };
      const { subject, body } = outreachStarter(input);
      expect(`${subject}\n${body}`).not.toMatch(INVENTED);
      expect(checksFor(input).find((check) => check.id === 'no-job-words')?.ok).toBe(true);
    },
  );

  it('greets a contact without a first name without a stray comma', () => {
    const { body } = start({ contact: { ...contact('alumni'), firstName: '  ' } });
    expect(body.split('\n')[0]).toBe('Hi there,');
  });

  it('leaves the signature line off when there is no name yet', () => {
    const { body } = outreachStarter({ contact: contact('alumni'), meetingMinutes: 30 });
    expect(body.endsWith('Best,')).toBe(true);
  });
});
