import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Handlers } from './dispatch.js';
import type { ServiceDeps } from './handlers.js';
import { UserFacingError } from '../../shared/result.js';
import { writeFileAtomic } from '../services/atomic-file.js';
import { createEmployerService } from '../services/employers.js';
import {
  EMPLOYERS_CSV_MAX_BYTES,
  employersFileName,
  employersToCsv,
  planEmployersCsv,
} from '../services/employers-csv.js';
import { decodeImportBytes } from '../services/import/decode.js';
import { createLearningsService } from '../services/learnings.js';

export type EmployerChannel =
  | 'employers:list'
  | 'employers:get'
  | 'employers:create'
  | 'employers:update'
  | 'employers:merge'
  | 'employers:remove'
  | 'employers:exportCsv'
  | 'employers:importCsv'
  | 'learnings:get'
  | 'learnings:exportDocx';

const csvFilter = [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }];

/**
 * The two ends of the method: the LAMP list (employers) before the first contact, and what the
 * interviews taught (learnings) after the last. One line per channel, each a service call.
 */
export function createEmployerHandlers(deps: ServiceDeps): Pick<Handlers, EmployerChannel> {
  const employers = createEmployerService({ storage: deps.storage, now: deps.now });
  const learnings = createLearningsService(deps);
  return {
    // Answers live in the meeting preps, read after open: wait for them rather than block main.
    'learnings:get': async (filter) => {
      await deps.storage.whenLoaded?.('preps');
      return learnings.get(filter);
    },
    'learnings:exportDocx': async (filter) => {
      await deps.storage.whenLoaded?.('preps');
      return learnings.exportDocx(filter);
    },
    'employers:list': () => employers.list(),
    'employers:get': ({ id }) => employers.get(id),
    'employers:create': ({ employer }) => employers.create(employer),
    'employers:update': ({ id, patch }) => employers.update(id, patch),
    'employers:merge': ({ keepId, mergeId }) => employers.merge(keepId, mergeId),
    'employers:remove': ({ id }) => employers.remove(id),
    'employers:exportCsv': async () => {
      const filePath = await deps.dialogs.showSave({
        title: 'Export employers as CSV',
        defaultPath: employersFileName(deps.now()),
        filters: csvFilter,
      });
      if (filePath === null) return null;
      const rows = employers.list();
      try {
        writeFileAtomic(filePath, employersToCsv(rows));
      } catch {
        throw new UserFacingError(
          'io',
          'The export could not be written there. Your employers were not changed. Choose another folder and try again.',
        );
      }
      return { path: filePath, count: rows.length };
    },
    'employers:importCsv': async () => {
      const paths = await deps.dialogs.showOpen({
        title: 'Import employers from a CSV file',
        filters: csvFilter,
      });
      const filePath = paths?.[0];
      if (filePath === undefined) return null;
      let bytes: Buffer;
      try {
        // Measured before it is read: a list of employers is a few kilobytes.
        if (fs.statSync(filePath).size > EMPLOYERS_CSV_MAX_BYTES)
          throw new UserFacingError(
            'invalid-args',
            'This file is larger than 1 MB, too large for a list of employers. Nothing was changed.',
          );
        bytes = fs.readFileSync(filePath);
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError('io', 'This file could not be read. Nothing was changed.');
      }
      let plan;
      try {
        plan = planEmployersCsv(
          decodeImportBytes(bytes),
          Object.values(deps.storage.read().employers),
        );
      } catch (error) {
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError(
          'invalid-args',
          `${error instanceof Error ? error.message : 'This file could not be read.'} Nothing was changed.`,
        );
      }
      const at = deps.now().toISOString();
      deps.storage.transact((tx) => {
        for (const employer of plan.create)
          tx.put('employers', { ...employer, id: randomUUID(), createdAt: at, updatedAt: at });
        for (const { id, patch } of plan.update) {
          const existing = tx.data.employers[id];
          if (existing !== undefined) tx.put('employers', { ...existing, ...patch, updatedAt: at });
        }
      });
      return { added: plan.create.length, updated: plan.update.length, skipped: plan.skipped };
    },
  };
}
