import { describe, expect, it } from 'vitest';
import { fillMergeFields, isMergeField, openTokens } from '../../shared/domain/merge-fields.js';
import {
  builtInTemplates,
  isBuiltInTemplateId,
  mergeValuesFor,
} from '../../shared/domain/thank-you-templates.js';
import { Template } from '../../shared/schema/entities.js';
import type { Meeting } from '../../shared/schema/entities.js';
import type { MergeContext } from '../../shared/schema/thanks.js';
import { makeContact } from './helpers/storage-fixtures.js';

const meeting = {
  id: 'm1',
  contactId: 'maya',
  start: '2026-12-03T15:00:00.000Z',
  takeaways: '- Hospitals hire analysts who know SQL.\n- Shadow a charge nurse',
  advice: 'Take the Epic certification course.',
  namesSuggested: 'Lee Park\nDana Ruiz',
} as Meeting;

const maya = makeContact('maya', {
  firstName: 'Maya',
  lastName: 'Okafor',
  company: 'Northwind Health',
});

const context = (overrides: Partial<MergeContext> = {}): MergeContext => ({
  purpose: 'thank-you',
  recipient: maya,
  contact: maya,
  meeting,
  referrer: makeContact('ref', { firstName: 'Jo', lastName: 'Lind' }),
  myName: 'Alex Kim',
  mySignature: '',
  myEmail: 'alex@example.com',
  myAddress: '',
  dueAt: null,
  ...overrides,
});

describe('built-in templates', () => {
  it('cover the three purposes with stable ids, valid as stored templates', () => {
    expect(builtInTemplates.map((t) => [t.id, t.purpose, t.builtIn])).toEqual([
      ['builtin-thank-you', 'thank-you', true],
      ['builtin-report-back', 'report-back', true],
      ['builtin-referrer-thanks', 'referrer-thanks', true],
    ]);
    for (const template of builtInTemplates) expect(Template.parse(template)).toEqual(template);
    expect(isBuiltInTemplateId('builtin-thank-you')).toBe(true);
    expect(isBuiltInTemplateId('my-own')).toBe(false);
  });

  it('use only known merge fields, including a specific takeaway or advice', () => {
    for (const template of builtInTemplates) {
      const names = openTokens(`${template.subject}\n${template.body}`).map((t) => t.name);
      expect(names.every(isMergeField)).toBe(true);
      expect(names.some((name) => name === 'takeaway' || name === 'advice')).toBe(true);
    }
  });

  it('fill completely from a meeting with notes, leaving no braces', () => {
    const values = mergeValuesFor(context(), 'en-US');
    expect(values).toMatchObject({
      fullName: 'Maya Okafor',
      meetingDate: 'December 3, 2026',
      takeaway: 'Hospitals hire analysts who know SQL',
      advice: 'Take the Epic certification course',
      namesSuggested: 'Lee Park, Dana Ruiz',
      referrerName: 'Jo Lind',
      mySignature: 'Alex Kim',
    });
    for (const template of builtInTemplates) {
      const body = fillMergeFields(template.body, values);
      expect(openTokens(body)).toEqual([]);
      expect(body).not.toMatch(/\.\./);
    }
  });

  it('leave the fields a contact without a meeting cannot fill as tokens to show', () => {
    const values = mergeValuesFor(context({ meeting: null, referrer: null }));
    const body = fillMergeFields(builtInTemplates[0]?.body ?? '', values);
    expect(openTokens(body).map((t) => t.name)).toEqual(['meetingDate', 'takeaway', 'advice']);
  });
});
