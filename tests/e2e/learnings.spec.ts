import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';
import { newContact } from './seed.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Api {
  contacts: { create(a: unknown): Promise<{ ok: boolean; value: { id: string } }> };
  meetings: {
    schedule(a: unknown): Promise<{ ok: boolean; value: { meeting: { id: string } } }>;
    update(a: unknown): Promise<{ ok: boolean }>;
    markHeld(a: unknown): Promise<{ ok: boolean }>;
  };
}

interface Held {
  person: ReturnType<typeof newContact>;
  start: string;
  answers: [category: string, question: string, answer: string][];
  takeaways: string;
}

/** Meetings held, with answers, set up through the bridge as the workspace would save them. */
async function seed(page: Page, held: Held[]) {
  await page.evaluate(async (meetings) => {
    const api = (window as unknown as { rapport: Api }).rapport;
    for (const [index, item] of meetings.entries()) {
      const contact = await api.contacts.create(item.person);
      const scheduled = await api.meetings.schedule({
        contactId: contact.value.id,
        start: item.start,
        minutes: 30,
        place: 'Café',
      });
      const id = scheduled.value.meeting.id;
      const questions = item.answers.map(([category, text, answer], n) => ({
        id: `q${index}-${n}`,
        text,
        category,
        minutes: 3,
        answer,
      }));
      const updated = await api.meetings.update({
        id,
        patch: { questions, takeaways: item.takeaways },
      });
      const marked = await api.meetings.markHeld({ id });
      if (!updated.ok || !marked.ok) throw new Error('The meeting could not be set up.');
    }
  }, held);
}

describe('what you have learned', () => {
  it('puts answers side by side by topic, filters by employer, and exports the summary as .docx', async () => {
    app = await launchApp({ now: '2026-12-03T15:00:00.000Z' });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await seed(page, [
      {
        person: newContact({
          firstName: 'Maya',
          lastName: 'Okafor',
          company: 'Northwind Health',
          industry: 'Health care',
        }),
        start: '2026-11-20T15:00:00.000Z',
        answers: [
          ['typical-day', 'What does a typical day look like?', 'Rounds at 8, then data reviews.'],
          ['advancement', 'How did you get started?', 'A nursing informatics course.'],
        ],
        takeaways: 'SQL matters more than I thought.',
      },
      {
        person: newContact({
          firstName: 'Jordan',
          lastName: 'Park',
          company: 'Contoso Ltd',
          industry: 'Software',
        }),
        start: '2026-11-25T15:00:00.000Z',
        answers: [['typical-day', 'What is a normal week like?', 'Two days of customer calls.']],
        takeaways: '',
      },
    ]);

    await page.keyboard.press('Control+8');
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'What you have learned' }),
    ).toBeVisible();
    const typical = page.getByRole('region', { name: 'A typical day' });
    await expectPage(typical.getByRole('listitem')).toHaveCount(2);
    // Oldest meeting first, the question and the answer side by side.
    await expectPage(typical.getByRole('listitem').first()).toContainText(
      'Rounds at 8, then data reviews.',
    );
    await expectPage(typical.getByRole('listitem').nth(1)).toContainText(
      'Two days of customer calls.',
    );
    await expectPage(page.getByRole('region', { name: 'Advancement' })).toBeVisible();
    await expectPage(
      page.getByRole('region', { name: 'Takeaways and advice' }).getByRole('listitem'),
    ).toHaveCount(1);

    // Only Contoso: Maya's answers go.
    await page.getByLabel('Employer').selectOption('Contoso Ltd');
    await expectPage(typical.getByRole('listitem')).toHaveCount(1);
    await expectPage(page.getByRole('region', { name: 'Advancement' })).toBeHidden();
    await page.getByLabel('Employer').selectOption('');
    await expectPage(typical.getByRole('listitem')).toHaveCount(2);

    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-learn-')), 'l.docx');
    app.answerSaveDialog(target);
    await page.getByRole('button', { name: 'Export summary (.docx)…' }).click();
    await expectPage(
      page.getByText(`Saved “What I learned from 2 informational interviews” to ${target}.`),
    ).toBeVisible();
    const text = (await mammoth.extractRawText({ path: target })).value;
    expect(text).toContain('What I learned from 2 informational interviews');
    const order = [
      'A typical day',
      'Rounds at 8, then data reviews.',
      'Two days of customer calls.',
      'Advancement',
      'A nursing informatics course.',
      'SQL matters more than I thought.',
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
