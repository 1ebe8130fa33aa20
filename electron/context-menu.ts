import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';

/**
 * Right-click in the page: in a text field, spelling suggestions for a misspelled word (with Add
 * to dictionary) and Cut/Copy/Paste/Select all; on selected text elsewhere, Copy. The page's own
 * menus (a card's or a row's actions) open from its `contextmenu` handler, which prevents this
 * one. Pure, so the menu for each case is checked in a unit test without Electron.
 */

/** The part of Electron's context-menu params this menu reads. */
export type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'
>;

export interface SpellActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** At most this many suggestions, as Chrome shows. */
const MAX_SUGGESTIONS = 5;

export function contextMenuTemplate(
  params: MenuParams,
  spell: SpellActions,
): MenuItemConstructorOptions[] {
  const { editFlags } = params;
  if (!params.isEditable) {
    // Reading text: only copying makes sense, and only with something selected.
    return params.selectionText.trim() === '' ? [] : [{ role: 'copy', enabled: editFlags.canCopy }];
  }
  const spelling: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0)
      spelling.push({ label: 'No spelling suggestions', enabled: false });
    for (const suggestion of suggestions)
      spelling.push({ label: suggestion, click: () => spell.replaceMisspelling(suggestion) });
    spelling.push(
      { type: 'separator' },
      { label: 'Add to dictionary', click: () => spell.addToDictionary(word) },
      { type: 'separator' },
    );
  }
  return [
    ...spelling,
    { role: 'cut', enabled: editFlags.canCut },
    { role: 'copy', enabled: editFlags.canCopy },
    { role: 'paste', enabled: editFlags.canPaste },
    { type: 'separator' },
    { role: 'selectAll', enabled: editFlags.canSelectAll },
  ];
}

/** What `attachContextMenu` needs of Electron's Menu (a stand-in in tests). */
export interface MenuFactory {
  buildFromTemplate(template: MenuItemConstructorOptions[]): { popup(): void };
}

/** Shows the menu above on right-click in this page. */
export function attachContextMenu(contents: WebContents, Menu: MenuFactory): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
