import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  DEFAULT_MINUTES_PER_QUESTION,
  estimateMinutes,
  OPENING_AND_CLOSING_MINUTES,
  groupByCategory,
  hasReferralQuestion,
  isClosedQuestion,
  OPEN_HINT,
  questionMatchKey,
  REFERRAL_QUESTION,
  suggestOpenRewrite,
  timeBudget,
} from '../../shared/domain/questions.js';
import { QuestionCategory } from '../../shared/schema/entities.js';

describe('isClosedQuestion', () => {
  const closed: [string, string][] = [
    ['Do you enjoy your work?', 'do'],
    ['Is it hard to advance?', 'is'],
    ['ARE there any downsides?', 'upper case'],
    ['am I too old to switch careers?', 'lower case am'],
    ['Does your team use Agile?', 'does'],
    ['Did you study law?', 'did'],
    ['Can I shadow you someday?', 'can'],
    ['Could I see a sample project?', 'could'],
    ['Will the market keep growing?', 'will'],
    ['Would you do it again?', 'would'],
    ['Should I get an MBA?', 'should'],
    ['Shall we keep in touch?', 'shall'],
    ['Have you ever worked abroad?', 'have'],
    ['Has your role changed?', 'has'],
    ['Had you planned this career?', 'had'],
    ['May I mention your name?', 'may'],
    ['Might the team expand?', 'might'],
    ['Must I relocate?', 'must'],
    ['Was the transition tough?', 'was'],
    ['Were you nervous at first?', 'were'],
    ["Isn't it stressful?", "contraction isn't"],
    ["Don't you miss coding?", "contraction don't"],
    ["Can't you work remotely?", "contraction can't"],
    ["Wouldn't a degree help?", "contraction wouldn't"],
    ["Won't AI replace this?", "irregular won't"],
    ['Doesn’t it get lonely?', 'curly apostrophe'],
    ['So, do you like the team?', 'filler "So,"'],
    ['And is it common to switch?', 'filler "And"'],
    ['Okay, well, is it common to switch?', 'two fillers'],
    ['Also do you travel much?', 'filler "Also"'],
    ['  "Do you travel?"  ', 'quotes and spaces'],
    ['1. Do you travel?', 'numbered'],
    ['Do you know anyone else I should talk to?', 'referral asked as yes/no'],
  ];
  it.each(closed)('flags %j as yes/no (%s)', (text) => {
    expect(isClosedQuestion(text)).toBe(true);
  });

  const open: [string, string][] = [
    ["Isabel's team is big, how did it grow?", 'word that begins with "Is"'],
    ['Domain experts: how did you become one?', 'word that begins with "Do"'],
    ['Canada or the US: where is the market?', 'word that begins with "Can"'],
    ['Willingness to travel: how much is needed?', 'word that begins with "Will"'],
    ['Mayors and councils: who funds your work?', 'word that begins with "May"'],
    ['What would you do?', 'open word, modal later'],
    ['How do you spend a typical day?', 'how'],
    ['Why did you choose this field?', 'why'],
    ['Who else would you suggest I talk to?', 'who'],
    ['Which skills matter most?', 'which'],
    ['Could you tell me about a typical day?', 'polite request'],
    ['Can you walk me through your career path?', 'polite request: walk me through'],
    ['Would you describe your team culture?', 'polite request: describe'],
    ['So, what surprised you most?', 'filler then open'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['?', 'punctuation only'],
    ['Tell me about your first job.', 'statement'],
  ];
  it.each(open)('does not flag %j (%s)', (text) => {
    expect(isClosedQuestion(text)).toBe(false);
  });
});

/**
 * Closed questions people really ask in informational interviews, each with the exact suggestion
 * an editor signed off: a grammatical open rewrite, or the hint where no rule can write one.
 */
const HINT = { kind: 'hint', text: OPEN_HINT, examples: ['What…', 'How…'] } as const;
const suggestions: [question: string, expected: string | typeof HINT][] = [
  // Likes and feelings
  ['Do you like your job?', 'What do you like most about your job?'],
  ['Do you enjoy your work?', 'What do you enjoy most about your work?'],
  ['Did you enjoy law school?', 'What did you enjoy most about law school?'],
  ['Do you like working remotely?', 'What do you like most about working remotely?'],
  ["Don't you miss coding?", 'What do you miss about coding?'],
  ['Have you ever regretted leaving law?', 'How do you feel now about leaving law?'],
  ['Are you happy here?', 'How happy are you here?'],
  ['Were you nervous at first?', 'How nervous were you at first?'],
  // Worth, difficulty, stress
  ['Was it worth it?', 'What made it worth it, or not?'],
  ['Is it worth getting an MBA?', 'What makes getting an MBA worth it, or not?'],
  ['Are bootcamps worth the money?', 'What makes bootcamps worth the money, or not?'],
  ["Isn't it stressful?", 'How stressful is it?'],
  ['Is your job stressful?', 'How stressful is your job?'],
  ['Is it hard to advance?', 'What makes it hard or easy to advance?'],
  ['Is it easy to switch teams?', 'What makes it easy or hard to switch teams?'],
  ['Was it hard for you to adjust?', 'What made it hard or easy for you to adjust?'],
  ['Was the transition tough?', 'How tough was the transition?'],
  ['Doesn’t it get lonely?', 'How lonely does it get?'],
  ['Did it get easier?', 'How much easier did it get?'],
  ['Is the pay good?', 'What is the pay like?'],
  ['Is the work-life balance good?', 'What is the work-life balance like?'],
  ['Are the hours long?', 'How long are the hours?'],
  ['Is it fun?', 'How much fun is it?'],
  ['Is the company growing fast?', 'How fast is the company growing?'],
  // A typical day and the work itself
  ['Is there a typical day?', 'What does a typical day look like?'],
  ['So, do you travel a lot?', 'How much do you travel?'],
  ['Do you usually work late?', 'How often do you work late?'],
  ['Do you work weekends?', 'How often do you work weekends?'],
  ['Do you use Excel a lot?', 'How much do you use Excel?'],
  ['Does your team use Agile?', 'How does your team use Agile?'],
  ['Do you handle stress well?', 'How do you handle stress?'],
  ['Is there much travel?', 'How much travel is there?'],
  ['Is remote work common?', 'How common is remote work?'],
  ['Is it possible to work part-time?', 'How realistic is it to work part-time?'],
  // Education and advancement
  ["Did you need a master's degree?", "How important was a master's degree for you?"],
  ['Do you need certifications?', 'How important are certifications?'],
  ['Do you need a lot of experience?', 'How much experience do you need?'],
  ['Do I need to know SQL?', 'How important is it for me to know SQL?'],
  ['Must I relocate?', 'How important is it for me to relocate?'],
  ["Is a master's degree necessary?", "How necessary is a master's degree?"],
  ['Is there room to grow?', 'How much room is there to grow?'],
  ['Does your company hire juniors?', 'How does your company hire juniors?'],
  ['Are there many women in engineering?', 'How many women are there in engineering?'],
  // Rewards and challenges, insights
  ['Are there any downsides to remote work?', 'What downsides are there to remote work?'],
  ['Were there any surprises?', 'What surprises were there?'],
  ['Do you have any regrets?', 'What regrets do you have?'],
  ['Would you change anything about your path?', 'What would you change about your path?'],
  ['Would you do anything differently?', 'What would you do differently?'],
  // Trends
  ['So, is the industry growing?', 'How is the industry growing?'],
  ['Has the industry changed much?', 'How much has the industry changed?'],
  ['Have things changed since the pandemic?', 'How have things changed since the pandemic?'],
  ['Will the market keep growing?', 'How likely is the market to keep growing?'],
  ["Won't AI replace this?", 'How likely is AI to replace this?'],
  ['Will salaries rise?', 'How likely are salaries to rise?'],
  ['Will you stay in this field?', 'How likely are you to stay in this field?'],
  ['Might remote work last?', 'How likely is remote work to last?'],
  [
    'Do you think AI will replace analysts?',
    'How likely do you think it is that AI will replace analysts?',
  ],
  // Advice
  ['Should I learn Python?', 'How useful would it be for me to learn Python?'],
  ['Do you think I should get an MBA?', 'What do you think about whether I should get an MBA?'],
  ['Do you have any advice for me?', 'What advice do you have for me?'],
  ['Is Python a good first language?', 'What makes Python a good first language, or not?'],
  ['Am I a good fit?', 'What makes me a good fit, or not?'],
  ['Am I too old to switch careers?', 'How old is too old to switch careers?'],
  ['Would you recommend this field?', 'What would you tell someone considering this field?'],
  ['Is there anything else I should know?', 'What else should I know?'],
  ['Okay, well, is it common to switch?', 'How common is it to switch?'],
  // Resources and keeping in touch
  ['Do you know anyone else I should talk to?', REFERRAL_QUESTION],
  ['Could you introduce me to someone?', REFERRAL_QUESTION],
  ['Would you mind if I followed up?', 'How would you like me to follow up?'],
  [
    'Can I follow up with you in a few weeks?',
    'How would you like me to follow up with you in a few weeks?',
  ],
  ['Shall we keep in touch?', 'How would you like us to keep in touch?'],
  // Odd typing: shouting, numbering, quotes, curly apostrophes
  ['DO YOU LIKE YOUR JOB?', 'What do you like most about your job?'],
  ['1. Do you travel for work often?', 'How often do you travel for work?'],
  ['  "Is the pay good?"  ', 'What is the pay like?'],
  ['Is Zoë’s team big?', 'How big is Zoë’s team?'],
  // No rule writes these grammatically: the hint, never a broken sentence
  ['Are you hiring?', HINT],
  ['Can I shadow you?', HINT],
  ['May I mention your name?', HINT],
  ['Could I see a sample project?', HINT],
  ['Did you study law?', HINT],
  ['Did you always want to be a nurse?', HINT],
  ['Did you have a mentor?', HINT],
  ['Did you find it hard?', HINT],
  ['Have you ever worked abroad?', HINT],
  ['Had you planned this career?', HINT],
  ['Would you do it again?', HINT],
  ['Would you recommend this career to a friend?', HINT],
  ['Should I apply now or wait?', HINT],
  ['Should I be worried about AI?', HINT],
  ["Wouldn't a degree help?", HINT],
  ['Is SQL enough?', HINT],
  ['Will it really grow?', HINT],
  ['Is there a dress code?', HINT],
  ['Is the office downtown?', HINT],
  ['Is your boss Maria?', HINT],
  ['Is it?', HINT],
  ['Am I too junior?', HINT],
  ['Are you happy you switched?', HINT],
  ['Are you planning to stay?', HINT],
  ['Can you work from home?', HINT],
  ['Does it pay well?', HINT],
  ['Do you get bored?', HINT],
  ['Do you like to travel?', HINT],
  ['Do you plan to stay?', HINT],
  ['Do you know anyone at Google?', HINT],
  ['Do you like your job, honestly?', HINT],
  ['Do you enjoy your work? Why?', HINT],
];

describe('suggestOpenRewrite', () => {
  it('is tested on at least 60 real interview questions, rewrites and hints both', () => {
    expect(suggestions.length).toBeGreaterThanOrEqual(60);
    const hints = suggestions.filter(([, expected]) => typeof expected !== 'string').length;
    expect(hints).toBeGreaterThanOrEqual(20);
    expect(suggestions.length - hints).toBeGreaterThanOrEqual(60);
  });

  it.each(suggestions)('suggests for %j: %j', (question, expected) => {
    expect(suggestOpenRewrite(question)).toEqual(
      typeof expected === 'string' ? { kind: 'rewrite', text: expected } : expected,
    );
  });

  const rewrites = suggestions.filter((row): row is [string, string] => typeof row[1] === 'string');
  it.each(rewrites)('rewrites %j as one open question, cleanly punctuated', (question) => {
    const result = suggestOpenRewrite(question);
    if (result?.kind !== 'rewrite') throw new Error(`no rewrite for ${question}`);
    expect(isClosedQuestion(result.text)).toBe(false);
    expect(result.text).toMatch(/^(?:What|How|Who)\b[^?]*\?$/);
    expect(result.text).not.toMatch(/\s{2}|\s[?,]|,,/);
  });

  it('gives the hint with two openings to start from', () => {
    expect(OPEN_HINT).toBe(
      'Start it with “What…” or “How…” so the answer can be more than a yes or a no.',
    );
    expect(suggestOpenRewrite('Are you hiring?')).toEqual({
      kind: 'hint',
      text: OPEN_HINT,
      examples: ['What…', 'How…'],
    });
  });

  it.each(['What would you do?', 'Could you tell me about a typical day?', '', '   ', '?'])(
    'offers nothing for %j, which is not a yes/no question',
    (text) => {
      expect(suggestOpenRewrite(text)).toBeNull();
    },
  );
});

describe('hasReferralQuestion', () => {
  const asks = [
    'Who else should I talk to?',
    'Is there anyone else I could reach out to?',
    'Are there other people in the field I should meet?',
    'Whom would you recommend I speak with?',
    'Would you recommend that I talk to your manager?',
    'Could you introduce me to someone on the design team?',
    'Could you put me in touch with a recruiter?',
    'WHO ELSE do you know in policy?',
    REFERRAL_QUESTION,
  ];
  it.each(asks)('finds a referral question in %j', (text) => {
    expect(hasReferralQuestion([{ text: 'What is a typical day?' }, { text }])).toBe(true);
  });

  const others = [
    'What does a typical day look like?',
    'How do other teams work with yours?',
    'Who hired you?',
    'What else surprised you?',
    '',
  ];
  it.each(others)('does not count %j as a referral question', (text) => {
    expect(hasReferralQuestion([{ text }])).toBe(false);
  });

  it('is false for a meeting with no questions', () => {
    expect(hasReferralQuestion([])).toBe(false);
  });
});

describe('estimateMinutes and timeBudget', () => {
  it('adds up the minutes and counts an unestimated question as the default', () => {
    expect(DEFAULT_MINUTES_PER_QUESTION).toBe(3);
    expect(estimateMinutes([{ minutes: 4 }, { minutes: 0 }, { minutes: 2 }])).toBe(9);
    expect(estimateMinutes([])).toBe(0);
  });

  it('says how much of the time for questions they fill, keeping 5 minutes for hello and goodbye', () => {
    expect(OPENING_AND_CLOSING_MINUTES).toBe(5);
    const questions = Array.from({ length: 7 }, () => ({ minutes: 3 }));
    expect(timeBudget(questions, 30)).toEqual({
      estimate: 21,
      meetingMinutes: 30,
      questionMinutes: 25,
      over: 0,
      message: 'About 21 of 25 minutes for questions (5 kept for introductions and closing)',
    });
  });

  it('fits exactly at the time left for questions', () => {
    expect(timeBudget([{ minutes: 25 }], 30).over).toBe(0);
  });

  it('warns at 30 of 30 minutes of questions: nothing is left to introduce and close', () => {
    const budget = timeBudget([{ minutes: 30 }], 30);
    expect(budget.over).toBe(5);
    expect(budget.message).toMatch(/^About 30 minutes of questions: 5 over the 25/);
  });

  it('warns by how much the questions run over, and what to do', () => {
    const questions = Array.from({ length: 12 }, () => ({ minutes: 3 }));
    const budget = timeBudget(questions, 30);
    expect(budget.over).toBe(11);
    expect(budget.message).toBe(
      'About 36 minutes of questions: 11 over the 25 a 30-minute meeting leaves after introductions and closing — drop or shorten a few',
    );
  });
});

describe('categories', () => {
  it('lists every category once: seed topics, then TIARA, then Other', () => {
    expect([...CATEGORY_ORDER].sort()).toEqual([...QuestionCategory.options].sort());
    expect(CATEGORY_ORDER.map((c) => CATEGORY_LABELS[c])).toEqual([
      'A typical day',
      'Advancement',
      'Education',
      'Rewards and challenges',
      'Trends',
      'Insights',
      'Advice',
      'Resources',
      'Assignments',
      'Other',
    ]);
  });

  it('groups by category in that order and keeps the order within a category', () => {
    const q = (id: string, category: QuestionCategory) => ({ id, category });
    const grouped = groupByCategory([
      q('a', 'other'),
      q('b', 'trends'),
      q('c', 'typical-day'),
      q('d', 'trends'),
      q('e', 'typical-day'),
    ]);
    expect(grouped.map((x) => x.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});

describe('questionMatchKey', () => {
  it('matches the same question whatever its case, spacing or closing mark', () => {
    expect(questionMatchKey('  What does a  typical day look like?  ')).toBe(
      questionMatchKey('what does a typical day look like'),
    );
    expect(questionMatchKey('Who hired you?')).not.toBe(questionMatchKey('Who else?'));
  });
});
