import { tinykeys } from 'tinykeys';
import { COMMANDS, keyBinding, type CommandId } from '../shared/domain/commands.js';
import { useUiStore } from './stores/ui-store.js';

/**
 * Runs one of the app's commands (shared/domain/commands.ts) in the page: from the application
 * menu (main's `app:command`), from its keys, or from a button. Navigation goes through the ui
 * store, so the new page takes the focus as after any other navigation.
 */
export function runCommand(id: CommandId): void {
  const ui = useUiStore.getState();
  switch (id) {
    case 'new-contact':
      ui.navigate('contacts/new');
      return;
    case 'import-contacts':
      ui.navigate('import');
      return;
    case 'export-contacts':
      ui.navigate('import', { focus: 'export-contacts-csv' });
      return;
    case 'go-today':
      ui.navigate('home');
      return;
    case 'go-pipeline':
      ui.navigate('pipeline');
      return;
    case 'go-meetings':
      ui.navigate('meetings');
      return;
    case 'go-thanks':
      ui.navigate('thanks');
      return;
    case 'go-settings':
      ui.navigate('settings/profile');
      return;
    case 'find':
      find();
      return;
    case 'keyboard-shortcuts':
      ui.showShortcuts(true);
      return;
    case 'command-palette':
      ui.showPalette(true);
      return;
    case 'open-logs':
      // Main's own (it opens a folder); the menu item never sends it here.
      return;
  }
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
