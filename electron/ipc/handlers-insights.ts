import type { Handlers } from './dispatch.js';
import type { HandlerDeps } from './handlers.js';
import { computeInsightsSliced } from '../../shared/domain/insights.js';
import { UserFacingError } from '../../shared/result.js';
import { writeFileAtomic } from '../services/atomic-file.js';
import { localDate, safeFileName } from '../services/documents/file-names.js';

export type InsightsChannel = 'insights:get' | 'insights:savePng' | 'insights:saveCsv';

const WEEK_MS = 7 * 24 * 3_600_000;
const periodWeeks = { '4w': 4, '12w': 12, '26w': 26, '52w': 52 } as const;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Saving a chart: the page draws the picture and writes the table; main asks where, checks what
 * it was given (a PNG is a PNG) and writes it atomically. "Rapport - Funnel - 2026-12-03.png".
 */
export function createInsightsHandlers(deps: HandlerDeps): Pick<Handlers, InsightsChannel> {
  const save = async (name: string, extension: 'png' | 'csv', bytes: Uint8Array | string) => {
    const filePath = await deps.dialogs.showSave({
      title: extension === 'png' ? 'Save the chart as a picture' : 'Save the chart’s data',
      defaultPath: safeFileName(`Rapport - ${name} - ${localDate(deps.now())}`, extension),
      filters:
        extension === 'png'
          ? [{ name: 'PNG picture', extensions: ['png'] }]
          : [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
    });
    if (filePath === null) return null;
    try {
      writeFileAtomic(filePath, bytes);
    } catch {
      throw new UserFacingError(
        'io',
        `The file could not be written to ${filePath}. Choose another folder and try again.`,
      );
    }
    return { path: filePath };
  };
  return {
    'insights:get': async ({ period }) => {
      // The activities are read after open; waiting for them keeps main answering meanwhile.
      await deps.storage.whenLoaded?.('activities');
      const data = deps.storage.read();
      const to = deps.now();
      // In slices, giving the event loop back between them: 50,000 contacts never freeze main.
      return computeInsightsSliced(
        {
          contacts: Object.values(data.contacts),
          activities: Object.values(data.activities),
          meetings: Object.values(data.meetings),
          notes: Object.values(data.notes),
        },
        {
          from: period === 'all' ? null : new Date(to.getTime() - periodWeeks[period] * WEEK_MS),
          to,
          weeklyGoal: {
            outreach: data.settings.weeklyOutreachGoal,
            meetings: data.settings.weeklyMeetingGoal,
          },
        },
        () => new Promise<void>((resolve) => setImmediate(resolve)),
      );
    },
    'insights:savePng': ({ name, data }) => {
      const bytes = Buffer.from(data, 'base64');
      if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte))
        throw new UserFacingError('invalid-args', 'data: This is not a PNG picture.');
      return save(name, 'png', bytes);
    },
    'insights:saveCsv': ({ name, text }) => save(name, 'csv', `\uFEFF${text}`),
  };
}
