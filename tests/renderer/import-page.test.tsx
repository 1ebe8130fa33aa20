import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/App.js';
import { resetContactsStore, useContactsStore } from '../../renderer/stores/contacts-store.js';
import { resetImportStore } from '../../renderer/stores/import-store.js';
import { resetStores, useUiStore } from '../../renderer/stores/index.js';
import type { ImportEncoding, ImportPreview } from '../../shared/schema/pipeline.js';
import { createFakeRapport, deferred, FakeFailure, type FakeRapport } from './fake-api.js';

const row = (first: string, last: string, company: string) => ({
  firstName: first,
  lastName: last,
  company,
  title: 'Engineer',
  industry: '',
  location: '',
  email: '',
  phone: '',
  linkedinUrl: '',
  source: { kind: 'other' as const, detail: 'LinkedIn' },
  referredById: null,
  tags: [],
  notes: '',
});

const linkedinPreview = (): ImportPreview => ({
  token: 'tok-1',
  fileName: 'Connections.csv',
  kind: 'linkedin',
  headers: [],
  mapping: [],
  counts: { new: 5, merge: 1, unchanged: 0, rejected: 1, total: 7, warnings: 1 },
  sample: [
    { action: 'new', contact: row('Maya', 'Okafor', 'Acme') },
    { action: 'merge', contact: row('Lee', 'Chen', 'Northwind') },
  ],
  rejected: [{ row: 9, reason: 'Row 9 has no first name, so it was skipped.' }],
  warnings: [
    { row: 5, reason: 'Row 5: the e-mail address "maya@" is not valid, so it was left out.' },
  ],
  encoding: { used: 'utf-8', choosable: false, note: null },
  employers: { existing: 1, added: 2, newNames: ['Acme', 'Globex'] },
});

const windowsPreview = (token: string, used: ImportEncoding): ImportPreview => ({
  ...csvPreview(['firstName', 'lastName', 'ignore']),
  token,
  fileName: 'Kontakte.csv',
  sample: [
    {
      action: 'new',
      contact: row(used === 'windows-1252' ? 'Zoë' : 'Zo\uFFFD', 'Ångström', 'Contoso'),
    },
  ],
  encoding: {
    used,
    choosable: true,
    note: 'This file is not in UTF-8, so Rapport read it as Windows-1252.',
  },
});

const csvPreview = (mapping: ImportPreview['mapping']): ImportPreview => ({
  ...linkedinPreview(),
  token: 'tok-csv',
  fileName: 'people.csv',
  kind: 'csv',
  headers: ['Name', 'Employer', 'Mail'],
  mapping,
});

async function setup(prepare?: (fake: FakeRapport) => void) {
  resetStores();
  resetImportStore();
  resetContactsStore();
  const fake = createFakeRapport();
  fake.respond('import:choose', ({ kind }) =>
    kind === 'csv' ? csvPreview(['fullName', 'ignore', 'email']) : linkedinPreview(),
  );
  fake.respond('import:remap', ({ token, mapping }) => ({
    ...csvPreview(mapping),
    token,
    counts: { new: 6, merge: 0, unchanged: 0, rejected: 1, total: 7, warnings: 0 },
    warnings: [],
  }));
  fake.respond('import:commit', () => ({ added: 5, merged: 1, unchanged: 0, rejected: 1 }));
  fake.respond('import:cancel', () => null);
  fake.respond('contacts:list', () => []);
  fake.respond('export:contactsCsv', () => ({ path: '/home/alex/contacts.csv', count: 12 }));
  fake.respond('export:contactsVcard', () => null);
  prepare?.(fake);
  fake.install();
  useUiStore.setState({ area: 'import' });
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Import and export contacts' });
  return { fake, user };
}

beforeEach(() => {
  resetImportStore();
});

