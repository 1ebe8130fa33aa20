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

/**
 * What the workspace offers for a yes/no question: an open rewrite when one of the rules below
 * can ask the same thing grammatically, otherwise a short hint with two openings to start from.
 * A rewrite is only offered where it reads as a sentence an editor would let through; a hint is
 * never wrong, so every shape the rules do not know gets one.
 */
export type OpenSuggestion =
  { kind: 'rewrite'; text: string } | { kind: 'hint'; text: string; examples: readonly string[] };

/** The two openings the hint offers. */
export const OPEN_OPENINGS: readonly string[] = Object.freeze(['What…', 'How…']);

/** The hint for a yes/no question no rule can rewrite. */
export const OPEN_HINT = `Start it with “${OPEN_OPENINGS[0]}” or “${OPEN_OPENINGS[1]}” so the answer can be more than a yes or a no.`;

/** One word: letters and digits, with inner apostrophes or hyphens ("master's", "work-life"). */
const W = "[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*";
/** Words that may not stand in a subject: they modify the verb or the adjective instead. */
const NOT_SUBJECT =
  'too|very|really|so|quite|pretty|not|always|ever|still|also|there|more|less|most|even|just|usually|often|any|a|an|the';
const SW = `(?!(?:${NOT_SUBJECT})(?![\\p{L}\\p{N}'-]))${W}`;
const DET = 'the|your|this|that|these|those|my|our|their|his|her|its|a|an';
/** A short subject: a pronoun, a determiner and one or two words, or one or two bare words. */
const SUBJ = `(?:(?:${DET}) ${W}(?: ${W})?|${SW}(?: ${SW})?)`;
/** The doer in "do/does …" questions. */
const DOER = `(?:you|they|we|people|most people|(?:your|the|their|this) ${W}(?: ${W})?)`;
/** Intensifiers dropped in a "How … is it?" rewrite ("really stressful" -> "How stressful"). */
const INTENS = '(?:very |really |quite |so |pretty )?';
/** Adjectives that read well after "How": "How stressful is the work?". */
const GRADABLE =
  'stressful|hard|difficult|tough|easy|competitive|common|important|necessary|useful|helpful|valuable|flexible|busy|demanding|rewarding|lonely|long|big|large|small|stable|secure|fun|boring|interesting|creative|technical|collaborative|political|hierarchical|diverse|popular|realistic|typical|risky|expensive|nervous|happy|different|fast|slow|intense|hectic|social|structured|formal|strict|supportive|challenging|exciting|satisfying|fulfilling|predictable|repetitive|varied|physical|well-paid|crowded|international|senior|junior|friendly|relaxed|chaotic|scary|hard-working|male-dominated';
/** Adjectives for "Is it … to …?": "How common is it to switch?". */
const IT_ADJ = `${GRADABLE}|normal|usual|unusual|rare|possible|feasible|acceptable|likely`;
/** After "How", "fun" reads "much fun": "How much fun is it?". */
const ADJ_WORDING: Readonly<Record<string, string>> = { fun: 'much fun' };
/** Said of "it" in "Is it possible to …?", a better word reads more naturally after "How". */
const IT_ADJ_WORDING: Readonly<Record<string, string>> = {
  possible: 'realistic',
  feasible: 'realistic',
};
/** What may follow the adjective: "How nervous were you at first?". */
const COPULA_TAIL = `(?:at first|at times|here|there|now|today|these days|nowadays|overall|most days|day to day|in general|in practice|long-term|in the long run|in (?:the|this|your|that|my|our) ${W}(?: ${W})?|for (?:you|juniors|beginners|newcomers|new hires|someone like me|people like me)|at (?:the|your|this) ${W}(?: ${W})?)`;
const PREPOSITION =
  'to|in|for|of|at|on|with|between|among|around|about|from|within|across|outside|inside|by';
