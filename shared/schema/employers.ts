import type { z } from 'zod';
import type { Advocacy } from '../domain/employers.js';
import { Employer, type MeetingRecord } from './entities.js';
import type { ContactSummary } from './pipeline.js';

/** A new employer: its name, and whatever the user scored or wrote about it. */
export const EmployerInput = Employer.pick({
  name: true,
  website: true,
  location: true,
  notes: true,
  motivation: true,
  posting: true,
  postingUrl: true,
  research: true,
  focus: true,
})
  .partial()
  .required({ name: true });
export type EmployerInput = z.input<typeof EmployerInput>;

/** An edit from the LAMP list or the employer page: only the fields that changed. */
export const EmployerPatch = EmployerInput.partial();
export type EmployerPatch = z.input<typeof EmployerPatch>;

/** A row of the LAMP list: the employer and its computed Advocacy. */
export type EmployerRow = Employer & { advocacy: Advocacy };

/** An employer's page: its contacts by stage (then name) and their meetings, newest first. */
export interface EmployerDetail {
  employer: EmployerRow;
  contacts: ContactSummary[];
  meetings: (MeetingRecord & { contactName: string })[];
}

export interface MergeEmployersResult {
  employer: Employer;
  /** Contacts moved over to the employer kept. */
  moved: number;
  /** The name of the employer merged away. */
  merged: string;
}
