import type { z } from 'zod';

/**
 * Plain words for what is wrong in an "Import everything" file or a backup: which record, which
 * field, and what was expected ("Contact 'Maya Okafor': first name must be text"), never a schema
 * path like `contacts.c-2.email`. The records are named from the file's own (unchecked) data.
 */

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** A name part as the file has it, even if it is not text: a number, or a list of words. */
const namePart = (value: unknown): string =>
  typeof value === 'string'
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : Array.isArray(value)
        ? value
            .filter((part): part is string => typeof part === 'string')
            .join(' ')
            .trim()
        : '';
const fullName = (item: Loose) =>
  short(`${namePart(item.firstName)} ${namePart(item.lastName)}`.trim());
const short = (value: string, max = 40) =>
  value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
/** "3 Dec 2026", or '' for anything that is not a date. */
const dateOf = (value: unknown) => {
  const iso = textOf(value);
  if (iso === '' || iso.length > 64) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : shortDate.format(date);
};

const collectionWords: Record<string, { one: string; list: string }> = {
  contacts: { one: 'Contact', list: 'contacts' },
  activities: { one: 'Timeline entry', list: 'timeline entries' },
  reminders: { one: 'Reminder', list: 'reminders' },
  meetings: { one: 'Meeting', list: 'meetings' },
  preps: { one: 'Meeting', list: 'meeting preparations and notes' },
  questions: { one: 'Question', list: 'questions in the question bank' },
  templates: { one: 'Template', list: 'templates' },
  notes: { one: 'Note', list: 'thank-you and report-back notes' },
  outreach: { one: 'Outreach draft', list: 'outreach drafts' },
  attachments: { one: 'Attachment', list: 'attachments' },
  employers: { one: 'Employer', list: 'employers' },
};

/** "Maya Okafor" for a contact id in the file, or ''. */
function contactName(data: unknown, id: unknown): string {
  const contacts = isObject(data) ? data.contacts : undefined;
  const contact = isObject(contacts) && typeof id === 'string' ? contacts[id] : undefined;
  return isObject(contact) ? fullName(contact) : '';
}

/** How a record is named in a message: "Contact 'Maya Okafor'", "Meeting on 3 Dec 2026 with ...". */
export function recordLabel(data: unknown, collection: string, id: string): string {
  // A meeting's prep is named like its meeting (same id): its record has the date and the person.
  if (collection === 'preps') return recordLabel(data, 'meetings', id);
  const words = collectionWords[collection];
  if (words === undefined) return `The ${collection} part`;
  const items = isObject(data) ? data[collection] : undefined;
  const item = isObject(items) ? items[id] : undefined;
  const fallback = `${words.one} with the id "${short(id)}"`;
  if (!isObject(item)) return fallback;
  const who = contactName(data, item.contactId);
  const withWho = (prefix: string, date: unknown, joiner: string) => {
    const on = dateOf(date);
    const text = `${prefix}${on === '' ? '' : ` on ${on}`}${who === '' ? '' : ` ${joiner} ${who}`}`;
    return text === prefix ? fallback : text;
  };
  const named = (name: unknown) => {
    const value = short(textOf(name));
    return value === '' ? fallback : `${words.one} '${value}'`;
  };
  switch (collection) {
    case 'contacts': {
      const name = fullName(item);
      return name === '' ? fallback : `Contact '${name}'`;
    }
    case 'meetings':
      return withWho('Meeting', item.start, 'with');
    case 'activities':
      return withWho('Timeline entry', item.at, 'for');
    case 'reminders':
      return textOf(item.title) === '' ? withWho('Reminder', item.due, 'for') : named(item.title);
    case 'questions':
      return named(item.text);
    case 'templates':
      return named(item.name);
    case 'attachments':
      return named(item.originalName);
    case 'notes':
      return withWho(
        item.purpose === 'report-back'
          ? 'Report-back note'
          : item.purpose === 'referrer-thanks'
            ? 'Referrer thank-you note'
            : 'Thank-you note',
        item.createdAt,
        'to',
      );
    case 'outreach':
      return withWho('Outreach draft', undefined, 'to');
    default:
      return fallback;
  }
}

