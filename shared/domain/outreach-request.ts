import { defaultSettings, type Settings } from '../schema/settings.js';

/**
 * The request in a first e-mail. The length the user asks for is the length of the meeting they
 * will book (Settings > meeting length), so the person agrees to exactly the time the calendar
 * entry and the prep workspace's time budget then use. One copy, for the outreach starter, the
 * outreach checks and anything else that words the request.
 */

/** The meeting length asked for when no settings are loaded yet: the settings default. */
export const DEFAULT_REQUEST_MINUTES = defaultSettings().meetingMinutes;

/** Minutes to ask for: the meeting length from Settings, or the default before they load. */
export function requestMinutes(settings: Pick<Settings, 'meetingMinutes'> | null | undefined) {
  const minutes = settings?.meetingMinutes;
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0
    ? Math.round(minutes)
    : DEFAULT_REQUEST_MINUTES;
}

/** "a 30-minute", "an 80-minute", "an 11-minute": the article follows how the number is said. */
export function minutesPhrase(minutes: number): string {
  const n = Math.round(minutes);
  const an = n === 8 || n === 11 || n === 18 || (n >= 80 && n <= 89) || (n >= 800 && n <= 899);
  return `${an ? 'an' : 'a'} ${n}-minute`;
}

/**
 * The request as a question the person can answer, ending in "?" as the outreach checks want:
 * "Would you be open to a 30-minute conversation in the next few weeks?"
 */
export function requestQuestion(minutes: number): string {
  return `Would you be open to ${minutesPhrase(minutes)} conversation in the next few weeks?`;
}
