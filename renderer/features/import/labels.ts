import type {
  ImportEncoding,
  ImportKind,
  ImportProgress,
  MappableField,
} from '../../../shared/schema/pipeline.js';

export const kindOptions: readonly { value: ImportKind; label: string; hint: string }[] = [
  {
    value: 'linkedin',
    label: 'LinkedIn connections (CSV)',
    hint: 'Connections.csv from LinkedIn: Settings, Data privacy, Get a copy of your data.',
  },
  {
    value: 'csv',
    label: 'Other CSV file',
    hint: 'Any spreadsheet saved as CSV with a header row; you match its columns next.',
  },
  {
    value: 'vcard',
    label: 'vCard (.vcf)',
    hint: 'Contacts exported from your address book or phone.',
  },
];

export const fieldLabels: Record<MappableField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  title: 'Title',
  company: 'Company',
  industry: 'Industry',
  location: 'Location',
  email: 'E-mail',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn address',
  tags: 'Tags',
  notes: 'Notes',
  ignore: 'Do not import',
};

export const phaseLabels: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file',
  parsing: 'Reading the rows',
  matching: 'Looking for people you already have',
  saving: 'Saving contacts',
};

export const actionLabels = { new: 'New', merge: 'Merge', unchanged: 'Unchanged' } as const;

export const encodingLabels: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Western European, Excel)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};
