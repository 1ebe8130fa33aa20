import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { mergeFields, openTokens } from '../../shared/domain/merge-fields.js';
import { fullName, listOfNames } from '../../shared/domain/names.js';
import { thankYouDeadline } from '../../shared/domain/reminder-policy.js';
import { builtInTemplates, isBuiltInTemplateId } from '../../shared/domain/thank-you-templates.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type {
  Contact,
  MeetingRecord,
  NotePurpose,
  Template,
  ThankYouNote,
} from '../../shared/schema/entities.js';
import {
  SaveTemplateInput,
  SaveThankYouInput,
  ThanksContextInput,
  type MarkSentResult,
  type MergeContext,
  type ThankYouSummary,
} from '../../shared/schema/thanks.js';
import { readMeeting } from './meeting-records.js';
import type { Clock, Storage } from './types.js';
import {
  follow,
  gone,
  invalid,
  own,
  parseInput,
  requireOwn,
  runWork,
  type Work,
} from './unit-of-work.js';

/**
 * Templates and thank-you notes: every `templates:*` and `thanks:*` channel but the .docx export
 * is one method here. A note has a purpose, and each is followed through differently (see
 * DOMAIN.md): a thank-you after an interview thanks the interviewee (Thanked, 24-hour reminder
 * done, a report-back later); a report-back tells them what came of their advice (report-back
 * done, Keeping in touch); a referrer thank-you is addressed to the person who made the
 * introduction and changes nothing for the interviewee. Marking a note sent writes everything in
 * one transaction, so a crash never leaves a contact half thanked.
 */
export interface ThanksService {
  /** Built-in templates first (in their fixed order), then the user's by name. */
  templates(): Template[];
  saveTemplate(input: z.input<typeof SaveTemplateInput>): Template;
  /** The user's templates only; deleting one that is already gone is harmless. */
  deleteTemplate(id: string): null;
  context(input: z.input<typeof ThanksContextInput>): MergeContext;
  /** Newest first; only the notes addressed to the contact when `contactId` is given. */
  list(contactId?: string): ThankYouSummary[];
  get(id: string): ThankYouNote;
  save(input: z.input<typeof SaveThankYouInput>): ThankYouNote;
  /** Remembers where the note was last exported, so History can show it. */
  recordExport(id: string, filePath: string): ThankYouNote;
  /** Sent, and what the note's purpose follows it with; a second call changes nothing. */
  markSent(id: string): MarkSentResult;
  /**
   * Throws away a note that was never sent (notes are autosaved from the first keystroke, so a
   * user who changes their mind needs this). A note already gone is harmless; a sent note is part
   * of the contact's history and is refused.
   */
  discardDraft(id: string): null;
}

export interface ThanksServiceOptions {
  storage: Storage;
  now: Clock;
  /** Ids for templates, notes, activities and reminders; randomUUID by default. */
  newId?: () => string;
}

const time = (iso: string) => Date.parse(iso);

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

const alreadySent = () =>
  new UserFacingError(
    'conflict',
    'This note was already sent, so it stays in your history. Close it instead.',
  );

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const fieldLabel = (name: string) =>
  mergeFields.find((field) => field.name === name)?.label.toLowerCase() ?? `“${name}”`;

/** The sentence that refuses to send a note with open merge tokens, naming each field once. */
function openTokensMessage(names: readonly string[]): string {
  const labels = [...new Set(names.map(fieldLabel))];
  const one = labels.length === 1;
  return `The note still has ${one ? 'an empty field' : 'empty fields'} (${listOfNames(labels)}). Fill ${one ? 'it' : 'them'} in or delete ${one ? 'it' : 'them'}, then mark the note as sent; the note is saved as it is.`;
}

/** The timeline line for a sent note, on the recipient's timeline. */
function sentSummary(purpose: NotePurpose, recipient: Contact, about: Contact | null): string {
  if (purpose === 'report-back') return `Told ${fullName(recipient)} how their advice worked out`;
  if (purpose === 'referrer-thanks')
    return about === null
      ? `Thanked ${fullName(recipient)} for an introduction`
      : `Thanked ${fullName(recipient)} for the introduction to ${fullName(about)}`;
  return `Sent ${fullName(recipient)} a thank-you note`;
}

