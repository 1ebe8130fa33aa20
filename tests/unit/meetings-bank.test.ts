import { describe, expect, it } from 'vitest';
import {
  estimatedMinutes,
  questionKey,
  starterBank,
  whoElseQuestionId,
} from '../../shared/domain/question-bank.js';
import { isClosedQuestion } from '../../shared/domain/questions.js';
import { BankQuestion, QuestionCategory } from '../../shared/schema/entities.js';

/** The detector's rule from DOMAIN.md, restated so the bank cannot drift into closed questions. */
const closedStart =
  /^(?:(?:so|and|but|ok|okay|well)[,\s]+)*(?:is|are|am|do|does|did|can|could|will|would|should|shall|have|has|had|may|might|must)\b/i;

describe('the starter question bank', () => {
  it('holds about thirty valid, built-in questions with unique stable ids', () => {
    expect(starterBank.length).toBeGreaterThanOrEqual(25);
    expect(starterBank.length).toBeLessThanOrEqual(40);
    for (const question of starterBank) {
      expect(BankQuestion.parse(question)).toMatchObject({
        builtIn: true,
        timesUsed: 0,
      });
      expect(question.id).toMatch(new RegExp(`^builtin-${question.category}-\\d+$`));
    }
    expect(new Set(starterBank.map((q) => q.id)).size).toBe(starterBank.length);
    expect(new Set(starterBank.map((q) => questionKey(q.text))).size).toBe(starterBank.length);
    expect(starterBank.find((q) => q.id === 'builtin-typical-day-1')?.text).toMatch(/typical day/);
  });

  it('covers the seed’s four topics and every TIARA category', () => {
    const covered = new Set(starterBank.map((q) => q.category));
    for (const category of QuestionCategory.options.filter((c) => c !== 'other'))
      expect(covered, category).toContain(category);
  });

  it('asks only open questions, each estimated at two to four minutes', () => {
    for (const question of starterBank) {
      expect(question.text, question.text).not.toMatch(closedStart);
      expect(question.text.endsWith('?'), question.text).toBe(true);
      expect(question.minutes).toBeGreaterThanOrEqual(2);
      expect(question.minutes).toBeLessThanOrEqual(4);
      expect(estimatedMinutes(question)).toBe(question.minutes);
    }
    expect(estimatedMinutes({ id: 'a-question-of-the-user' })).toBe(3);
  });

  it.each(starterBank.map((q) => [q.id, q.text]))(
    'passes the yes/no detector the workspace uses: %s %j',
    (_id, text) => {
      expect(isClosedQuestion(text)).toBe(false);
    },
  );

  /** Job-hunting framing: the meeting is for information and names, not for a job. */
  const jobHunting =
    /\b(?:openings?|vacanc(?:y|ies)|candidates?|apply|applying|application|hiring|hired|job offers?|résumé|resume|break into|get a job|land a job)\b/i;
  it.each(starterBank.map((q) => [q.id, q.text]))(
    '%s is not about getting a job: %j',
    (_id, text) => {
      expect(text).not.toMatch(jobHunting);
    },
  );

  it('keeps the ids of existing questions and adds new ones at the end of their category', () => {
    const text = (id: string) => starterBank.find((q) => q.id === id)?.text;
    expect(text('builtin-insights-4')).toBe('How did you get into this work?');
    expect(text('builtin-advice-4')).toBe(
      'Looking at my background, what would you suggest I strengthen or explore?',
    );
    // Reworded in place: same ids, no talk of openings, candidates or applying.
    expect(text('builtin-advice-1')).toBe(
      'What advice would you give someone exploring this field?',
    );
    expect(text('builtin-resources-4')).toBe(
      'Where do people in your field meet, and where do they share news?',
    );
    expect(text('builtin-assignments-2')).toBe(
      'Which skill would you suggest I practise first to try this work out?',
    );
    expect(text('builtin-assignments-3')).toBe(
      'How could I get a first taste of this work, hands-on?',
    );
    expect(text('builtin-resources-1')).toBe('Who else would you suggest I talk to?');
    expect(text('builtin-other-2')).toBe(
      'How would you like me to keep you posted on how things go?',
    );
  });

  it('has a Resources question that asks who else to talk to', () => {
    const whoElse = starterBank.find((q) => q.id === whoElseQuestionId);
    expect(whoElse).toMatchObject({
      category: 'resources',
      text: 'Who else would you suggest I talk to?',
    });
  });

  it.each([
    ['What is it like?', '  what is   IT like? '],
    ['Why\tthis field?', 'why this field?'],
    ['How did you start?', 'how did you start'],
  ])('compares %j and %j as the same question', (a, b) => {
    expect(questionKey(a)).toBe(questionKey(b));
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(starterBank)).toBe(true);
    expect(Object.isFrozen(starterBank[0])).toBe(true);
  });
});
