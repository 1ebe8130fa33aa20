import { randomUUID } from 'node:crypto';
import { fullName } from '../../shared/domain/names.js';
import {
  advocacyByEmployer,
  compareLamp,
  employerIndex,
  employerKey,
} from '../../shared/domain/employers.js';
import { stageOrder } from '../../shared/domain/stages.js';
import { compareContactsByName } from '../../shared/domain/contact-order.js';
import type { Contact, Employer } from '../../shared/schema/entities.js';
import {
  EmployerInput,
  EmployerPatch,
  type EmployerDetail,
  type EmployerRow,
  type MergeEmployersResult,
} from '../../shared/schema/employers.js';
import { UserFacingError } from '../../shared/result.js';
import type { Clock, Storage, Transaction } from './types.js';
import { invalid, parseInput, requireOwn } from './unit-of-work.js';

const goneEmployer = () =>
  new UserFacingError(
    'not-found',
    'This employer no longer exists; it may have been merged or removed. Reload the list and try again.',
  );

/**
 * Links contacts to employers by the company they work at, inside one transaction: the same
 * company (case, accents and suffixes folded, or a name merged into an employer) is the same
 * employer, and a company with no employer yet gets one. Build one per transaction: the index is
 * made once, so an import of 50,000 rows links in one pass.
 */
export function employerLinker(tx: Transaction, now: () => string, newId: () => string) {
  let index: Map<string, Employer> | null = null;
  const byKey = () => (index ??= employerIndex(Object.values(tx.data.employers)));
  return {
    /**
     * The employer id for a contact being saved. `chosen`: what the form sent (an id, null for
     * none, undefined to link by the company). `previous`: the contact as saved before, whose link
     * is kept while the company names the same employer (a link the user chose stays).
     */
    link(
      contact: Pick<Contact, 'company'>,
      chosen: string | null | undefined,
      previous: Pick<Contact, 'company' | 'employerId'> | null,
    ): string | null {
      if (chosen === null) return null;
      if (chosen !== undefined) {
        if (!Object.hasOwn(tx.data.employers, chosen))
          throw invalid(
            'contact.employerId',
            'The employer chosen no longer exists. Choose another or leave it empty.',
          );
        return chosen;
      }
      const key = employerKey(contact.company);
      if (
        previous !== null &&
        employerKey(previous.company) === key &&
        (previous.employerId === null || Object.hasOwn(tx.data.employers, previous.employerId))
      )
        return previous.employerId;
      if (key === '') return null;
      const found = byKey().get(key);
      if (found !== undefined) return found.id;
      const at = now();
      const created: Employer = {
        ...blankEmployer(contact.company.trim()),
        id: newId(),
        createdAt: at,
        updatedAt: at,
      };
      tx.put('employers', created);
      byKey().set(key, created);
      return created.id;
    },
  };
}

/** An employer's fields before the user scores it: no motivation yet, no openings known. */
export function blankEmployer(name: string): Omit<Employer, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    name: name.slice(0, 200),
    aliases: [],
    website: '',
    location: '',
    notes: '',
    motivation: 0,
    posting: 1,
    postingUrl: '',
    research: '',
    focus: false,
  };
}

/** Two texts as one, each kept whole: for notes and research when two employers are merged. */
const joinTexts = (a: string, b: string, max: number) =>
  (a.trim() === '' ? b : b.trim() === '' ? a : `${a.trimEnd()}\n\n${b.trim()}`).slice(0, max);

