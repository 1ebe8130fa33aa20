import { UserFacingError } from '../shared/result.js';
import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './ipc/dispatch.js';

export type PipelineChannel =
  | 'contacts:list'
  | 'contacts:get'
  | 'contacts:findDuplicates'
  | 'contacts:create'
  | 'contacts:update'
  | 'contacts:deletionImpact'
  | 'contacts:delete'
  | 'contacts:undoDelete'
  | 'contacts:setStage'
  | 'activities:log'
  | 'reminders:today'
  | 'reminders:snooze'
  | 'reminders:done';

const notYet = () => {
  throw new UserFacingError('internal', 'The pipeline is not available yet.');
};

/** Contacts, activities and reminders: the table rows for the pipeline (being built, issue 3). */
export function createPipelineHandlers(_deps: HandlerDeps): Pick<Handlers, PipelineChannel> {
  return {
    'contacts:list': notYet,
    'contacts:get': notYet,
    'contacts:findDuplicates': notYet,
    'contacts:create': notYet,
    'contacts:update': notYet,
    'contacts:deletionImpact': notYet,
    'contacts:delete': notYet,
    'contacts:undoDelete': notYet,
    'contacts:setStage': notYet,
    'activities:log': notYet,
    'reminders:today': notYet,
    'reminders:snooze': notYet,
    'reminders:done': notYet,
  };
}
