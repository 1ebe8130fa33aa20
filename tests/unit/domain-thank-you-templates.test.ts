import { describe, expect, it } from 'vitest';
import {
  fillMergeFields,
  isMergeField,
  openTokens,
  writeInFields,
} from '../../shared/domain/merge-fields.js';
import { checkThankYou } from '../../shared/domain/thank-you-checks.js';
import {
  builtInTemplates,
  isBuiltInTemplateId,
  mergeValuesFor,
} from '../../shared/domain/thank-you-templates.js';
import { Template } from '../../shared/schema/entities.js';
import type { Meeting, NotePurpose } from '../../shared/schema/entities.js';
import type { MergeContext } from '../../shared/schema/thanks.js';
import { makeContact } from './helpers/storage-fixtures.js';

const meeting = (patch: Partial<Meeting> = {}) =>
  ({
    id: 'm1',
    contactId: 'maya',
    start: '2026-12-03T15:00:00.000Z',
    takeaways: '- Hospitals hire analysts who know SQL.\n- Shadow a charge nurse',
    advice: 'Take the Epic certification course.',
    namesSuggested: 'Lee Park\nDana Ruiz',
    ...patch,
  }) as Meeting;

const maya = makeContact('maya', {
  firstName: 'Maya',
  lastName: 'Okafor',
  company: 'Northwind Health',
  title: 'Director of Nursing Informatics',
});
const jo = makeContact('jo', { firstName: 'Jo', lastName: 'Lind', company: 'Contoso' });

const context = (overrides: Partial<MergeContext> = {}): MergeContext => ({
  purpose: 'thank-you',
  recipient: maya,
  contact: maya,
  meeting: meeting(),
  referrer: jo,
  myName: 'Alex Kim',
  mySignature: '',
  myEmail: 'alex@example.com',
  myAddress: '',
  dueAt: null,
  ...overrides,
});

/** The context main builds for each purpose: a referrer thank-you goes to the referrer. */
const contextFor = (purpose: NotePurpose, m: Meeting | null = meeting()): MergeContext =>
  purpose === 'referrer-thanks'
    ? context({ purpose, recipient: jo, referrer: jo, meeting: m })
    : context({ purpose, meeting: m });

const template = (purpose: NotePurpose) => {
  const found = builtInTemplates.find((t) => t.purpose === purpose);
  if (!found) throw new Error(`no built-in ${purpose} template`);
  return found;
};

const fill = (purpose: NotePurpose, m: Meeting | null = meeting()) => {
  const values = mergeValuesFor(contextFor(purpose, m), 'en-US');
  const t = template(purpose);
  return { subject: fillMergeFields(t.subject, values), body: fillMergeFields(t.body, values) };
};

/** What the user writes into the report-back's open slots. */
const whatIDid = 'I enrolled in the Epic certification course in January and passed the exam.';
const whatHappened =
  'Two hospitals have since invited me to talk about analyst work, and one asked for my SQL samples.';

