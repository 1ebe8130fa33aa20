import type { QuestionCategory } from '../schema/entities.js';

/**
 * Rules for the questions a user prepares. An informational interview runs on open questions:
 * a yes/no question gets a one-word answer and wastes one of the few minutes the person gave.
 * These checks run on every keystroke in the prep workspace, so they are plain string work with
 * no dictionaries and no allocation-heavy parsing.
 */

/**
 * Categories in the order the workspace and the prep sheet show them: the four topics the seed
 * article names first, then Dalton's TIARA (Trends, Insights, Advice, Resources, Assignments),
 * then anything else.
 */
export const CATEGORY_ORDER: readonly QuestionCategory[] = Object.freeze([
  'typical-day',
  'advancement',
  'education',
  'rewards-challenges',
  'trends',
  'insights',
  'advice',
  'resources',
  'assignments',
  'other',
]);

/** Labels shown on screen and printed on the prep sheet. */
export const CATEGORY_LABELS: Readonly<Record<QuestionCategory, string>> = Object.freeze({
  'typical-day': 'A typical day',
  advancement: 'Advancement',
  education: 'Education',
  'rewards-challenges': 'Rewards and challenges',
  trends: 'Trends',
  insights: 'Insights',
  advice: 'Advice',
  resources: 'Resources',
  assignments: 'Assignments',
  other: 'Other',
});

/** A question without its own estimate counts this long in the time budget. */
export const DEFAULT_MINUTES_PER_QUESTION = 3;

/**
 * The question to suggest when none asks for more names: referrals are how a network grows, and
 * people rarely offer names unless asked. Same wording as the Resources starter in the bank, so
 * adding it from the hint or from the bank is the same question.
 */
export const REFERRAL_QUESTION = 'Who else would you suggest I talk to?';

/** Words that open a yes/no question when they come first (after filler). */
const CLOSED_STARTERS = new Set([
  'is',
  'are',
  'am',
  'was',
  'were',
  'do',
  'does',
  'did',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'have',
  'has',
  'had',
  'may',
  'might',
  'must',
]);

/** Contracted negatives whose stem is not the word itself ("won't" is "will not"). */
const IRREGULAR_NEGATIVES: Readonly<Record<string, string>> = {
  "won't": 'will',
  "can't": 'can',
  "shan't": 'shall',
  "ain't": 'is',
};

/** Conversational openers that do not change what kind of question follows. */
const FILLER =
  /^(?:so|and|but|okay|ok|well|also|now|then|oh|um|uh|right|alright|all right|actually|just curious|out of curiosity|one more thing|last question|quick question)\b[\s,;:.!—–-]*/i;

/**
 * Polite requests phrased as questions ("Could you tell me about…", "Can you walk me through…")
 * invite a full answer, so they are not flagged even though they start with "Could"/"Can".
 */
const POLITE_REQUEST =
  /^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|describe|explain|walk|talk|share|give|show|outline|take)\b/i;

/** Straight quotes only, one space between words, no leading quotes or bullets. */
function tidy(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”«»\-–—*•·.,;:!?()[\]]+/, '')
    .replace(/^\d{1,3}[.)]\s+/, '')
    .trim();
}

