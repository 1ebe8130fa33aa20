import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

let app: LaunchedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Api {
  contacts: {
    create(a: unknown): Promise<{ ok: boolean; value: { id: string } }>;
    setStage(a: unknown): Promise<{ ok: boolean }>;
  };
  meetings: {
    schedule(a: unknown): Promise<{ ok: boolean; value: { meeting: { id: string } } }>;
    markHeld(a: unknown): Promise<{ ok: boolean }>;
  };
  thanks: {
    save(a: unknown): Promise<{ ok: boolean; value: { id: string } }>;
    markSent(a: unknown): Promise<{ ok: boolean }>;
  };
}

const nav = (page: Page, name: 'Today' | 'Pipeline' | 'Meetings') =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

/** Maya Okafor, and (optionally) a meeting with her at `start`, set up through the bridge. */
async function seed(page: Page, start: string | null) {
  return page.evaluate(async (meetingStart) => {
    const api = (window as unknown as { rapport: Api }).rapport;
    const contact = await api.contacts.create({
      contact: {
        firstName: 'Maya',
        lastName: 'Okafor',
        title: 'Director of Nursing',
        company: 'Northwind Health',
        industry: '',
        location: '',
        email: 'maya@example.com',
        phone: '',
        linkedinUrl: '',
        source: { kind: 'alumni', detail: 'Tufts Alumni Association' },
        referredById: null,
        tags: [],
        notes: '',
        stage: 'contacted',
      },
    });
    if (meetingStart === null) return { contactId: contact.value.id, meetingId: null };
    const meeting = await api.meetings.schedule({
      contactId: contact.value.id,
      start: meetingStart,
      minutes: 30,
      place: 'Northwind Health, 5th floor',
    });
    return { contactId: contact.value.id, meetingId: meeting.value.meeting.id };
  }, start);
}

