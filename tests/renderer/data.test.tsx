import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/contract.js';
import { backup, DATA_DIR, FakeFailure, okStatus } from './fake-api.js';
import { renderApp } from './render-app.js';

const formatted = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

const oneDecimal = (n: number) =>
  new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    n,
  );

const backups: BackupInfo[] = [
  backup('a.json', '2025-05-01T08:30:00.000Z', 12_595, 'start'),
  backup('b.json', '2025-05-03T17:45:00.000Z', 800, 'interval'),
  backup('c.json', '2025-05-02T09:00:00.000Z', 3_250_000, 'before-import'),
];

const openData = (extra: Parameters<typeof renderApp>[0] = {}) =>
  renderApp({
    route: 'settings/data',
    state: { backups, ...extra.state },
    ...(extra.prepare ? { prepare: extra.prepare } : {}),
  });

const table = () => screen.findByRole('table', { name: 'Backups' });

describe('Settings > Data', () => {
  it('shows the data folder and opens it on request', async () => {
    const { user, fake } = await openData();
    expect(screen.getByText(DATA_DIR)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open data folder' }));
    expect(fake.callsTo('storage:openFolder')).toHaveLength(1);
  });

  it('lists backups newest first with a local date, a readable size and the reason in words', async () => {
    await openData();
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(3);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((c) => c.textContent),
    );
    expect(cells).toEqual([
      [formatted('2025-05-03T17:45:00.000Z'), '800 bytes', 'Automatic'],
      [formatted('2025-05-02T09:00:00.000Z'), `${oneDecimal(3.1)} MB`, 'Before import'],
      [formatted('2025-05-01T08:30:00.000Z'), `${oneDecimal(12.3)} KB`, 'At start'],
    ]);
    expect(
      within(rows[2]!).getByRole('button', {
        name: `Restore backup from ${formatted('2025-05-01T08:30:00.000Z')}`,
      }),
    ).toHaveTextContent('Restore');
  });

  it('asks before restoring, and Cancel restores nothing and returns focus to the row', async () => {
    const { user, fake } = await openData();
    await table();
    const restore = screen.getByRole('button', {
      name: `Restore backup from ${formatted(backups[0]!.createdAt)}`,
    });
    await user.click(restore);
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent('backed up first');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(restore).toHaveFocus();
    expect(fake.callsTo('backups:restore')).toEqual([]);
  });

  it('treats Escape in the restore dialog as Cancel', async () => {
    const { user, fake } = await openData();
    await table();
    const restore = screen.getByRole('button', {
      name: `Restore backup from ${formatted(backups[1]!.createdAt)}`,
    });
    await user.click(restore);
    expect(screen.getByRole('dialog', { name: 'Restore this backup?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(restore).toHaveFocus();
    expect(fake.callsTo('backups:restore')).toEqual([]);
  });

  it('restores after confirmation, names the backup, and reloads settings and status', async () => {
    const { user, fake } = await openData();
    await table();
    const when = formatted(backups[2]!.createdAt);
    await user.click(screen.getByRole('button', { name: `Restore backup from ${when}` }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText(
        `Restored the backup from ${when}. Your data from before the restore was backed up first.`,
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('backups:restore')).toEqual([{ name: 'c.json' }]);
    await waitFor(() => expect(fake.callsTo('settings:get')).toHaveLength(2));
    expect(fake.callsTo('storage:status')).toHaveLength(2);
    expect(within(await table()).getAllByRole('row')).toHaveLength(5);
    expect(within(await table()).getByText('Before restore')).toBeInTheDocument();
  });

  it('backs up on request and adds the new backup to the table', async () => {
    const { user, fake } = await openData();
    await table();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(
      await screen.findByText(`Backed up your data (${oneDecimal(2)} KB)`, { exact: false }),
    ).toBeInTheDocument();
    expect(fake.callsTo('backups:create')).toHaveLength(1);
    expect(within(await table()).getByText('Manual')).toBeInTheDocument();
  });

  it('exports and names the file, and says nothing when the save dialog is cancelled', async () => {
    const { user, fake } = await openData();
    await user.click(screen.getByRole('button', { name: 'Export everything…' }));
    expect(
      await screen.findByText('Exported to /home/alex/Documents/Rapport data 2025-06-01.json.'),
    ).toBeInTheDocument();

    fake.respond('data:export', () => null);
    const before = document.querySelector('main')!.textContent;
    await user.click(screen.getByRole('button', { name: 'Export everything…' }));
    await waitFor(() => expect(fake.callsTo('data:export')).toHaveLength(2));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(document.querySelector('main')!.textContent).toBe(before);
  });

  it('asks before importing; Cancel imports nothing', async () => {
    const { user, fake } = await openData();
    await user.click(screen.getByRole('button', { name: 'Import from file…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import data from a file?' });
    expect(dialog).toHaveTextContent('replaces all your current');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('data:import')).toEqual([]);
  });

  it("shows main's message in an alert when the import file is bad, and says nothing changed", async () => {
    const { user, fake } = await openData();
    fake.respond('data:import', () => {
      throw new FakeFailure('invalid-file', 'This file is not a Rapport export.');
    });
    await user.click(screen.getByRole('button', { name: 'Import from file…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file is not a Rapport export.');
    expect(alert).toHaveTextContent('Nothing was changed');
    expect(fake.callsTo('data:import')).toHaveLength(1);
    expect(fake.callsTo('settings:get')).toHaveLength(1);
  });

  it('reports what an import brought in and reloads everything', async () => {
    const { user, fake } = await openData();
    fake.respond('data:import', () => ({
      counts: { contacts: 12, meetings: 1, notes: 0, activities: 3 },
      safetyBackup: 'before-import-2025-06-01.json',
    }));
    await user.click(screen.getByRole('button', { name: 'Import from file…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Import' }));
    expect(
      await screen.findByText(
        'Imported 12 contacts, 1 meeting, and 3 timeline entries. Your previous data was backed up first (before-import-2025-06-01.json).',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(fake.callsTo('settings:get')).toHaveLength(2));
  });

  it('turns off restore and import, saying why, when the data is read-only', async () => {
    const reason = 'It was written by a newer version of Rapport.';
    const { user } = await openData({
      state: { status: okStatus({ readOnly: { reason, storeVersion: 3 } }) },
    });
    await table();
    const importButton = screen.getByRole('button', { name: 'Import from file…' });
    expect(importButton).toBeDisabled();
    expect(importButton).toHaveAccessibleDescription(expect.stringContaining(reason));
    for (const button of screen.getAllByRole('button', { name: /^Restore backup from/ })) {
      expect(button).toBeDisabled();
    }
    await user.click(screen.getByRole('tab', { name: 'Profile' }));
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeDisabled();
  });

  it('refreshes status, settings and backups when main says storage changed', async () => {
    const { fake } = await openData();
    await table();
    fake.state.backups = [...backups, backup('d.json', '2025-05-04T10:00:00.000Z', 100, 'manual')];
    // A restore from the app menu: main says the storage changed, and that every collection did.
    act(() => fake.emit('storage:changed', okStatus()));
    act(() => fake.emit('data:changed', { collections: ['settings', 'contacts'] }));
    await waitFor(async () => expect(within(await table()).getAllByRole('row')).toHaveLength(5));
    expect(fake.callsTo('settings:get')).toHaveLength(2);
  });
});
