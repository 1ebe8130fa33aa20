import { splitMeeting } from '../../electron/services/meeting-records.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type {
  Activity,
  Contact,
  Meeting,
  QuestionCategory,
  Stage,
} from '../../shared/schema/entities.js';
import { defaultSettings } from '../../shared/schema/settings.js';

/** How big a generated dataset is; the defaults are the benchmark's "heavy user" size. */
export interface DatasetSize {
  contacts: number;
  activities: number;
  meetings: number;
  questionsPerMeeting: number;
  notesPerMeeting: number;
}

export const heavyUser: DatasetSize = {
  contacts: 5_000,
  activities: 20_000,
  meetings: 1_000,
  questionsPerMeeting: 15,
  notesPerMeeting: 15,
};

/** Deterministic PRNG (mulberry32): the same seed gives the same dataset, so runs compare. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}
export type Random = ReturnType<typeof createRandom>;

const words = (
  'the team works on product strategy and spends most mornings with customers then reviews data ' +
  'with engineers before planning the next quarter what helped most was a mentor who explained ' +
  'how decisions get made across the company and why patience matters when you move from school ' +
  'into a role where nobody tells you exactly what to do next reading industry reports helps and ' +
  'so does joining the local chapter of the professional association where people share openings ' +
  'early the hardest part is saying no to good ideas because focus wins over volume every time'
).split(' ');

const firstNames = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Grace',
  'Hiro',
  'Ines',
  'José',
  'Kai',
  'Lena',
  'Mei',
  'Noor',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
];
const lastNames = [
  'Garcia',
  'Nguyen',
  'Smith',
  'Okafor',
  'Kowalski',
  'Tanaka',
  'Haddad',
  'Müller',
  'Rossi',
  'Silva',
  'Kim',
  'Ivanova',
  'Patel',
  'Dubois',
  'Larsen',
];
const companies = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Energy',
  'Acme Logistics',
  'Blue Harbor Bank',
  'Riverbend Schools',
];
const industries = [
  'Software',
  'Healthcare',
  'Energy',
  'Finance',
  'Education',
  'Logistics',
  'Public sector',
];
const titles = [
  'Product Manager',
  'Data Analyst',
  'Nurse Practitioner',
  'Civil Engineer',
  'UX Researcher',
  'Account Director',
  'Teacher',
  'Policy Advisor',
];
const stages: Stage[] = [
  'prospect',
  'contacted',
  'scheduled',
  'met',
  'thanked',
  'keeping-in-touch',
  'declined',
  'no-reply',
];
const categories: QuestionCategory[] = [
  'typical-day',
  'advancement',
  'education',
  'rewards-challenges',
  'trends',
  'insights',
  'advice',
  'resources',
  'assignments',
];
const activityKinds: Activity['kind'][] = [
  'outreach-sent',
  'reply-received',
  'follow-up-sent',
  'call',
  'meeting-held',
  'thank-you-sent',
  'stage-change',
  'note',
];

/** Prose of roughly `length` characters built from a fixed vocabulary. */
export function prose(random: Random, length: number): string {
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = random.pick(words);
    out.push(word);
    size += word.length + 1;
  }
  const sentence = out.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1, length).trimEnd() + '.';
}

const iso = (base: number, offsetMinutes: number) =>
  new Date(base + offsetMinutes * 60_000).toISOString();
const id = (prefix: string, n: number) =>
  `${prefix}-${n.toString(36).padStart(6, '0')}-${((n * 2_654_435_761) >>> 0).toString(16)}`;