const fieldWords: Record<string, string> = {
  firstName: 'first name',
  lastName: 'last name',
  title: 'title',
  company: 'company',
  industry: 'industry',
  location: 'location',
  email: 'e-mail address',
  phone: 'phone number',
  linkedinUrl: 'LinkedIn address',
  source: 'source',
  kind: 'kind',
  detail: 'detail',
  referredById: 'link to the person who referred them',
  tags: 'tags',
  notes: 'notes',
  stage: 'stage',
  responsiveness: 'responsiveness',
  keepInTouch: 'keep-in-touch setting',
  off: 'switch',
  days: 'number of days',
  createdAt: 'date it was created',
  updatedAt: 'date it was last changed',
  contactId: 'link to its contact',
  at: 'date',
  summary: 'summary',
  meetingId: 'link to its meeting',
  due: 'due date',
  status: 'status',
  snoozedUntil: 'snoozed-until date',
  createdBy: 'link to what created it',
  start: 'start time',
  minutes: 'length',
  mode: 'kind of meeting',
  place: 'place',
  link: 'video link',
  research: 'research notes',
  position: 'position',
  person: 'person',
  questions: 'questions',
  text: 'text',
  category: 'category',
  answer: 'answer',
  phase: 'phase',
  checklist: 'checklist',
  resumeCopies: 'number of resume copies',
  portfolio: 'portfolio tick',
  businessCards: 'business cards tick',
  outfit: 'outfit tick',
  researchDone: 'research-done tick',
  travelMinutes: 'travel time',
  takeaways: 'takeaways',
  advice: 'advice',
  namesSuggested: 'names suggested',
  promises: 'promises',
  attachmentIds: 'attachments',
  builtIn: 'built-in mark',
  timesUsed: 'times used',
  name: 'name',
  purpose: 'purpose',
  subject: 'subject',
  body: 'text',
  templateId: 'link to its template',
  aboutContactId: 'link to the person it is about',
  sentAt: 'date it was sent',
  exportedFile: 'exported file',
  originalName: 'file name',
  mimeType: 'file type',
  size: 'size',
  role: 'role',
  fileName: 'stored file name',
  addedAt: 'date it was added',
  profile: 'profile',
  address: 'postal address',
  signature: 'signature',
  meetingMinutes: 'meeting length',
  arriveEarlyMinutes: 'minutes to arrive early',
  paperSize: 'paper size',
  holidays: 'holidays',
  curmudgeonWaitDays: 'days to wait for a reply',
  reportBackDays: 'days before a report-back',
  keepInTouchDays: 'days between keeping in touch',
  printGroupedByTopic: 'print-by-topic setting',
  notifications: 'notifications setting',
  textSize: 'text size',
};
/** Fields inside a group, where "the X of Y" would read badly. */
const nestedWords: Record<string, string> = {
  'keepInTouch.off': 'keep-in-touch switch',
  'keepInTouch.days': 'keep-in-touch interval',
  'source.kind': 'source',
  'source.detail': 'source detail',
  'research.industry': 'industry research',
  'research.company': 'company research',
  'research.position': 'position research',
  'research.person': 'research on the person',
  'checklist.resumeCopies': 'number of resume copies',
  'checklist.portfolio': 'portfolio tick',
  'checklist.businessCards': 'business cards tick',
  'checklist.outfit': 'outfit tick',
  'checklist.researchDone': 'research-done tick',
  'profile.name': 'your name',
  'profile.email': 'your e-mail address',
  'profile.phone': 'your phone number',
  'profile.address': 'your postal address',
  'profile.linkedinUrl': 'your LinkedIn address',
  'profile.signature': 'your signature',
};

/** List fields whose items are named "question 4", "tag 2"... */
const itemWords: Record<string, string> = {
  questions: 'question',
  notes: 'note',
  tags: 'tag',
  holidays: 'holiday',
  attachmentIds: 'attachment',
};
const minuteFields = new Set(['minutes', 'travelMinutes', 'meetingMinutes', 'arriveEarlyMinutes']);

const words = (key: string) =>
  fieldWords[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** ['questions', 3, 'text'] -> "the text of question 4"; ['firstName'] -> "first name". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let index = 0; index < path.length; index += 1) {
    const key = path[index];
    const next = path[index + 1];
    const pair = nestedWords[`${String(key)}.${String(next)}`];
    if (pair !== undefined) {
      parts.push(pair);
      index += 1;
    } else if (typeof next === 'number') {
      const item = itemWords[String(key)] ?? `item of ${words(String(key))}`;
      parts.push(`${item} ${next + 1}`);
      index += 1;
    } else parts.push(words(String(key)));
  }
  if (parts.length === 0) return 'it';
  if (parts.length === 1) return parts[0] as string;
  return `the ${parts.reverse().join(' of ')}`;
}