describe('after the meeting', () => {
  it('asks whether a past meeting happened; Held opens the after-meeting notes and the thank-you falls due a day after the end', async () => {
    // Thursday 3 Dec 2026, 11:00 New York time; the meeting was 10:00-10:30 that morning.
    app = await launchApp({ now: '2026-12-03T16:00:00.000Z' });
    const { page } = app;
    await seed(page, '2026-12-03T15:00:00.000Z');
    await nav(page, 'Pipeline');
    await nav(page, 'Today');
    const question = page.getByRole('region', { name: 'Did it happen?' });
    await expectPage(question.getByText('Did your meeting with Maya Okafor happen?')).toBeVisible();
    await question
      .getByRole('button', { name: 'Yes, I met Maya Okafor: mark the meeting held' })
      .click();

    // Straight into the workspace, at "After the meeting".
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' }),
    ).toBeVisible();
    const after = page.getByRole('heading', { level: 2, name: 'After the meeting' });
    await expectPage(after).toBeVisible();
    await page.waitForFunction(() => document.activeElement?.textContent === 'After the meeting');
    await page
      .getByRole('textbox', { name: 'Key takeaways' })
      .fill('Hospitals hire analysts who know SQL');

    // Not due yet today; due the next day (24 hours after 10:30), shown on Today then.
    await nav(page, 'Today');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    expect(await page.getByText('Send Maya a thank-you note').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Did it happen?' }).count()).toBe(0);
    await app.setNow('2026-12-04T16:00:00.000Z');
    await nav(page, 'Pipeline');
    await nav(page, 'Today');
    await expectPage(page.getByText('Send Maya a thank-you note')).toBeVisible();
  });

  it('didn’t happen: the meeting is cancelled, the question goes, and focus stays on the page', async () => {
    app = await launchApp({ now: '2026-12-03T16:00:00.000Z' });
    const { page } = app;
    await seed(page, '2026-12-03T15:00:00.000Z');
    await nav(page, 'Pipeline');
    await nav(page, 'Today');
    await page.getByRole('button', { name: 'The meeting with Maya Okafor didn’t happen' }).click();
    await expectPage(status(page, /did not happen/)).toBeVisible();
    await expectPage(page.getByRole('region', { name: 'Did it happen?' })).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  });

  it('a report-back moves Maya to Keeping in touch; the keep-in-touch reminder comes 90 days after the last activity', async () => {
    app = await launchApp({ now: '2026-12-03T16:00:00.000Z' });
    const { page } = app;
    const { contactId, meetingId } = await seed(page, '2026-12-03T15:00:00.000Z');
    // Held and thanked through the bridge (the thanks spec covers those screens).
    await page.evaluate(
      async ({ contactId, meetingId }) => {
        const api = (window as unknown as { rapport: Api }).rapport;
        await api.meetings.markHeld({ id: meetingId });
        const thanks = await api.thanks.save({
          purpose: 'thank-you',
          contactId,
          meetingId,
          templateId: null,
          subject: 'Thank you',
          body: 'Thank you for the time and the advice about SQL.',
        });
        await api.thanks.markSent({ id: thanks.value.id });
      },
      { contactId, meetingId },
    );

    // Two weeks later Today says it is time to report back; "Write" opens the report-back.
    await app.setNow('2026-12-17T15:00:00.000Z');
    await nav(page, 'Pipeline');
    await nav(page, 'Today');
    await page.getByRole('button', { name: 'Write report-back to Maya Okafor' }).click();
    await expectPage(
      page.getByRole('heading', { name: 'Report-back to Maya Okafor' }),
    ).toBeVisible();
    // The template claims nothing: what was done and what happened are left for the user.
    const note = page.getByRole('textbox', { name: 'Note' });
    await expectPage(note).toContainText('{{whatIDid}}');
    const sendButton = page.getByRole('button', { name: 'Mark as sent' });
    expect(await sendButton.isDisabled()).toBe(true);
    await note.fill(
      [
        'Dear Maya,',
        '',
        'When we met you suggested joining a professional society. I joined the regional health informatics society, and at its first meetup two analysts invited me to shadow their team.',
        '',
        'Thank you again for pointing me there.',
        '',
        'Best regards,',
        'Alex',
      ].join('\n'),
    );
    await page.waitForFunction(
      () =>
        !(
          [...document.querySelectorAll('button')].find(
            (b) => b.textContent === 'Mark as sent',
          ) as HTMLButtonElement
        ).disabled,
    );
    await sendButton.click();
    await page
      .getByRole('dialog', { name: 'Mark this note as sent?' })
      .getByRole('button', { name: 'Mark as sent' })
      .click();
    await expectPage(status(page, 'moved from Thanked to Keeping in touch')).toBeVisible();
    await expectPage(status(page, /Keep-in-touch note reminder set for/)).toBeVisible();

    await nav(page, 'Pipeline');
    await page
      .getByRole('button', { name: /^Maya Okafor/ })
      .first()
      .click();
    await expectPage(page.getByRole('combobox', { name: 'Stage' })).toHaveValue('keeping-in-touch');
    const reminders = page.getByRole('heading', { name: 'Reminders' }).locator('..');
    await expectPage(reminders.getByText('Get back in touch with Maya')).toBeVisible();

    // 90 days after the report-back (17 March 2027), Today says so.
    await app.setNow('2027-03-17T15:00:00.000Z');
    await nav(page, 'Today');
    await expectPage(page.getByText('Get back in touch with Maya')).toBeVisible();
    await page
      .getByRole('button', { name: /^Mark keep-in-touch note for Maya Okafor done$/ })
      .click();
    await expectPage(status(page, /Keep-in-touch note reminder set for/)).toBeVisible();
  });

  it('a custom reminder and a promise from the meeting show on Today on their day', async () => {
    app = await launchApp({ now: '2026-12-03T16:00:00.000Z' });
    const { page } = app;
    const { meetingId } = await seed(page, '2026-12-03T15:00:00.000Z');
    await nav(page, 'Pipeline');
    await page
      .getByRole('button', { name: /^Maya Okafor/ })
      .first()
      .click();
    const form = page.getByRole('form', { name: 'Add a reminder for Maya' });
    await form
      .getByRole('textbox', { name: 'Reminder' })
      .fill('Send the hospital analytics article');
    await form.getByLabel('Day').fill('2026-12-07');
    await form.getByRole('button', { name: 'Add reminder' }).click();
    await expectPage(status(page, /Reminder added for/)).toBeVisible();
    await expectPage(
      page.getByRole('button', {
        name: 'Mark reminder “Send the hospital analytics article” done',
      }),
    ).toBeVisible();

    // A promise written after the meeting, given a day in the workspace.
    await nav(page, 'Meetings');
    await page
      .getByRole('link', { name: /Maya Okafor/ })
      .first()
      .click();
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Prepare for Maya Okafor' }),
    ).toBeVisible();
    expect(meetingId).not.toBeNull();
    await page
      .getByRole('textbox', { name: 'Promises to follow up' })
      .fill('Send my portfolio\nIntroduce her to Lee');
    await page.getByLabel('Due date for “Send my portfolio”').fill('2026-12-08');
    await page.getByRole('button', { name: 'Add to Today' }).first().click();
    await expectPage(status(page, /Promise reminder set for/)).toBeVisible();

    await app.setNow('2026-12-08T15:00:00.000Z');
    await nav(page, 'Today');
    await expectPage(page.getByText('Send the hospital analytics article')).toBeVisible();
    await expectPage(page.getByText('Send my portfolio')).toBeVisible();
    await expectPage(page.getByText(/1 day late/)).toBeVisible();
  });
});
