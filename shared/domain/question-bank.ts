import type { BankQuestion, QuestionCategory } from '../schema/entities.js';
import { DEFAULT_MINUTES_PER_QUESTION } from './questions.js';

type Starter = readonly [category: QuestionCategory, minutes: number, text: string];

/**
 * The questions every user starts with. They cover the four topics the seed article names (a
 * typical day, experience that helps advancement, useful education, rewards and challenges) and
 * Dalton's TIARA framework in its order (Trends, Insights, Advice, Resources, Assignments). All of
 * them are open: none starts with a word the yes/no detector flags. None is about getting a job
 * (openings, applying, being a candidate): the meeting is for information and names, and a
 * question about jobs makes the other person wary. Estimated minutes let the prep workspace add
 * up a time budget against the meeting length.
 *
 * Ids are numbered per category in this order, so a new question goes at the end of its
 * category and a reworded one keeps its place.
 */
const starters: readonly Starter[] = [
  ['typical-day', 4, 'What does a typical day or week look like for you?'],
  ['typical-day', 2, 'How do you divide your time between meetings, focused work and travel?'],
  ['typical-day', 3, 'Which parts of your job take up more time than people from outside expect?'],
  ['advancement', 3, 'What experience helped you most to move up in this field?'],
  [
    'advancement',
    3,
    'How do people usually progress from an entry-level role to a role like yours?',
  ],
  ['advancement', 2, 'Which skills set apart the people who advance fastest here?'],
  ['education', 3, 'What educational background helps most in this line of work?'],
  ['education', 2, 'Which courses, certifications or degrees made a real difference for you?'],
  ['education', 2, 'How do you keep learning now that you are working in the field?'],
  ['rewards-challenges', 3, 'What do you find most rewarding about your work?'],
  [
    'rewards-challenges',
    4,
    'What are the biggest challenges of this job, and how do you handle them?',
  ],
  ['rewards-challenges', 2, 'What surprised you most when you started in this role?'],
  ['trends', 3, 'What trends are changing your industry right now?'],
  ['trends', 3, 'How do you expect your role to look different five years from now?'],
  ['trends', 2, 'Which new tools or practices is your team paying attention to?'],
  [
    'insights',
    3,
    'What do you know now about this career that you wish you had known at the start?',
  ],
  ['insights', 3, 'What has been the most interesting project you have worked on here, and why?'],
  ['insights', 2, 'How would you describe the culture of your company to a friend?'],
  ['insights', 3, 'How did you get into this work?'],
  ['advice', 3, 'What advice would you give someone exploring this field?'],
  ['advice', 4, 'If you were in my position, what would you do next?'],
  ['advice', 2, 'What mistakes do newcomers to this field often make?'],
  ['advice', 3, 'Looking at my background, what would you suggest I strengthen or explore?'],
  ['resources', 2, 'Who else would you suggest I talk to?'],
  ['resources', 2, 'Which professional associations, events or communities are worth joining?'],
  ['resources', 2, 'What books, newsletters or websites do you rely on to stay current?'],
  ['resources', 2, 'Where do people in your field meet, and where do they share news?'],
  ['assignments', 3, 'What is a small project I could take on to test whether this work suits me?'],
  ['assignments', 2, 'Which skill would you suggest I practise first to try this work out?'],
  ['assignments', 2, 'How could I get a first taste of this work, hands-on?'],
  ['other', 2, 'What question should I have asked you today that I did not?'],
  ['other', 2, 'How would you like me to keep you posted on how things go?'],
];

/** A built-in question: a bank entry plus its estimated minutes (2-4) for the time budget. */
export type StarterQuestion = BankQuestion & { readonly minutes: number };

const counters = new Map<QuestionCategory, number>();

/**
 * The built-in bank. Ids are stable (`builtin-<category>-<n>`, numbered per category in the order
 * above) so a meeting or a test can refer to one; the entries live in code, never in the store,
 * so a new release can reword them without a migration. Append new questions at the end of a
 * category to keep existing ids.
 */
export const starterBank: readonly StarterQuestion[] = Object.freeze(
  starters.map(([category, minutes, text]): StarterQuestion => {
    const n = (counters.get(category) ?? 0) + 1;
    counters.set(category, n);
    return Object.freeze({
      id: `builtin-${category}-${n}`,
      text,
      category,
      builtIn: true,
      timesUsed: 0,
      minutes,
    });
  }),
);

/** The Resources question that asks for more names; the workspace suggests it when none is there. */
export const whoElseQuestionId = 'builtin-resources-1';

/** A question of the user's own counts this long in the time budget until they change it. */
export const DEFAULT_QUESTION_MINUTES = DEFAULT_MINUTES_PER_QUESTION;

/** Estimated minutes of a bank entry: built-ins carry their own, the user's get the default. */
export function estimatedMinutes(question: Pick<BankQuestion, 'id'>): number {
  return starterBank.find((item) => item.id === question.id)?.minutes ?? DEFAULT_QUESTION_MINUTES;
}

/**
 * The key two questions are compared on, so "What does a typical day look like?" and
 * "what does a  typical day look like " are one entry in the bank, not two: spacing, case and
 * closing punctuation do not count (the same rule as `questionMatchKey` in the workspace).
 */
export function questionKey(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[?.!\s]+$/, '')
    .toLocaleLowerCase();
}
