import { describe, expect, it } from 'vitest';
import { fillMergeFields, openTokens } from '../../shared/domain/merge-fields.js';

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
});
