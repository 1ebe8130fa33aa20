import { describe, expect, it } from 'vitest';
import {
  fillMergeFields,
  mergeFields,
  openTokens,
  writeInFields,
} from '../../shared/domain/merge-fields.js';

describe('merge fields', () => {
  it('fills known fields that have a value', () => {
    expect(
      fillMergeFields('Dear {{firstName}}, thanks from {{ myName }}.', {
        firstName: 'Zoë',
        myName: 'Alex',
      }),
    ).toBe('Dear Zoë, thanks from Alex.');
  });

  it.each([
    ['an empty value', '{{takeaway}}', { takeaway: '  ' }],
    ['a missing value', '{{advice}}', {}],
    ['an unknown field', '{{favouriteColour}}', { firstName: 'Zoë' }],
  ])('leaves %s as its token so it can be shown and fixed', (_case, text, values) => {
    expect(fillMergeFields(text, values)).toBe(text);
    expect(openTokens(fillMergeFields(text, values))).toHaveLength(1);
  });

  it('says which open tokens are real fields and where they are', () => {
    expect(openTokens('Hi {{firstName}} {{nope}}')).toEqual([
      { name: 'firstName', index: 3, length: 13, known: true },
      { name: 'nope', index: 17, length: 8, known: false },
    ]);
  });

  it('finds nothing in a finished letter, even with single braces', () => {
    expect(openTokens('Thanks {for} your time {x}.')).toEqual([]);
  });

  it.each([
    ['a plain value', '“{{takeaway}}.”', 'SQL opens doors', '“SQL opens doors.”'],
    ['a value that asks', '“{{takeaway}}.”', 'Why fax?', '“Why fax?”'],
    ['a value that exclaims', 'You said {{advice}}.', 'Start now!', 'You said Start now!'],
    ['a value with its own full stop', 'at {{company}}.', 'Acme Inc.', 'at Acme Inc.'],
    ['an ellipsis the template wrote', '{{takeaway}}...', 'Why fax?', 'Why fax?...'],
    ['no full stop after the token', '“{{takeaway}}” and more', 'Why fax?', '“Why fax?” and more'],
  ])('keeps one closing mark with %s', (_case, template, value, expected) => {
    expect(fillMergeFields(template, { takeaway: value, advice: value, company: value })).toBe(
      expected,
    );
  });

  it('leaves the full stop after a token that has no value', () => {
    expect(fillMergeFields('“{{takeaway}}.” Then.', {})).toBe('“{{takeaway}}.” Then.');
  });

  it('lists the write-in fields among the fields the composer offers, with plain labels', () => {
    const labels = Object.fromEntries(mergeFields.map((field) => [field.name, field.label]));
    expect(writeInFields).toEqual(['whatIDid', 'whatHappened']);
    expect(writeInFields.map((name) => labels[name])).toEqual([
      'What you did with the advice',
      'What happened since',
    ]);
    expect(labels.referrerFirstName).toBe('First name of who referred you');
  });
});
