import { Command } from 'cmdk';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  commandTitle,
  COMMANDS,
  shortcutText,
  type CommandId,
} from '../../../shared/domain/commands.js';
import { fullName, titleAtCompany } from '../../../shared/domain/names.js';
import { containsAll, fold, searchWords } from '../../../shared/domain/text-fold.js';
import { useModalDialog } from '../../components/use-modal-dialog.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { useMeetingsStore } from '../../stores/meetings-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { formatMeetingTime } from '../meetings/format.js';
import { searchContacts } from '../pipeline/search.js';

/** Rows per group: the palette is for jumping, not browsing (50,000 contacts stay fast). */
const MAX_ROWS = 8;

interface PaletteProps {
  onClose(): void;
  /** Runs a command after the palette closed (focus then goes where the command puts it). */
  onRun(id: CommandId): void;
}

/**
 * ⌘/Ctrl+K: jump to a contact or a meeting by name, or run any menu command. Built on cmdk
 * (combobox and listbox roles, arrow keys, Enter) inside the app's native modal <dialog>; the
 * matching is ours (the contacts' own search, a few rows per group), so cmdk only draws.
 */
export function CommandPalette({ onClose, onRun }: PaletteProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useModalDialog(inputRef);
  const titleId = useId();
  const [query, setQuery] = useState('');
  const contacts = useContactsStore((s) => s.contacts);
  const contactsLoaded = useContactsStore((s) => s.loaded);
  const meetings = useMeetingsStore((s) => s.meetings);
  const navigate = useUiStore((s) => s.navigate);

  useEffect(() => {
    void useContactsStore.getState().ensureLoaded();
    if (!useMeetingsStore.getState().loaded) void useMeetingsStore.getState().load();
  }, []);

  const words = searchWords(query);
  const commands = COMMANDS.filter(
    (command) => !command.inMain && containsAll(fold(commandTitle(command)), words),
  );
  const contactMatches = useMemo(
    () =>
      searchWords(query).length === 0 ? [] : searchContacts(contacts, query).slice(0, MAX_ROWS),
    [contacts, query],
  );
  const meetingMatches = useMemo(() => {
    const words = searchWords(query);
    return words.length === 0
      ? []
      : meetings
          // What the row says, so "meeting maya" finds it.
          .filter(({ contact }) => containsAll(fold(`meeting with ${fullName(contact)}`), words))
          .slice(0, MAX_ROWS);
  }, [meetings, query]);
  const platform = navigator.platform;
  const go = (to: Parameters<typeof navigate>[0]) => {
    onClose();
    navigate(to);
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="visually-hidden">
        Go to or run
      </h2>
      {/* cmdk names its input (and its list) after `label`. */}
      <Command shouldFilter={false} label="Go to a contact, a meeting or a command" loop>
        <Command.Input
          ref={inputRef}
          className="input palette-input"
          value={query}
          onValueChange={setQuery}
          placeholder="Type a name or a command"
          maxLength={200}
        />
        <Command.List className="palette-list">
          <Command.Empty className="palette-empty">
            {contactsLoaded ? 'Nothing matches.' : 'Looking…'}
          </Command.Empty>
          {contactMatches.length > 0 ? (
            <Command.Group heading="Contacts">
              {contactMatches.map((contact) => (
                <Command.Item
                  key={contact.id}
                  value={`contact:${contact.id}`}
                  onSelect={() => go(`contacts/${contact.id}`)}
                >
                  <span>{fullName(contact)}</span>
                  {titleAtCompany(contact) ? (
                    <span className="muted">{titleAtCompany(contact)}</span>
                  ) : null}
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {meetingMatches.length > 0 ? (
            <Command.Group heading="Meetings">
              {meetingMatches.map(({ meeting, contact }) => (
                <Command.Item
                  key={meeting.id}
                  value={`meeting:${meeting.id}`}
                  onSelect={() => go(`meetings/${meeting.id}`)}
                >
                  <span>Meeting with {fullName(contact)}</span>
                  <span className="muted">{formatMeetingTime(meeting.start)}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {commands.length > 0 ? (
            <Command.Group heading="Commands">
              {commands.map((command) => (
                <Command.Item
                  key={command.id}
                  value={`command:${command.id}`}
                  onSelect={() => {
                    onClose();
                    onRun(command.id);
                  }}
                >
                  <span>{commandTitle(command)}</span>
                  {command.accelerator ? (
                    <kbd>{shortcutText(command.accelerator, platform)}</kbd>
                  ) : null}
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
        </Command.List>
      </Command>
    </dialog>
  );
}
