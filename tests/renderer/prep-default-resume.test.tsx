import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeFailure, type FakeRapport } from './fake-api.js';
import { makeAttachment } from './prep-fixtures.js';
import { renderApp } from './render-app.js';

const openPreferences = (prepare?: (fake: FakeRapport) => void) =>
  renderApp({ route: 'settings/preferences', ...(prepare ? { prepare } : {}) });

const section = () => screen.getByRole('region', { name: 'Default resume' });

describe('Settings > Preferences > Default resume', () => {
  it('copies the chosen file in as a resume and makes it the default', async () => {
    const resume = makeAttachment({ originalName: 'Alex Kim resume.pdf', size: 2048 });
    const { fake, user } = await openPreferences((f) => {
      f.respond('attachments:add', () => [resume]);
    });
    expect(within(section()).getByText('No default resume yet.')).toBeInTheDocument();
    await user.click(within(section()).getByRole('button', { name: 'Choose resume…' }));
    expect(
      await within(section()).findByText(
        'Alex Kim resume.pdf is now your default resume for new meetings.',
      ),
    ).toBeInTheDocument();
    expect(fake.callsTo('attachments:add')).toEqual([{ role: 'resume' }]);
    expect(fake.callsTo('settings:update')).toEqual([{ defaultResumeId: resume.id }]);
    expect(within(section()).getByText('Alex Kim resume.pdf')).toBeInTheDocument();
    expect(within(section()).getByText('(2.0 KB)')).toBeInTheDocument();
  });

  it('names the saved default resume and can remove it', async () => {
    const resume = makeAttachment({ originalName: 'CV 2025.pdf' });
    const { fake, user } = await openPreferences((f) => {
      f.state.settings = { ...f.state.settings, defaultResumeId: resume.id };
      f.respond('attachments:list', () => [resume]);
    });
    expect(await within(section()).findByText('CV 2025.pdf')).toBeInTheDocument();
    await user.click(within(section()).getByRole('button', { name: 'Remove default resume' }));
    expect(await within(section()).findByText('No default resume yet.')).toBeInTheDocument();
    expect(fake.callsTo('settings:update')).toEqual([{ defaultResumeId: null }]);
  });

  it('changes nothing when the file dialog is cancelled', async () => {
    const { fake, user } = await openPreferences((f) => f.respond('attachments:add', () => null));
    await user.click(within(section()).getByRole('button', { name: 'Choose resume…' }));
    await waitFor(() => expect(fake.callsTo('attachments:add')).toHaveLength(1));
    expect(fake.callsTo('settings:update')).toEqual([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says why the resume could not be added', async () => {
    const { user } = await openPreferences((f) =>
      f.respond('attachments:add', () => {
        throw new FakeFailure('invalid-file', 'Only PDF and Word files can be attached.');
      }),
    );
    await user.click(within(section()).getByRole('button', { name: 'Choose resume…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The default resume was not changed. Only PDF and Word files can be attached.',
    );
  });
});
