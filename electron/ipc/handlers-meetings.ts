import { fullName } from '../../shared/domain/names.js';
import type { ServiceDeps } from './handlers.js';
import type { Handlers } from './dispatch.js';
import { createMeetingService } from '../services/meetings.js';

export type MeetingChannel =
  | 'meetings:list'
  | 'meetings:get'
  | 'meetings:schedule'
  | 'meetings:update'
  | 'meetings:cancel'
  | 'meetings:markHeld'
  | 'meetings:addSuggestedContact'
  | 'meetings:attach'
  | 'meetings:attachDropped'
  | 'meetings:detach'
  | 'questions:bank'
  | 'questions:save';

/**
 * Meetings, the prep workspace and the question bank: one line per channel, each a call into the
 * meeting service. Files only ever come from the native open dialog, never from a renderer path.
 */
export function createMeetingHandlers(deps: ServiceDeps): Pick<Handlers, MeetingChannel> {
  const meetings = createMeetingService({
    storage: deps.storage,
    now: deps.now,
    dialogs: deps.dialogs,
  });
  return {
    'meetings:list': () => meetings.list(),
    'meetings:get': ({ id }) => meetings.get(id),
    'meetings:schedule': (input) => meetings.schedule(input),
    'meetings:update': ({ id, patch }) => meetings.update(id, patch),
    'meetings:cancel': ({ id, didNotHappen }) => meetings.cancel(id, { didNotHappen }),
    'meetings:markHeld': ({ id }) =>
      deps.journal.record(
        () => meetings.markHeld(id),
        ({ contact }) => `Marked the meeting with ${fullName(contact)} as held`,
      ),
    'meetings:addSuggestedContact': (input) => meetings.addSuggestedContact(input),
    'meetings:attach': ({ id, role }) => meetings.attach(id, role),
    'meetings:attachDropped': ({ id, name, data }) =>
      meetings.attachDropped(id, name, Buffer.from(data, 'base64')),
    'meetings:detach': ({ id, attachmentId }) => meetings.detach(id, attachmentId),
    'questions:bank': () => meetings.bank(),
    'questions:save': (input) => meetings.saveQuestion(input),
  };
}