/** The question with leading filler words removed ("So, and, do you…" -> "do you…"). */
function withoutFiller(text: string): string {
  let rest = tidy(text);
  for (let i = 0; i < 6; i += 1) {
    const next = rest.replace(FILLER, '');
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

/** The first word with its contraction folded: "Isn't" -> "is", "Won't" -> "will". */
function firstWord(text: string): string {
  const match = /^[a-z]+(?:'[a-z]+)?/i.exec(text);
  if (!match) return '';
  const word = match[0].toLowerCase();
  const irregular = IRREGULAR_NEGATIVES[word];
  if (irregular) return irregular;
  if (word.endsWith("n't")) return word.slice(0, -3);
  return word;
}

/**
 * True when the question invites a yes or a no: it starts (after filler such as "So," or "And")
 * with an auxiliary or modal verb, contracted or not. A word that merely begins with one
 * ("Isabel's team…", "Domain experts…") is not flagged: the whole first word must match.
 */
export function isClosedQuestion(text: string): boolean {
  const rest = withoutFiller(text);
  if (!rest || POLITE_REQUEST.test(rest)) return false;
  return CLOSED_STARTERS.has(firstWord(rest));
}

/** Words that lose their capital when they move inside a sentence; names and "I" keep theirs. */
const COMMON_OPENERS = new Set(
  'the your this that these those it they you we a an my our their there he she most many some any people'.split(
    ' ',
  ),
);
const lowerFirst = (s: string) => {
  const word = /^[a-z]+/i.exec(s)?.[0] ?? '';
  return COMMON_OPENERS.has(word.toLowerCase()) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
};
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Drops the closing punctuation so a new ending can be put on. */
const body = (s: string) => s.replace(/[\s?.!]+$/, '').trim();

const OPPOSITES: Readonly<Record<string, string>> = {
  hard: 'easy',
  difficult: 'easy',
  tough: 'easy',
  easy: 'hard',
  simple: 'hard',
};

/** One rewrite rule: a pattern on the question without filler, and how to build the open form. */
type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const rules: readonly Rule[] = [
  // Asking for names: "Do you know anyone (else) I should talk to?"
  [
    /^(?:do|would|could|can)\s+you\s+(?:know|recommend|suggest)\s+(?:of\s+)?(?:anyone|anybody|someone|somebody|other people|others)\b/i,
    () => REFERRAL_QUESTION,
  ],
  [/^(?:is|are)\s+there\s+(?:anyone|anybody|someone|somebody)\s+else\b/i, () => REFERRAL_QUESTION],
  // "Do you enjoy your work?" -> "What do you enjoy most about your work?"
  [
    /^(do|did)\s+you\s+(?:really\s+)?(enjoy|like|love)\s+(.+)$/i,
    (m) => `What ${m[1]!.toLowerCase()} you ${m[2]!.toLowerCase()} most about ${m[3]}?`,
  ],
  // "Is it hard to advance?" -> "What makes it hard or easy to advance?"
  [
    /^(?:is|was)\s+it\s+(?:very\s+|really\s+)?(hard|difficult|tough|easy|simple)\s+(to|for)\s+(.+)$/i,
    (m) => {
      const adjective = m[1]!.toLowerCase();
      return `What makes it ${adjective} or ${OPPOSITES[adjective] ?? 'hard'} ${m[2]!.toLowerCase()} ${m[3]}?`;
    },
  ],
  [
    /^(?:is|was)\s+it\s+(?:very\s+|really\s+)?([a-z]+)\s+(to|for)\s+(.+)$/i,
    (m) => `How ${m[1]!.toLowerCase()} is it ${m[2]!.toLowerCase()} ${m[3]}, and why?`,
  ],
  // "Are there any downsides?" -> "What downsides are there?"
  [
    /^(is|are)\s+there\s+(?:any|many|much)\s+(.+)$/i,
    (m) => `What ${m[2]} ${m[1]!.toLowerCase()} there?`,
  ],
  // "Is there a typical career path?" -> "What does a typical career path look like?"
  [/^is\s+there\s+((?:a|an)\s+.+)$/i, (m) => `What does ${m[1]} look like?`],
  // "Do you have any regrets?" -> "What regrets do you have?"
  [
    /^(do|does)\s+(you|your\s+\w+|the\s+\w+)\s+have\s+(?:a|an|any|some)\s+(.+)$/i,
    (m) => `What ${m[3]} ${m[1]!.toLowerCase()} ${lowerFirst(m[2]!)} have?`,
  ],
  // "Do you need a degree to advance?" -> "How important is a degree to advance?"
  [/^(?:do|does)\s+(?:you|one|I)\s+need\s+(.+)$/i, (m) => `How important is ${m[1]}?`],
  // "Do you think the field will grow?" -> "How likely do you think it is that the field will grow?"
  [
    /^do\s+you\s+(?:think|believe|expect)\s+(?:that\s+)?(.+)$/i,
    (m) => `How likely do you think it is that ${m[1]}, and why?`,
  ],
  // "Do you usually work late?" -> "How often do you work late?"
  [
    /^(do|does)\s+(you|your\s+\w+)\s+(?:ever|often|usually|always|sometimes)\s+(.+)$/i,
    (m) => `How often ${m[1]!.toLowerCase()} ${lowerFirst(m[2]!)} ${m[3]}?`,
  ],
  // "Have you ever worked abroad?" -> "What was it like when you worked abroad?"
  [/^have\s+you\s+ever\s+(.+)$/i, (m) => `What was it like when you ${m[1]}?`],
  // "Did you study law?" -> "What led you to study law?"
  [/^did\s+you\s+(.+)$/i, (m) => `What led you to ${m[1]}?`],
  // "Should I get an MBA?" -> "How should I think about whether to get an MBA?"
  [/^should\s+I\s+(.+)$/i, (m) => `How should I think about whether to ${m[1]}?`],
  // "Must I relocate?" -> "How important is it that I relocate?"
  [/^must\s+(I|we)\s+(.+)$/i, (m) => `How important is it that ${m[1]} ${m[2]}?`],
  // "Can I shadow you someday?" -> "How could I shadow you someday?"
  [/^(?:can|could|may|might)\s+I\s+(.+)$/i, (m) => `How could I ${m[1]}?`],
  // "Would you recommend this field?" -> "What would you tell someone considering this field?"
  [
    /^(?:would|do)\s+you\s+recommend\s+(.+)$/i,
    (m) => `What would you tell someone considering ${m[1]}?`,
  ],
  // "Would you change anything?" -> "What would you change?"
  [
    /^(would|could|can|will|do|did)\s+you\s+(\w+)\s+(?:anything|something)\s*(.*)$/i,
    (m) => body(`What ${m[1]!.toLowerCase()} you ${m[2]} ${m[3]}`) + '?',
  ],
  // "Does your team use Agile?" -> "How does your team use Agile?"
  [
    /^(do|does)\s+(you|your\s+\w+|they|we)\s+(.+)$/i,
    (m) => `How ${m[1]!.toLowerCase()} ${lowerFirst(m[2]!)} ${m[3]}?`,
  ],
  // "Would you do it again?" -> "How would you do it again?"
  [/^(?:would|could|can|will)\s+you\s+(.+)$/i, (m) => `How would you ${m[1]}?`],
  // "Is the work stressful?" -> "How stressful is the work?" (short subject + one last word)
  [
    /^(is|are|was|were)\s+((?:the|your|this|that|these|those|it|they)(?:\s+[a-z']+){0,3}?)\s+([a-z]+)$/i,
    (m) =>
      /(?:ing|ed)$/i.test(m[3]!)
        ? ''
        : `How ${m[3]!.toLowerCase()} ${m[1]!.toLowerCase()} ${lowerFirst(m[2]!)}?`,
  ],
];

/**
 * An open way to ask the same thing, for the "Use suggestion" button. Common shapes get a
 * tailored What/How rewrite ("Do you enjoy your work?" -> "What do you enjoy most about your
 * work?"); anything else gets "How would you describe …?" around its subject, which is always
 * open and easy to edit. Returns the text unchanged when it is not a yes/no question.
 */
export function suggestOpenRewrite(text: string): string {
  if (!isClosedQuestion(text)) return text;
  const rest = withBaseVerb(body(withoutFiller(text)));
  for (const [pattern, build] of rules) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const rewrite = build(match);
    if (rewrite) return upperFirst(rewrite.replace(/\s+/g, ' ').replace(/\s+([?,])/g, '$1'));
  }
  return fallbackRewrite(rest);
}

const OBJECT_PRONOUNS: Readonly<Record<string, string>> = {
  i: 'me',
  we: 'us',
  they: 'them',
  he: 'him',
  she: 'her',
};

/** "Don't you miss coding" -> "do you miss coding": the rewrite asks openly, not negatively. */
function withBaseVerb(rest: string): string {
  const match = /^[a-z]+(?:'[a-z]+)?/i.exec(rest);
  if (!match) return rest;
  return firstWord(rest) + rest.slice(match[0].length);
}

/**
 * The rewrite for shapes no rule knows. "Is/Are X Y" asks what makes X Y ("Is Python a good
 * first language?" -> "What makes Python a good first language, or not?"); other verbs move
 * behind "How" ("Has your role changed?" -> "How has your role changed?"); the rest becomes
 * "How would you describe …?".
 */
function fallbackRewrite(rest: string): string {
  const [verb = '', ...words] = rest.split(' ');
  const lower = verb.toLowerCase().replace(/n't$/, '');
  const tail = words.join(' ');
  if (words.length < 2) return `How would you describe ${lowerFirst(tail) || 'that'}?`;
  const second = words[1] ?? '';
  const participle = /(?:ing|ed)$/i.test(second);
  if (['is', 'are', 'am', 'was', 'were'].includes(lower) && words.length >= 2 && !participle) {
    const subject = words[0]!;
    const object = OBJECT_PRONOUNS[subject.toLowerCase()] ?? lowerFirst(subject);
    const past = lower === 'was' || lower === 'were';
    return `What ${past ? 'made' : 'makes'} ${[object, ...words.slice(1)].join(' ')}, or not?`;
  }
  if (['is', 'are', 'am', 'was', 'were', 'has', 'have', 'had', 'will'].includes(lower)) {
    return `How ${lower} ${lowerFirst(tail)}?`;
  }
  return `How would you describe ${lowerFirst(tail)}?`;
}

/** A meeting is ready when at least this many open questions are written. */
export const MIN_OPEN_QUESTIONS = 5;

/** Written questions that invite more than a yes or a no. */
export function openQuestionCount(questions: readonly { text: string }[]): number {
  return questions.filter((q) => q.text.trim() !== '' && !isClosedQuestion(q.text)).length;
}

/** Phrases that ask for more people to talk to. */
const REFERRAL =
  /\b(?:who else|anyone else|anybody else|someone else|somebody else|other people|others (?:I|who I) (?:should|could|might)|(?:recommend|suggest)(?: that)? I (?:speak|talk|reach out|meet|contact|connect)|introduce me|put me in touch|connect me with|who (?:should|could|might) I (?:speak|talk|reach out)|(?:speak|talk) to next)\b/i;

/**
 * True when at least one question asks who else to talk to. A meeting without one is the most
 * common missed chance in informational interviewing, so the workspace suggests adding it.
 */
export function hasReferralQuestion(questions: readonly { text: string }[]): boolean {
  return questions.some((q) => REFERRAL.test(tidy(q.text)));
}

/** Estimated minutes for the questions, counting each unestimated (0) one as the default. */
export function estimateMinutes(questions: readonly { minutes: number }[]): number {
  let total = 0;
  for (const q of questions) {
    total += q.minutes > 0 ? q.minutes : DEFAULT_MINUTES_PER_QUESTION;
  }
  return Math.round(total);
}

/**
 * Minutes of every meeting kept for introductions and the close (thanks, "who else should I talk
 * to?"): the 20-minute meeting of Ballinger & Perez spends about 4 on the intro and 2 on the close.
 */
export const OPENING_AND_CLOSING_MINUTES = 5;

export interface TimeBudget {
  estimate: number;
  meetingMinutes: number;
  /** The minutes left for questions once introductions and the close are set aside. */
  questionMinutes: number;
  /** Minutes over the time for questions, 0 when it fits. */
  over: number;
  /** The sentence shown next to the meter. */
  message: string;
}

/**
 * The time budget sentence: fits ("About 20 of 25 minutes for questions") or over, with what to
 * do ("About 30 minutes of questions: 5 over the 25 a 30-minute meeting leaves after
 * introductions and closing — drop or shorten a few").
 */
export function timeBudget(
  questions: readonly { minutes: number }[],
  meetingMinutes: number,
): TimeBudget {
  const estimate = estimateMinutes(questions);
  const questionMinutes = Math.max(0, meetingMinutes - OPENING_AND_CLOSING_MINUTES);
  const over = Math.max(0, estimate - questionMinutes);
  const message =
    over > 0
      ? `About ${estimate} minutes of questions: ${over} over the ${questionMinutes} a ${meetingMinutes}-minute meeting leaves after introductions and closing — drop or shorten a few`
      : `About ${estimate} of ${questionMinutes} minutes for questions (${OPENING_AND_CLOSING_MINUTES} kept for introductions and closing)`;
  return { estimate, meetingMinutes, questionMinutes, over, message };
}

/**
 * The key two questions are compared on, so the bank can mark the ones already in the meeting
 * whatever their spacing, case or closing punctuation.
 */
export function questionMatchKey(text: string): string {
  return tidy(text)
    .replace(/[?.!\s]+$/, '')
    .toLowerCase();
}

/** Sorts questions by category (in CATEGORY_ORDER), keeping their order within a category. */
export function groupByCategory<T extends { category: QuestionCategory }>(
  questions: readonly T[],
): T[] {
  const rank = (c: QuestionCategory) => CATEGORY_ORDER.indexOf(c);
  return questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => rank(a.q.category) - rank(b.q.category) || a.i - b.i)
    .map(({ q }) => q);
}
