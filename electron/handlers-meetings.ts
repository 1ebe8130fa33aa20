import { UserFacingError } from '../shared/result.js';
import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './ipc/dispatch.js';

export type MeetingChannel =
  | 'meetings:list'
  | 'meetings:get'
  | 'meetings:schedule'
  | 'meetings:update'
  | 'meetings:cancel'
  | 'meetings:markHeld'
  | 'meetings:addSuggestedContact'
  | 'meetings:attach'
  | 'meetings:detach'
  | 'questions:bank'
  | 'questions:save';

const notYet = () => {
  throw new UserFacingError('internal', 'Meetings are not available yet.');
};

/** Meetings, the prep workspace and the question bank (being built, issue 4). */
export function createMeetingHandlers(_deps: HandlerDeps): Pick<Handlers, MeetingChannel> {
  return {
    'meetings:list': notYet,
    'meetings:get': notYet,
    'meetings:schedule': notYet,
    'meetings:update': notYet,
    'meetings:cancel': notYet,
    'meetings:markHeld': notYet,
    'meetings:addSuggestedContact': notYet,
    'meetings:attach': notYet,
    'meetings:detach': notYet,
    'questions:bank': notYet,
    'questions:save': notYet,
  };
}