/** A realistic dataset: text lengths follow what a diligent user types (notes of a few paragraphs). */
export function generateDataset(
  size: DatasetSize = heavyUser,
  seed = 42,
  now = new Date('2026-01-15T12:00:00.000Z'),
): Dataset {
  const random = createRandom(seed);
  const base = now.getTime() - 365 * 24 * 3_600_000;
  const data: Dataset = {
    settings: defaultSettings('en-US'),
    contacts: {},
    activities: {},
    reminders: {},
    meetings: {},
    preps: {},
    questions: {},
    templates: {},
    notes: {},
    outreach: {},
    attachments: {},
    employers: {},
  };
  // One employer per company name, as the migration to version 4 links them.
  const employerIds = new Map<string, string>();
  for (const [index, name] of companies.entries()) {
    const id = `employer-${index}`;
    employerIds.set(name, id);
    data.employers[id] = {
      id,
      name,
      aliases: [],
      website: '',
      location: '',
      notes: '',
      motivation: index % 4,
      posting: (index % 3) + 1,
      postingUrl: '',
      research: '',
      focus: index < 5,
      createdAt: iso(base, 0),
      updatedAt: iso(base, 0),
    };
  }
  const contactIds: string[] = [];
  for (let n = 0; n < size.contacts; n += 1) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const company = random.pick(companies);
    const contact: Contact = {
      id: id('c', n),
      firstName: first,
      lastName: last,
      title: random.pick(titles),
      company,
      industry: random.pick(industries),
      location: 'Chicago, IL',
      email:
        random.next() < 0.4
          ? `${first.toLowerCase().replace(/[^a-z]/g, 'x')}.${n}@example.com`
          : '',
      phone: random.next() < 0.3 ? '+1 555 0100' : '',
      linkedinUrl:
        random.next() < 0.8
          ? `https://www.linkedin.com/in/${last.toLowerCase().replace(/[^a-z]/g, 'x')}-${n}`
          : '',
      source: {
        kind: random.pick([
          'alumni',
          'professional-org',
          'former-colleague',
          'family-friends',
          'referral',
          'other',
        ] as const),
        detail: 'Class of 2012',
      },
      referredById:
        n > 0 && random.next() < 0.2 ? (contactIds[random.int(0, n - 1)] ?? null) : null,
      employerId: employerIds.get(company) ?? null,
      tags: random.next() < 0.5 ? ['priority', company.toLowerCase().split(' ')[0] ?? 'tag'] : [],
      notes: prose(random, random.int(50, 800)),
      stage: random.pick(stages),
      responsiveness: random.pick(['unknown', 'booster', 'obligate', 'curmudgeon'] as const),
      keepInTouch: { off: false, days: null },
      createdAt: iso(base, random.int(0, 60_000)),
      updatedAt: iso(base, random.int(60_000, 500_000)),
    };
    contactIds.push(contact.id);
    data.contacts[contact.id] = contact;
  }
  const meetingIds: string[] = [];
  for (let n = 0; n < size.meetings; n += 1) {
    const meetingId = id('m', n);
    const start = iso(base, random.int(0, 500_000));
    const meeting: Meeting = {
      id: meetingId,
      contactId: random.pick(contactIds),
      start,
      minutes: 30,
      mode: 'in-person',
      place: 'Coffee shop on 5th Avenue',
      link: random.next() < 0.5 ? 'https://meet.example.com/abc-defg-hij' : '',
      status: random.pick(['planned', 'held', 'cancelled'] as const),
      research: {
        industry: prose(random, random.int(200, 1_200)),
        company: prose(random, random.int(200, 1_200)),
        position: prose(random, random.int(100, 800)),
        person: prose(random, random.int(100, 600)),
      },
      questions: Array.from({ length: size.questionsPerMeeting }, (_, q) => ({
        id: `${meetingId}-q${q}`,
        text: `What ${prose(random, random.int(40, 120)).toLowerCase().replace(/\.$/, '?')}`,
        category: random.pick(categories),
        minutes: random.int(1, 4),
        answer: prose(random, random.int(100, 700)),
      })),
      notes: Array.from({ length: size.notesPerMeeting }, (_, q) => ({
        id: `${meetingId}-n${q}`,
        at: start,
        phase: random.pick(['during', 'after'] as const),
        text: prose(random, random.int(80, 500)),
      })),
      checklist: {
        resumeCopies: 2,
        portfolio: true,
        businessCards: true,
        outfit: true,
        researchDone: random.next() < 0.5,
      },
      travelMinutes: random.int(0, 60),
      takeaways: prose(random, random.int(100, 800)),
      advice: prose(random, random.int(100, 600)),
      namesSuggested: 'Ask Priya in the data team; Sven at Contoso',
      promises: 'Send the article on hiring trends',
      attachmentIds: [],
      createdAt: start,
      updatedAt: start,
    };
    meetingIds.push(meetingId);
    const { record, prep } = splitMeeting(meeting);
    data.meetings[meetingId] = record;
    data.preps[meetingId] = prep;
  }
  for (let n = 0; n < size.activities; n += 1) {
    const activity: Activity = {
      id: id('a', n),
      contactId: random.pick(contactIds),
      kind: random.pick(activityKinds),
      at: iso(base, random.int(0, 500_000)),
      summary: prose(random, random.int(30, 300)),
      meetingId: random.next() < 0.1 && meetingIds.length > 0 ? random.pick(meetingIds) : null,
    };
    data.activities[activity.id] = activity;
  }
  return data;
}