type Issue = z.core.$ZodIssue;

/** The most telling issue: inside a union, the branch that got furthest. */
function leaf(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((branch) => branch.length > 0);
  const last = branches[branches.length - 1]?.[0];
  return last === undefined ? issue : leaf({ ...last, path: [...issue.path, ...last.path] });
}

/** "must be text", "must be a whole number of minutes", "is missing"... */
export function expectation(issue: Issue, field: PropertyKey | undefined): string {
  const minutes = minuteFields.has(String(field));
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return 'is missing';
      switch (issue.expected) {
        case 'string':
          return 'must be text';
        case 'int':
          return minutes ? 'must be a whole number of minutes' : 'must be a whole number';
        case 'number':
          return minutes ? 'must be a number of minutes' : 'must be a number';
        case 'boolean':
          return 'must be true or false';
        case 'array':
          return 'must be a list';
        case 'object':
        case 'record':
          return 'must be a group of fields';
        default:
          return `must be ${String(issue.expected)}`;
      }
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return `must be at most ${max.toLocaleString('en-US')} characters`;
      if (issue.origin === 'array') return `must have at most ${max.toLocaleString('en-US')} items`;
      return minutes ? `must be at most ${max} minutes` : `must be ${max} or less`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (issue.origin === 'array') return `must have at least ${min} items`;
      return minutes ? `must be at least ${min} minutes` : `must be ${min} or more`;
    }
    case 'invalid_value': {
      const values = issue.values.map((value) => `"${String(value)}"`);
      return values.length === 1
        ? `must be ${values[0]}`
        : `must be one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'must look like name@example.com';
        case 'datetime':
          return 'must be a date and time like 2026-12-03T15:00:00.000Z';
        case 'date':
          return 'must be a date like 2026-12-03';
        case 'url':
          return 'must be a web address';
        default:
          return 'is not in the expected form';
      }
    default:
      return `is not valid (${issue.message.replace(/\.$/, '')})`;
  }
}

/**
 * The first problem zod found in a dataset, in words: "Contact 'Maya Okafor': first name must be
 * text"; "The list of meetings is missing"; "Settings: meeting length must be 240 or less".
 */
export function describeDataProblem(error: z.ZodError, data: unknown): string {
  const first = error.issues[0];
  if (first === undefined) return 'Something in it is not valid';
  const issue = leaf(first);
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const [top, id, ...rest] = path;
  const field = rest.length > 0 ? rest[rest.length - 1] : undefined;
  if (top === undefined) return `The data ${expectation(issue, undefined)}`;
  if (top === 'settings') {
    const inner = path.slice(1);
    if (inner.length === 0)
      return `The settings ${expectation(issue, undefined) === 'is missing' ? 'are missing' : 'are not a group of fields'}`;
    return `Settings: ${fieldLabel(inner)} ${expectation(issue, inner[inner.length - 1])}`;
  }
  const words = collectionWords[String(top)];
  if (words === undefined) return `The ${String(top)} part ${expectation(issue, top)}`;
  if (id === undefined) {
    return `The list of ${words.list} ${expectation(issue, undefined) === 'is missing' ? 'is missing' : 'must be a list of records'}`;
  }
  const record = recordLabel(data, String(top), String(id));
  if (rest.length === 0) return `${record} is not a record (it must be a group of fields)`;
  return `${record}: ${fieldLabel(rest)} ${expectation(issue, field)}`;
}

/** The export's own envelope: "its data is missing", "its export date must be a date and time". */
export function describeEnvelopeProblem(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'it is not complete';
  const issue = leaf(first);
  const key = String(issue.path[0] ?? '');
  const what =
    key === 'data'
      ? 'its data'
      : key === 'exportedAt'
        ? 'its export date'
        : key === 'schemaVersion'
          ? 'its data version'
          : key === 'format'
            ? 'its format marker'
            : 'it';
  return `${what} ${expectation(issue, key)}`;
}
