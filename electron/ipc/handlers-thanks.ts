import { fullName } from '../../shared/domain/names.js';
import type { ServiceDeps } from './handlers.js';
import type { Handlers } from './dispatch.js';
import { exportThankYouDocx } from '../services/documents/thank-you-letter.js';
import { createThanksService } from '../services/thanks.js';

export type ThanksChannel =
  | 'templates:list'
  | 'templates:save'
  | 'templates:delete'
  | 'thanks:context'
  | 'thanks:list'
  | 'thanks:get'
  | 'thanks:save'
  | 'thanks:exportDocx'
  | 'thanks:markSent'
  | 'thanks:discardDraft';

/**
 * Templates and thank-you notes: one line per channel, each a call into the thanks service. The
 * .docx export lives with the other documents; the note remembers where it was last saved.
 */
export function createThanksHandlers(deps: ServiceDeps): Pick<Handlers, ThanksChannel> {
  const thanks = createThanksService({ storage: deps.storage, now: deps.now });
  return {
    'templates:list': () => thanks.templates(),
    'templates:save': (input) => thanks.saveTemplate(input),
    'templates:delete': ({ id }) => thanks.deleteTemplate(id),
    'thanks:context': (input) => thanks.context(input),
    'thanks:list': (args) => thanks.list(args?.contactId),
    'thanks:get': ({ id }) => thanks.get(id),
    'thanks:save': (input) => thanks.save(input),
    'thanks:exportDocx': async ({ id }) => {
      const exported = await exportThankYouDocx(deps, thanks.get(id));
      if (exported !== null) thanks.recordExport(id, exported.path);
      return exported;
    },
    'thanks:markSent': ({ id }) =>
      deps.journal.record(
        () => thanks.markSent(id),
        ({ contact }) => `Marked the thank-you note to ${fullName(contact)} as sent`,
      ),
    'thanks:discardDraft': ({ id }) => thanks.discardDraft(id),
  };
}