/** A phrase that starts with a preposition: "to remote work", "in engineering". */
const PREP_TAIL = `(?:${PREPOSITION}) ${W}(?: ${W}){0,6}`;
/** A one- or two-word noun ("downsides", "book recommendations"), not ending in a preposition. */
const NOUN = `${W}(?: (?!(?:${PREPOSITION})(?![\\p{L}\\p{N}'-]))${W})?`;
/** Nouns one has "much" of: "Is there room to grow?" -> "How much room is there to grow?". */
const MASS =
  'room|time|travel|overtime|flexibility|pressure|support|funding|demand|competition|training|mentoring|mentorship|feedback|autonomy|freedom|turnover|growth|paperwork|bureaucracy|politics|variety|collaboration|teamwork|stress';
/** Verbs after which "How do you …?" asks the same thing openly: "How does your team use Agile?". */
const HOW_VERBS =
  'use|handle|measure|evaluate|assess|decide|choose|train|support|manage|approach|balance|track|hire|recruit|promote|mentor|onboard|prepare|prioriti[sz]e|organi[sz]e|structure|collaborate|communicate|network|deal|learn|test|review|document|price|market|sell|fund|run|split|divide|share|build|develop|keep up|keep track|keep in touch|stay current|stay up to date|stay on top';
/** Verbs that read well in "How likely is … to …?". */
const LIKELY_VERBS = new Set(
  'keep grow change replace be become stay get continue shrink matter affect take make hire rise fall improve expand remain last happen help need require return recover slow pay disappear survive move go come reach increase decrease drop shift evolve open close automate outsource consolidate merge raise cut offer want look hurt lose win'.split(
    ' ',
  ),
);
/** What a referral question may end with: "…anyone else (that) I should talk to". */
const REF_TAIL = `(?:(?:that|who|whom) )?(?:(?:I|we) (?:should|could|might|ought to|can)|you (?:would |could )?(?:recommend|suggest|think) (?:that )?I(?: should)?) (?:talk|speak|reach out|meet|contact|connect|get in touch)(?: (?:to|with))?`;

const OBJECT_PRONOUNS: Readonly<Record<string, string>> = {
  i: 'me',
  we: 'us',
  they: 'them',
  he: 'him',
  she: 'her',
};
const PERSONAL = new Set(['i', 'you', 'we', 'they', 'he', 'she']);