describe('built-in templates', () => {
  it('cover the three purposes with stable ids, valid as stored templates', () => {
    expect(builtInTemplates.map((t) => [t.id, t.purpose, t.builtIn])).toEqual([
      ['builtin-thank-you', 'thank-you', true],
      ['builtin-report-back', 'report-back', true],
      ['builtin-referrer-thanks', 'referrer-thanks', true],
    ]);
    for (const t of builtInTemplates) expect(Template.parse(t)).toEqual(t);
    expect(isBuiltInTemplateId('builtin-thank-you')).toBe(true);
    expect(isBuiltInTemplateId('my-own')).toBe(false);
  });

  it('use only known merge fields, including a specific takeaway or advice', () => {
    for (const t of builtInTemplates) {
      const names = openTokens(`${t.subject}\n${t.body}`).map((token) => token.name);
      expect(names.every(isMergeField)).toBe(true);
      expect(names.some((name) => name === 'takeaway' || name === 'advice')).toBe(true);
    }
  });

  it('read as a good thank-you letter, the takeaway and the advice quoted', () => {
    expect(fill('thank-you')).toEqual({
      subject: 'Thank you for your time, Maya',
      body: [
        'Dear Maya,',
        '',
        'Thank you for telling me about your work at Northwind Health when we met on December 3, 2026. One point from our conversation has stayed with me: “Hospitals hire analysts who know SQL.”',
        '',
        'Your advice was just as helpful: “Take the Epic certification course.” I will let you know how I get on with it.',
        '',
        'Thank you again for your time and generosity.',
        '',
        'Best regards,',
        'Alex Kim',
      ].join('\n'),
    });
  });

  it('leave the report-back’s account of what happened to the user, claiming nothing', () => {
    const { subject, body } = fill('report-back');
    expect(subject).toBe('Following up on your advice, Maya');
    expect(body).toBe(
      [
        'Dear Maya,',
        '',
        'When we met on December 3, 2026, you gave me this advice: “Take the Epic certification course.” I wanted to tell you what I did with it.',
        '',
        '{{whatIDid}}',
        '',
        '{{whatHappened}}',
        '',
        'Thank you again for your time and your advice. I would be glad to keep you posted.',
        '',
        'Warm regards,',
        'Alex Kim',
      ].join('\n'),
    );
    expect(openTokens(body).map((token) => token.name)).toEqual(['whatIDid', 'whatHappened']);
    expect(body).not.toMatch(/followed it|made a difference|reached out to|as you recommended/i);
  });

  it('address the referrer thank-you to the referrer and name the person met in full', () => {
    expect(fill('referrer-thanks')).toEqual({
      subject: 'Thank you for introducing me to Maya Okafor',
      body: [
        'Dear Jo,',
        '',
        'Thank you for introducing me to Maya Okafor at Northwind Health. We met on December 3, 2026, and I am grateful for the conversation.',
        '',
        'One point that has stayed with me: “Hospitals hire analysts who know SQL.” I would not have heard it without your introduction.',
        '',
        'Thank you for making the connection.',
        '',
        'With thanks,',
        'Alex Kim',
      ].join('\n'),
    });
  });

  /** Ordinary meeting notes, as people type them. */
  const notes: [string, Partial<Meeting>, string][] = [
    [
      'bullet takeaways, advice with a full stop, two names',
      {},
      'Hospitals hire analysts who know SQL',
    ],
    [
      'numbered takeaways after a blank line, CRLF, no names',
      {
        takeaways: '\r\n1. Design reviews happen every Tuesday\r\n2) Hiring opens in autumn',
        advice: '• Join the regulatory affairs society.\r\n• Read the FDA guidance',
        namesSuggested: '',
      },
      'Design reviews happen every Tuesday',
    ],
    [
      'a takeaway that is a question, one name',
      {
        takeaways: 'Why do hospitals still run on fax machines?',
        advice: 'Start with the data you already have!',
        namesSuggested: '- Lee Park',
      },
      'Why do hospitals still run on fax machines?',
    ],
    [
      'a takeaway already in quotes, lower case, three names',
      {
        takeaways: '“clinical teams plan trials years ahead.”',
        advice: 'talk to the data team before the clinical one',
        namesSuggested: 'Lee Park; Dana Ruiz\nSam Wu',
      },
      'clinical teams plan trials years ahead',
    ],
  ];

  const purposes: NotePurpose[] = ['thank-you', 'report-back', 'referrer-thanks'];
  const cases = purposes.flatMap((purpose) =>
    notes.map(([label, patch, quoted]) => [purpose, label, patch, quoted] as const),
  );
  it.each(cases)(
    'the %s template filled from notes with %s reads as a letter and passes its own checks',
    (purpose, _label, patch, quoted) => {
      const m = meeting(patch);
      const filled = fill(purpose, m);
      const open = openTokens(`${filled.subject}\n${filled.body}`).map((token) => token.name);
      expect(open).toEqual(purpose === 'report-back' ? ['whatIDid', 'whatHappened'] : []);
      const body = filled.body
        .replace('{{whatIDid}}', whatIDid)
        .replace('{{whatHappened}}', whatHappened);

      // Quoted, not spliced: the line from the notes stands in quotes with one closing mark.
      if (purpose !== 'report-back') {
        expect(body).toContain(/[?!]$/.test(quoted) ? `“${quoted}”` : `“${quoted}.”`);
      }
      expect(body).not.toMatch(/\.\.|[?!]\.|\{\{|\}\}|\s[,.]|, ,| {2}|“\s|\s”/);
      expect(body).not.toMatch(/\n\n\n/);

      const checks = checkThankYou({
        body,
        takeaways: [m.takeaways, m.advice],
        dueAt: null,
        now: new Date('2026-12-03T18:00:00.000Z'),
      });
      expect(checks.takeaway.ok).toBe(true);
      expect(checks.length.status).toBe('ok');
    },
  );

  it('leave the fields a contact without a meeting cannot fill as tokens to show', () => {
    const values = mergeValuesFor(context({ meeting: null, referrer: null }));
    const body = fillMergeFields(template('thank-you').body, values);
    expect(openTokens(body).map((t) => t.name)).toEqual(['meetingDate', 'takeaway', 'advice']);
  });
});

