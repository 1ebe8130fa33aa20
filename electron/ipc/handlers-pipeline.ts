import { fullName } from '../../shared/domain/names.js';
import { stageLabel } from '../../shared/domain/stages.js';
import type { ServiceDeps } from './handlers.js';
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
export function createPipelineHandlers(deps: ServiceDeps): Pick<Handlers, PipelineChannel> {
  const pipeline = createPipelineService({ storage: deps.storage, now: deps.now });
  const queries = createContactQueries({ storage: deps.storage });
  const { journal } = deps;
  const reminderFor = (id: string) => {
    const reminder = deps.storage.get('reminders', id);
    const contact = reminder && deps.storage.get('contacts', reminder.contactId);
    return `“${reminder?.title ?? 'reminder'}”${contact ? ` for ${fullName(contact)}` : ''}`;
  };
  return {
    'contacts:list': () => pipeline.list(),
    'contacts:getMany': ({ ids }) => queries.getMany(ids),
    'contacts:searchNotes': ({ query }) => queries.searchNotes(query),
    'contacts:get': ({ id }) => pipeline.get(id),
    'contacts:findDuplicates': ({ contact, ignoreId }) =>
      pipeline.findDuplicates(contact, ignoreId),
    'contacts:create': ({ contact }) => pipeline.create(contact),
    'contacts:update': ({ id, contact }) => pipeline.update(id, contact),
    'contacts:delete': ({ id }) => pipeline.delete(id),
    'contacts:undoDelete': ({ undoToken }) => pipeline.undoDelete(undoToken),
    'contacts:setStage': ({ id, stage }) =>
      journal.record(
        () => pipeline.setStage(id, stage),
        ({ contact }) => `Moved ${fullName(contact)} to ${stageLabel(contact.stage)}`,
      ),
    'activities:log': (input) => pipeline.logActivity(input),
    'reminders:today': (shown) => pipeline.today(shown),
    'reminders:snooze': ({ id, until }) =>
      journal.record(
        () => pipeline.snooze(id, until),
        () => `Snoozed ${reminderFor(id)}`,
      ),
    'reminders:done': ({ id }) =>
      journal.record(
        () => pipeline.done(id),
        () => `Marked ${reminderFor(id)} done`,
      ),
    'reminders:add': (input) => pipeline.addReminder(input),
    'reminders:promise': (input) => pipeline.setPromiseTask(input),
  };
}
