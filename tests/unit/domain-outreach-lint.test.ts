import { describe, expect, it } from 'vitest';
import {
  CONNECTION_PLACEHOLDER,
  countWords,
  findJobWords,
  lintOutreach,
  messageCore,
  pronounCounts,
  type OutreachDraft,
} from '../../shared/domain/outreach-lint.js';
import {
  DEFAULT_REQUEST_MINUTES,
  minutesPhrase,
  requestMinutes,
  requestQuestion,
} from '../../shared/domain/outreach-request.js';
import { importSourceDetails, isImportedDetail } from '../../shared/domain/sources.js';

const contact: OutreachDraft['contact'] = {
  firstName: 'Maya',
  source: { kind: 'alumni', detail: 'Tufts Alumni Association' },
};

const good = [
  'Hi Maya,',
  '',
  'I found you through the Tufts Alumni Association and saw your work on clean-energy policy.',
  'Your move from consulting into policy is the path you described so well in your talk.',
  'Would you be open to a 20-minute call about your experience?',
  '',
  'Best,',
  'Alex Kim',
].join('\n');

const check = (draft: Partial<OutreachDraft>, id: string) => {
  const result = lintOutreach({ subject: '', body: '', contact, ...draft }).find(
    (c) => c.id === id,
  );
  if (!result) throw new Error(`no check ${id}`);
  return result;
};

describe('lintOutreach', () => {
  it('passes a short e-mail that follows every rule, in the composer order', () => {
    const checks = lintOutreach({ subject: 'Fellow Jumbo', body: good, contact });
    expect(checks.map((c) => c.id)).toEqual([
      'length',
      'no-job-words',
      'connection-first',
      'ends-with-question',
      'about-them',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.every((c) => c.status === 'pass')).toBe(true);
  });

  it('fails every content rule for an empty message, without throwing', () => {
    const checks = lintOutreach({ subject: '', body: '', contact });
    expect(checks.filter((c) => c.ok).map((c) => c.id)).toEqual(['no-job-words']);
  });

  it.each([
    [40, 'pass', true],
    [75, 'pass', true],
    [76, 'warn', true],
    [99, 'warn', true],
    [100, 'fail', false],
    [180, 'fail', false],
  ])('counts %i words as %s', (n, status, ok) => {
    const body = Array.from({ length: n }, () => 'word').join(' ');
    const result = check({ body }, 'length');
    expect(result).toMatchObject({ status, ok });
    expect(result.detail).toContain(`${n} words`);
  });

  it('does not count the greeting or the sign-off as words of the message', () => {
    expect(countWords(messageCore(good))).toBe(countWords(good) - 2 - 3);
  });

  it.each([
    ["don't", 1],
    ['follow-up', 1],
    ['20-minute call', 2],
    ['  ', 0],
    ['Zoë and 李', 3],
  ])('counts %j as %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it.each([
    ['Are you hiring?', ['hiring']],
    ['Any JOB openings at Acme?', ['job', 'opening']],
    ['I applied last week', ['apply']],
    ['My application and résumé', ['application', 'resume']],
    ['I attached my CV', ['CV']],
    ['Is there an open position on your team?', ['position']],
    ['I saw positions listed', ['position']],
    ['Are there any roles for juniors?', ['role']],
    ['I want a role like yours', ['role']],
    ['Vacancies in Berlin', ['vacancy']],
  ])('flags job words in %j', (body, words) => {
    expect(findJobWords(body)).toEqual(words);
    expect(check({ body }, 'no-job-words').ok).toBe(false);
  });

  it.each([
    'How did you get into your role at Acme?',
    'What is your position on remote work?',
    'I enjoyed your jobsite safety talk',
    'Your approach to the problem',
    'I would love to hear about your career path',
    'the controle panel',
  ])('does not flag %j (about them, or only a part of a word)', (body) => {
    expect(findJobWords(body)).toEqual([]);
  });

  it('checks the subject for job words too', () => {
    expect(check({ subject: 'Job question', body: good }, 'no-job-words')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('“job”'),
    });
  });

  it.each([
    ['the source detail, any case', 'I found you in the tufts alumni association directory.', true],
    ['a cue word: alum', 'As a fellow Tufts grad I found your profile.', true],
    ['a cue word: worked with', 'We worked with the same team at Acme.', true],
    ['a cue word: member', 'I am also a member of AIGA.', true],
    ['nothing shared', 'I am looking to learn about energy policy.', false],
    ['the connection only later', 'I love energy. I am a fellow alum.', false],
  ])('finds the connection first with %s', (_, first, ok) => {
    expect(check({ body: `Hi Maya,\n\n${first} More text?` }, 'connection-first').ok).toBe(ok);
  });

  it("accepts the referrer's name as the connection", () => {
    const body = 'Hello Maya,\nJordan Lee suggested I reach out to you. Could we talk?';
    const referred = {
      firstName: 'Maya',
      source: { kind: 'referral', detail: '' },
    };
    expect(
      lintOutreach({ subject: '', body, contact: referred, referrerName: 'Jordan Lee' }).find(
        (c) => c.id === 'connection-first',
      ),
    ).toMatchObject({ ok: true, detail: 'The first sentence mentions “Jordan Lee”.' });
  });

  const imported = (detail: string): OutreachDraft['contact'] => ({
    firstName: 'Maya',
    source: { kind: 'other', detail },
  });

  it.each(Object.values(importSourceDetails))(
    'does not count the import detail %j as a shared connection',
    (detail) => {
      const body = `Hi Maya,\n\nI found you through ${detail}. Could we talk?`;
      expect(check({ body, contact: imported(detail) }, 'connection-first')).toMatchObject({
        ok: false,
        detail:
          'An import is not a shared connection: open with what you really share, e.g. who referred you, a group you both belong to or where you met.',
      });
    },
  );

  it('passes an imported contact once the user names a real connection', () => {
    const body = 'Hi Maya,\n\nWe met at the Boston Climate Week panel. Could we talk?';
    expect(
      check({ body, contact: imported(importSourceDetails.linkedin) }, 'connection-first'),
    ).toMatchObject({ ok: true, detail: 'The first sentence mentions “We met”.' });
  });

  it.each([
    ['alone on the first line', `${CONNECTION_PLACEHOLDER}\n\nAs a fellow alum, hello.`],
    ['before a cue word', `${CONNECTION_PLACEHOLDER} We are fellow alumni.`],
    [
      'after a real connection',
      `I found you through the Tufts Alumni Association. ${CONNECTION_PLACEHOLDER}`,
    ],
    ['in another case', 'We are both [How You Know Each Other] members.'],
  ])('fails while the placeholder is left in (%s)', (_, first) => {
    expect(
      check({ body: `Hi Maya,\n\n${first} Could we talk?` }, 'connection-first'),
    ).toMatchObject({
      ok: false,
      detail: expect.stringMatching(
        /^Replace “\[how you know each other\]” with what you really share/i,
      ),
    });
  });

  it('fails on any slot left in the first sentence, naming it', () => {
    const body = 'Hi Maya,\n\n[Name] suggested I write to you, as a fellow alum. Could we talk?';
    expect(check({ body }, 'connection-first').detail).toMatch(/^Replace “\[Name\]”/);
  });

  it.each([
    [undefined, '“Would you be open to a 30-minute conversation in the next few weeks?”'],
    [45, '“Would you be open to a 45-minute conversation in the next few weeks?”'],
  ])(
    'words the example request with the meeting length (%s minutes)',
    (meetingMinutes, example) => {
      const result = check(
        { body: 'Fellow alum. I hope to hear from you.', meetingMinutes },
        'ends-with-question',
      );
      expect(result.detail).toBe(`End with your request as a question, e.g. ${example}`);
    },
  );

  it.each([
    ['a question at the end', 'Fellow alum here. Would you be open to a call?', true],
    ['a question before a sign-off', 'Fellow alum. Could we talk?\n\nThanks so much,\nAlex', true],
    ['a question before "Best," and a signature', good, true],
    ['a statement at the end', 'Would you talk? I hope to hear from you.', false],
    ['an exclamation', 'Let me know!', false],
    ['only a greeting', 'Hi Maya,', false],
  ])('checks the request with %s', (_, body, ok) => {
    expect(check({ body }, 'ends-with-question').ok).toBe(ok);
  });

  it.each([
    ['more you than I', 'You and your team. I?', true],
    ['equal', 'You. I.', false],
    ['all about me', "I'm sure my background fits. I've done it myself.", false],
    ["you're and you'll count as you", "You're great and you'll see. I.", true],
  ])('compares you and I words: %s', (_, body, ok) => {
    expect(check({ body }, 'about-them').ok).toBe(ok);
  });

  it('counts pronouns as whole words, case-insensitive', () => {
    expect(pronounCounts('You, YOUR, yours; youth, mine, I, my, myth, Iowa')).toEqual({
      you: 3,
      me: 3,
    });
  });
});

