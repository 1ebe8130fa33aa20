/**
 * The app's commands: what the application menu offers, the keys that run them, and the names
 * the keyboard-shortcuts help shows. Main builds the menu from this table, the renderer binds the
 * same keys (so they work in the browser test mode too, where there is no native menu) and lists
 * them in Help > Keyboard shortcuts: one table, never two.
 */
export const COMMAND_IDS = [
  'new-contact',
  'import-contacts',
  'export-contacts',
  'go-today',
  'go-pipeline',
  'go-meetings',
  'go-thanks',
  'go-settings',
  'go-employers',
  'go-insights',
  'go-learnings',
  'undo',
  'find',
  'keyboard-shortcuts',
  'command-palette',
  'open-logs',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export type CommandMenu = 'File' | 'Edit' | 'Go' | 'Help';

export interface Command {
  id: CommandId;
  /** The menu item's label (with "…" when it asks something before acting). */
  label: string;
  menu: CommandMenu;
  /** Electron's accelerator syntax ("CmdOrCtrl+N"); none for commands without a key. */
  accelerator?: string;
  /** Runs in main (it needs the shell), not in the renderer. */
  inMain?: boolean;
  /** Goes to one of the app's areas ("Go to Pipeline" in help and the palette). */
  area?: boolean;
}

export const COMMANDS: readonly Command[] = Object.freeze([
  { id: 'new-contact', label: 'New contact', menu: 'File', accelerator: 'CmdOrCtrl+N' },
  { id: 'import-contacts', label: 'Import contacts…', menu: 'File' },
  { id: 'export-contacts', label: 'Export contacts…', menu: 'File' },
  { id: 'go-today', label: 'Today', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+1' },
  { id: 'go-pipeline', label: 'Pipeline', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+2' },
  { id: 'go-meetings', label: 'Meetings', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+3' },
  { id: 'go-thanks', label: 'Thank-you notes', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+4' },
  { id: 'go-settings', label: 'Settings', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+5' },
  { id: 'go-employers', label: 'Employers', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+6' },
  { id: 'go-insights', label: 'Insights', menu: 'Go', area: true, accelerator: 'CmdOrCtrl+7' },
  {
    id: 'go-learnings',
    label: 'What I learned',
    menu: 'Go',
    area: true,
    accelerator: 'CmdOrCtrl+8',
  },
  // In a text field it undoes typing, as the OS's Undo would; elsewhere the last action.
  { id: 'undo', label: 'Undo', menu: 'Edit', accelerator: 'CmdOrCtrl+Z' },
  { id: 'find', label: 'Find', menu: 'Edit', accelerator: 'CmdOrCtrl+F' },
  {
    id: 'keyboard-shortcuts',
    label: 'Keyboard shortcuts',
    menu: 'Help',
    accelerator: 'CmdOrCtrl+/',
  },
  {
    id: 'command-palette',
    label: 'Go to or run…',
    menu: 'Go',
    accelerator: 'CmdOrCtrl+K',
  },
  { id: 'open-logs', label: 'Open logs folder', menu: 'Help', inMain: true },
] satisfies Command[]);

/** How help and the palette name a command: "Go to Pipeline", "New contact". */
export const commandTitle = (command: Command): string =>
  command.area ? `Go to ${command.label}` : command.label;

export const isCommandId = (value: unknown): value is CommandId =>
  typeof value === 'string' && (COMMAND_IDS as readonly string[]).includes(value);

/**
 * An accelerator as the renderer's key binding (tinykeys: `$mod` is ⌘ on macOS, Ctrl elsewhere;
 * keys match `event.key`, so letters follow the keyboard layout).
 */
export function keyBinding(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' ? '$mod' : part.length === 1 ? part.toLowerCase() : part))
    .join('+');
}

/** An accelerator as people read it: "Ctrl+N" on Windows and Linux, "⌘N" on macOS. */
export function shortcutText(accelerator: string, platform: string): string {
  const mac = platform === 'darwin' || platform === 'MacIntel' || /^Mac/.test(platform);
  const parts = accelerator.split('+').map((part) => {
    if (part === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl';
    if (part === 'Shift') return mac ? '⇧' : 'Shift';
    if (part === 'Alt') return mac ? '⌥' : 'Alt';
    return part.length === 1 ? part.toUpperCase() : part;
  });
  return mac ? parts.join('') : parts.join('+');
}
