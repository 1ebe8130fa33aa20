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

describe('suggestOpenRewrite', () => {
  const rewrites: [string, string][] = [
    ['Do you enjoy your work?', 'What do you enjoy most about your work?'],
    ['Is it hard to advance?', 'What makes it hard or easy to advance?'],
    ['Is it easy to switch teams?', 'What makes it easy or hard to switch teams?'],
    ['So, do you like the team?', 'What do you like most about the team?'],
    ['Are there any downsides?', 'What downsides are there?'],
    ['Is there a typical career path?', 'What does a typical career path look like?'],
    ['Do you have any regrets?', 'What regrets do you have?'],
    ['Do you usually work late?', 'How often do you work late?'],
    ['Have you ever worked abroad?', 'What was it like when you worked abroad?'],
    ['Did you study law?', 'What led you to study law?'],
    ['Should I get an MBA?', 'How should I think about whether to get an MBA?'],
    ['Would you recommend this field?', 'What would you tell someone considering this field?'],
    ['Would you change anything?', 'What would you change?'],
    ['Does your team use Agile?', 'How does your team use Agile?'],
    ['Is the work stressful?', 'How stressful is the work?'],
    ['Is Python a good first language?', 'What makes Python a good first language, or not?'],
    ["Won't AI replace this?", 'How will AI replace this?'],
    ['Must I relocate?', 'How important is it that I relocate?'],
    ['Do you know anyone else I should talk to?', REFERRAL_QUESTION],
  ];
  it.each(rewrites)('rewrites %j as %j', (text, expected) => {
    expect(suggestOpenRewrite(text)).toBe(expected);
  });

  it('falls back to "How would you describe …?" for shapes it has no rule for', () => {
    expect(suggestOpenRewrite('Is it?')).toBe('How would you describe it?');
  });

  const allClosed = [
    'Do you enjoy your work?',
    "Isn't it stressful?",
    'Okay, well, is it common to switch?',
    'May I mention your name?',
    'Had you planned this career?',
    'Were you nervous at first?',
    'Shall we keep in touch?',
    'Am I too old to switch careers?',
    'Are you planning to stay?',
    'Is it?',
  ];
  it.each(allClosed)('gives an open question for %j', (text) => {
    const rewrite = suggestOpenRewrite(text);
    expect(isClosedQuestion(rewrite)).toBe(false);
    expect(rewrite).toMatch(/^[A-Z].*\?$/);
  });

  it('leaves an open question as it is', () => {
    expect(suggestOpenRewrite('What would you do?')).toBe('What would you do?');
  });
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
