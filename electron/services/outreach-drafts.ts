import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { compareContactsByName } from './reminders.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import type { OutreachDraft } from '../../shared/schema/entities.js';
import { SaveOutreachDraftInput, type OutreachDraftSummary } from '../../shared/schema/outreach.js';
import type { Clock, Storage, Transaction } from './types.js';
import { gone, itemsOf, own, parseInput, requireOwn } from './unit-of-work.js';

/**
 * Outreach e-mails being written: every `outreach:*` channel is one method here. The composer
 * saves as the user types, so text survives closing the dialog, leaving the page and a restart.
 * There is one draft per contact (the e-mail to that person); logging the e-mail as sent removes
 * it in the same transaction (see `dropOutreachDrafts`).
 */
export interface OutreachDraftsService {
  /** The contact's draft, or null when there is none. */
  get(contactId: string): OutreachDraft | null;
  /** Creates the contact's draft or replaces its text; an unchanged text writes nothing. */
  save(input: z.input<typeof SaveOutreachDraftInput>): OutreachDraft;
  /** Throws the contact's draft away; a draft (or contact) already gone is harmless. */
  discard(contactId: string): null;
  /** Every draft with its contact, most recently edited first. */
  list(): OutreachDraftSummary[];
}

export interface OutreachDraftsServiceOptions {
  storage: Storage;
  now: Clock;
  /** Ids for new drafts; randomUUID unless a test fixes them. */
  newId?: () => string;
}

const newestFirst = (a: OutreachDraft, b: OutreachDraft) =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The contact's draft: the newest, should an imported file hold more than one. */
const draftOf = (dataset: Readonly<Dataset>, contactId: string): OutreachDraft | null =>
  itemsOf(dataset.outreach, contactId).sort(newestFirst)[0] ?? null;

/**
 * Removes the contact's outreach draft(s) inside a transaction that is already running: the
 * e-mail was sent, so its draft would only come back as a stale "Continue writing". Returns how
 * many were removed.
 */
export function dropOutreachDrafts(tx: Transaction, contactId: string): number {
  const drafts = itemsOf(tx.data.outreach, contactId);
  for (const draft of drafts) tx.remove('outreach', draft.id);
  return drafts.length;
}

export function createOutreachDraftsService(
  options: OutreachDraftsServiceOptions,
): OutreachDraftsService {
  const { storage } = options;
  const newId = options.newId ?? randomUUID;
  const data = (): Readonly<Dataset> => storage.read();

  return {
    get(contactId) {
      const dataset = data();
      requireOwn(dataset.contacts, contactId, gone.contact);
      return draftOf(dataset, contactId);
    },

    save(raw) {
      const input = parseInput(SaveOutreachDraftInput, raw);
      requireOwn(data().contacts, input.contactId, gone.contact);
      return storage.transact((tx) => {
        requireOwn(tx.data.contacts, input.contactId, gone.contact);
        const existing = itemsOf(tx.data.outreach, input.contactId).sort(newestFirst);
        const current = existing[0];
        // Extra drafts (only an imported file could hold them) go: one draft per contact.
        for (const extra of existing.slice(1)) tx.remove('outreach', extra.id);
        const draft: OutreachDraft = {
          id: current?.id ?? newId(),
          contactId: input.contactId,
          subject: input.subject,
          body: input.body,
          updatedAt: options.now().toISOString(),
        };
        if (
          current !== undefined &&
          existing.length === 1 &&
          current.subject === draft.subject.trim() &&
          current.body === draft.body.trim()
        )
          return current;
        tx.put('outreach', draft);
        return own(tx.data.outreach, draft.id) ?? draft;
      });
    },

    discard(contactId) {
      if (itemsOf(data().outreach, contactId).length === 0) return null;
      storage.transact((tx) => dropOutreachDrafts(tx, contactId));
      return null;
    },

    list() {
      const dataset = data();
      const summaries: OutreachDraftSummary[] = [];
      const seen = new Set<string>();
      for (const draft of Object.values(dataset.outreach).sort(newestFirst)) {
        const contact = own(dataset.contacts, draft.contactId);
        if (contact === undefined || seen.has(contact.id)) continue;
        seen.add(contact.id);
        summaries.push({ draft, contact });
      }
      return summaries.sort(
        (a, b) => newestFirst(a.draft, b.draft) || compareContactsByName(a.contact, b.contact),
      );
    },
  };
}
