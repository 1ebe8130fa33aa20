import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expect as expectPage } from './page-expect.js';
import { launchApp, type LaunchedApp } from './harness.js';

const sampleResume = resolve(
  fileURLToPath(new URL('../fixtures/sample-resume.pdf', import.meta.url)),
);

let app: LaunchedApp | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const nav = (page: Page, name: 'Today' | 'Pipeline' | 'Meetings' | 'Settings') =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

const status = (page: Page | Locator, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

/** The six questions, in the order they are written; the second is the yes/no one. */
const CLOSED = 'Do you enjoy your work?';
const REWRITTEN = 'What do you enjoy most about your work?';
const written: [text: string, category: string][] = [
  ['What does a typical day look like for you?', 'typical-day'],
  [CLOSED, 'rewards-challenges'],
  ['How did you move from research into clinical operations?', 'advancement'],
  ['Which courses or certifications helped you most?', 'education'],
  ['What trends will change clinical trials in the next five years?', 'trends'],
  ['Who else would you suggest I talk to?', 'resources'],
];
/** What the meeting asks in the end: the rewrite instead of the yes/no question, 5 before 4. */
const asked = [
  written[0]![0],
  REWRITTEN,
  written[2]![0],
  written[4]![0],
  written[3]![0],
  written[5]![0],
];

/** Text of each page of a PDF, as pdfjs (an independent reader) extracts it. */
async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
/** Collapses the line breaks and runs of spaces a PDF puts inside wrapped text. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('prep workspace and documents', () => {
  it('schedules a meeting, prepares six questions, exports the prep sheet and the packet, and marks it held with a referral and a thank-you reminder', async () => {
    app = await launchApp({ now: '2026-12-01T14:00:00.000Z' }); // a Tuesday
    const { page } = app;
    scratch = mkdtempSync(join(tmpdir(), 'rapport-prep-spec-'));

    // A contact, added from the first-run Today view.
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('First name').fill('Zoë');
    await page.getByLabel('Last name').fill('Ångström');
    await page.getByLabel('Title').fill('Director of Clinical Operations');
    await page.getByLabel('Company').fill('Contoso Pharmaceuticals');
    await page.getByLabel('Source', { exact: true }).selectOption({ label: 'Alumni association' });
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeVisible();

    // Schedule: Thursday 3 December, 15:00 in this machine's time zone, at a café.
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Schedule a meeting with Zoë Ångström',
    });
    await expectPage(dialog).toBeVisible();
    await expectPage(dialog.getByLabel('Date and time')).toHaveValue('2026-12-02T10:00');
    await expectPage(dialog.getByLabel('Length (minutes)')).toHaveValue('30');
    await dialog.getByLabel('Date and time').fill('2026-12-03T15:00');
    await dialog.getByLabel('Place').fill('Blue Bottle Café, 5th Avenue');
    await dialog.getByRole('button', { name: 'Schedule' }).click();

    // The prep workspace opens on the new meeting.
    await expectPage(
      page.getByRole('heading', { level: 1, name: 'Prepare for Zoë Ångström' }),
    ).toBeVisible();
    const facts = page.locator('.prep-facts');
    expect(await facts.textContent()).toMatch(/Dec 3, 2026|3 Dec 2026/);
    await expectPage(facts).toContainText('Blue Bottle Café, 5th Avenue');
    await expectPage(facts).toContainText('Planned');

    // Research: one line for the company.
    const research = page.getByRole('region', { name: 'Research' });
    await research.getByLabel('Company').fill('Contoso runs 40 trials a year in oncology.');

    // Six questions, written one by one; the yes/no one is flagged as it is typed.
    const questions = page.getByRole('region', { name: 'Questions' });
    const newQuestion = questions.getByLabel('New question', { exact: true });
    const referralHint = questions.getByText(/You have no ‘who else should I talk to\?’ question/);
    for (const [text, category] of written) {
      await newQuestion.fill(text);
      if (text === CLOSED) {
        await expectPage(status(questions, `Yes/no question: try “${REWRITTEN}”`)).toBeVisible();
        await expectPage(referralHint).toBeVisible();
      }
      await questions.getByLabel('Category for the new question').selectOption(category);
      await questions.getByRole('button', { name: 'Add question' }).click();
      await expectPage(newQuestion).toHaveValue('');
    }
    await expectPage(
      questions.getByText('6 questions, in the order you will ask them'),
    ).toBeVisible();
    await expectPage(referralHint).toHaveCount(0);
    await expectPage(questions.getByLabel('Question 2', { exact: true })).toHaveValue(CLOSED);

    // The yes/no question stays flagged in the list; five open questions tick the checklist.
    const checklist = page.getByRole('region', { name: 'Checklist' });
    const ready = checklist.getByRole('checkbox', {
      name: 'At least 5 open questions ready',
    });
    await expectPage(checklist.getByText('Ticked automatically: 5 open questions.')).toBeVisible();
    expect(await ready.isChecked()).toBe(true);
    const useSuggestion = questions.getByRole('button', {
      name: 'Use suggestion for question 2',
    });
    await expectPage(useSuggestion).toBeVisible();
    await expectPage(status(questions, `Yes/no question: try “${REWRITTEN}”`)).toHaveCount(1);
    await useSuggestion.click();
    await expectPage(questions.getByLabel('Question 2', { exact: true })).toHaveValue(REWRITTEN);
    await expectPage(useSuggestion).toHaveCount(0);
    await expectPage(status(questions, 'Yes/no question')).toHaveCount(0);
    await expectPage(checklist.getByText('Ticked automatically: 6 open questions.')).toBeVisible();

    // Reorder with the keyboard: question 5 (trends) goes up one place.
    await questions.getByRole('button', { name: /^Drag question 5: / }).focus();
    await page.keyboard.press('Space');
    // dnd-kit's live region says the pick-up, then at once where the question is over.
    await expectPage(status(page, /^Question 5: .* is at position 5 of 6\.$/)).toBeVisible();
    await expectPage(questions.getByRole('button', { name: /^Drag question 5: / })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.waitForTimeout(200); // dnd-kit listens for arrows a moment after the pick-up
    await page.keyboard.press('ArrowUp');
    await expectPage(status(page, /^Question 5: .* is at position 4 of 6\.$/)).toBeVisible();
    await page.keyboard.press('Space');
    await expectPage(
      status(page, /^Question 5: .* was dropped at position 4 of 6\.$/),
    ).toBeVisible();
    await expectPage(questions.getByLabel('Question 4', { exact: true })).toHaveValue(asked[3]!);
    await expectPage(questions.getByLabel('Question 5', { exact: true })).toHaveValue(asked[4]!);
    // The answers are written under "During the meeting", one box per question, in the same order.
    const during = page.getByRole('region', { name: 'During the meeting' });
    await expectPage(during.getByRole('listitem')).toHaveCount(asked.length);
    await expectPage(during.getByRole('listitem').nth(4)).toContainText(asked[4]!);
    await expectPage(questions.getByLabel('Answer to question 1')).toHaveCount(0);
    await during.getByLabel('Answer to question 1').fill('Mornings with the study teams.');

    // The checklist: two resume copies, every box, 25 minutes of travel.
    await checklist.getByLabel('Resume copies').fill('2');
    for (const box of ['Portfolio', 'Business cards', 'Outfit ready', 'Research done']) {
      await checklist.getByRole('checkbox', { name: box }).check();
      expect(await checklist.getByRole('checkbox', { name: box }).isChecked()).toBe(true);
    }
    await checklist.getByLabel('Travel time (minutes)').fill('25');
    // 15:00 less 25 minutes of travel and the default 15 minutes early.
    expect(await checklist.getByText(/^Leave by/).textContent()).toMatch(
      /^Leave by (2:20\sPM|14:20)$/,
    );

    // The sample resume, through the native open dialog.
    const files = page.getByRole('region', { name: 'Files' });
    app.answerOpenDialog([sampleResume]);
    await files.getByRole('button', { name: 'Attach resume…' }).click();
    await expectPage(status(files, 'Attached. This meeting has 1 file.')).toBeVisible();
    const attached = files.getByRole('list', { name: 'Attached files' }).getByRole('listitem');
    await expectPage(attached).toHaveCount(1);
    await expectPage(attached).toContainText('sample-resume.pdf');
    await expectPage(attached).toContainText('Resume');
    await expectPage(
      page.getByRole('status').filter({ hasText: 'All changes saved' }),
    ).toBeVisible();

    // The prep sheet, read back with mammoth.
    const documents = page.getByRole('region', { name: 'Documents' });
    const docxPath = join(scratch, 'prep sheet.docx');
    app.answerSaveDialog(docxPath);
    await documents.getByRole('button', { name: 'Export prep sheet…' }).click();
    await expectPage(status(documents, `Saved to ${docxPath}.`)).toBeVisible();
    const sheet = (await mammoth.extractRawText({ buffer: readFileSync(docxPath) })).value;
    expect(sheet).toContain('Zoë Ångström');
    expect(sheet).toContain('Contoso Pharmaceuticals');
    expect(sheet).toContain('Contoso runs 40 trials a year in oncology.');
    for (const text of asked) expect(sheet).toContain(text);
    // In the order the user will ask them (5 moved above 4), not regrouped by topic.
    const positions = asked.map((text) => sheet.indexOf(text));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(sheet).not.toContain(CLOSED);
    expect(sheet).toContain('Checklist');
    // Resume copies are a box to tick on the day, even though the count is set.
    expect(sheet).toContain('☐  2 resume copies');
    expect(sheet).toMatch(/☐ {2}Leave by (2:20\sPM|14:20) \(25 minutes of travel\)/);
    const headings = (await mammoth.convertToHtml({ buffer: readFileSync(docxPath) })).value;
    expect(headings).toMatch(/<h\d>Questions<\/h\d>/);
    expect(headings).toMatch(/<h\d>Checklist<\/h\d>/);

    // The packet: first without the resume (the sheet alone), then with two copies of it.
    const resumePages = await pageCount(readFileSync(sampleResume));
    expect(resumePages).toBe(2);
    const copiesField = documents.getByLabel('Resume copies in packet');
    await expectPage(copiesField).toHaveValue('2'); // from the checklist
    await copiesField.fill('0');
    const bareSheetPath = join(scratch, 'sheet only.pdf');
    app.answerSaveDialog(bareSheetPath);
    await documents.getByRole('button', { name: 'Save packet as PDF…' }).click();
    await expectPage(status(documents, `Saved to ${bareSheetPath}.`)).toBeVisible();
    const sheetPages = await pageCount(readFileSync(bareSheetPath));
    expect(sheetPages).toBeGreaterThanOrEqual(1);

    await copiesField.fill('2');
    const packetPath = join(scratch, 'packet.pdf');
    app.answerSaveDialog(packetPath);
    await documents.getByRole('button', { name: 'Save packet as PDF…' }).click();
    const total = sheetPages + 2 * resumePages;
    await expectPage(
      status(documents, `Saved to ${packetPath}. The packet has ${total} pages.`),
    ).toBeVisible();
    const packet = readFileSync(packetPath);
    expect(await pageCount(packet)).toBe(total);
    const texts = await pdfPageTexts(packet);
    const sheetText = flat(texts.slice(0, sheetPages).join('\n'));
    expect(sheetText).toContain('Zoë Ångström');
    expect(sheetText).toContain(REWRITTEN);
    expect(sheetText).toContain(asked[5]);
    const printed = asked.map((text) => sheetText.indexOf(text));
    expect(printed).toEqual([...printed].sort((a, b) => a - b));
    expect(sheetText).not.toContain('Alex Rivera');
    // Every page after the sheet is a page of the resume, twice over, in order.
    const resumeTexts = await pdfPageTexts(readFileSync(sampleResume));
    expect(texts.slice(sheetPages)).toEqual([...resumeTexts, ...resumeTexts]);

    // After the meeting: takeaways, advice, a name, and that person as a contact.
    const after = page.getByRole('region', { name: 'After the meeting' });
    await after.getByLabel('Key takeaways').fill('Site monitoring is the way in.');
    await after.getByLabel('Advice received').fill('Take the GCP course before applying.');
    await after.getByLabel('Names suggested').fill('Kim Lee, clinical data at Contoso');
    const suggest = after.getByRole('form', {
      name: 'Add a suggested contact',
    });
    await suggest.getByLabel('First name').fill('Kim');
    await suggest.getByLabel('Last name').fill('Lee');
    await suggest.getByLabel('Company').fill('Contoso Pharmaceuticals');
    await suggest.getByRole('button', { name: 'Create contact' }).click();
    await expectPage(
      status(suggest, 'Added Kim Lee to your pipeline (referred by Zoë).'),
    ).toBeVisible();
    await expectPage(suggest.getByLabel('First name')).toHaveValue('');
    await expectPage(
      page.getByRole('status').filter({ hasText: 'All changes saved' }),
    ).toBeVisible();

    // Mark it held: Zoë moves to Met and a thank-you note is due 24 hours after the meeting.
    await page.getByRole('button', { name: 'Mark meeting as held' }).click();
    const confirm = page.getByRole('dialog', {
      name: 'Mark this meeting as held?',
    });
    await expectPage(confirm.getByText(/Zoë moves to Met/)).toBeVisible();
    await confirm.getByRole('button', { name: 'Mark as held' }).click();
    const held = status(page, 'Marked as held.');
    await expectPage(held).toBeVisible();
    expect((await held.textContent())?.trim()).toMatch(
      /^Marked as held\. Zoë moved from Scheduled to Met\. A thank-you note is due .*(Dec 4|4 Dec).*(3:30\sPM|15:30)/,
    );
    await expectPage(facts).toContainText('Held');
    await expectPage(page.getByRole('button', { name: 'Mark meeting as held' })).toHaveCount(0);

    // Kim Lee exists, referred by Zoë; Zoë's page shows the referral, Met and the reminder.
    await suggest.getByRole('link', { name: 'Kim Lee' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Kim Lee' })).toBeVisible();
    await expectPage(page.getByText('Referred by Zoë Ångström')).toBeVisible();
    await expectPage(page.getByLabel('Stage')).toHaveValue('prospect');
    await page.getByRole('link', { name: 'Zoë Ångström' }).click();
    await expectPage(page.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeVisible();
    await expectPage(page.getByText('Referred Kim Lee')).toBeVisible();
    await expectPage(page.getByLabel('Stage')).toHaveValue('met');
    await expectPage(page.getByText('Send Zoë a thank-you note')).toBeVisible();

    // Friday 4 December, 09:00 UTC: the thank-you note is due today.
    await app.setNow('2026-12-04T09:00:00.000Z');
    await nav(page, 'Pipeline');
    await expectPage(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await nav(page, 'Today');
    const dueToday = page.getByRole('region', { name: 'Due today' });
    await expectPage(dueToday.getByText('Send Zoë a thank-you note')).toBeVisible();
    await expectPage(dueToday.getByRole('link', { name: 'Zoë Ångström' })).toBeVisible();

    // Everything typed is on disk: a fresh app on the same data folder shows it again.
    const { dataDir } = app;
    await app.close();
    app = await launchApp({ dataDir, now: '2026-12-04T09:00:00.000Z' });
    const again = app.page;
    await nav(again, 'Meetings');
    const past = again.getByRole('region', { name: /^Past/ });
    await past.getByRole('link', { name: 'Zoë Ångström' }).click();
    await expectPage(
      again.getByRole('heading', {
        level: 1,
        name: 'Prepare for Zoë Ångström',
      }),
    ).toBeVisible();
    const reopened = again.getByRole('region', { name: 'Questions' });
    for (const [index, text] of asked.entries()) {
      await expectPage(reopened.getByLabel(`Question ${index + 1}`, { exact: true })).toHaveValue(
        text,
      );
    }
    await expectPage(again.getByLabel('Answer to question 1')).toHaveValue(
      'Mornings with the study teams.',
    );
    await expectPage(again.getByLabel('Key takeaways')).toHaveValue(
      'Site monitoring is the way in.',
    );
    await expectPage(again.getByLabel('Advice received')).toHaveValue(
      'Take the GCP course before applying.',
    );
    await expectPage(again.getByLabel('Travel time (minutes)')).toHaveValue('25');
    expect(await again.getByRole('checkbox', { name: 'Outfit ready' }).isChecked()).toBe(true);
  });
});
