import { chromium, type Browser } from 'playwright-core';
import type { Contact, Meeting } from '../../shared/schema/entities.js';
import { defaultSettings, type Settings } from '../../shared/schema/settings.js';
import type { MeetingContext } from '../../electron/services/documents/meeting-context.js';

/** The flags that work on these machines (tests/e2e/harness.ts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const maya = (overrides: Partial<Contact> = {}): Contact => ({
  id: 'contact-maya',
  firstName: 'Maya',
  lastName: 'Okafor',
  title: 'Director of Nursing',
  company: 'Northwind Health',
  industry: 'Healthcare',
  location: 'Chicago, IL',
  email: 'maya@example.org',
  phone: '',
  linkedinUrl: '',
  source: { kind: 'alumni', detail: 'Class of 2009' },
  referredById: null,
  employerId: null,
  tags: [],
  notes: '',
  stage: 'scheduled',
  responsiveness: 'unknown',
  keepInTouch: { off: false, days: null },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

export const meeting = (overrides: Partial<Meeting> = {}): Meeting => ({
  id: 'meeting-1',
  contactId: 'contact-maya',
  start: '2026-12-03T16:00:00.000Z',
  minutes: 30,
  mode: 'in-person',
  place: 'Northwind Health, 200 Lake St, Room 4',
  link: '',
  status: 'planned',
  research: {
    industry: 'Hospitals are short of nurses.\n- Travel nursing grew fast\n* Unions are active',
    company: 'Northwind runs 4 hospitals. See https://northwind.example.org/about.',
    position: 'Director of Nursing leads 300 nurses.',
    person: 'Maya was a floor nurse for 10 years.',
  },
  questions: [
    {
      id: 'q1',
      text: 'What does a typical day look like for you?',
      category: 'typical-day',
      minutes: 5,
      answer: '',
    },
    {
      id: 'q2',
      text: 'What experience helped you advance?',
      category: 'advancement',
      minutes: 5,
      answer: 'Charge nurse shifts.\nA master’s degree.',
    },
    { id: 'q3', text: 'Which trends worry you most?', category: 'trends', minutes: 4, answer: '' },
    { id: 'q4', text: 'Who else should I talk to?', category: 'resources', minutes: 3, answer: '' },
    {
      id: 'q5',
      text: 'What training would you recommend?',
      category: 'education',
      minutes: 4,
      answer: '',
    },
    { id: 'q6', text: 'Is the pay good?', category: 'rewards-challenges', minutes: 2, answer: '' },
  ],
  notes: [],
  checklist: {
    resumeCopies: 2,
    portfolio: true,
    businessCards: false,
    outfit: true,
    researchDone: true,
  },
  travelMinutes: 25,
  takeaways: '',
  advice: '',
  namesSuggested: '',
  promises: '',
  attachmentIds: [],
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
  ...overrides,
});

export const settings = (overrides: Partial<Settings> = {}): Settings => ({
  ...defaultSettings('en-US'),
  profile: {
    name: 'Jordan Lee',
    email: '',
    phone: '',
    address: '',
    linkedinUrl: '',
    signature: '',
  },
  ...overrides,
});

export const context = (overrides: Partial<MeetingContext> = {}): MeetingContext => ({
  meeting: meeting(),
  contact: maya(),
  settings: settings(),
  attachments: [],
  locale: 'en-US',
  ...overrides,
});

/** Debian's Chromium, launched once per test file; `renderPdf` is what the e2e harness passes. */
export async function launchPdfRenderer() {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    close: () => browser.close(),
    renderPdf: async (html: string, { pageSize }: { pageSize: 'A4' | 'Letter' }) => {
      const page = await browser.newPage();
      try {
        await page.setContent(html);
        return await page.pdf({ format: pageSize, printBackground: true });
      } finally {
        await page.close();
      }
    },
  };
}
