import {
  CATEGORY_LABELS,
  openQuestionCount as countOpen,
} from '../../../shared/domain/questions.js';
import { leaveBy } from '../../../shared/domain/leave-by.js';
import { UserFacingError } from '../../../shared/result.js';
import type { Dataset } from '../../../shared/schema/dataset.js';
import {
  QuestionCategory,
  type Attachment,
  type Contact,
  type Meeting,
} from '../../../shared/schema/entities.js';
import type { Settings } from '../../../shared/schema/settings.js';

/** Everything a document about one meeting needs, read once from the dataset. */
export interface MeetingContext {
  meeting: Meeting;
  contact: Contact;
  settings: Settings;
  attachments: Attachment[];
  /** BCP 47 locale for dates and times: the process's, so documents read like the user's OS. */
  locale: string;
}

/** The locale Intl picks for this process (the OS's, in Electron and in Node). */
export const processLocale = (): string => Intl.DateTimeFormat().resolvedOptions().locale;

/**
 * Reads the meeting, its contact, the settings and the meeting's attachments straight from the
 * dataset, so the documents do not depend on the meetings service. Unknown ids are a plain
 * "not found" the renderer can show.
 */
export function meetingContext(
  data: Readonly<Dataset>,
  id: string,
  locale = processLocale(),
): MeetingContext {
  const meeting = data.meetings[id];
  if (!meeting) {
    throw new UserFacingError(
      'not-found',
      'This meeting no longer exists. It may have been deleted; go back to Meetings and open it again.',
    );
  }
  const contact = data.contacts[meeting.contactId];
  if (!contact) {
    throw new UserFacingError(
      'not-found',
      'The person this meeting is with no longer exists, so no document can be made for it.',
    );
  }
  const attachments = meeting.attachmentIds
    .map((attachmentId) => data.attachments[attachmentId])
    .filter((attachment): attachment is Attachment => attachment !== undefined);
  return { meeting, contact, settings: data.settings, attachments, locale };
}

export { fullName as contactName, titleAtCompany } from '../../../shared/domain/names.js';

/** Dates and times as the user's OS writes them, in the local time zone. */
export function formatters(locale: string) {
  const safe = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, options);
    } catch {
      return new Intl.DateTimeFormat(undefined, options);
    }
  };
  const dateTime = safe({ dateStyle: 'full', timeStyle: 'short' });
  const time = safe({ timeStyle: 'short' });
  return {
    dateTime: (date: Date) => dateTime.format(date),
    time: (date: Date) => time.format(date),
  };
}

/** The numbers the meeting card, the checklist and the calendar alarm all show. */
export interface MeetingTimes {
  start: Date;
  end: Date;
  /** Start minus the arrive-early minutes from Settings. */
  arriveBy: Date;
  /** Arrive-by minus the travel time the user entered. */
  leaveBy: Date;
  arriveEarlyMinutes: number;
  travelMinutes: number;
}

export function meetingTimes(context: MeetingContext): MeetingTimes {
  const { meeting, settings } = context;
  const start = new Date(meeting.start);
  const early = settings.arriveEarlyMinutes;
  return {
    start,
    end: new Date(start.getTime() + meeting.minutes * 60_000),
    arriveBy: leaveBy(start, 0, early) ?? start,
    leaveBy: leaveBy(start, meeting.travelMinutes, early) ?? start,
    arriveEarlyMinutes: early,
    travelMinutes: meeting.travelMinutes,
  };
}

/** Category headings: the same words the workspace shows. */
export const categoryLabels: Readonly<Record<QuestionCategory, string>> = CATEGORY_LABELS;

export interface QuestionGroup {
  category: QuestionCategory;
  label: string;
  /** Questions with their number on the sheet (1-based, continuous across groups). */
  questions: { number: number; text: string; answer: string }[];
}

/** Non-empty questions grouped by category in a fixed order, numbered straight through. */
export function groupQuestions(meeting: Meeting): QuestionGroup[] {
  const groups: QuestionGroup[] = [];
  let number = 0;
  for (const category of QuestionCategory.options) {
    const questions = meeting.questions
      .filter((question) => question.category === category && question.text.trim() !== '')
      .map((question) => ({
        number: (number += 1),
        text: question.text.trim(),
        answer: question.answer.trim(),
      }));
    if (questions.length > 0) groups.push({ category, label: categoryLabels[category], questions });
  }
  return groups;
}

/** Open questions written for the meeting: the same rule as the workspace's flag. */
export const openQuestionCount = (meeting: Meeting): number => countOpen(meeting.questions);

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

/** Splits text into plain runs and http(s) links; trailing punctuation stays outside the link. */
export function splitLinks(text: string): { text: string; url?: string }[] {
  const parts: { text: string; url?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = /[.,;:!?)\]}'’”]+$/.exec(url);
    if (trailing) url = url.slice(0, -trailing[0].length);
    const index = match.index;
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ text: url, url });
    last = index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Research text as blocks: paragraphs, and bullet items for lines starting with "- " or "* ". */
export function researchBlocks(text: string): { kind: 'paragraph' | 'bullet'; text: string }[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
      return bullet
        ? { kind: 'bullet' as const, text: bullet[1] ?? '' }
        : { kind: 'paragraph' as const, text: line.trim() };
    });
}
