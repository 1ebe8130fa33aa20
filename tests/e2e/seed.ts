import type { ContactInput } from '../../shared/schema/pipeline.js';

/**
 * A contact as `contacts:create` takes it, for specs that set up data through `window.rapport`
 * (built here in Node and handed to `page.evaluate` as its argument).
 */
export function newContact(patch: Partial<ContactInput> & Pick<ContactInput, 'firstName'>): {
  contact: ContactInput;
} {
  return {
    contact: {
      lastName: '',
      title: '',
      company: '',
      industry: '',
      location: '',
      email: '',
      phone: '',
      linkedinUrl: '',
      source: { kind: 'alumni', detail: '' },
      referredById: null,
      tags: [],
      notes: '',
      ...patch,
    },
  };
}
