/**
 * Live checks for a first outreach e-mail, after Steve Dalton's "5-point e-mail" (The 2-Hour Job
 * Search): short enough for a phone screen, no talk of jobs, the shared connection first, the
 * request as a question at the end, and more about the reader than the writer. Pure, so the
 * composer can run it on every keystroke and the tests can feed it tables of wording.
 */

import { DEFAULT_REQUEST_MINUTES, requestQuestion } from './outreach-request.js';
import { isImportedDetail, sharedConnectionDetail } from './sources.js';

/**
 * What a starter writes where the shared connection goes when Rapport does not know one (an
 * imported contact, or no source at all). It must be replaced: the "connection first" check
 * fails while it is in the message, so the e-mail never claims a connection the user did not name.
 */
export const CONNECTION_PLACEHOLDER = '[how you know each other]';

export type OutreachCheckId =
  'length' | 'no-job-words' | 'connection-first' | 'ends-with-question' | 'about-them';

export interface OutreachCheck {
  id: OutreachCheckId;
  /** The rule in a few words, shown next to the ✓ or !. */
  label: string;
  /** False when the rule is broken. A warning ('warn') still counts as ok. */
  ok: boolean;
  /** 'warn' means fine but close to the limit (e.g. 76 to 99 words). */
  status: 'pass' | 'warn' | 'fail';
  /** One plain sentence: what was found and, when it fails, what to do. */
  detail: string;
}

export interface OutreachDraft {
  subject: string;
  body: string;
  /** The parts of the contact the checks read: how the user knows them. */
  contact: { firstName?: string; source: { kind: string; detail: string } };
  /** Name of the contact who referred the user, when the contact was referred. */
  referrerName?: string;
  /** The meeting length from Settings, for the example request; the default when absent. */
  meetingMinutes?: number;
}

/** More than this many words and the e-mail no longer fits a phone screen. */
export const WORD_LIMIT = 100;
/** Above this, still acceptable but worth trimming. */
export const WORD_WARNING = 75;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Words as a reader counts them: "don't" and "follow-up" are one word each. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Words that turn a request for advice into a request for a job. Matching is case-insensitive
 * and on whole words. "Position" and "role" are ambiguous: "your role at Acme" is about the
 * reader and exactly what an informational interview asks about, while "an open position" or
 * "any roles" asks for a job. So the singular counts only after a/an/any/open/available/vacant/
 * new/entry-level/junior/senior, and the plural always. "Resume" is flagged even though it can be
 * a verb: in a first e-mail it is almost always the document.
 */
const JOB_PATTERNS: readonly { word: string; pattern: RegExp }[] = [
  { word: 'job', pattern: /(?<![\p{L}\p{N}])jobs?(?![\p{L}\p{N}])/giu },
  { word: 'opening', pattern: /(?<![\p{L}\p{N}])openings?(?![\p{L}\p{N}])/giu },
  { word: 'vacancy', pattern: /(?<![\p{L}\p{N}])vacanc(?:y|ies)(?![\p{L}\p{N}])/giu },
  { word: 'hiring', pattern: /(?<![\p{L}\p{N}])hiring(?![\p{L}\p{N}])/giu },
  { word: 'apply', pattern: /(?<![\p{L}\p{N}])(?:apply|applying|applied)(?![\p{L}\p{N}])/giu },
  { word: 'application', pattern: /(?<![\p{L}\p{N}])applications?(?![\p{L}\p{N}])/giu },
  { word: 'resume', pattern: /(?<![\p{L}\p{N}])r[eé]sum[eé]s?(?![\p{L}\p{N}])/giu },
  { word: 'CV', pattern: /(?<![\p{L}\p{N}])cvs?(?![\p{L}\p{N}])/giu },
  {
    word: 'position',
    pattern:
      /(?<![\p{L}\p{N}])(?:positions|(?:an?|any|open|available|vacant|new|entry-level|junior|senior)\s+position)(?![\p{L}\p{N}])/giu,
  },
  {
    word: 'role',
    pattern:
      /(?<![\p{L}\p{N}])(?:roles|(?:an?|any|open|available|vacant|new|entry-level|junior|senior)\s+role)(?![\p{L}\p{N}])/giu,
  },
];

/** The job words found, each once, in the order of the list above. */
export function findJobWords(text: string): string[] {
  return JOB_PATTERNS.filter(({ pattern }) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  }).map(({ word }) => word);
}

const GREETING =
  /^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))(?![\p{L}])[^.!?\n]{0,60}[,:!]?\s*$/iu;
const SIGN_OFF =
  /^(?:best|thanks|thank you|many thanks|cheers|regards|kind regards|best regards|warm regards|warmly|sincerely|all the best|with thanks|take care)(?![\p{L}])[^\n]{0,40}$/iu;

/** The message without its greeting line and sign-off block: the part the rules are about. */
export function messageCore(body: string): string {
  const lines = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  if (lines.length > 0 && GREETING.test(lines[0]!)) lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // From the end: drop a sign-off phrase and the short name or signature lines after it.
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (SIGN_OFF.test(lines[i]!)) {
      const tail = lines.slice(i + 1).filter((line) => line !== '');
      const looksLikeSignature = tail.every((line) => !line.includes('?') && countWords(line) <= 8);
      if (looksLikeSignature && tail.length <= 4) lines.splice(i);
      break;
    }
    if (lines.length - i > 5) break;
  }
  return lines.join('\n').trim();
}

