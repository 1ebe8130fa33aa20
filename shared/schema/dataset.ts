import { z } from 'zod';
import {
  Activity,
  Attachment,
  BankQuestion,
  Contact,
  MeetingPrep,
  MeetingRecord,
  OutreachDraft,
  Reminder,
  Template,
  ThankYouNote,
  Employer,
} from './entities.js';
import { IsoDateTime } from './common.js';
import { Settings } from './settings.js';

/**
 * The schema version this build reads and writes. A store with a higher number was written by a
 * newer Rapport: we never overwrite it. Lower numbers are migrated (after a copy is taken).
 */
export const SCHEMA_VERSION = 4;

/** Every collection the store holds, with the entity schema of its items. */
export const collections = {
  contacts: Contact,
  activities: Activity,
  reminders: Reminder,
  meetings: MeetingRecord,
  preps: MeetingPrep,
  questions: BankQuestion,
  templates: Template,
  notes: ThankYouNote,
  outreach: OutreachDraft,
  attachments: Attachment,
  employers: Employer,
} as const;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

export type Entity<C extends CollectionName> = z.infer<(typeof collections)[C]>;

/** Items keyed by id: an edit touches one key, and lookups stay O(1) with 20,000 activities. */
const byId = <T extends z.ZodType>(item: T) => z.record(z.string(), item);

export const Dataset = z.object({
  settings: Settings,
  contacts: byId(Contact),
  activities: byId(Activity),
  reminders: byId(Reminder),
  meetings: byId(MeetingRecord),
  preps: byId(MeetingPrep),
  questions: byId(BankQuestion),
  templates: byId(Template),
  notes: byId(ThankYouNote),
  outreach: byId(OutreachDraft),
  attachments: byId(Attachment),
  employers: byId(Employer),
});
export type Dataset = z.infer<typeof Dataset>;

/** The single-file format of "Export everything" and of backups. */
export const ExportFile = z.object({
  format: z.literal('rapport-data'),
  schemaVersion: z.number().int().min(1),
  exportedAt: IsoDateTime,
  data: z.unknown(),
});
export type ExportFile = z.infer<typeof ExportFile>;
