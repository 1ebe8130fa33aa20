import { buildThankYouLetter } from '../../electron/services/documents/thank-you-letter.js';
import { defaultSettings } from '../../shared/schema/settings.js';
import { median, round, type BenchModule } from './types.js';

/** A typical note: greeting, three short paragraphs naming a takeaway, sign-off. */
const typicalLetter = () => ({
  body: [
    'Thank you for taking the time to meet with me yesterday. I enjoyed hearing how you moved from floor nursing into leadership at Northwind Health.',
    'Your advice to shadow a charge nurse before applying for a management track was exactly what I needed. I have already asked my manager for a shift next month.',
    'I will also reach out to Priya Shah, as you suggested.\nI will let you know how it goes.',
  ].join('\n\n'),
  contact: {
    firstName: 'Maya',
    lastName: 'Okafor',
    title: 'Director of Nursing',
    company: 'Northwind Health',
  },
  profile: {
    ...defaultSettings().profile,
    name: 'Jordan Lee',
    email: 'jordan@example.org',
    phone: '+1 555 0100',
    address: '12 Elm Street\nChicago, IL 60601',
  },
  paperSize: 'Letter' as const,
  date: new Date('2026-12-04T15:00:00.000Z'),
  locale: 'en-US',
});

/** `thanks.docx.ms`: the median of 20 builds of a typical thank-you letter, after 3 warm-ups. */
export const thanksBench: BenchModule = {
  name: 'thanks',
  async run({ progress }) {
    const input = typicalLetter();
    for (let run = 0; run < 3; run += 1) await buildThankYouLetter(input);
    progress('thank-you letter, 20 builds');
    const times: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const start = performance.now();
      await buildThankYouLetter(input);
      times.push(performance.now() - start);
    }
    const ms = round(median(times), 1);
    return [
      { key: 'thanks.docx.ms', value: ms, unit: 'ms', goal: { text: '< 30 ms', pass: ms < 30 } },
    ];
  },
};
