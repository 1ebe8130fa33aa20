import { describe, expect, it } from 'vitest';
import {
  closedStages,
  isClosedStage,
  openStages,
  stageChangeSummary,
  stageIndex,
  stageLabel,
  stageOrder,
} from '../../shared/domain/stages.js';
import { Stage } from '../../shared/schema/entities.js';

describe('pipeline stages', () => {
  it('lists the open stages in pipeline order, then the closed ones', () => {
    expect(stageOrder.map(stageLabel)).toEqual([
      'Prospect',
      'Contacted',
      'Scheduled',
      'Met',
      'Thanked',
      'Keeping in touch',
      'Declined',
      'No reply',
    ]);
    expect(openStages).toHaveLength(6);
    expect(closedStages).toEqual(['declined', 'no-reply']);
  });

  it('covers every stage of the schema exactly once', () => {
    expect([...stageOrder].sort()).toEqual([...Stage.options].sort());
  });

  it.each([
    ['prospect', false, 0],
    ['keeping-in-touch', false, 5],
    ['declined', true, 6],
    ['no-reply', true, 7],
  ] as const)('%s is closed: %s, position %i', (stage, closed, index) => {
    expect(isClosedStage(stage)).toBe(closed);
    expect(stageIndex(stage)).toBe(index);
  });

  it('writes stage changes for the timeline', () => {
    expect(stageChangeSummary('contacted', 'scheduled')).toBe('Stage: Contacted → Scheduled');
    expect(stageChangeSummary('met', 'keeping-in-touch')).toBe('Stage: Met → Keeping in touch');
  });

  it('cannot be reordered by a caller', () => {
    expect(Object.isFrozen(stageOrder)).toBe(true);
    expect(Object.isFrozen(openStages)).toBe(true);
  });
});