const rx = (source: string) => new RegExp(`^${source}$`, 'iu');
const IS_PREPOSITION = new RegExp(`^(?:${PREPOSITION})$`, 'i');
const HAS_PREPOSITION = new RegExp(`(?:^| )(?:${PREPOSITION})(?: |$)`, 'i');
const IS_NOT_SUBJECT = new RegExp(`^(?:${NOT_SUBJECT})$`, 'i');
const IS_DETERMINER = new RegExp(`^(?:${DET})$`, 'i');
const lower = (s: string | undefined) => (s ?? '').toLowerCase();
const past = (verb: string | undefined) => /^(?:was|were|did|had)$/i.test(verb ?? '');
/** "makes" or, for a question in the past, "made". */
const makes = (verb: string | undefined) => (past(verb) ? 'made' : 'makes');
/** " " + the part, or nothing when it is empty. */
const opt = (part: string | undefined) => (part ? ` ${part}` : '');
/** The subject as an object: "I" -> "me" ("What makes me a good fit?"), others unchanged. */
const asObject = (subject: string) => OBJECT_PRONOUNS[subject.toLowerCase()] ?? subject;
/** "is" or "are" for a subject, in the tense of the question's own verb. */
function copula(subject: string, verb: string | undefined): string {
  const s = subject.toLowerCase();
  const plural =
    ['you', 'we', 'they', 'these', 'those', 'people'].includes(s.split(' ')[0] ?? '') ||
    /[^s'u]s$/.test(s);
  if (s === 'i') return past(verb) ? 'was' : 'am';
  if (past(verb)) return plural ? 'were' : 'was';
  return plural ? 'are' : 'is';
}
/** The word a plural check looks at: the last word before a preposition ("grades in maths"). */
function isPluralPhrase(phrase: string): boolean {
  const words = phrase.split(' ');
  if (/^(?:a|an)$/i.test(words[0] ?? '')) return false;
  const cut = words.findIndex((w, i) => i > 0 && IS_PREPOSITION.test(w));
  const head = (cut === -1 ? words : words.slice(0, cut)).at(-1) ?? '';
  return /[^s'u]s$/i.test(head);
}
/** Something one can miss, regret or feel about: "leaving law", "it", "your old team". */
const ABOUT = `(?:${W}ing(?: ${W}){0,5}|it|that|(?:the|your|this|that|my|our) ${W}(?: ${W}){0,2})`;
/** What one likes "about": anything but a clause ("to travel", "when clients call"). */
const LIKED = `(?!(?:to|when|if|how|what|where|whether|who|that|because|about)(?![\\p{L}\\p{N}'-]))${W}(?: ${W}){0,5}`;

/** One rewrite rule: a pattern on the question (filler, negation and closing mark removed). */
type Rule = readonly [RegExp, (m: RegExpExecArray) => string | null];

/**
 * Compiled on first use, not at import: some 40 Unicode-aware patterns take tens of milliseconds to
 * build, and every screen's bundle imports this file (Today's first paint should not wait on them).
 */
let compiledRules: readonly Rule[] | null = null;
const rules = (): readonly Rule[] => (compiledRules ??= buildRules());

const buildRules = (): readonly Rule[] => [
  // Asking for names: "Do you know anyone else I should talk to?" -> the referral question.
  [
    rx(
      `(?:do|would|could|can|will) you (?:know|recommend|suggest) (?:of )?(?:anyone|anybody|someone|somebody|other people|others)(?: else)?(?: ${REF_TAIL})?`,
    ),
    () => REFERRAL_QUESTION,
  ],
  [
    rx(
      `(?:can|could|would|will) you (?:introduce me to|connect me with|put me in touch with) (?:anyone|anybody|someone|somebody)(?: else)?`,
    ),
    () => REFERRAL_QUESTION,
  ],
  [
    rx(
      `(?:is|are) there (?:anyone|anybody|someone|somebody|other people|others)(?: else)?(?: ${REF_TAIL})?`,
    ),
    () => REFERRAL_QUESTION,
  ],
  // "Would you mind if I followed up?" -> "How would you like me to follow up?"
  [
    rx(
      `(?:(?:would|do) you mind if|(?:would|is) it (?:be )?(?:ok|okay|alright|all right|fine) if|(?:can|could|may) I) (?:I )?(follow(?:ed)? up|ke(?:pt|ep) in touch|stay(?:ed)? in touch|check(?:ed)? in)((?: ${W}){0,6})`,
    ),
    (m) => {
      const action = lower(m[1])
        .replace('followed', 'follow')
        .replace('kept', 'keep')
        .replace('stayed', 'stay')
        .replace('checked', 'check');
      return `How would you like me to ${action}${m[2] ?? ''}`;
    },
  ],
  // "Shall we keep in touch?" -> "How would you like us to keep in touch?"
  [
    rx(`(?:shall|can|could|should|may) we (keep|stay) in touch`),
    (m) => `How would you like us to ${lower(m[1])} in touch`,
  ],
  // "Is there anything else I should know?" -> "What else should I know?"
  [
    rx(
      `(?:is|was) there anything( else)? (?:that )?(I|you|we) (should|could|would|might|can|must) (${W}(?: ${W}){0,8})`,
    ),
    (m) => `What${m[1] ?? ''} ${lower(m[3])} ${m[2]} ${m[4]}`,
  ],
  // "Are there many women in engineering?" -> "How many women are there in engineering?"
  [
    rx(`(are|were) there (?:many|a lot of|lots of) (${NOUN})(?: (${PREP_TAIL}))?`),
    (m) => `How many ${m[2]} ${lower(m[1])} there${opt(m[3])}`,
  ],
  // "Is there much travel?" -> "How much travel is there?"
  [
    rx(`(is|was) there (?:much|a lot of|lots of) (${NOUN})(?: (${PREP_TAIL}))?`),
    (m) => `How much ${m[2]} ${lower(m[1])} there${opt(m[3])}`,
  ],
  // "Are there any downsides to remote work?" -> "What downsides are there to remote work?"
  [
    rx(`(are|were) there any (${NOUN})(?: (${PREP_TAIL}))?`),
    (m) => `What ${m[2]} ${lower(m[1])} there${opt(m[3])}`,
  ],
  // "Is there room to grow?" -> "How much room is there to grow?"
  [
    rx(`(is|was) there (?:any )?(${MASS})(?: (${PREP_TAIL}))?`),
    (m) => `How much ${m[2]} ${lower(m[1])} there${opt(m[3])}`,
  ],
  // "Is there a typical day?" -> "What does a typical day look like?"
  [
    rx(`(is|was) there (a|an) typical (${W}(?: ${W})?)`),
    (m) => `What ${past(m[1]) ? 'did' : 'does'} a typical ${m[3]} look like`,
  ],
  // "Do you have any advice for me?" -> "What advice do you have for me?"
  [
    rx(`(do|does|did) (${DOER}) have (?:any|some) (${NOUN})(?: (${PREP_TAIL}))?`),
    (m) => `What ${m[3]} ${lower(m[1])} ${m[2]} have${opt(m[4])}`,
  ],
  // "Have you ever regretted leaving law?" -> "How do you feel now about leaving law?"
  [
    rx(`(?:do you (?:ever )?regret|have you ever regretted|did you (?:ever )?regret) (${ABOUT})`),
    (m) => `How do you feel now about ${m[1]}`,
  ],
  // "Do you miss coding?" -> "What do you miss about coding?"
  [
    rx(`(do|did) you (?:ever )?miss (${ABOUT})`),
    (m) => `What ${lower(m[1])} you miss about ${m[2]}`,
  ],
  // "Do you like your job?" -> "What do you like most about your job?"
  [
    rx(`(do|does|did) (${DOER}) (?:really )?(enjoy|like|love) (${LIKED})`),
    (m) => `What ${lower(m[1])} ${m[2]} ${lower(m[3])} most about ${m[4]}`,
  ],
  // "Do I need to know SQL?" -> "How important is it for me to know SQL?"
  [
    rx(
      `(?:(do|does|did) (you|I|one|people|we) (?:really )?(?:need|have) to|(must) (I|we|you|one)) (${W}(?: ${W}){0,8})`,
    ),
    (m) => {
      const who = lower(m[2] ?? m[4]);
      const time = past(m[1]) ? 'was' : 'is';
      const forWhom =
        who === 'i' ? ' for me' : who === 'we' ? ' for us' : m[1] === 'did' ? ' for you' : '';
      return `How important ${time} it${forWhom} to ${m[5]}`;
    },
  ],
  // "Do you need a lot of experience?" -> "How much experience do you need?"
  [
    rx(`(do|does|did) (you|I|one|people|we) (?:really )?need (?:a lot of|lots of|much) (${NOUN})`),
    (m) => `How much ${m[3]} ${lower(m[1])} ${m[2]} need`,
  ],
  // "Did you need a master's degree?" -> "How important was a master's degree for you?"
  [
    rx(
      `(do|does|did) (you|I|one|people|we) (?:really )?need (?:any )?((?:(?:a|an|the) )?(?!(?:it|them|me|him|her|this|that|one|to)(?![\\p{L}\\p{N}'-]))${W}(?: ${W}){0,3})`,
    ),
    (m) => {
      const thing = m[3]!;
      const verb = past(m[1])
        ? isPluralPhrase(thing)
          ? 'were'
          : 'was'
        : isPluralPhrase(thing)
          ? 'are'
          : 'is';
      const plain = !HAS_PREPOSITION.test(thing);
      const who = lower(m[2]);
      const forWhom = !plain
        ? ''
        : who === 'i'
          ? ' for me'
          : who === 'we'
            ? ' for us'
            : m[1] === 'did' && who === 'you'
              ? ' for you'
              : '';
      return `How important ${verb} ${thing}${forWhom}`;
    },
  ],
  // "Do you think I should get an MBA?" -> "What do you think about whether I should get an MBA?"
  [
    rx(`do you (?:really |honestly )?think (?:that )?(${W}(?: ${W}){2,12})`),
    (m) =>
      /(?:^| )(?:will|won't)(?: |$)/i.test(m[1]!)
        ? `How likely do you think it is that ${m[1]}`
        : `What do you think about whether ${m[1]}`,
  ],
  // "Do you usually work late?" -> "How often do you work late?"
  [
    rx(
      `(do|does) (${DOER}) (?:ever|often|usually|always|sometimes|regularly|normally|typically) (${W}(?: ${W}){0,8})`,
    ),
    (m) => `How often ${lower(m[1])} ${m[2]} ${m[3]}`,
  ],
  // "Do you work weekends?" -> "How often do you work weekends?"
  [
    rx(
      `(do|does) (${DOER}) (work|travel|commute) (remotely|from home|weekends|on weekends|late|overtime|abroad|internationally|long hours|nights|on call)`,
    ),
    (m) => `How often ${lower(m[1])} ${m[2]} ${m[3]} ${m[4]}`,
  ],
  // "Do you travel a lot?" -> "How much do you travel?"; "…often?" -> "How often…?"
  [
    rx(
      `(do|does) (${DOER}) ((?!(?:have|need|like|love|enjoy|miss|think|know|want|mind|regret)(?![\\p{L}\\p{N}'-]))${W})((?: (?!(?:a|lot)(?![\\p{L}\\p{N}'-]))${W}){0,3}) (a lot|much|often|regularly|frequently)`,
    ),
    (m) =>
      `How ${/^(?:a lot|much)$/i.test(m[5]!) ? 'much' : 'often'} ${lower(m[1])} ${m[2]} ${m[3]}${m[4] ?? ''}`,
  ],
  // "Does your company hire juniors?" -> "How does your company hire juniors?"
  [
    rx(`(do|does) (${DOER}) (${HOW_VERBS})(?! to(?![\\p{L}\\p{N}'-]))((?: ${W}){0,8}?)(?: well)?`),
    (m) => `How ${lower(m[1])} ${m[2]} ${m[3]}${m[4] ?? ''}`,
  ],
  // "Would you change anything?" -> "What would you change?"
  [
    rx(
      `(would|will|did|do|could) you (${W}) (?:anything|something)( else)?((?: differently)|(?: (?:about|if) ${W}(?: ${W}){0,6}))?`,
    ),
    (m) => `What${m[3] ?? ''} ${lower(m[1])} you ${m[2]}${m[4] ?? ''}`,
  ],
  // "Would you recommend this field?" -> "What would you tell someone considering this field?"
  [
    rx(`(?:would|do) you recommend ((?:this|the|your|a|an|that) ${W}(?: ${W})?)`),
    (m) => `What would you tell someone considering ${m[1]}`,
  ],
  // "Should I learn Python?" -> "How useful would it be for me to learn Python?"
  [
    rx(
      `should (I|we) (?!(?:be|or)(?![\\p{L}\\p{N}'-]))((?:(?!or(?![\\p{L}\\p{N}'-]))${W} ?){1,10})`,
    ),
    (m) => `How useful would it be for ${asObject(m[1]!)} to ${m[2]!.trim()}`,
  ],
  // "Am I too old to switch careers?" -> "How old is too old to switch careers?"
  [
    rx(`(?:am I|is it|are you|are we|is one) too (old|late|young|early) to (${W}(?: ${W}){0,8})`),
    (m) => `How ${lower(m[1])} is too ${lower(m[1])} to ${m[2]}`,
  ],
  // "Was it worth it?" -> "What made it worth it, or not?"
  [
    rx(`(is|are|was|were) (it|this|that|${SUBJ}) (?:really |actually )?worth it`),
    (m) => (PERSONAL.has(lower(m[2])) ? null : `What ${makes(m[1])} ${m[2]} worth it, or not`),
  ],
  [
    rx(`(is|was) it (?:really )?worth (${W}ing(?: ${W}){0,6})`),
    (m) => `What ${makes(m[1])} ${m[2]} worth it, or not`,
  ],
  [
    rx(
      `(is|are|was|were) (${SUBJ}) (?:really )?worth (the (?:money|cost|time|effort|investment|price|debt|hype))`,
    ),
    (m) => (PERSONAL.has(lower(m[2])) ? null : `What ${makes(m[1])} ${m[2]} worth ${m[3]}, or not`),
  ],
  // "Is the pay good?" -> "What is the pay like?"
  [
    rx(`(is|are|was|were) (${SUBJ}) ${INTENS}(?:good|bad|nice|ok|okay|decent|great|any good)`),
    (m) => (PERSONAL.has(lower(m[2])) ? null : `What ${lower(m[1])} ${m[2]} like`),
  ],
  // "Is Python a good first language?" -> "What makes Python a good first language, or not?"
  [
    rx(
      `(is|are|am|was|were) (${SUBJ}) (a|an) (good|great|bad|smart|wise|realistic|sensible|common|typical|natural|better|worthwhile|reasonable|safe|solid|useful) (${W}(?: ${W}){0,6})`,
    ),
    (m) => `What ${makes(m[1])} ${asObject(m[2]!)} ${lower(m[3])} ${lower(m[4])} ${m[5]}, or not`,
  ],
  // "Is it hard to advance?" -> "What makes it hard or easy to advance?"
  [
    rx(`(is|was) it ${INTENS}(hard|difficult|tough|easy|simple) (to|for) (${W}(?: ${W}){0,8})`),
    (m) => {
      const adjective = lower(m[2]);
      const other = /^(?:easy|simple)$/.test(adjective) ? 'hard' : 'easy';
      return `What ${makes(m[1])} it ${adjective} or ${other} ${lower(m[3])} ${m[4]}`;
    },
  ],
  // "Is it common to switch careers?" -> "How common is it to switch careers?"
  [
    rx(`(is|was) it ${INTENS}(${IT_ADJ}) (to|for) (${W}(?: ${W}){0,8})`),
    (m) => {
      const adjective = lower(m[2]);
      return `How ${IT_ADJ_WORDING[adjective] ?? adjective} ${lower(m[1])} it ${lower(m[3])} ${m[4]}`;
    },
  ],
  // "So, is the industry changing?" -> "How is the industry changing?"
  [
    rx(
      `(is|are) (${SUBJ}) (changing|growing|shrinking|evolving)(?: (right now|these days|at the moment|nowadays|lately|recently))?`,
    ),
    (m) => `How ${lower(m[1])} ${m[2]} ${lower(m[3])}${opt(m[4])}`,
  ],
  // "Were you nervous at first?" -> "How nervous were you at first?"
  [
    rx(`(is|are|am|was|were) (${SUBJ}) ${INTENS}(${GRADABLE})(?: (${COPULA_TAIL}))?`),
    (m) => `How ${ADJ_WORDING[lower(m[3])] ?? lower(m[3])} ${lower(m[1])} ${m[2]}${opt(m[4])}`,
  ],
  // "Does it get lonely?" -> "How lonely does it get?"; "Did it get easier?" -> "How much easier…"
  [
    rx(`(do|does|did) (it|things|${DOER}) (?:ever )?get (${GRADABLE}|easier|harder|better|worse)`),
    (m) => {
      const adjective = lower(m[3]);
      const how =
        /er$/.test(adjective) && adjective !== 'longer'
          ? `How much ${adjective}`
          : `How ${adjective}`;
      return `${how} ${lower(m[1])} ${m[2]} get`;
    },
  ],
  // "Has the industry changed much?" -> "How much has the industry changed?"
  [
    rx(
      `(has|have) (${SUBJ}) (?:ever )?(changed|evolved|grown|shifted|developed|improved)(?: (much|a lot))?(?: (since(?: ${W}){1,6}|over (?:the|time)(?: ${W}){0,5}|in (?:the )?(?:last|past)(?: ${W}){1,4}|recently|lately))?`,
    ),
    (m) => `How${m[4] ? ' much' : ''} ${lower(m[1])} ${m[2]} ${lower(m[3])}${opt(m[5])}`,
  ],
];

/** "Will the market keep growing?" -> "How likely is the market to keep growing?" */
function likelihood(rest: string): string | null {
  const words = rest.split(' ');
  const aux = lower(words[0]);
  if (aux !== 'will' && aux !== 'might') return null;
  for (let n = 1; n <= 3 && n + 1 < words.length; n += 1) {
    const subject = words.slice(1, n + 1);
    const verb = words[n + 1] ?? '';
    if (!LIKELY_VERBS.has(verb.toLowerCase())) continue;
    const first = lower(subject[0]);
    // "the market", "AI", "remote work": a determiner only leads a longer subject, and no word
    // of it may be an adverb ("Will it really grow?" is left to the hint).
    if (IS_NOT_SUBJECT.test(first) && !(n > 1 && /^(?:the|a|an)$/.test(first))) continue;
    if (n === 1 && IS_DETERMINER.test(first)) continue;
    if (subject.slice(1).some((word) => IS_NOT_SUBJECT.test(word))) continue;
    const who = subject.join(' ');
    return `How likely ${copula(who, undefined)} ${who} to ${words.slice(n + 1).join(' ')}`;
  }
  return null;
}

/** Closing marks and quotes, inner punctuation: shapes the rules leave to the hint. */
const UNSAFE = /[,;:?!()"“”«»[\]{}…/]|\.\s|\s-\s/;
/** Longer questions carry clauses the rules cannot see into. */
const MAX_WORDS = 16;

const hint = (): OpenSuggestion => ({ kind: 'hint', text: OPEN_HINT, examples: OPEN_OPENINGS });

/**
 * What to offer for a question: null when it is already open; a grammatical What/How rewrite when
 * a rule knows its shape ("Do you enjoy your work?" -> "What do you enjoy most about your
 * work?"); otherwise the hint. The rules are narrow on purpose: a wrong rewrite inserted with one
 * click is worse than a hint, so anything unusual (a clause, a comma, a request for permission
 * such as "May I mention your name?") gets the hint.
 */
export function suggestOpenRewrite(text: string): OpenSuggestion | null {
  if (!isClosedQuestion(text)) return null;
  const plain = body(withoutFiller(text));
  // Shouted questions are matched and rewritten in lower case ("I" keeps its capital).
  const rest = withBaseVerb(
    /\p{Ll}/u.test(plain) ? plain : plain.toLowerCase().replace(/\bi\b/g, 'I'),
  );
  if (UNSAFE.test(rest) || rest.split(' ').length > MAX_WORDS) return hint();
  const attempts: (() => string | null)[] = rules().map(([pattern, build]) => () => {
    const match = pattern.exec(rest);
    return match ? build(match) : null;
  });
  attempts.push(() => likelihood(rest));
  for (const attempt of attempts) {
    const rewrite = attempt();
    if (!rewrite) continue;
    let sentence = `${upperFirst(body(rewrite.replace(/\s+/g, ' ')))}?`;
    // Matching works on straight apostrophes; give back the typographic ones the user typed.
    if (/[\u2019]/.test(text) && !text.includes("'")) sentence = sentence.replace(/'/g, '\u2019');
    // Belt and braces: a rewrite that still reads as yes/no is no rewrite.
    if (!isClosedQuestion(sentence)) return { kind: 'rewrite', text: sentence };
  }
  return hint();
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Drops the closing punctuation and quotes so a new ending can be put on. */
const body = (s: string) => s.replace(/[\s?.!"'“”«»]+$/, '').trim();

/** "Don't you miss coding" -> "do you miss coding": the rewrite asks openly, not negatively. */
function withBaseVerb(rest: string): string {
  const match = /^[a-z]+(?:'[a-z]+)?/i.exec(rest);
  if (!match) return rest;
  return firstWord(rest) + rest.slice(match[0].length);
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
