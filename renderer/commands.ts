import { tinykeys } from 'tinykeys';
import { COMMANDS, keyBinding, type CommandId } from '../shared/domain/commands.js';
import { useUiStore, type Route } from './stores/ui-store.js';
import { useUndoStore } from './stores/undo-store.js';

/**
 * Runs one of the app's commands (shared/domain/commands.ts) in the page: from the application
 * menu (main's `app:command`), from its keys, or from a button. Navigation goes through the ui
 * store, so the new page takes the focus as after any other navigation.
 */
export function runCommand(id: CommandId): void {
  const ui = useUiStore.getState();
  const to = routes[id];
  if (to !== undefined) {
    ui.navigate(to.route, to.focus ? { focus: to.focus } : undefined);
    return;
  }
  if (id === 'undo') undo();
  else if (id === 'find') find();
  else if (id === 'keyboard-shortcuts') ui.showShortcuts(true);
  else if (id === 'command-palette') ui.showPalette(true);
  // 'open-logs' is main's own (it opens a folder); the menu item never sends it here.
}

/** The commands that go somewhere: where, and what takes the focus there (its heading if none). */
const routes: Partial<Record<CommandId, { route: Route; focus?: string }>> = {
  'new-contact': { route: 'contacts/new' },
  'import-contacts': { route: 'import' },
  'export-contacts': { route: 'import', focus: 'export-contacts-csv' },
  'go-today': { route: 'home' },
  'go-pipeline': { route: 'pipeline' },
  'go-meetings': { route: 'meetings' },
  'go-thanks': { route: 'thanks' },
  'go-settings': { route: 'settings/profile' },
  'go-employers': { route: 'employers' },
  'go-insights': { route: 'insights' },
  'go-learnings': { route: 'learnings' },
};

/** Where typing goes: text fields and editable regions, whose own undo stack ⌘/Ctrl+Z undoes. */
function isEditable(element: Element | null): boolean {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly;
  if (element instanceof HTMLInputElement)
    return (
      !element.readOnly &&
      !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(
        element.type,
      )
    );
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * In a text field, the field's own undo (what the OS's Edit > Undo would do); anywhere else, the
 * last action that can be undone (stores/undo-store.ts).
 */
function undo(): void {
  if (isEditable(document.activeElement)) {
    // Chromium's own undo of the typing; the Edit menu's item sends this command instead of role.
    document.execCommand('undo');
    return;
  }
  void useUndoStore.getState().undoLast();
}

/** The current screen's search box; a screen without one sends the user to the contacts'. */
function find(): void {
  const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
  if (search) {
    search.focus();
    search.select();
    return;
  }
  useUiStore.getState().navigate('pipeline', { focus: 'pipeline-search' });
}

/**
 * Binds every command's keys on the window for the page's lifetime (also inside text fields:
 * every binding has ⌘/Ctrl; not while a dialog is open). The native menu only shows these keys,
 * so a press runs once.
 */
export function bindCommandKeys(target: Window = window): () => void {
  const bindings: Record<string, (event: KeyboardEvent) => void> = {};
  for (const command of COMMANDS) {
    if (!command.accelerator || command.inMain) continue;
    bindings[keyBinding(command.accelerator)] = (event) => {
      event.preventDefault();
      runCommand(command.id);
    };
  }
  return tinykeys(target, bindings, {
    // Not while a dialog is open: it holds the user's answer (or their typing), and a command
    // would change the page behind it.
    ignore: (event) =>
      event.repeat || event.isComposing || target.document.querySelector('dialog[open]') !== null,
  });
}
