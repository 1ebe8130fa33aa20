import { describe, expect, it, vi } from 'vitest';
import { contextMenuTemplate, type MenuParams } from '../../electron/context-menu.js';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const field = (extra: Partial<MenuParams> = {}): MenuParams => ({
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { ...flags, canUndo: true, canRedo: true, canDelete: true, canEditRichly: false },
  ...extra,
});
const spell = () => ({ replaceMisspelling: vi.fn(), addToDictionary: vi.fn() });
const shape = (template: ReturnType<typeof contextMenuTemplate>) =>
  template.map((item) =>
    item.type === 'separator'
      ? '---'
      : `${item.label ?? item.role}${item.enabled === false ? ' (off)' : ''}`,
  );

describe('the right-click menu', () => {
  it('offers Cut, Copy, Paste and Select all in a text field, each enabled as Chromium says', () => {
    const template = contextMenuTemplate(
      field({ editFlags: { ...field().editFlags, canCut: false, canCopy: false } }),
      spell(),
    );
    expect(shape(template)).toEqual(['cut (off)', 'copy (off)', 'paste', '---', 'selectAll']);
  });

  it('puts up to five suggestions and Add to dictionary first for a misspelled word', () => {
    const actions = spell();
    const template = contextMenuTemplate(
      field({
        misspelledWord: 'Nortwind',
        dictionarySuggestions: ['Northwind', 'Nor twind', 'Norwind', 'Nortwinds', 'Nortwin', 'x'],
      }),
      actions,
    );
    expect(shape(template)).toEqual([
      'Northwind',
      'Nor twind',
      'Norwind',
      'Nortwinds',
      'Nortwin',
      '---',
      'Add to dictionary',
      '---',
      'cut',
      'copy',
      'paste',
      '---',
      'selectAll',
    ]);
    template[2]!.click!({} as never, undefined, {} as never);
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('Norwind');
    template[6]!.click!({} as never, undefined, {} as never);
    expect(actions.addToDictionary).toHaveBeenCalledWith('Nortwind');
  });

  it('says when the dictionary has nothing to suggest', () => {
    const template = contextMenuTemplate(field({ misspelledWord: 'Qxzv' }), spell());
    expect(shape(template).slice(0, 3)).toEqual([
      'No spelling suggestions (off)',
      '---',
      'Add to dictionary',
    ]);
  });

  it('offers Copy only on selected text outside fields, and nothing without a selection', () => {
    expect(
      shape(contextMenuTemplate(field({ isEditable: false, selectionText: 'Maya' }), spell())),
    ).toEqual(['copy']);
    expect(contextMenuTemplate(field({ isEditable: false, selectionText: '  ' }), spell())).toEqual(
      [],
    );
  });
});
