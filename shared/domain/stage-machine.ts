import type { Stage } from '../schema/entities.js';
import { closedStages, openStages } from './stages.js';

/**
 * The stage machine: which events move a contact where. Main applies it in every service, the
 * renderer's tests' fake applies the same table, and the property tests check it. The rule the
 * method depends on: an automatic event (an e-mail logged, a meeting held, a note sent) only ever
 * moves a contact forward; only the user moves someone backwards, by hand.
 */

/** What happened, as far as stages are concerned. */
export type StageEvent =
  | 'outreach-sent'
  | 'reply-received'
  | 'meeting-scheduled'
  | 'meeting-held'
  | 'thank-you-sent'
  | 'report-back-sent';

/** Where each event takes a contact who is not already there or past it. */
export const eventTargets: Readonly<Record<StageEvent, Stage | null>> = Object.freeze({
  'outreach-sent': 'contacted',
  // A reply says nothing about the next step by itself; it only brings back a "No reply" contact.
  'reply-received': null,
  'meeting-scheduled': 'scheduled',
  'meeting-held': 'met',
  'thank-you-sent': 'thanked',
  'report-back-sent': 'keeping-in-touch',
});

/** Position in the open pipeline (Prospect 0 ... Keeping in touch 5); null for a closed stage. */
export function stageRank(stage: Stage): number | null {
  const rank = openStages.indexOf(stage);
  return rank === -1 ? null : rank;
}

const MET_RANK = stageRank('met') as number;

/**
 * True when going from `from` to `to` loses ground: a lower open stage, or closing the pipeline
 * for someone the user has already met. Automatic events never do this.
 */
export function isBackward(from: Stage, to: Stage): boolean {
  const a = stageRank(from);
  const b = stageRank(to);
  if (a !== null && b !== null) return b < a;
  if (a !== null && b === null) return a >= MET_RANK;
  return false;
}

/**
 * The stage after an automatic event. Open stages only move forward to the event's target; a
 * closed stage (Declined, No reply) is left only for evidence that the person is engaged (an
 * outreach answered, a meeting set up or held, a note sent): a user who wrote to someone marked
 * "No reply" and heard back would otherwise have to fix the stage by hand.
 */
export function stageAfterEvent(current: Stage, event: StageEvent): Stage {
  const target = eventTargets[event];
  if (closedStages.includes(current)) {
    if (event === 'reply-received') return current === 'no-reply' ? 'contacted' : current;
    if (event === 'outreach-sent') return current === 'no-reply' ? 'contacted' : current;
    return target ?? current;
  }
  if (target === null) return current;
  const now = stageRank(current) as number;
  const next = stageRank(target) as number;
  return next > now ? target : current;
}

/** How a stage change came about, for the timeline and for the property tests. */
export type StageCause = StageEvent | 'manual';

/** One stage change as main reports it: the renderer's messages are built from these. */
export interface StageMove {
  contactId: string;
  from: Stage;
  to: Stage;
  cause: StageCause;
}

/**
 * A move the user makes by hand (board, list, contact form): any stage to any stage, backwards
 * included. Returns null when nothing changes.
 */
export function manualMove(contactId: string, from: Stage, to: Stage): StageMove | null {
  return from === to ? null : { contactId, from, to, cause: 'manual' };
}

/** The move an automatic event causes, or null when the contact stays where they are. */
export function eventMove(contactId: string, from: Stage, event: StageEvent): StageMove | null {
  const to = stageAfterEvent(from, event);
  return to === from ? null : { contactId, from, to, cause: event };
}
