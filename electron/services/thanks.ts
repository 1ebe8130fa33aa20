import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  addCalendarDays,
  localDateOf,
  reminderInstant,
} from '../../shared/domain/business-days.js';
import { mergeFields, openTokens } from '../../shared/domain/merge-fields.js';
import { stageChangeSummary } from '../../shared/domain/stages.js';
import { isPending } from '../../shared/domain/three-b-seven.js';
import { builtInTemplates, isBuiltInTemplateId } from '../../shared/domain/thank-you-templates.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type {
  Contact,
  Meeting,
  Reminder,
  Stage,
  Template,
  ThankYouNote,
} from '../../shared/schema/entities.js';
import {
  SaveTemplateInput,
  SaveThankYouInput,
  type MarkSentResult,
  type MergeContext,
  type ThankYouSummary,
} from '../../shared/schema/thanks.js';
import { meetingEnd } from './meetings.js';
import { newReminder } from './reminders.js';
import type { Clock, Storage, Transaction } from './types.js';

/**
 * Templates and thank-you notes: every `templates:*` and `thanks:*` channel but the .docx export
 * is one method here. Marking a note sent writes the note, the timeline entry, the stage move and
 * both reminder changes in one transaction, so a crash never leaves the contact half thanked.
 */
export interface ThanksService {
  /** Built-in templates first (in their fixed order), then the user's by name. */
  templates(): Template[];
  saveTemplate(input: z.input<typeof SaveTemplateInput>): Template;
  /** The user's templates only; deleting one that is already gone is harmless. */
  deleteTemplate(id: string): null;
  context(contactId: string, meetingId: string | null): MergeContext;
  /** Newest first; only the contact's when `contactId` is given. */
  list(contactId?: string): ThankYouSummary[];
  get(id: string): ThankYouNote;
  save(input: z.input<typeof SaveThankYouInput>): ThankYouNote;
  /** Remembers where the note was last exported, so History can show it. */
  recordExport(id: string, filePath: string): ThankYouNote;
  /** Sent, Thanked, 24-hour reminder done, report-back reminder; a second call changes nothing. */
  markSent(id: string): MarkSentResult;
}

export interface ThanksServiceOptions {
  storage: Storage;
  now: Clock;
  /** Ids for templates, notes, activities and reminders; randomUUID by default. */
  newId?: () => string;
}

const THANK_YOU_AFTER_MS = 24 * 60 * 60 * 1000;

/** Stages a sent thank-you must not move a contact away from. */
const keepStage: ReadonlySet<Stage> = new Set(['thanked', 'keeping-in-touch']);

const time = (iso: string) => Date.parse(iso);

const invalid = (field: string, message: string) =>
  new UserFacingError('invalid-args', `${field}: ${message}`);

const contactGone = () =>
  new UserFacingError(
    'not-found',
    'This contact no longer exists; it may have been deleted. Reload the list and try again.',
  );

const noteGone = () =>
  new UserFacingError(
    'not-found',
    'This thank-you note no longer exists; it may have been deleted with its contact. Reload the list.',
  );

const templateGone = () =>
  new UserFacingError(
    'not-found',
    'This template no longer exists; it may have been deleted. Reload the template list.',
  );

const builtInRefused = () =>
  new UserFacingError(
    'forbidden',
    'Built-in templates cannot be changed or deleted. Save your version as a new template instead.',
  );

/** Parses with the contract's schema again (services are called from outside IPC too). */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).join('.');
    throw invalid(field || 'request', issue?.message ?? 'This cannot be saved.');
  }
  return parsed.data;
}

const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

const fullName = (contact: Contact) =>
  [contact.firstName, contact.lastName].filter((part) => part.trim() !== '').join(' ');

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const fieldLabel = (name: string) =>
  mergeFields.find((field) => field.name === name)?.label.toLowerCase() ?? `“${name}”`;

/** The sentence that refuses to send a note with open merge tokens, naming each field once. */
function openTokensMessage(names: readonly string[]): string {
  const labels = [...new Set(names.map(fieldLabel))];
  const list =
    labels.length === 1
      ? labels[0]
      : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return `The note still has ${labels.length === 1 ? 'an empty field' : 'empty fields'} (${list}). Fill ${labels.length === 1 ? 'it' : 'them'} in or delete ${labels.length === 1 ? 'it' : 'them'}, then mark the note as sent; the note is saved as it is.`;
}

