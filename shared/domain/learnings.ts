import type { Meeting, QuestionCategory } from '../schema/entities.js';
import { companyKey } from './contact-keys.js';
import { CATEGORY_LABELS, CATEGORY_ORDER } from './questions.js';
import { fold } from './text-fold.js';

/**
 * "What you have learned": the answers of every meeting side by side, by question topic, so the
 * user can compare careers (what a typical day is like at one employer and at another, how people
 * advanced in one industry and in the next). One copy for the Learnings view, the .docx summary
 * and the tests. Pure: plain loops over the meetings, no regular expression ever sees an answer.
 */

/** One meeting as the Learnings view needs it: the caller joins meeting, prep and contact. */
export interface LearningsMeeting {
  meetingId: string;
  /** ISO date-time the meeting started; orders the meetings, oldest first. */
  start: string;
  contactName: string;
  /** The person's job title. */
  title: string;
  /** The employer's name as the user typed it; '' when unknown. */
  company: string;
  /** '' when unknown. */
  industry: string;
  questions: readonly Pick<Meeting['questions'][number], 'text' | 'category' | 'answer'>[];
  takeaways: string;
  advice: string;
}

/** Which meetings to compare; an empty or missing field means "all". */
export interface LearningsFilter {
  /** An employer name, compared by `companyKey` ("Acme Inc." is "ACME"). */
  employer?: string;
  /** An industry, compared without case or accents ("Sante" is "Santé"). */
  industry?: string;
}

/** One answer in a topic: who said it, when, and to which question. */
export interface LearningsEntry {
  meetingId: string;
  contactName: string;
  company: string;
  start: string;
  question: string;
  answer: string;
}

export interface LearningsTopic {
  category: QuestionCategory;
  label: string;
  /** Oldest meeting first; within a meeting, in the order the questions were prepared. */
  entries: LearningsEntry[];
}

/** A meeting's takeaways and advice (at least one of the two is written). */
export interface LearningsMeetingSummary {
  meetingId: string;
  contactName: string;
  title: string;
  company: string;
  industry: string;
  start: string;
  takeaways: string;
  advice: string;
}

export interface Learnings {
  /** Meetings that taught something (an answer, takeaways or advice) and pass the filter. */
  meetingCount: number;
  /** In `CATEGORY_ORDER`; only topics with at least one answer. */
  topics: LearningsTopic[];
  /** Oldest first; only meetings with takeaways or advice. */
  meetings: LearningsMeetingSummary[];
  /**
   * The choices for the filter pickers: every employer and industry among the meetings that count,
   * before filtering, so picking one never hides the others from the picker.
   */
  employers: string[];
  industries: string[];
}

/**
 * Whitespace as `String.prototype.trim` knows it, plus the zero-width space a paste can leave: an
 * answer made only of these is blank.
 */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True when the text has something besides whitespace; stops at the first character that counts. */
export function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Display values and keys are short fields (200 characters in the schema); cut before folding. */
const FIELD_MAX = 400;