export function createEmployerService(options: {
  storage: Storage;
  now: Clock;
  newId?: () => string;
}) {
  const { storage } = options;
  const newId = options.newId ?? randomUUID;
  const nowIso = () => options.now().toISOString();
  const requireEmployer = (id: string) => requireOwn(storage.read().employers, id, goneEmployer);

  const rows = (): EmployerRow[] => {
    const data = storage.read();
    const advocacy = advocacyByEmployer(Object.values(data.contacts));
    return Object.values(data.employers)
      .map((employer) => {
        const found = advocacy.get(employer.id);
        return {
          ...employer,
          advocacy: found ?? { warm: false, people: [], contacts: 0 },
        };
      })
      .sort((a, b) => compareLamp(lampScores(a), lampScores(b)));
  };

  return {
    /** The LAMP list, in the book's order. */
    list: rows,

    get(id: string): EmployerDetail {
      const data = storage.read();
      const employer = requireEmployer(id);
      const contacts = Object.values(data.contacts)
        .filter((contact) => contact.employerId === id)
        .sort(
          (a, b) =>
            stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) ||
            compareContactsByName(a, b),
        );
      const ids = new Set(contacts.map((contact) => contact.id));
      const meetings = Object.values(data.meetings)
        .filter((meeting) => ids.has(meeting.contactId))
        .sort((a, b) => b.start.localeCompare(a.start))
        .map((meeting) => ({
          ...meeting,
          contactName: fullName(data.contacts[meeting.contactId]!),
        }));
      const advocacy = advocacyByEmployer(contacts).get(id) ?? {
        warm: false,
        people: [],
        contacts: 0,
      };
      return {
        employer: { ...employer, advocacy },
        contacts: contacts.map(({ notes: _notes, ...summary }) => summary),
        meetings,
      };
    },

    create(raw: unknown): Employer {
      const input = parseInput(EmployerInput, raw, 'employer.');
      const key = employerKey(input.name);
      return storage.transact((tx) => {
        const same = employerIndex(Object.values(tx.data.employers)).get(key);
        if (same !== undefined)
          throw invalid('employer.name', `${same.name} is already on your list.`);
        const at = nowIso();
        const employer: Employer = {
          ...blankEmployer(input.name),
          ...input,
          id: newId(),
          createdAt: at,
          updatedAt: at,
        };
        tx.put('employers', employer);
        return employer;
      });
    },

    update(id: string, raw: unknown): Employer {
      const patch = parseInput(EmployerPatch, raw, 'patch.');
      return storage.transact((tx) => {
        const existing = requireOwn(tx.data.employers, id, goneEmployer);
        if (patch.name !== undefined && employerKey(patch.name) !== employerKey(existing.name)) {
          const same = employerIndex(Object.values(tx.data.employers)).get(employerKey(patch.name));
          if (same !== undefined && same.id !== id)
            throw invalid(
              'patch.name',
              `${same.name} is already on your list. To join the two, use Merge.`,
            );
        }
        const employer: Employer = { ...existing, ...patch, updatedAt: nowIso() };
        // The old name still finds this employer (a contact typed with it links here).
        if (patch.name !== undefined && employerKey(patch.name) !== employerKey(existing.name))
          employer.aliases = [...new Set([...existing.aliases, existing.name])].slice(-50);
        tx.put('employers', employer);
        return employer;
      });
    },

    /**
     * Joins `mergeId` into `keepId`: its contacts move over, its names become aliases, the scores
     * keep the higher of the two, notes and research are put together; `mergeId` is removed.
     */
    merge(keepId: string, mergeId: string): MergeEmployersResult {
      if (keepId === mergeId) throw invalid('mergeId', 'Choose two different employers to merge.');
      return storage.transact((tx) => {
        const keep = requireOwn(tx.data.employers, keepId, goneEmployer);
        const gone = requireOwn(tx.data.employers, mergeId, goneEmployer);
        const at = nowIso();
        let moved = 0;
        for (const contact of Object.values(tx.data.contacts)) {
          if (contact.employerId !== mergeId) continue;
          tx.put('contacts', { ...contact, employerId: keepId, updatedAt: at });
          moved += 1;
        }
        const aliases = [...keep.aliases, gone.name, ...gone.aliases].filter(
          (alias) => employerKey(alias) !== employerKey(keep.name),
        );
        const employer: Employer = {
          ...keep,
          aliases: [...new Set(aliases)].slice(-50),
          website: keep.website || gone.website,
          location: keep.location || gone.location,
          postingUrl: keep.postingUrl || gone.postingUrl,
          notes: joinTexts(keep.notes, gone.notes, 20_000),
          research: joinTexts(keep.research, gone.research, 20_000),
          motivation: Math.max(keep.motivation, gone.motivation),
          posting: Math.max(keep.posting, gone.posting),
          focus: keep.focus || gone.focus,
          updatedAt: at,
        };
        tx.put('employers', employer);
        tx.remove('employers', mergeId);
        return { employer, moved, merged: gone.name };
      });
    },

    /** Takes an employer off the list; its contacts stay, with no employer. */
    remove(id: string): { unlinked: number } {
      return storage.transact((tx) => {
        requireOwn(tx.data.employers, id, goneEmployer);
        let unlinked = 0;
        const at = nowIso();
        for (const contact of Object.values(tx.data.contacts)) {
          if (contact.employerId !== id) continue;
          tx.put('contacts', { ...contact, employerId: null, updatedAt: at });
          unlinked += 1;
        }
        tx.remove('employers', id);
        return { unlinked };
      });
    },
  };
}

const lampScores = (row: EmployerRow) => ({
  name: row.name,
  motivation: row.motivation,
  posting: row.posting,
  advocacy: row.advocacy.warm,
});

export type EmployerService = ReturnType<typeof createEmployerService>;
