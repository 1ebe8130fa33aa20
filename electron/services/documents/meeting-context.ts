import { dateFormat } from './docx-page.js';
import {
  beforeMeeting,
  describeBeforeMeeting,
  type BeforeMeeting,
  type BeforeMeetingText,
} from '../../../shared/domain/arrival.js';
import { meetingEnd } from '../../../shared/domain/meeting-times.js';
import {
  CATEGORY_LABELS,
  MIN_OPEN_QUESTIONS,
  groupByCategory,
  openQuestionCount as countOpen,
} from '../../../shared/domain/questions.js';
import { UserFacingError } from '../../../shared/result.js';
import { attachmentsOf, readMeeting } from '../meeting-records.js';
import type { ItemReader } from '../types.js';
import type { Dataset } from '../../../shared/schema/dataset.js';
import type {
  QuestionCategory,
  Attachment,
  Contact,
  Meeting,
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
  source: ItemReader & { read(): Readonly<Dataset> },
  id: string,
  locale = processLocale(),
): MeetingContext {
  const data = source.read();
  const meeting = readMeeting(source, id);
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
  const attachments = attachmentsOf(meeting, data.attachments);
  return { meeting, contact, settings: data.settings, attachments, locale };
}

export { fullName as contactName, titleAtCompany } from '../../../shared/domain/names.js';

/** Dates and times as the user's OS writes them, in the local time zone. */
export function formatters(locale: string) {
  const safe = (options: Intl.DateTimeFormatOptions) => dateFormat(locale, options);
  const dateTime = safe({ dateStyle: 'full', timeStyle: 'short' });
  const time = safe({ timeStyle: 'short' });
  return {
    dateTime: (date: Date) => dateTime.format(date),
    time: (date: Date) => time.format(date),
  };
}

/** When the meeting starts and ends, and what to do before it (the shared rule). */
export interface MeetingTimes {
  start: Date;
  end: Date;
  /** Travel and arrive early in person; join early and test the link or line for a call. */
  plan: BeforeMeeting;
}

/**
 * The meeting's start, end and before-the-meeting plan: every document reads its times here, so
 * the card, the checklist and the calendar alarm agree with the workspace.
 */
export function meetingTimes(context: MeetingContext): MeetingTimes {
  const { meeting, settings } = context;
  // The schema only admits valid instants; the epoch fallback keeps a document printable anyway.
  const plan =
    beforeMeeting(meeting, settings) ??
    (beforeMeeting({ ...meeting, start: new Date(0).toISOString() }, settings) as BeforeMeeting);
  return {
    start: plan.start,
    end: meetingEnd({ ...meeting, start: plan.start.toISOString() }),
    plan,
  };
}

/** The plan's words with times in the document's locale. */
export function beforeMeetingText(context: MeetingContext): BeforeMeetingText {
  return describeBeforeMeeting(meetingTimes(context).plan, formatters(context.locale).time);
}

/** Category headings: the same words the workspace shows. */
export const categoryLabels: Readonly<Record<QuestionCategory, string>> = CATEGORY_LABELS;

export interface QuestionGroup {
  category: QuestionCategory | null;
  /** The topic heading; null for the single list printed in the user's own order. */
  label: string | null;
  /** Questions with their number on the sheet (1-based, continuous across groups). */
  questions: { number: number; text: string; answer: string }[];
}

/**
 * The questions as the prep sheet and the packet print them. By default in the user's own order
 * (the order they will ask them, as the workspace shows it), as one unlabelled list; with
 * `settings.printGroupedByTopic`, under topic headings in the workspace's category order (the
 * same sort as its "Group by category" button), keeping the user's order within each topic.
 * Empty questions are left out; numbers follow what is printed, straight through.
 */
export function printedQuestions(
  meeting: Pick<Meeting, 'questions'>,
  settings: Pick<Settings, 'printGroupedByTopic'>,
): QuestionGroup[] {
  const written = meeting.questions.filter((question) => question.text.trim() !== '');
  const ordered = settings.printGroupedByTopic ? groupByCategory(written) : written;
  const groups: QuestionGroup[] = [];
  let number = 0;
  for (const question of ordered) {
    const category = settings.printGroupedByTopic ? question.category : null;
    let group = groups.at(-1);
    if (!group || group.category !== category) {
      group = { category, label: category ? categoryLabels[category] : null, questions: [] };
      groups.push(group);
    }
    group.questions.push({
      number: (number += 1),
      text: question.text.trim(),
      answer: question.answer.trim(),
    });
  }
  return groups;
}

/** Open questions written for the meeting: the same rule as the workspace's flag. */
export const openQuestionCount = (meeting: Meeting): number => countOpen(meeting.questions);

export interface PrintedCheck {
  checked: boolean;
  text: string;
}

/** "3 resume copies", "1 resume copy"; with none planned the line still asks the question. */
export const resumeCopiesLine = (copies: number): string =>
  copies === 0
    ? 'Resume copies (none planned)'
    : `${copies} ${copies === 1 ? 'resume copy' : 'resume copies'}`;

/**
 * The checklist as printed. Paper is used on the day, so a box is ticked only for what is
 * genuinely done before printing: the research (the user ticked it) and the open questions
 * (counted from what is written, the workspace's own rule). What is still to pack or do on the
 * day prints as an empty box whatever the workspace says: the resume copies (whatever their
 * number), portfolio, business cards, outfit, and leaving or joining on time.
 */
export function printedChecklist(context: MeetingContext): PrintedCheck[] {
  const { checklist } = context.meeting;
  const open = openQuestionCount(context.meeting);
  return [
    { checked: false, text: resumeCopiesLine(checklist.resumeCopies) },
    { checked: false, text: 'Portfolio' },
    { checked: false, text: 'Business cards' },
    { checked: false, text: 'Outfit' },
    { checked: checklist.researchDone, text: 'Research done' },
    {
      checked: open >= MIN_OPEN_QUESTIONS,
      text: `At least ${MIN_OPEN_QUESTIONS} open questions ready (${open} written)`,
    },
    { checked: false, text: beforeMeetingText(context).todo },
  ];
}

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