describe('isImportedDetail', () => {
  it.each([
    ['LinkedIn connection', true],
    ['linkedin connections', true],
    ['  LinkedIn  ', true],
    ['Imported from a CSV file', true],
    ['Imported from a vCard file', true],
    ['imported from Outlook', true],
    ['Imported', true],
    ['Tufts Alumni Association', false],
    ['Met on LinkedIn at the AIGA meetup', false],
    ['Importers Guild of Boston', false],
    ['', false],
  ])('says %j is an import detail: %s', (detail, expected) => {
    expect(isImportedDetail(detail)).toBe(expected);
  });
});

describe('the outreach request', () => {
  it('asks for the meeting length from Settings, or the default 30 before they load', () => {
    expect(DEFAULT_REQUEST_MINUTES).toBe(30);
    expect(requestMinutes({ meetingMinutes: 45 })).toBe(45);
    expect(requestMinutes(null)).toBe(30);
    expect(requestMinutes(undefined)).toBe(30);
    expect(requestMinutes({ meetingMinutes: Number.NaN })).toBe(30);
    expect(requestMinutes({ meetingMinutes: 0 })).toBe(30);
  });

  it.each([
    [10, 'a 10-minute'],
    [11, 'an 11-minute'],
    [18, 'an 18-minute'],
    [20, 'a 20-minute'],
    [80, 'an 80-minute'],
    [89, 'an 89-minute'],
    [90, 'a 90-minute'],
    [180, 'a 180-minute'],
  ])('says %i minutes as %j', (minutes, phrase) => {
    expect(minutesPhrase(minutes)).toBe(phrase);
  });

  it('is a question the checks accept as the request', () => {
    const question = requestQuestion(30);
    expect(question).toBe('Would you be open to a 30-minute conversation in the next few weeks?');
    expect(check({ body: `Fellow alum. ${question}` }, 'ends-with-question').ok).toBe(true);
    expect(findJobWords(question)).toEqual([]);
  });
});