/** One line, single spaces, no outer whitespace: how a company or industry is shown in a picker. */
function oneLine(text: string): string {
  let out = '';
  let pendingSpace = false;
  const end = Math.min(text.length, FIELD_MAX);
  for (let i = 0; i < end; i += 1) {
    const char = text[i] as string;
    if (isSpace(char.charCodeAt(0))) {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += char;
  }
  return out;
}

/** The key two industries are the same by: case, accents and spacing folded away. */
export const industryKey = (industry: string): string => fold(oneLine(industry));

/** The key two employers are the same by (see `companyKey`). */
export const learningsEmployerKey = (company: string): string => companyKey(oneLine(company));

/** A sortable time; a start that does not parse goes last instead of breaking the sort. */
function startTime(start: string): number {
  const time = Date.parse(start);
  return Number.isFinite(time) ? time : Number.MAX_SAFE_INTEGER;
}

function byStart(a: LearningsMeeting, b: LearningsMeeting): number {
  return (
    startTime(a.start) - startTime(b.start) ||
    (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
    (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0)
  );
}

/** A meeting counts when it taught something: an answer, takeaways or advice. */
function taughtSomething(meeting: LearningsMeeting): boolean {
  if (hasText(meeting.takeaways) || hasText(meeting.advice)) return true;
  for (const question of meeting.questions) if (hasText(question.answer)) return true;
  return false;
}

/** Distinct display values by key, the oldest meeting's spelling first, sorted for a picker. */
function choices(values: Iterable<string>, key: (value: string) => string): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    const shown = oneLine(value);
    const k = key(shown);
    if (k !== '' && !byKey.has(k)) byKey.set(k, shown);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

const categoryIndex = new Map<QuestionCategory, number>(
  CATEGORY_ORDER.map((category, index) => [category, index]),
);
const OTHER_INDEX = categoryIndex.get('other') ?? CATEGORY_ORDER.length - 1;

/**
 * Puts the answers of many meetings side by side by topic, with each meeting's takeaways and
 * advice, for the meetings that pass `filter`. Meetings where nothing was written (planned ones,
 * or held ones with empty notes) are left out of the count and the pickers alike, so the summary's
 * "from 8 informational interviews" means eight conversations the user learned from.
 */
export function buildLearnings(
  meetings: readonly LearningsMeeting[],
  filter: LearningsFilter = {},
): Learnings {
  const counted = meetings.filter(taughtSomething).sort(byStart);
  const employers = choices(
    counted.map((meeting) => meeting.company),
    learningsEmployerKey,
  );
  const industries = choices(
    counted.map((meeting) => meeting.industry),
    industryKey,
  );

  const wantEmployer = learningsEmployerKey(filter.employer ?? '');
  const wantIndustry = industryKey(filter.industry ?? '');
  const kept = counted.filter(
    (meeting) =>
      (wantEmployer === '' || learningsEmployerKey(meeting.company) === wantEmployer) &&
      (wantIndustry === '' || industryKey(meeting.industry) === wantIndustry),
  );

  const buckets: LearningsEntry[][] = CATEGORY_ORDER.map(() => []);
  const summaries: LearningsMeetingSummary[] = [];
  for (const meeting of kept) {
    const contactName = meeting.contactName.trim();
    const company = oneLine(meeting.company);
    for (const question of meeting.questions) {
      if (!hasText(question.answer)) continue;
      const index = categoryIndex.get(question.category) ?? OTHER_INDEX;
      buckets[index]?.push({
        meetingId: meeting.meetingId,
        contactName,
        company,
        start: meeting.start,
        question: question.text.trim(),
        answer: question.answer.trim(),
      });
    }
    const takeaways = hasText(meeting.takeaways) ? meeting.takeaways.trim() : '';
    const advice = hasText(meeting.advice) ? meeting.advice.trim() : '';
    if (takeaways !== '' || advice !== '') {
      summaries.push({
        meetingId: meeting.meetingId,
        contactName,
        title: oneLine(meeting.title),
        company,
        industry: oneLine(meeting.industry),
        start: meeting.start,
        takeaways,
        advice,
      });
    }
  }

  const topics: LearningsTopic[] = [];
  CATEGORY_ORDER.forEach((category, index) => {
    const entries = buckets[index] ?? [];
    if (entries.length > 0) topics.push({ category, label: CATEGORY_LABELS[category], entries });
  });

  return { meetingCount: kept.length, topics, meetings: summaries, employers, industries };
}

/** "What I learned from 8 informational interviews" (singular for one). */
export function learningsTitle(count: number): string {
  return `What I learned from ${count} informational interview${count === 1 ? '' : 's'}`;
}

/**
 * The filter in words, for the summary's subtitle ("Employer: Acme · Industry: Healthcare"), or
 * null when everything is shown.
 */
export function learningsFilterLabel(filter: LearningsFilter): string | null {
  const parts: string[] = [];
  const employer = oneLine(filter.employer ?? '');
  const industry = oneLine(filter.industry ?? '');
  if (employer !== '') parts.push(`Employer: ${employer}`);
  if (industry !== '') parts.push(`Industry: ${industry}`);
  return parts.length === 0 ? null : parts.join(' · ');
}