export function createThanksService(options: ThanksServiceOptions): ThanksService {
  const { storage } = options;
  const newId = options.newId ?? randomUUID;
  const nowIso = () => options.now().toISOString();
  const data = (): Readonly<Dataset> => storage.read();

  const requireContact = (dataset: Readonly<Dataset>, id: string): Contact => {
    const contact = own(dataset.contacts, id);
    if (contact === undefined) throw contactGone();
    return contact;
  };

  const requireNote = (dataset: Readonly<Dataset>, id: string): ThankYouNote => {
    const note = own(dataset.notes, id);
    if (note === undefined || !Object.hasOwn(dataset.contacts, note.contactId)) throw noteGone();
    return note;
  };

  /** The meeting, which must be one with this contact. */
  const requireMeetingOf = (
    dataset: Readonly<Dataset>,
    contactId: string,
    meetingId: string,
    field: string,
  ): Meeting => {
    const meeting = own(dataset.meetings, meetingId);
    if (meeting === undefined)
      throw new UserFacingError(
        'not-found',
        'This meeting no longer exists; it may have been deleted. Reload and choose the meeting again.',
      );
    if (meeting.contactId !== contactId)
      throw invalid(
        field,
        'This meeting is with someone else. Choose one of this contact’s meetings.',
      );
    return meeting;
  };

  const findTemplate = (dataset: Readonly<Dataset>, id: string): Template | undefined =>
    builtInTemplates.find((template) => template.id === id) ?? own(dataset.templates, id);

  const reportBackOf = (dataset: Readonly<Dataset>, noteId: string): Reminder | undefined =>
    Object.values(dataset.reminders).find(
      (reminder) => reminder.kind === 'report-back' && reminder.createdBy === noteId,
    );

  /** Marks done the 24-hour reminders this note answers: its meeting's, or all the contact's. */
  const completeThankYouDue = (tx: Transaction, note: ThankYouNote) => {
    for (const reminder of Object.values(tx.data.reminders)) {
      if (reminder.contactId !== note.contactId || reminder.kind !== 'thank-you-due') continue;
      if (!isPending(reminder)) continue;
      if (note.meetingId !== null && reminder.createdBy !== note.meetingId) continue;
      tx.put('reminders', { ...reminder, status: 'done', snoozedUntil: null });
    }
  };

  return {
    templates() {
      const own = Object.values(data().templates)
        .filter((template) => !isBuiltInTemplateId(template.id))
        .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
      return [...builtInTemplates, ...own];
    },

    saveTemplate(raw) {
      const input = parse(SaveTemplateInput, raw);
      if (input.id !== undefined && isBuiltInTemplateId(input.id)) throw builtInRefused();
      if (input.id !== undefined && !Object.hasOwn(data().templates, input.id))
        throw templateGone();
      return storage.transact((tx) => {
        if (input.id !== undefined && !Object.hasOwn(tx.data.templates, input.id))
          throw templateGone();
        const template: Template = {
          id: input.id ?? newId(),
          name: input.name,
          purpose: input.purpose,
          subject: input.subject,
          body: input.body,
          builtIn: false,
        };
        tx.put('templates', template);
        return template;
      });
    },

    deleteTemplate(id) {
      if (isBuiltInTemplateId(id)) throw builtInRefused();
      if (!Object.hasOwn(data().templates, id)) return null;
      storage.transact((tx) => tx.remove('templates', id));
      return null;
    },

    context(contactId, meetingId) {
      const dataset = data();
      const contact = requireContact(dataset, contactId);
      const meeting =
        meetingId === null ? null : requireMeetingOf(dataset, contactId, meetingId, 'meetingId');
      const referrer =
        contact.referredById === null
          ? null
          : (own(dataset.contacts, contact.referredById) ?? null);
      const { profile } = dataset.settings;
      return {
        contact,
        meeting,
        referrer,
        myName: profile.name,
        mySignature: profile.signature,
        myEmail: profile.email,
        myAddress: profile.address,
        dueAt:
          meeting?.status === 'held'
            ? new Date(meetingEnd(meeting).getTime() + THANK_YOU_AFTER_MS).toISOString()
            : null,
      };
    },

    list(contactId) {
      const dataset = data();
      const summaries: ThankYouSummary[] = [];
      for (const note of Object.values(dataset.notes)) {
        if (contactId !== undefined && note.contactId !== contactId) continue;
        const contact = own(dataset.contacts, note.contactId);
        if (contact === undefined) continue;
        const meeting =
          note.meetingId === null ? null : (own(dataset.meetings, note.meetingId) ?? null);
        summaries.push({ note, contact, meeting });
      }
      return summaries.sort(
        (a, b) =>
          time(b.note.createdAt) - time(a.note.createdAt) ||
          (a.note.id < b.note.id ? 1 : a.note.id > b.note.id ? -1 : 0),
      );
    },

    get(id) {
      return requireNote(data(), id);
    },

    save(raw) {
      const input = parse(SaveThankYouInput, raw);
      const check = (dataset: Readonly<Dataset>) => {
        requireContact(dataset, input.contactId);
        if (input.meetingId !== null)
          requireMeetingOf(dataset, input.contactId, input.meetingId, 'meetingId');
        if (input.templateId !== null && findTemplate(dataset, input.templateId) === undefined)
          throw invalid(
            'templateId',
            'This template no longer exists. Choose another template; your text is kept.',
          );
        if (input.id === undefined) return undefined;
        const existing = requireNote(dataset, input.id);
        if (existing.contactId !== input.contactId)
          throw new UserFacingError(
            'conflict',
            'This note belongs to another contact. Start a new note for this contact instead.',
          );
        return existing;
      };
      check(data());
      return storage.transact((tx) => {
        const existing = check(tx.data);
        const note: ThankYouNote = {
          id: existing?.id ?? newId(),
          contactId: input.contactId,
          meetingId: input.meetingId,
          templateId: input.templateId,
          subject: input.subject,
          body: input.body,
          createdAt: existing?.createdAt ?? nowIso(),
          sentAt: existing?.sentAt ?? null,
          exportedFile: existing?.exportedFile ?? '',
        };
        tx.put('notes', note);
        return note;
      });
    },

    recordExport(id, filePath) {
      requireNote(data(), id);
      return storage.transact((tx) => {
        const note: ThankYouNote = {
          ...requireNote(tx.data, id),
          exportedFile: filePath.slice(0, 4_000),
        };
        tx.put('notes', note);
        return note;
      });
    },

    markSent(id) {
      const dataset = data();
      const found = requireNote(dataset, id);
      if (found.sentAt === null) {
        if (found.body.trim() === '')
          throw invalid('body', 'The note is empty. Write the note, then mark it as sent.');
        const open = openTokens(found.body);
        if (open.length > 0)
          throw invalid('body', openTokensMessage(open.map((token) => token.name)));
      }
      return storage.transact((tx) => {
        const existing = requireNote(tx.data, id);
        let contact = requireContact(tx.data, existing.contactId);
        const previous = reportBackOf(tx.data, existing.id);
        if (existing.sentAt !== null && previous !== undefined)
          return { note: existing, contact, reportBack: previous };
        const now = options.now();
        const at = now.toISOString();
        const note: ThankYouNote = { ...existing, sentAt: existing.sentAt ?? at };
        if (existing.sentAt === null) {
          tx.put('notes', note);
          tx.put('activities', {
            id: newId(),
            contactId: contact.id,
            kind: 'thank-you-sent',
            at,
            summary: `Sent ${fullName(contact)} a thank-you note`.slice(0, 5_000),
            meetingId: note.meetingId,
          });
          if (!keepStage.has(contact.stage)) {
            const moved: Contact = { ...contact, stage: 'thanked', updatedAt: at };
            tx.put('contacts', moved);
            tx.put('activities', {
              id: newId(),
              contactId: contact.id,
              kind: 'stage-change',
              at,
              summary: stageChangeSummary(contact.stage, 'thanked'),
              meetingId: note.meetingId,
            });
            contact = moved;
          }
          completeThankYouDue(tx, note);
        }
        const reportBack =
          previous ??
          newReminder({
            id: newId(),
            contactId: contact.id,
            kind: 'report-back',
            due: reminderInstant(
              addCalendarDays(localDateOf(now), tx.data.settings.reportBackDays),
            ),
            title: `Tell ${contact.firstName} how their advice worked out`.slice(0, 300),
            createdBy: note.id,
          });
        if (previous === undefined) tx.put('reminders', reportBack);
        return { note, contact, reportBack };
      });
    },
  };
}
