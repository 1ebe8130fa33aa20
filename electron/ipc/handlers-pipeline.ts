import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './dispatch.js';
import { createContactQueries } from '../services/contact-queries.js';
import { createPipelineService } from '../services/pipeline.js';

export type PipelineChannel =
  | 'contacts:list'
  | 'contacts:getMany'
  | 'contacts:searchNotes'
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
  | 'reminders:done'
  | 'reminders:add'
  | 'reminders:promise';

/**
 * Contacts, activities and reminders: one line per channel, each a call into the pipeline service.
 * The service (and its in-memory undo tokens) lives as long as the handler table, which main and
 * the e2e harness build once.
 */
export function createPipelineHandlers(deps: HandlerDeps): Pick<Handlers, PipelineChannel> {
  const pipeline = createPipelineService({ storage: deps.storage, now: deps.now });
  const queries = createContactQueries({ storage: deps.storage });
  return {
    'contacts:list': () => pipeline.list(),
    'contacts:getMany': ({ ids }) => queries.getMany(ids),
    'contacts:searchNotes': ({ query }) => queries.searchNotes(query),
    'contacts:get': ({ id }) => pipeline.get(id),
    'contacts:findDuplicates': ({ contact, ignoreId }) =>
      pipeline.findDuplicates(contact, ignoreId),
    'contacts:create': ({ contact }) => pipeline.create(contact),
    'contacts:update': ({ id, contact }) => pipeline.update(id, contact),
    'contacts:deletionImpact': ({ id }) => pipeline.deletionImpact(id),
    'contacts:delete': ({ id }) => pipeline.delete(id),
    'contacts:undoDelete': ({ undoToken }) => pipeline.undoDelete(undoToken),
    'contacts:setStage': ({ id, stage }) => pipeline.setStage(id, stage),
    'activities:log': (input) => pipeline.logActivity(input),
    'reminders:today': (shown) => pipeline.today(shown),
    'reminders:snooze': ({ id, until }) => pipeline.snooze(id, until),
    'reminders:done': ({ id }) => pipeline.done(id),
    'reminders:add': (input) => pipeline.addReminder(input),
    'reminders:promise': (input) => pipeline.setPromiseTask(input),
  };
}
