import type { BackupInfo } from '../shared/contract.js';
import { listOfNames } from '../shared/domain/names.js';
import type { DeletionImpact } from '../shared/schema/pipeline.js';

const dateTime = () =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time in the user's own locale, e.g. "3 Mar 2025, 14:05" or "Mar 3, 2025, 2:05 PM". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  return dateTime().format(date);
}

/** Human-readable file size: "512 bytes", "12.3 KB", "4.0 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown size';
  if (bytes < 1024) {
    return `${new Intl.NumberFormat(locale).format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

const reasons: Record<BackupInfo['reason'], string> = {
  start: 'At start',
  interval: 'Automatic',
  quit: 'On quit',
  'before-restore': 'Before restore',
  'before-import': 'Before import',
  'before-migration': 'Before migration',
  manual: 'Manual',
};

/** Why a backup was taken, in words. */
export function backupReasonLabel(reason: BackupInfo['reason']): string {
  return reasons[reason] ?? 'Other';
}

const collectionWords: Record<string, [singular: string, plural: string]> = {
  contacts: ['contact', 'contacts'],
  meetings: ['meeting', 'meetings'],
  activities: ['timeline entry', 'timeline entries'],
  reminders: ['reminder', 'reminders'],
  notes: ['thank-you note', 'thank-you notes'],
  questions: ['question', 'questions'],
  templates: ['template', 'templates'],
  attachments: ['attachment', 'attachments'],
};

/** "12 contacts, 3 meetings and 1 reminder"; collections with nothing in them are left out. */
export function formatCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => {
      const [one, many] = collectionWords[name] ?? [name, name];
      return `${new Intl.NumberFormat().format(count)} ${count === 1 ? one : many}`;
    });
  if (parts.length === 0) return '';
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(parts);
}

/** Main's reasons are sentences; this makes sure one ends like one before more text follows. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const plural = (n: number, one: string, many: string) =>
  `${new Intl.NumberFormat().format(n)} ${n === 1 ? one : many}`;

/** What went with a deleted contact and what stayed (the Undo toast says it). */
export function impactText(name: string, impact: DeletionImpact): string {
  const gone = [
    impact.meetings > 0 ? plural(impact.meetings, 'meeting', 'meetings') : null,
    impact.activities > 0 ? plural(impact.activities, 'timeline entry', 'timeline entries') : null,
    impact.reminders > 0 ? plural(impact.reminders, 'reminder', 'reminders') : null,
    impact.notes > 0 ? plural(impact.notes, 'note', 'notes') : null,
  ].filter((p): p is string => p !== null);
  const list = listOfNames(gone);
  const first =
    gone.length > 0
      ? `Their ${list} ${gone.length === 1 && !/s$/.test(gone[0]!) ? 'is' : 'are'} deleted too.`
      : `${name} has no meetings, timeline entries, reminders or notes.`;
  const second =
    impact.referrals > 0
      ? ` ${plural(impact.referrals, 'contact they referred keeps', 'contacts they referred keep')} their details.`
      : '';
  return `${first}${second}`;
}