export function createThanksService(options: ThanksServiceOptions): ThanksService {
  const { storage } = options;
  const newId = options.newId ?? randomUUID;
  const data = (): Readonly<Dataset> => storage.read();
  const work = <T>(fn: (w: Work) => T) => runWork({ storage, now: options.now, newId }, fn);

  const requireContact = (dataset: Readonly<Dataset>, id: string): Contact =>
    requireOwn(dataset.contacts, id, gone.contact);

  const requireNote = (dataset: Readonly<Dataset>, id: string): ThankYouNote => {
    const note = own(dataset.notes, id);
    if (note === undefined || !Object.hasOwn(dataset.contacts, note.contactId)) throw gone.note();
    return note;
  };

  /** The meeting, which must be one with this contact. */
  const requireMeetingOf = (
    dataset: Readonly<Dataset>,
    contactId: string,
    meetingId: string,
    field: string,
  ): MeetingRecord => {
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

  /**
   * Who a note is about and its meeting, checked: for a referrer thank-you the note goes to the
   * referrer (`contactId`) and is about the person they introduced (`aboutContactId`, whose
   * meeting it is); every other note is about its own recipient.
   */
  const resolveNote = (
    dataset: Readonly<Dataset>,
    input: {
      purpose: NotePurpose;
      contactId: string;
      aboutContactId: string | null;
      meetingId: string | null;
    },
  ) => {
    const recipient = requireContact(dataset, input.contactId);
    let about = recipient;
    if (input.purpose === 'referrer-thanks') {
      if (input.aboutContactId === null)
        throw invalid('aboutContactId', 'Choose the person the referrer introduced you to.');
      if (input.aboutContactId === input.contactId)
        throw invalid(
          'aboutContactId',
          'A referrer thank-you goes to the person who made the introduction, not to the person you met.',
        );
      about = requireContact(dataset, input.aboutContactId);
    } else if (input.aboutContactId !== null && input.aboutContactId !== input.contactId) {
      throw invalid('aboutContactId', 'Only a referrer thank-you is about someone else.');
    }
    const meeting =
      input.meetingId === null
        ? null
        : requireMeetingOf(dataset, about.id, input.meetingId, 'meetingId');
    return { recipient, about, meeting };
  };

  const findTemplate = (dataset: Readonly<Dataset>, id: string): Template | undefined =>
    builtInTemplates.find((template) => template.id === id) ?? own(dataset.templates, id);

  return {
    templates() {
      const mine = Object.values(data().templates)
        .filter((template) => !isBuiltInTemplateId(template.id))
        .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
      return [...builtInTemplates, ...mine];
    },

    saveTemplate(raw) {
      const input = parseInput(SaveTemplateInput, raw);
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

    context(raw) {
      const input = parseInput(ThanksContextInput, raw);
      const dataset = data();
      const { recipient, about, meeting: record } = resolveNote(dataset, input);
      // The notes of the meeting (takeaways, advice) are in its prep, read only now.
      const meeting = record === null ? null : (readMeeting(storage, record.id) ?? null);
      const referrer =
        input.purpose === 'referrer-thanks'
          ? recipient
          : about.referredById === null
            ? null
            : (own(dataset.contacts, about.referredById) ?? null);
      const { profile } = dataset.settings;
      return {
        purpose: input.purpose,
        recipient,
        contact: about,
        meeting,
        referrer,
        myName: profile.name,
        mySignature: profile.signature,
        myEmail: profile.email,
        myAddress: profile.address,
        dueAt:
          input.purpose === 'thank-you' && meeting?.status === 'held'
            ? thankYouDeadline(meeting).toISOString()
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
        const about =
          note.aboutContactId === null
            ? null
            : (own(dataset.contacts, note.aboutContactId) ?? null);
        summaries.push({ note, contact, about, meeting });
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
      const input = parseInput(SaveThankYouInput, raw);
      const check = (dataset: Readonly<Dataset>) => {
        resolveNote(dataset, input);
        if (input.templateId !== null && findTemplate(dataset, input.templateId) === undefined)
          throw invalid(
            'templateId',
            'This template no longer exists. Choose another template; your text is kept.',
          );
        if (input.id === undefined) return undefined;
        const existing = requireNote(dataset, input.id);
        if (existing.contactId !== input.contactId || existing.purpose !== input.purpose)
          throw new UserFacingError(
            'conflict',
            'This note belongs to another contact or is another kind of note. Start a new note instead; your text is kept.',
          );
        return existing;
      };
      check(data());
      return storage.transact((tx) => {
        const existing = check(tx.data);
        const note: ThankYouNote = {
          id: existing?.id ?? newId(),
          purpose: input.purpose,
          contactId: input.contactId,
          aboutContactId: input.purpose === 'referrer-thanks' ? input.aboutContactId : null,
          meetingId: input.meetingId,
          templateId: input.templateId,
          subject: input.subject,
          body: input.body,
          createdAt: existing?.createdAt ?? options.now().toISOString(),
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
      const found = requireNote(data(), id);
      if (found.sentAt === null) {
        if (found.body.trim() === '')
          throw invalid('body', 'The note is empty. Write the note, then mark it as sent.');
        const open = openTokens(found.body);
        if (open.length > 0)
          throw invalid('body', openTokensMessage(open.map((token) => token.name)));
      }
      const result = work((w) => {
        const existing = requireNote(w.data, id);
        const recipient = w.contact(existing.contactId);
        // Sent already: a second call changes nothing (and says nothing happened).
        if (existing.sentAt !== null) return { note: existing, contact: recipient };
        const at = w.nowIso();
        const note: ThankYouNote = { ...existing, sentAt: at };
        w.tx.put('notes', note);
        const about =
          note.aboutContactId === null ? null : (own(w.data.contacts, note.aboutContactId) ?? null);
        w.logActivity({
          id: w.newId(),
          contactId: recipient.id,
          kind:
            note.purpose === 'report-back'
              ? 'report-back-sent'
              : note.purpose === 'referrer-thanks'
                ? 'referrer-thanks-sent'
                : 'thank-you-sent',
          at,
          summary: sentSummary(note.purpose, recipient, about).slice(0, 5_000),
          // A referrer thank-you is not about a meeting of the referrer's.
          meetingId: note.purpose === 'referrer-thanks' ? null : note.meetingId,
        });
        let contact = recipient;
        if (note.purpose === 'thank-you')
          contact = follow.thankYouSent(w, recipient, {
            at,
            meetingId: note.meetingId,
            createdBy: note.id,
          }).contact;
        else if (note.purpose === 'report-back')
          contact = follow.reportBackSent(w, recipient, { at, meetingId: note.meetingId });
        return { note, contact };
      });
      return { ...result.value, effects: result.effects };
    },

    discardDraft(id) {
      const found = own(data().notes, id);
      if (found === undefined) return null;
      if (found.sentAt !== null) throw alreadySent();
      storage.transact((tx) => {
        const note = own(tx.data.notes, id);
        if (note === undefined) return;
        if (note.sentAt !== null) throw alreadySent();
        tx.remove('notes', id);
      });
      return null;
    },
  };
}
