import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../renderer/stores/ui-store.js';
import type { Template } from '../../shared/schema/entities.js';
import { renderApp } from './render-app.js';

const builtIn: Template = {
  id: 'builtin-thank-you',
  name: 'Thank you after an informational interview',
  purpose: 'thank-you',
  subject: 'Thank you',
  body: 'Dear {{firstName}},',
  builtIn: true,
};

async function openTemplates() {
  let own: Template[] = [];
  const rendered = await renderApp({
    prepare: (fake) => {
      fake.respond('thanks:list', () => []);
      fake.respond('templates:list', () => [builtIn, ...own]);
      fake.respond('templates:save', (input) => {
        const saved: Template = {
          id: input.id ?? `mine-${own.length + 1}`,
          name: input.name,
          purpose: input.purpose,
          subject: input.subject,
          body: input.body,
          builtIn: false,
        };
        own = [...own.filter((t) => t.id !== saved.id), saved];
        return saved;
      });
      fake.respond('templates:delete', ({ id }) => {
        own = own.filter((t) => t.id !== id);
        return null;
      });
    },
  });
  act(() => useUiStore.getState().navigate('thanks'));
  const section = await screen.findByRole('region', { name: 'Your templates' });
  return { ...rendered, section };
}

describe('the user’s own thank-you templates', () => {
  it('can be added, edited and deleted; built-in ones are not offered for editing', async () => {
    const { user, fake, section } = await openTemplates();
    expect(within(section).getByText('You have no templates of your own yet.')).toBeVisible();
    expect(within(section).queryByRole('button', { name: /Edit Thank you after/ })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Add template' }));
    expect(within(section).getByText('Give the template a name.')).toBeVisible();
    expect(fake.callsTo('templates:save')).toEqual([]);

    await user.type(within(section).getByLabelText('Template name'), 'Short and warm');
    await user.type(within(section).getByLabelText('Template subject'), 'Thanks');
    await user.type(
      within(section).getByLabelText('Template text'),
      'Hi {{{{firstName}}, thank you!',
    );
    await user.click(within(section).getByRole('button', { name: 'Add template' }));
    expect(await within(section).findByText('Short and warm')).toBeVisible();
    expect(fake.callsTo('templates:save')).toEqual([
      {
        name: 'Short and warm',
        purpose: 'thank-you',
        subject: 'Thanks',
        body: 'Hi {{firstName}}, thank you!',
      },
    ]);

    await user.click(within(section).getByRole('button', { name: 'Edit Short and warm' }));
    const name = within(section).getByLabelText('Template name');
    await user.clear(name);
    await user.type(name, 'Short');
    await user.click(within(section).getByRole('button', { name: 'Save changes' }));
    expect(await within(section).findByText('Short')).toBeVisible();
    expect(fake.callsTo('templates:save')[1]).toMatchObject({ id: 'mine-1', name: 'Short' });

    await user.click(within(section).getByRole('button', { name: 'Delete Short' }));
    expect(
      await within(section).findByText('You have no templates of your own yet.'),
    ).toBeVisible();
    expect(fake.callsTo('templates:delete')).toEqual([{ id: 'mine-1' }]);
  });
});
