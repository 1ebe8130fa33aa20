import { create } from 'zustand';
import type { MeetingRecord, Template, ThankYouNote } from '../../shared/schema/entities.js';
import type {
  MarkSentResult,
  MergeContext,
  SaveTemplateInput,
  SaveThankYouInput,
  ThankYouSummary,
} from '../../shared/schema/thanks.js';
import type { z } from 'zod';
import type { ReminderKind } from '../../shared/domain/reminder-policy.js';
import type { NotePurpose } from '../../shared/schema/entities.js';
import { useUndoStore } from './undo-store.js';
import { call, errorMessage } from '../api.js';

/**
 * Who the composer writes to and why; `noteId` reopens a saved note instead of starting a new
 * one. For a referrer thank-you, `contactId` is the referrer and `aboutContactId` the person met.
 * Without `noteId`, the composer opens the draft already written for the same purpose, recipient
 * and meeting, if there is one.
 */
export interface ComposeTarget {
  purpose?: NotePurpose;
  contactId: string;
  aboutContactId?: string | null;
  meetingId: string | null;
  noteId?: string | null;
}

/** The note a reminder asks for: the 24-hour thank-you, or the report-back after it. */
export const notePurposeForReminder: Partial<Record<ReminderKind, NotePurpose>> = {
  'thank-you-due': 'thank-you',
  'report-back': 'report-back',
};

interface ThanksState {
  /** The note being written, or null to show only the history. */
  target: ComposeTarget | null;
  history: ThankYouSummary[];
  historyLoaded: boolean;
  historyError: string | null;
  /** Opens the composer (the caller then navigates to 'thanks'). */
  compose(target: ComposeTarget): void;
  /**
   * Opens the composer for the note a reminder asks for (Today's "thank-you due" and
   * "report-back"), then the caller navigates to 'thanks'. Without a meeting, the note is about
   * the meeting of the last thank-you sent (report-back) or the latest held meeting. Returns
   * false, and opens nothing, for reminder kinds that are not about a note.
   */
  composeFor(kind: ReminderKind, contact: { id: string }, meetingId?: string | null): boolean;
  closeComposer(): void;
  loadHistory(): Promise<void>;
  /** After main changed notes, contacts or meetings: reloads the history if it was loaded. */
  refresh(): Promise<void>;
  /** The calls below throw ApiError so the composer keeps the text and says what went wrong. */
  templates(): Promise<Template[]>;
  saveTemplate(input: z.input<typeof SaveTemplateInput>): Promise<Template>;
  deleteTemplate(id: string): Promise<void>;
  context(target: ComposeTarget): Promise<MergeContext>;
  /** The notes addressed to one contact, newest first (drafts included). */
  notesTo(contactId: string): Promise<ThankYouSummary[]>;
  /** The contact's held meetings, latest first: what a note without a meeting is about. */
  heldMeetingsOf(contactId: string): Promise<MeetingRecord[]>;
  get(id: string): Promise<ThankYouNote>;
  save(input: z.input<typeof SaveThankYouInput>): Promise<ThankYouNote>;
  /** Deletes a note that was never sent. */
  discardDraft(id: string): Promise<void>;
  exportDocx(id: string): Promise<{ path: string } | null>;
  markSent(id: string): Promise<MarkSentResult>;
  openExternal(url: string): Promise<void>;
}

const initial = {
  target: null as ComposeTarget | null,
  history: [] as ThankYouSummary[],
  historyLoaded: false,
  historyError: null as string | null,
};

/** Thank-you notes: the composer's target and the history of every note. */
export const useThanksStore = create<ThanksState>()((set, get) => ({
  ...initial,
  compose: (target) => set({ target }),
  composeFor: (kind, contact, meetingId = null) => {
    const purpose = notePurposeForReminder[kind];
    if (purpose === undefined) return false;
    set({ target: { purpose, contactId: contact.id, aboutContactId: null, meetingId } });
    return true;
  },
  closeComposer: () => set({ target: null }),
  loadHistory: async () => {
    try {
      set({ history: await call('thanks:list'), historyLoaded: true, historyError: null });
    } catch (error) {
      set({ historyError: errorMessage(error) });
    }
  },
  refresh: async () => {
    if (get().historyLoaded) await get().loadHistory();
  },
  templates: () => call('templates:list'),
  saveTemplate: (input) => call('templates:save', input),
  deleteTemplate: async (id) => {
    await call('templates:delete', { id });
  },
  context: (target) =>
    call('thanks:context', {
      purpose: target.purpose ?? 'thank-you',
      contactId: target.contactId,
      aboutContactId: target.aboutContactId ?? null,
      meetingId: target.meetingId,
    }),
  notesTo: (contactId) => call('thanks:list', { contactId }),
  heldMeetingsOf: async (contactId) =>
    (await call('meetings:list'))
      .map((row) => row.meeting)
      .filter((meeting) => meeting.contactId === contactId && meeting.status === 'held')
      .sort((a, b) => b.start.localeCompare(a.start)),
  get: (id) => call('thanks:get', { id }),
  save: (input) => call('thanks:save', input),
  discardDraft: async (id) => {
    await call('thanks:discardDraft', { id });
  },
  exportDocx: (id) => call('thanks:exportDocx', { id }),
  markSent: async (id) => {
    const result = await call('thanks:markSent', { id });
    useUndoStore.getState().offer(result.undo);
    return result;
  },
  openExternal: async (url) => {
    await call('app:openExternal', { url });
  },
}));

export const resetThanksStore = () => useThanksStore.setState(initial);
