import { UserFacingError } from '../shared/result.js';
import type { HandlerDeps } from './handlers.js';
import type { Handlers } from './ipc/dispatch.js';

export type ThanksChannel =
  | 'templates:list'
  | 'templates:save'
  | 'templates:delete'
  | 'thanks:context'
  | 'thanks:list'
  | 'thanks:get'
  | 'thanks:save'
  | 'thanks:exportDocx'
  | 'thanks:markSent';

const notYet = () => {
  throw new UserFacingError('internal', 'Thank-you notes are not available yet.');
};

/** Templates and thank-you notes (being built, issue 5). */
export function createThanksHandlers(_deps: HandlerDeps): Pick<Handlers, ThanksChannel> {
  return {
    'templates:list': notYet,
    'templates:save': notYet,
    'templates:delete': notYet,
    'thanks:context': notYet,
    'thanks:list': notYet,
    'thanks:get': notYet,
    'thanks:save': notYet,
    'thanks:exportDocx': notYet,
    'thanks:markSent': notYet,
  };
}
