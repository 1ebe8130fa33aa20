import type { Stage } from '../schema/entities.js';

/**
 * The pipeline a contact moves through, in the order the board shows it. The open stages are the
 * columns of work in progress; the closed ones end the pipeline without a meeting (the person said
 * no, or never answered). Main and the renderer share this list so a stage cannot be labelled or
 * ordered differently in two places.
 */
export const openStages: readonly Stage[] = Object.freeze([
  'prospect',
  'contacted',
  'scheduled',
  'met',
  'thanked',
  'keeping-in-touch',
] as const);

export const closedStages: readonly Stage[] = Object.freeze(['declined', 'no-reply'] as const);

/** Every stage: open ones first in pipeline order, then the closed ones. */
export const stageOrder: readonly Stage[] = Object.freeze([...openStages, ...closedStages]);

/** Display names (sentence case, as the rest of the UI). */
export const stageLabels: Readonly<Record<Stage, string>> = Object.freeze({
  prospect: 'Prospect',
  contacted: 'Contacted',
  scheduled: 'Scheduled',
  met: 'Met',
  thanked: 'Thanked',
  'keeping-in-touch': 'Keeping in touch',
  declined: 'Declined',
  'no-reply': 'No reply',
});

/** The display name of a stage. */
export function stageLabel(stage: Stage): string {
  return stageLabels[stage];
}

/** Declined and No reply: the pipeline ended for this person. */
export function isClosedStage(stage: Stage): boolean {
  return closedStages.includes(stage);
}

/** Position in `stageOrder`, for sorting. */
export function stageIndex(stage: Stage): number {
  return stageOrder.indexOf(stage);
}

/** The timeline line written when a contact changes stage: "Stage: Contacted → Scheduled". */
export function stageChangeSummary(from: Stage, to: Stage): string {
  return `Stage: ${stageLabel(from)} → ${stageLabel(to)}`;
}
