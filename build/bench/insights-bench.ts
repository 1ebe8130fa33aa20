import { computeInsights } from '../../shared/domain/insights.js';
import { generateDataset, heavyUser } from './generate.js';
import { median, round, type BenchModule } from './types.js';

/**
 * `insights.compute.ms`: the median of 5 computations of every Insights figure over the heavy
 * user's dataset (5,000 contacts, 20,000 activities, 1,000 meetings) for the whole year it
 * spans, after one warm-up (`npm run bench -- --only insights`).
 */

const GOAL_MS = 100;

/** `insights.compute.ms`: every Insights figure over the heavy user's year. */
export const insightsBench: BenchModule = {
  name: 'insights',
  run({ progress }) {
    const now = new Date('2026-01-15T12:00:00.000Z');
    progress('generating the heavy user’s dataset');
    const data = generateDataset(heavyUser, 42, now);
    const input = {
      contacts: Object.values(data.contacts),
      activities: Object.values(data.activities),
      meetings: Object.values(data.meetings),
      notes: Object.values(data.notes),
    };
    const options = {
      from: new Date(now.getTime() - 365 * 24 * 3_600_000),
      to: now,
      weeklyGoal: {
        outreach: data.settings.weeklyOutreachGoal,
        meetings: data.settings.weeklyMeetingGoal,
      },
    };
    progress(
      `${input.contacts.length} contacts, ${input.activities.length} activities, ${input.meetings.length} meetings: 1 warm-up, 5 runs`,
    );
    computeInsights(input, options);
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      computeInsights(input, options);
      times.push(performance.now() - start);
    }
    const ms = round(median(times), 1);
    progress(`runs: ${times.map((time) => round(time, 1)).join(', ')} ms`);
    return [
      {
        key: 'insights.compute.ms',
        value: ms,
        unit: 'ms',
        goal: { text: `< ${GOAL_MS} ms (5,000 contacts, 20,000 activities)`, pass: ms < GOAL_MS },
      },
    ];
  },
};
