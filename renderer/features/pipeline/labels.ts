import { fullName, titleAtCompany as sharedTitleAtCompany } from '../../../shared/domain/names.js';
import { sourceLabels } from '../../../shared/domain/sources.js';
import type { Contact, SourceKind, Stage } from '../../../shared/schema/entities.js';

/** Stages in pipeline order; the board shows the open ones as columns. */
export const openStages: readonly Stage[] = [
  'prospect',
  'contacted',
  'scheduled',
  'met',
  'thanked',
  'keeping-in-touch',
];
export const closedStages: readonly Stage[] = ['declined', 'no-reply'];
export const allStages: readonly Stage[] = [...openStages, ...closedStages];

export const stageLabels: Record<Stage, string> = {
  prospect: 'Prospect',
  contacted: 'Contacted',
  scheduled: 'Scheduled',
  met: 'Met',
  thanked: 'Thanked',
  'keeping-in-touch': 'Keeping in touch',
  declined: 'Declined',
  'no-reply': 'No reply',
};

export { sourceLabels };

/** Short forms for cards and table cells, where the full label would wrap. */
export const sourceShortLabels: Record<SourceKind, string> = {
  alumni: 'Alumni',
  'professional-org': 'Professional org.',
  'former-colleague': 'Former colleague',
  'family-friends': 'Family or friends',
  referral: 'Referral',
  other: 'Other',
};

export const sourceKinds = Object.keys(sourceLabels) as SourceKind[];

export const responsivenessLabels: Record<Contact['responsiveness'], string | null> = {
  unknown: null,
  booster: 'Booster',
  obligate: 'Obligate',
  curmudgeon: 'Curmudgeon',
};

export { fullName };

/** "Engineer · Acme", or whichever half exists. */
export const titleAtCompany = (contact: Pick<Contact, 'title' | 'company'>) =>
  sharedTitleAtCompany(contact, ' · ');

const numberFormat = new Intl.NumberFormat();
export const formatCount = (n: number) => numberFormat.format(n);
