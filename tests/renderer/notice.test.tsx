import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { okStatus } from './fake-api.js';
import { renderApp } from './render-app.js';

const createdAt = '2025-04-30T22:15:00.000Z';
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
  new Date(createdAt),
);
const restored = okStatus({
  restored: {
    backupName: 'backup-2025-04-30.json',
    backupCreatedAt: createdAt,
    movedAside: ['rapport-data.damaged-1.json'],
    reason: 'The data file is not valid JSON.',
  },
});

describe('the storage notice', () => {
  it('says which backup was restored after damage, and goes away for good on Dismiss', async () => {
    const { user, fake } = await renderApp({ state: { status: restored } });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      `Your data file was damaged, so Rapport restored the backup from ${when}. The damaged file was kept in the data folder.`,
    );
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fake.callsTo('storage:dismissNotice')).toHaveLength(1);

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.click(screen.getByRole('link', { name: 'Today' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stays hidden when main already knows it was dismissed', async () => {
    await renderApp({ state: { status: { ...restored, noticeDismissed: true } } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('comes back when main reports a new restore', async () => {
    const { user, fake } = await renderApp({ state: { status: restored } });
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    const later = '2025-05-02T10:00:00.000Z';
    act(() =>
      fake.emit('storage:changed', {
        ...restored,
        restored: { ...restored.restored!, backupName: 'later.json', backupCreatedAt: later },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(later),
      ),
    );
  });

  it("explains read-only mode with main's reason and can be hidden", async () => {
    const { user, fake } = await renderApp({
      state: {
        status: okStatus({
          readOnly: { reason: 'It was written by Rapport 3.0', storeVersion: 3 },
        }),
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Rapport opened your data read-only: It was written by Rapport 3.0.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(fake.callsTo('storage:dismissNotice')).toEqual([]);
  });

  it('shows nothing when storage opened normally', async () => {
    await renderApp();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
