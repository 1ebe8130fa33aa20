import { checkThankYou as sharedCheck } from '../../../shared/domain/thank-you-checks.js';

/** The checks the composer shows while the user writes, in the outreach checks' row shape. */
export interface ThankYouCheck {
  id: 'takeaway' | 'length';
  label: string;
  status: 'pass' | 'warn' | 'fail';
  detail: string;
}

const TAKEAWAY_LABEL = 'Mentions something specific you learned';

/** The shared rules (shared/domain/thank-you-checks.ts) as rows for the composer's check list. */
export function checkThankYou(input: { body: string; takeaways: string }): ThankYouCheck[] {
  const result = sharedCheck({
    body: input.body,
    takeaways: input.takeaways,
    dueAt: null,
    now: new Date(),
  });
  const takeaway: ThankYouCheck = /\{\{\s*takeaway\s*\}\}/.test(input.body)
    ? {
        id: 'takeaway',
        label: TAKEAWAY_LABEL,
        status: 'fail',
        detail: 'The takeaway field is still empty. Write one thing you learned in its place.',
      }
    : {
        id: 'takeaway',
        label: TAKEAWAY_LABEL,
        status: result.takeaway.ok ? 'pass' : input.takeaways.trim() === '' ? 'warn' : 'fail',
        detail: result.takeaway.message,
      };
  const length: ThankYouCheck = {
    id: 'length',
    label: 'Length',
    status: result.length.status === 'ok' ? 'pass' : 'warn',
    detail: result.length.message,
  };
  return [takeaway, length];
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function span(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.round(hours / 24), 'day');
}

/** "Due in 5 hours" or "Overdue by 3 hours", from the 24-hour deadline. */
export function dueText(dueAt: string, now: Date): { text: string; overdue: boolean } | null {
  const due = new Date(dueAt).getTime();
  if (!Number.isFinite(due)) return null;
  const left = due - now.getTime();
  return left >= 0
    ? { text: `Due in ${span(left)}`, overdue: false }
    : { text: `Overdue by ${span(-left)}`, overdue: true };
}
