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

/**
 * The source details the importers write. They say how a contact got into Rapport, not how the
 * user knows them: a LinkedIn connection may be someone the user never spoke to. Kept here so
 * the importers and the outreach rules (starter, "connection first" check) use one list.
 */
export const importSourceDetails = Object.freeze({
  linkedin: 'LinkedIn connection',
  csv: 'Imported from a CSV file',
  vcard: 'Imported from a vCard file',
} as const);

const importedDetails = new Set(
  Object.values(importSourceDetails).map((detail) => detail.toLowerCase()),
);

/**
 * True for a detail that an import wrote (or one that reads like it, such as "LinkedIn
 * connections" or "Imported from Outlook"): not a real shared connection to open an e-mail with.
 */
export function isImportedDetail(detail: string): boolean {
  const folded = detail.trim().replace(/\s+/g, ' ').toLowerCase();
  return (
    importedDetails.has(folded) ||
    /^imported(?: from\b|$)/.test(folded) ||
    /^linkedin(?: connections?)?$/.test(folded)
  );
}

/** The source detail worth naming to the contact: empty when an import wrote it. */
export function sharedConnectionDetail(source: { detail: string }): string {
  const detail = source.detail.trim();
  return isImportedDetail(detail) ? '' : detail;
}
