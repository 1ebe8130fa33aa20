import { z } from 'zod';
import { Id, IsoDate, optionalEmail, text, trimmed } from './common.js';

/**
 * LinkedIn profile URLs: we accept any linkedin.com address (country subdomains too) so a paste
 * from the browser works, but nothing else, so a typo is caught while the user is still typing.
 */
export const LinkedInUrl = trimmed(300, 'Keep the LinkedIn address under 300 characters.').refine(
  (value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        /(^|\.)linkedin\.com$/i.test(url.hostname)
      );
    } catch {
      return false;
    }
  },
  'Enter a LinkedIn address like https://www.linkedin.com/in/your-name',
);

export const Phone = trimmed(40, 'Keep the phone number under 40 characters.').refine(
  (value) => value === '' || /^[+()\d][\d\s().\-/]*(\s*(x|ext\.?)\s*\d+)?$/i.test(value),
  'Use digits, spaces and + ( ) - only, e.g. +1 555 0100.',
);

export const Profile = z.object({
  name: text(120),
  email: optionalEmail,
  phone: Phone,
  address: text(500),
  linkedinUrl: LinkedInUrl,
  signature: text(1000),
});
export type Profile = z.infer<typeof Profile>;

export const PaperSize = z.enum(['A4', 'Letter']);
export type PaperSize = z.infer<typeof PaperSize>;

export const TextSize = z.enum(['small', 'normal', 'large']);
export type TextSize = z.infer<typeof TextSize>;

export const Settings = z.object({
  profile: Profile,
  meetingMinutes: z.number().int().min(10).max(240),
  /** In-person meetings only; 10-15 is the usual advice, 0-60 are accepted. */
  arriveEarlyMinutes: z
    .number()
    .int()
    .min(0, 'Enter 0 or more minutes.')
    .max(60, 'Enter 60 minutes or fewer.'),
  paperSize: PaperSize,
  /** Extra non-working days for the 3B7 reminder engine. */
  holidays: z.array(IsoDate).max(366),
  /** Days after the day-7 follow-up before a silent contact is labelled a Curmudgeon. */
  curmudgeonWaitDays: z.number().int().min(1).max(90),
  reportBackDays: z.number().int().min(1).max(180),
  /** Days between keep-in-touch notes, counted from the last activity (contacts may override). */
  keepInTouchDays: z.number().int().min(7).max(730),
  /** Printed documents list questions in the user's order unless this asks for topic groups. */
  printGroupedByTopic: z.boolean(),
  /** Attachment id of the resume attached to new meetings and printed in packets. */
  defaultResumeId: Id.nullable().default(null),
  /** System notifications when a reminder falls due (the dock badge counts either way). */
  notifications: z.boolean().default(true),
  /** The app's text size: the root font size every other size (in rem) follows. */
  textSize: TextSize.default('normal'),
  /** The weekly goals Insights measures outreach e-mails and meetings held against. */
  weeklyOutreachGoal: z
    .number()
    .int()
    .min(0, 'Enter 0 or more.')
    .max(100, 'Enter 100 or fewer.')
    .default(5),
  weeklyMeetingGoal: z
    .number()
    .int()
    .min(0, 'Enter 0 or more.')
    .max(50, 'Enter 50 or fewer.')
    .default(1),
});
export type Settings = z.infer<typeof Settings>;

export const emptyProfile = (): Profile => ({
  name: '',
  email: '',
  phone: '',
  address: '',
  linkedinUrl: '',
  signature: '',
});

/** Guess Letter for North America, A4 elsewhere; the user can change it in Settings. */
export const defaultSettings = (locale = 'en-US'): Settings => ({
  profile: emptyProfile(),
  meetingMinutes: 30,
  arriveEarlyMinutes: 15,
  paperSize: /-(US|CA|MX|PH|CL|CO|VE)$/i.test(locale) ? 'Letter' : 'A4',
  holidays: [],
  curmudgeonWaitDays: 14,
  reportBackDays: 14,
  keepInTouchDays: 90,
  printGroupedByTopic: false,
  defaultResumeId: null,
  notifications: true,
  textSize: 'normal',
  weeklyOutreachGoal: 5,
  weeklyMeetingGoal: 1,
});
