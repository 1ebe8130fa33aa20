/**
 * Checks shown while the user writes a thank-you note. A good note names something specific the
 * person said, is short enough to be read at once, and goes out within 24 hours: these three
 * checks say so as the user types, in plain sentences, without ever blocking the note.
 */

/**
 * Length is guidance, not a rule: a short note that names one specific thing is a good note, so
 * anything from `brief` to `long` words passes (under `short` with a word that short is fine).
 * Below `brief` the note likely says little more than thanks (advice, shown as a warning); above
 * `long` it is less likely to be read in full.
 */
export const LENGTH_GUIDE = { brief: 25, short: 80, long: 200 } as const;

/** Words that say nothing specific, so sharing them with the takeaways proves nothing. */
const STOP_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be because been before being but by can ' +
    'could did do does doing down during each few for from further had has have having he her here ' +
    'hers him his how i if in into is it its just me more most my no nor not now of off on once ' +
    'only or other our ours out over own same she should so some such than that the their them ' +
    'then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours thank thanks really time ' +
    'meeting met talk talked said told advice learned learn think thought great much many good ' +
    'one two get got make made way like well going want know dear best regards'
  ).split(' '),
);

/** Meaningful words: letters or digits, 3+ characters, not a stop word; a plural -s is dropped. */
export function meaningfulWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text
    .toLowerCase()
    .normalize('NFC')
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if ([...word].length < 3 || STOP_WORDS.has(word)) continue;
    words.add(
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  }
  return words;
}

/** Case, punctuation and spacing do not matter when looking for a quoted line. */
const squash = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface TakeawayCheck {
  ok: boolean;
  /** The meaningful words the note shares with the takeaways and advice. */
  sharedWords: string[];
  /** A takeaway line the note quotes, if any. */
  quotedLine: string | null;
  message: string;
}

export interface LengthCheck {
  words: number;
  status: 'short' | 'ok' | 'long';
  message: string;
}

export interface DueCheck {
  dueAt: string;
  /** Whole hours left (rounded down); negative once overdue. */
  hoursLeft: number;
  overdue: boolean;
  message: string;
}

export interface ThankYouChecks {
  takeaway: TakeawayCheck;
  length: LengthCheck;
  /** Null when the note has no held meeting to be due after. */
  due: DueCheck | null;
}

export interface ThankYouCheckInput {
  body: string;
  /** The meeting's takeaways and advice (one text, or several). */
  takeaways: string | readonly string[];
  dueAt: string | null;
  now: Date;
}

const HOUR_MS = 60 * 60 * 1000;

/** Words in the body the reader will see: merge tokens still open are not words yet. */
export const countWords = (body: string): number =>
  body.replace(/\{\{[^}]*\}\}/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;

function checkTakeaway(body: string, takeaways: string | readonly string[]): TakeawayCheck {
  const source = typeof takeaways === 'string' ? takeaways : takeaways.join('\n');
  if (source.trim() === '')
    return {
      ok: false,
      sharedWords: [],
      quotedLine: null,
      message:
        'The meeting has no takeaways or advice written down yet; mention one specific thing you learned.',
    };
  const text = body.replace(/\{\{[^}]*\}\}/g, ' ');
  const squashedBody = ` ${squash(text)} `;
  const quotedLine =
    source
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
      .find(
        (line) => meaningfulWords(line).size > 0 && squashedBody.includes(` ${squash(line)} `),
      ) ?? null;
  const bodyWords = meaningfulWords(text);
  const sharedWords = [...meaningfulWords(source)].filter((word) => bodyWords.has(word));
  const ok = quotedLine !== null || sharedWords.length >= 2;
  return {
    ok,
    sharedWords,
    quotedLine,
    message: ok
      ? 'The note mentions something specific from the meeting.'
      : 'Mention one specific takeaway or piece of advice from the meeting, so the note cannot be mistaken for a form letter.',
  };
}

function checkLength(body: string): LengthCheck {
  const words = countWords(body);
  const counted = `${words} ${words === 1 ? 'word' : 'words'}`;
  if (words < LENGTH_GUIDE.brief)
    return {
      words,
      status: 'short',
      message: `${counted}: short is fine, as long as it thanks them and names one thing you learned.`,
    };
  if (words > LENGTH_GUIDE.long)
    return {
      words,
      status: 'long',
      message: `${counted}: consider trimming it. A note under ${LENGTH_GUIDE.long} words is more likely to be read in full.`,
    };
  return {
    words,
    status: 'ok',
    message:
      words < LENGTH_GUIDE.short
        ? `${counted}: short and specific is fine.`
        : `${counted}: a good length.`,
  };
}

function checkDue(dueAt: string | null, now: Date): DueCheck | null {
  if (dueAt === null) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const left = due - now.getTime();
  const hoursLeft = Math.floor(left / HOUR_MS);
  const overdue = left < 0;
  const hours = (n: number) => `${n} hour${n === 1 ? '' : 's'}`;
  return {
    dueAt: new Date(due).toISOString(),
    hoursLeft,
    overdue,
    message: overdue
      ? `Overdue by ${hours(Math.max(1, Math.ceil(-left / HOUR_MS)))}: send it today; a late thank-you is still better than none.`
      : hoursLeft < 1
        ? 'Due within the hour.'
        : `${hours(hoursLeft)} left of the 24 hours.`,
  };
}

/** The three checks of the composer; pure, so the renderer runs it on every keystroke. */
export function checkThankYou(input: ThankYouCheckInput): ThankYouChecks {
  return {
    takeaway: checkTakeaway(input.body, input.takeaways),
    length: checkLength(input.body),
    due: checkDue(input.dueAt, input.now),
  };
}