describe('mergeValuesFor', () => {
  it('fills every field it has data for, from one place', () => {
    expect(mergeValuesFor(context(), 'en-US')).toEqual({
      firstName: 'Maya',
      fullName: 'Maya Okafor',
      company: 'Northwind Health',
      position: 'Director of Nursing Informatics',
      meetingDate: 'December 3, 2026',
      takeaway: 'Hospitals hire analysts who know SQL',
      advice: 'Take the Epic certification course',
      namesSuggested: 'Lee Park and Dana Ruiz',
      referrerName: 'Jo Lind',
      referrerFirstName: 'Jo',
      myName: 'Alex Kim',
      mySignature: 'Alex Kim',
    });
  });

  it.each(writeInFields)('never fills %s: only the user knows what happened', (name) => {
    expect(mergeValuesFor(context(), 'en-US')).not.toHaveProperty(name);
    expect(fillMergeFields(`{{${name}}}`, mergeValuesFor(context()))).toBe(`{{${name}}}`);
  });

  it.each([
    ['', ''],
    ['  \n\n ', ''],
    ['Lee Park', 'Lee Park'],
    ['Lee Park\nDana Ruiz', 'Lee Park and Dana Ruiz'],
    ['Lee Park\nDana Ruiz\nSam Wu', 'Lee Park, Dana Ruiz and Sam Wu'],
    ['- Lee Park\r\n- Dana Ruiz\r\n\r\n- Sam Wu', 'Lee Park, Dana Ruiz and Sam Wu'],
    ['Lee Park; Dana Ruiz;', 'Lee Park and Dana Ruiz'],
    ['1. Lee Park\n2. Zoë Ångström', 'Lee Park and Zoë Ångström'],
    ['Lee Park, Director of IT at Mercy', 'Lee Park, Director of IT at Mercy'],
  ])('lists the names suggested %j as %j', (namesSuggested, expected) => {
    expect(mergeValuesFor(context({ meeting: meeting({ namesSuggested }) })).namesSuggested).toBe(
      expected,
    );
  });

  it('takes the referrer of a referrer thank-you from its recipient', () => {
    const values = mergeValuesFor(
      context({ purpose: 'referrer-thanks', recipient: jo, referrer: null }),
    );
    expect(values).toMatchObject({
      firstName: 'Maya',
      fullName: 'Maya Okafor',
      referrerName: 'Jo Lind',
      referrerFirstName: 'Jo',
    });
  });

  it('leaves the referrer fields empty when nobody referred the contact', () => {
    const values = mergeValuesFor(context({ referrer: null }));
    expect(values.referrerName).toBe('');
    expect(values.referrerFirstName).toBe('');
    expect(fillMergeFields('Dear {{referrerFirstName}},', values)).toBe(
      'Dear {{referrerFirstName}},',
    );
  });

  it.each([
    ['- Hospitals hire analysts who know SQL.', 'Hospitals hire analysts who know SQL'],
    ['\n\n  * Shadow a charge nurse;  ', 'Shadow a charge nurse'],
    ['"Start with the data you have."', 'Start with the data you have'],
    ['Is a master’s degree worth it?', 'Is a master’s degree worth it?'],
    ['   ', ''],
  ])('takes the first line of the takeaways %j as %j', (takeaways, expected) => {
    expect(mergeValuesFor(context({ meeting: meeting({ takeaways }) })).takeaway).toBe(expected);
  });
});
