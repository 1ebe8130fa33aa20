import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { commandTitle, COMMANDS, keyBinding, shortcutText } from '../../shared/domain/commands.js';
import { connectMainEvents } from '../../renderer/stores/events.js';
import { renderApp } from './render-app.js';
import { makeContact } from './fake-api.js';
import { makeMeeting, maya as mayaWithCompany, serveMeeting } from './prep-fixtures.js';

let disconnect: (() => void) | null = null;
afterEach(() => {
  disconnect?.();
  disconnect = null;
});

const heading = (name: string) => screen.getByRole('heading', { level: 1, name });

describe('the app’s commands and their keys', () => {
  it('goes to each area with Ctrl+1…5, the new page’s heading taking the focus', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}2{/Control}');
    await waitFor(() => expect(heading('Pipeline')).toHaveFocus());
    await user.keyboard('{Control>}3{/Control}');
    await waitFor(() => expect(heading('Meetings')).toHaveFocus());
    await user.keyboard('{Control>}4{/Control}');
    await waitFor(() => expect(heading('Thank-you notes')).toHaveFocus());
    await user.keyboard('{Control>}5{/Control}');
    await waitFor(() => expect(heading('Settings')).toHaveFocus());
    await user.keyboard('{Control>}1{/Control}');
    await waitFor(() => expect(heading('Today')).toHaveFocus());
  });

  it('opens a new contact with Ctrl+N, even from inside a text field', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}5{/Control}');
    await user.click(await screen.findByLabelText('Your name'));
    await user.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(heading('New contact')).toHaveFocus());
  });

  it('Ctrl+F focuses the screen’s search, or the contacts’ search from a screen without one', async () => {
    const { user } = await renderApp({
      state: { contacts: [makeContact({ id: 'maya', firstName: 'Maya', lastName: 'Okafor' })] },
    });
    await user.keyboard('{Control>}f{/Control}');
    await waitFor(() =>
      expect(screen.getByRole('searchbox', { name: 'Search contacts' })).toHaveFocus(),
    );
    expect(heading('Pipeline')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'may');
    await user.click(heading('Pipeline'));
    await user.keyboard('{Control>}f{/Control}');
    const search = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search contacts' });
    expect(search).toHaveFocus();
    // The whole query is selected, so typing replaces it.
    expect([search.selectionStart, search.selectionEnd]).toEqual([0, 3]);
  });

  it('runs what the application menu sends: Go, Export contacts…, Keyboard shortcuts', async () => {
    const { fake, user } = await renderApp();
    disconnect = connectMainEvents();
    act(() => fake.emit('app:command', { command: 'go-meetings' }));
    await waitFor(() => expect(heading('Meetings')).toHaveFocus());
    act(() => fake.emit('app:command', { command: 'export-contacts' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Export contacts as CSV…' })).toHaveFocus(),
    );
    // Something that is not a command is ignored.
    act(() => fake.emit('app:command', { command: 'format-disk' } as never));
    act(() => fake.emit('app:command', { command: 'keyboard-shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists every key in Help > Keyboard shortcuts (Ctrl+/), from the menu’s own table', async () => {
    const { user } = await renderApp();
    const opener = heading('Today');
    opener.focus();
    await user.keyboard('{Control>}/{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(
      COMMANDS.filter((c) => c.accelerator).map(
        (c) => `${commandTitle(c)}${shortcutText(c.accelerator!, '')}`,
      ),
    );
    expect(rows).toContain('Go to PipelineCtrl+2');
    // While a dialog is open the keys do nothing behind it.
    await user.keyboard('{Control>}2{/Control}');
    expect(heading('Today')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });
});

describe('a contact form left by a key', () => {
  it('keeps what was typed for when the user comes back; Cancel drops it', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(heading('New contact')).toHaveFocus());
    await user.type(screen.getByLabelText('First name'), 'Aoife');
    await user.keyboard('{Control>}2{/Control}');
    await waitFor(() => expect(heading('Pipeline')).toHaveFocus());
    await user.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(heading('New contact')).toHaveFocus());
    expect(screen.getByLabelText('First name')).toHaveValue('Aoife');
    expect(
      screen.getByText('This is what you typed before you left the form; it is not saved yet.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(heading('New contact')).toHaveFocus());
    expect(screen.getByLabelText('First name')).toHaveValue('');
    expect(screen.queryByText(/what you typed before you left/)).toBeNull();
  });
});

describe('the command palette (Ctrl+K)', () => {
  it('jumps to a contact or a meeting by name, or runs a command, from the keyboard', async () => {
    const meeting = makeMeeting({
      id: 'm-1',
      contactId: 'maya',
      start: '2025-06-10T15:00:00.000Z',
    });
    const { user } = await renderApp({
      state: {
        contacts: [
          mayaWithCompany,
          makeContact({ id: 'lee', firstName: 'Lee', lastName: 'Chen', company: 'Acme' }),
        ],
      },
      prepare: (fake) => {
        fake.respond('meetings:list', () => [{ meeting, contact: mayaWithCompany }]);
        serveMeeting(fake, meeting);
      },
    });
    const opener = heading('Today');
    opener.focus();
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Go to or run' });
    const input = within(palette).getByRole('combobox', {
      name: 'Go to a contact, a meeting or a command',
    });
    expect(input).toHaveFocus();
    // With nothing typed it offers the commands.
    expect(within(palette).getByRole('option', { name: /Go to Pipeline/ })).toBeInTheDocument();

    await user.type(input, 'okafor');
    await waitFor(() =>
      expect(within(palette).getByRole('option', { name: /^Maya Okafor/ })).toBeInTheDocument(),
    );
    expect(within(palette).queryByRole('option', { name: /Lee Chen/ })).toBeNull();
    expect(
      within(palette).getByRole('option', { name: /Meeting with Maya Okafor/ }),
    ).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Maya Okafor' }),
    ).toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');
    const again = await screen.findByRole('dialog', { name: 'Go to or run' });
    await user.type(within(again).getByRole('combobox'), 'meeting maya');
    await waitFor(() =>
      expect(
        within(again).getByRole('option', { name: /Meeting with Maya Okafor/ }),
      ).toBeInTheDocument(),
    );
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.keyboard('{Control>}k{/Control}');
    const third = await screen.findByRole('dialog', { name: 'Go to or run' });
    await user.type(within(third).getByRole('combobox'), 'new contact');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(heading('New contact')).toHaveFocus());

    await user.keyboard('{Control>}k{/Control}');
    const fourth = await screen.findByRole('dialog', { name: 'Go to or run' });
    await user.type(within(fourth).getByRole('combobox'), 'zzzz');
    expect(within(fourth).getByText('Nothing matches.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('key names', () => {
  it('reads accelerators as people do on each system, and binds them as tinykeys does', () => {
    expect(shortcutText('CmdOrCtrl+N', 'Win32')).toBe('Ctrl+N');
    expect(shortcutText('CmdOrCtrl+N', 'MacIntel')).toBe('⌘N');
    expect(shortcutText('CmdOrCtrl+/', 'darwin')).toBe('⌘/');
    expect(keyBinding('CmdOrCtrl+N')).toBe('$mod+n');
    expect(keyBinding('CmdOrCtrl+1')).toBe('$mod+1');
  });
});
