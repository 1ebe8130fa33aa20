import type { SourceKind } from '../schema/entities.js';

/** Where a contact was found, in the words the app, the documents and exports all use. */
export const sourceLabels: Readonly<Record<SourceKind, string>> = Object.freeze({
  alumni: 'Alumni association',
  'professional-org': 'Professional or industry organization',
  'former-colleague': 'Former colleague or coworker',
  'family-friends': 'Family or friends',
  referral: 'Referred by a contact',
  other: 'Other',
});
