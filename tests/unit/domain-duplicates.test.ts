import { describe, expect, it } from 'vitest';
import { findDuplicates, type DuplicateProbe } from '../../shared/domain/duplicates.js';
import { makeContact } from './helpers/storage-fixtures.js';

const maya = makeContact('maya', {
  firstName: 'Maya',
  lastName: 'Okafor',
  company: 'Northwind Health',
  email: 'maya.okafor@northwind.example',
  linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
});
const jose = makeContact('jose', {
  firstName: 'José',
  lastName: 'Núñez',
  company: 'Contoso, Inc.',
  email: '',
  linkedinUrl: '',
});
const contacts = [maya, jose];

const blank: DuplicateProbe = {
  firstName: '',
  lastName: '',
  company: '',
  email: '',
  linkedinUrl: '',
};

describe('finding duplicates', () => {
  it.each([
    [
      'the same LinkedIn profile written differently',
      { linkedinUrl: 'http://linkedin.com/in/Maya-Okafor/?trk=x' },
      'maya',
      'linkedin',
    ],
    [
      'a LinkedIn profile from a country subdomain',
      { linkedinUrl: 'https://de.linkedin.com/in/maya-okafor' },
      'maya',
      'linkedin',
    ],
    [
      'the same e-mail in another case',
      { email: ' MAYA.OKAFOR@northwind.example ' },
      'maya',
      'email',
    ],
    [
      'the same name and company',
      { firstName: 'maya', lastName: 'OKAFOR', company: 'Northwind Health' },
      'maya',
      'name-company',
    ],
    [
      'accents, punctuation and company suffixes folded',
      { firstName: 'Jose', lastName: 'Nunez', company: 'Contoso' },
      'jose',
      'name-company',
    ],
  ])('matches %s', (_case, probe, id, reason) => {
    const matches = findDuplicates({ ...blank, ...probe }, contacts);
    expect(matches.map((m) => [m.contact.id, m.reason])).toEqual([[id, reason]]);
  });

  it.each([
    ['a name without a company', { firstName: 'Maya', lastName: 'Okafor' }],
    [
      'the same name at another company',
      { firstName: 'Maya', lastName: 'Okafor', company: 'Fabrikam' },
    ],
    ['a different LinkedIn profile', { linkedinUrl: 'https://www.linkedin.com/in/maya-okafor-2' }],
    ['a LinkedIn company page', { linkedinUrl: 'https://www.linkedin.com/company/northwind' }],
    ['a different e-mail', { email: 'maya@other.example' }],
    ['an empty form', {}],
  ])('does not match %s', (_case, probe) => {
    expect(findDuplicates({ ...blank, ...probe }, contacts)).toEqual([]);
  });

  it('names each contact once, with the strongest reason', () => {
    const matches = findDuplicates(
      {
        firstName: 'Maya',
        lastName: 'Okafor',
        company: 'Northwind',
        email: maya.email,
        linkedinUrl: maya.linkedinUrl,
      },
      contacts,
    );
    expect(matches.map((m) => [m.contact.id, m.reason])).toEqual([['maya', 'linkedin']]);
  });

  it('puts the strongest matches first', () => {
    const byEmail = makeContact('by-email', {
      firstName: 'M',
      email: 'shared@example.com',
      company: '',
    });
    const byName = makeContact('by-name', {
      firstName: 'Maya',
      lastName: 'Okafor',
      company: 'Acme',
      email: '',
    });
    const byLink = makeContact('by-link', {
      firstName: 'X',
      linkedinUrl: 'https://linkedin.com/in/mo',
      company: '',
    });
    const matches = findDuplicates(
      {
        firstName: 'Maya',
        lastName: 'Okafor',
        company: 'Acme LLC',
        email: 'shared@example.com',
        linkedinUrl: 'linkedin.com/in/mo',
      },
      [byName, byEmail, byLink],
    );
    expect(matches.map((m) => m.reason)).toEqual(['linkedin', 'email', 'name-company']);
  });

  it('leaves out the contact being edited', () => {
    expect(findDuplicates({ ...blank, email: maya.email }, contacts, 'maya')).toEqual([]);
  });
});