/** Sentences of plain prose: split after . ! ? (and …) or at blank lines and line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const CONNECTION_CUES =
  /(?<![\p{L}])(?:alum|alumna|alumnae|alumni|alumnus|fellow|member|members|worked\s+with|work\s+with|worked\s+together|work\s+together|colleague|colleagues|classmate|classmates|referred|suggested|recommended|introduced|mutual|we\s+met|met\s+at|our\s+friend|friend\s+of)(?![\p{L}])/iu;

const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A slot a starter or template left for the user to fill: "[how you know each other]". */
const SLOT = /\[[^\]\n]{1,80}\]/u;

function mentionsConnection(sentence: string, draft: OutreachDraft): string | null {
  const folded = fold(sentence);
  // What an import wrote ("LinkedIn connection") is not something the two people share.
  const shared = sharedConnectionDetail({ detail: draft.contact.source.detail ?? '' });
  const detail = fold(shared);
  if (detail.length >= 2 && folded.includes(detail)) return shared;
  const referrer = fold(draft.referrerName ?? '');
  if (referrer !== '') {
    const referrerFirst = referrer.split(' ')[0] ?? '';
    if (
      folded.includes(referrer) ||
      (referrerFirst.length >= 2 &&
        new RegExp(`(?<![\\p{L}])${escape(referrerFirst)}(?![\\p{L}])`, 'u').test(folded))
    ) {
      return (draft.referrerName ?? '').trim();
    }
  }
  const cue = CONNECTION_CUES.exec(sentence);
  return cue ? cue[0] : null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const YOU =
  /(?<![\p{L}'’])(?:you|your|yours|yourself|yourselves|you['’](?:re|ve|d|ll))(?![\p{L}])/giu;
const ME = /(?<![\p{L}'’])(?:i|me|my|mine|myself|i['’](?:m|ve|d|ll))(?![\p{L}])/giu;

/** How often the message speaks to the reader versus about the writer. */
export function pronounCounts(text: string): { you: number; me: number } {
  return { you: text.match(YOU)?.length ?? 0, me: text.match(ME)?.length ?? 0 };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const quoteList = (words: string[]) => words.map((w) => `“${w}”`).join(', ');

/** Runs every rule; the order is the order the composer lists them in. */
export function lintOutreach(draft: OutreachDraft): OutreachCheck[] {
  const core = messageCore(draft.body);
  const parts = sentences(core);
  const words = countWords(core);

  const length: OutreachCheck =
    words >= WORD_LIMIT
      ? {
          id: 'length',
          label: 'Under 100 words',
          ok: false,
          status: 'fail',
          detail: `${plural(words, 'word', 'words')}: cut it below ${WORD_LIMIT} so it fits on a phone screen.`,
        }
      : words > WORD_WARNING
        ? {
            id: 'length',
            label: 'Under 100 words',
            ok: true,
            status: 'warn',
            detail: `${plural(words, 'word', 'words')}: fine, though under ${WORD_WARNING} reads better on a phone.`,
          }
        : {
            id: 'length',
            label: 'Under 100 words',
            ok: words > 0,
            status: words > 0 ? 'pass' : 'fail',
            detail:
              words > 0
                ? `${plural(words, 'word', 'words')}: fits on a phone screen.`
                : 'Write a short message.',
          };

  const jobWords = findJobWords(`${draft.subject}\n${draft.body}`);
  const noJobs: OutreachCheck = {
    id: 'no-job-words',
    label: 'No mention of jobs',
    ok: jobWords.length === 0,
    status: jobWords.length === 0 ? 'pass' : 'fail',
    detail:
      jobWords.length === 0
        ? 'Asks for advice, not for a job.'
        : `Mentions ${quoteList(jobWords)}: ask for their insight instead; talk of jobs makes people wary.`,
  };

  const first = parts[0] ?? '';
  const placeholder = fold(draft.body).includes(fold(CONNECTION_PLACEHOLDER))
    ? CONNECTION_PLACEHOLDER
    : (SLOT.exec(first)?.[0] ?? null);
  const connection = first === '' || placeholder !== null ? null : mentionsConnection(first, draft);
  const imported = isImportedDetail(draft.contact.source.detail ?? '');
  const connectionFirst: OutreachCheck = {
    id: 'connection-first',
    label: 'Connection comes first',
    ok: connection !== null,
    status: connection !== null ? 'pass' : 'fail',
    detail:
      connection !== null
        ? `The first sentence mentions “${connection}”.`
        : placeholder !== null
          ? `Replace “${placeholder}” with what you really share, e.g. who referred you, a group you both belong to or where you met.`
          : imported
            ? 'An import is not a shared connection: open with what you really share, e.g. who referred you, a group you both belong to or where you met.'
            : 'Open with what you share, e.g. the alumni group, the organization or who referred you.',
  };

  const last = parts[parts.length - 1] ?? '';
  const asks = last.endsWith('?');
  const question: OutreachCheck = {
    id: 'ends-with-question',
    label: 'Ends with a question',
    ok: asks,
    status: asks ? 'pass' : 'fail',
    detail: asks
      ? 'The request is a question they can answer.'
      : `End with your request as a question, e.g. “${requestQuestion(draft.meetingMinutes ?? DEFAULT_REQUEST_MINUTES)}”`,
  };

  const { you, me } = pronounCounts(core);
  const aboutThem = you > me;
  const them: OutreachCheck = {
    id: 'about-them',
    label: 'More about them than you',
    ok: aboutThem,
    status: aboutThem ? 'pass' : 'fail',
    detail: `${plural(you, '“you” word', '“you” words')}, ${plural(me, '“I” word', '“I” words')}${
      aboutThem ? '.' : ': say more about them and their work than about yourself.'
    }`,
  };

  return [length, noJobs, connectionFirst, question, them];
}