describe('Import and export', () => {
  it('offers the three kinds of file, LinkedIn first', async () => {
    await setup();
    const group = screen.getByRole('group', { name: 'What are you importing?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['LinkedIn connections (CSV)', 'Other CSV file', 'vCard (.vcf)']);
    expect(within(group).getByRole('radio', { name: 'LinkedIn connections (CSV)' })).toBeChecked();
  });

  it('shows the preview with counts, sample rows, skipped rows and warnings in separate lists', async () => {
    const { user, fake } = await setup();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(fake.callsTo('import:choose')).toEqual([{ kind: 'linkedin' }]);
    const preview = await screen.findByRole('region', { name: 'Preview of Connections.csv' });
    expect(
      within(preview).getByText('5 new, 1 to merge, 0 unchanged, 1 rejected'),
    ).toBeInTheDocument();
    expect(
      within(preview).getByText(
        'Saving links contacts to 1 employer on your LAMP list and adds 2 new employers (Acme, Globex).',
      ),
    ).toBeInTheDocument();
    const table = within(preview).getByRole('table', { name: 'The first 2 rows' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('NewMaya OkaforAcme');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('MergeLee ChenNorthwind');
    const rejected = within(preview).getByRole('region', { name: '1 row will be skipped' });
    expect(
      within(rejected)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Row 9 has no first name, so it was skipped.']);
    const warnings = within(preview).getByRole('region', { name: '1 warning' });
    expect(warnings).toHaveTextContent(
      'These rows will be imported, but not exactly as the file has them.',
    );
    expect(
      within(warnings)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Row 5: the e-mail address "maya@" is not valid, so it was left out.']);
    expect(within(preview).queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const { user, fake } = await setup((f) => f.respond('import:choose', () => null));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Choose file…' })).toBeEnabled());
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fake.callsTo('import:commit')).toEqual([]);
  });

  it('lets the user map each column of a generic CSV, and asks main to remap', async () => {
    const { user, fake } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Other CSV file' }));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(fake.callsTo('import:choose')).toEqual([{ kind: 'csv' }]);
    const employer = await screen.findByRole('combobox', { name: 'Employer' });
    expect(screen.getByRole('combobox', { name: 'Name' })).toHaveValue('fullName');
    expect(employer).toHaveValue('ignore');
    expect(
      within(employer)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('LinkedIn address');
    await user.selectOptions(employer, 'company');
    expect(fake.callsTo('import:remap')).toEqual([
      { token: 'tok-csv', mapping: ['fullName', 'company', 'email'] },
    ]);
    expect(await screen.findByRole('button', { name: 'Import 6 contacts' })).toBeEnabled();
    expect(screen.getByRole('combobox', { name: 'Employer' })).toHaveValue('company');
  });

  it('commits, shows a progress bar fed by import:progress, then says what happened and reloads contacts', async () => {
    const hold = deferred<{ added: number; merged: number; unchanged: number; rejected: number }>();
    const { user, fake } = await setup((f) => f.respond('import:commit', () => hold.promise));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await user.click(await screen.findByRole('button', { name: 'Import 6 contacts' }));
    expect(fake.callsTo('import:commit')).toEqual([{ token: 'tok-1' }]);
    // The Import button is disabled while main saves: the focus waits on the preview's heading.
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Preview of Connections.csv' })).toHaveFocus(),
    );
    act(() => fake.emit('import:progress', { token: 'tok-1', phase: 'saving', done: 3, total: 6 }));
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    expect(bar).toHaveAttribute('aria-valuetext', 'Saving contacts: 50%');
    act(() => fake.emit('import:progress', { token: 'other', phase: 'saving', done: 6, total: 6 }));
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    const listsBefore = fake.callsTo('contacts:list').length;
    await act(async () => hold.resolve({ added: 5, merged: 1, unchanged: 0, rejected: 1 }));
    expect(await screen.findByText(/Imported 5 new contacts and updated 1\./)).toBeInTheDocument();
    expect(screen.getByText(/1 row was skipped/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
    // Main says the contacts changed; the pipeline (opened next) shows them as saved.
    act(() => fake.emit('data:changed', { collections: ['contacts'] }));
    await user.click(screen.getByRole('link', { name: 'Open the pipeline' }));
    await waitFor(() => expect(fake.callsTo('contacts:list').length).toBeGreaterThan(listsBefore));
    expect(useContactsStore.getState().loaded).toBe(true);
    expect(useUiStore.getState().area).toBe('pipeline');
  });

  it('shows progress while the file is being read', async () => {
    const hold = deferred<ImportPreview | null>();
    const { user, fake } = await setup((f) => f.respond('import:choose', () => hold.promise));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    act(() =>
      fake.emit('import:progress', { token: null, phase: 'parsing', done: 250, total: 1000 }),
    );
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    await act(async () => hold.resolve(linkedinPreview()));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('cancels a preview through import:cancel and saves nothing', async () => {
    const { user, fake } = await setup();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    const preview = await screen.findByRole('region', { name: 'Preview of Connections.csv' });
    await user.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('import:cancel')).toEqual([{ token: 'tok-1' }]);
    expect(fake.callsTo('import:commit')).toEqual([]);
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
  });

  it.each([
    ['too big', 'The file is larger than 20 MB.'],
    ['binary', 'This is not a text file.'],
    ['an unknown encoding', 'Rapport cannot read this file’s text encoding.'],
    ['no header', 'The file has no header row.'],
  ])('shows an error from main (%s) as an alert and changes nothing', async (_, message) => {
    const { user, fake } = await setup((f) =>
      f.respond('import:choose', () => {
        throw new FakeFailure('invalid-file', message);
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `The file was not imported. ${message} Nothing was changed.`,
    );
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
    expect(fake.callsTo('import:commit')).toEqual([]);
  });

  it('keeps the preview and says nothing changed when the commit fails', async () => {
    const { user } = await setup((f) =>
      f.respond('import:commit', () => {
        throw new FakeFailure('io', 'The disk is full.');
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await user.click(await screen.findByRole('button', { name: 'Import 6 contacts' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The import did not finish. The disk is full. Nothing was changed.',
    );
    expect(screen.getByRole('button', { name: 'Import 6 contacts' })).toBeEnabled();
  });

  it('says "card" for vCards and counts every skipped card, beyond the ones listed', async () => {
    await setup((f) =>
      f.respond('import:choose', () => ({
        ...linkedinPreview(),
        fileName: 'contacts.vcf',
        kind: 'vcard',
        counts: { new: 2, merge: 0, unchanged: 0, rejected: 60, total: 62, warnings: 0 },
        rejected: Array.from({ length: 60 }, (_, n) => ({
          row: n + 3,
          reason: `Card ${n + 3} has no name, so it was skipped.`,
        })),
        warnings: [],
      })),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'vCard (.vcf)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    const preview = await screen.findByRole('region', { name: 'Preview of contacts.vcf' });
    expect(within(preview).getByRole('table', { name: 'The first 2 cards' })).toBeInTheDocument();
    const skipped = within(preview).getByRole('region', { name: '60 cards will be skipped' });
    expect(within(skipped).getAllByRole('listitem')).toHaveLength(50);
    expect(skipped).toHaveTextContent('And 10 more.');
    expect(within(preview).queryByRole('region', { name: /warning/ })).not.toBeInTheDocument();
  });

  it('offers the text encoding for a file that is not UTF-8, says why, and reads it again in the one chosen', async () => {
    const { user, fake } = await setup((f) => {
      f.respond('import:choose', () => windowsPreview('tok-1252', 'windows-1252'));
      f.respond('import:reencode', ({ encoding }) => windowsPreview(`tok-${encoding}`, encoding));
    });
    await user.click(screen.getByRole('radio', { name: 'Other CSV file' }));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    const preview = await screen.findByRole('region', { name: 'Preview of Kontakte.csv' });
    const encoding = within(preview).getByRole('combobox', { name: 'Text encoding' });
    expect(encoding).toHaveValue('windows-1252');
    expect(encoding).toHaveAccessibleDescription(
      'This file is not in UTF-8, so Rapport read it as Windows-1252.',
    );
    expect(
      within(encoding)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['UTF-8', 'Windows-1252 (Western European, Excel)', 'ISO-8859-1 (Latin-1)']);
    expect(within(preview).getByRole('table')).toHaveTextContent('Zoë Ångström');
    await user.selectOptions(encoding, 'utf-8');
    expect(fake.callsTo('import:reencode')).toEqual([{ token: 'tok-1252', encoding: 'utf-8' }]);
    expect(await within(preview).findByText('Zo\uFFFD Ångström')).toBeInTheDocument();
    // The import saves the preview on screen: the one read as UTF-8.
    await user.click(within(preview).getByRole('button', { name: 'Import 6 contacts' }));
    expect(fake.callsTo('import:commit')).toEqual([{ token: 'tok-utf-8' }]);
  });

  it('stops a file being read when Cancel is pressed, and shows nothing that arrives after', async () => {
    const hold = deferred<ImportPreview | null>();
    const { user, fake } = await setup((f) => f.respond('import:choose', () => hold.promise));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    act(() =>
      fake.emit('import:progress', {
        token: 'tok-big',
        phase: 'parsing',
        done: 1000,
        total: 40000,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('import:cancel')).toEqual([{ token: 'tok-big' }]);
    const importRegion = screen.getByRole('region', { name: 'Import' });
    expect(within(importRegion).getByRole('status')).toHaveTextContent(
      'Import cancelled. Nothing was changed.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose file…' })).toBeEnabled();
    // main answers anyway (the cancel crossed the answer): the preview is dropped, not shown.
    await act(async () => hold.resolve({ ...linkedinPreview(), token: 'tok-big' }));
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
    expect(fake.callsTo('import:cancel')).toEqual([{ token: 'tok-big' }, { token: 'tok-big' }]);
    expect(fake.callsTo('import:commit')).toEqual([]);
  });

  it('says "Nothing was changed" once when main already said it', async () => {
    const { user } = await setup((f) =>
      f.respond('import:choose', () => {
        throw new FakeFailure(
          'invalid-file',
          'This file has 201 columns; Rapport imports files with up to 200. Nothing was changed. Delete the columns you do not need.',
        );
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent?.split('Nothing was changed.')).toHaveLength(2);
  });

  it('exports contacts as CSV and says where, and does nothing when the vCard export is cancelled', async () => {
    const { user, fake } = await setup();
    const exportRegion = screen.getByRole('region', { name: 'Export' });
    await user.click(within(exportRegion).getByRole('button', { name: 'Export contacts as CSV…' }));
    expect(await within(exportRegion).findByRole('status')).toHaveTextContent(
      'Exported 12 contacts to /home/alex/contacts.csv.',
    );
    await user.click(
      within(exportRegion).getByRole('button', { name: 'Export contacts as vCard…' }),
    );
    expect(fake.callsTo('export:contactsVcard')).toHaveLength(1);
    await waitFor(() => expect(within(exportRegion).getByRole('status')).toBeEmptyDOMElement());
  });
});
