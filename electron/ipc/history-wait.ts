import type { Channel } from '../../shared/contract.js';
import type { Storage } from '../services/types.js';
import type { Handlers } from './dispatch.js';

/**
 * Channels answered from what the store reads at open (settings, contacts, reminders, meetings,
 * employers, templates, notes) or from single items of the collections it reads afterwards (a
 * meeting's prep is read from its own file). Everything else may need all of a contact's history
 * (activities) or every prep — a contact's page, a stage move that starts keeping in touch, an
 * export — and waits until the background reading has them (store/deferred.ts) instead of
 * reading a 50,000-contact store's history on main in one go. Checked channel by channel in
 * tests/unit/ipc-history-wait.test.ts: each one listed here leaves both collections unread.
 */
export const ANSWERED_AT_ONCE: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:openExternal',
  'settings:get',
  'settings:updateProfile',
  'settings:update',
  'storage:status',
  'storage:dismissNotice',
  'storage:openFolder',
  'backups:list',
  'backups:create',
  'attachments:add',
  'attachments:list',
  'contacts:list',
  'contacts:getMany',
  'contacts:searchNotes',
  'contacts:findDuplicates',
  'reminders:today',
  'import:choose',
  'import:dropped',
  'import:remap',
  'import:reencode',
  'import:cancel',
  'export:contactsCsv',
  'export:contactsVcard',
  'employers:list',
  'employers:exportCsv',
  'insights:savePng',
  'insights:saveCsv',
  'meetings:list',
  'meetings:get',
  'meetings:update',
  'meetings:attach',
  'meetings:attachDropped',
  'meetings:detach',
  'questions:bank',
  'questions:save',
  'export:prepSheet',
  'export:packet',
  'export:printPacket',
  'export:calendar',
  'templates:list',
  'templates:save',
  'templates:delete',
  'thanks:context',
  'thanks:list',
  'thanks:get',
  'thanks:save',
  'thanks:exportDocx',
  'thanks:discardDraft',
  'outreach:draft',
  'outreach:saveDraft',
  'outreach:discardDraft',
  'outreach:drafts',
]);

/** The collections read after open, in the order a waiting request wants them. */
const HISTORY = ['activities', 'preps'] as const;

/**
 * The handler table with every channel not in ANSWERED_AT_ONCE waiting for the history first.
 * Once it is read (a few seconds after start at most) the wait is one resolved promise.
 */
export function waitingForHistory(
  handlers: Handlers,
  storage: Pick<Storage, 'isLoaded' | 'whenLoaded'>,
): Handlers {
  const wrapped: Record<string, (args: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [
    Channel,
    (args: unknown) => unknown,
  ][]) {
    wrapped[channel] = ANSWERED_AT_ONCE.has(channel)
      ? handler
      : async (args) => {
          for (const collection of HISTORY) {
            if (storage.isLoaded?.(collection) === false) await storage.whenLoaded?.(collection);
          }
          return handler(args);
        };
  }
  return wrapped as Handlers;
}
