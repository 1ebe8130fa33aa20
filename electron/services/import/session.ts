import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { importSourceDetails } from '../../../shared/domain/sources.js';
import { UserFacingError } from '../../../shared/result.js';
import type {
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportRowIssue,
  MappableField,
} from '../../../shared/schema/pipeline.js';
import type { Clock, Storage } from '../types.js';
import { connectedOnColumn, csvDrafts, guessMapping, readCsvTable, type CsvTable } from './csv.js';
import { decodeImportBytes, importLimits } from './decode.js';
import type { Draft, ParsedFile } from './draft.js';
import { planImport } from './merge.js';
import { vcardDrafts } from './vcard.js';

/** A preview is kept this long; after that the user chooses the file again. */
export const SESSION_TTL_MS = 30 * 60_000;
/** Previews kept at once (each may hold 50,000 rows); the oldest goes first. */
export const MAX_SESSIONS = 3;
/** Rows listed with a reason in a preview; the counts still cover every row. */
export const MAX_LISTED_ISSUES = 1_000;

export interface ImportServiceDeps {
  storage: Storage;
  now: Clock;
  emit(progress: ImportProgress): void;
  /** Defaults to fs.readFile after a size check; tests pass bytes directly. */
  readFile?: (filePath: string) => Promise<Uint8Array>;
  newId?: () => string;
}

export interface ImportCommitResult {
  added: number;
  merged: number;
  unchanged: number;
  rejected: number;
}

interface Session {
  token: string;
  fileName: string;
  kind: ImportKind;
  table: CsvTable | null;
  mapping: MappableField[];
  parsed: ParsedFile;
  expiresAt: number;
}

/** What each import writes as the source (one list with the outreach rules, which ignore it). */
const sources: Record<ImportKind, Draft['source']> = {
  linkedin: { kind: 'other', detail: importSourceDetails.linkedin },
  csv: { kind: 'other', detail: importSourceDetails.csv },
  vcard: { kind: 'other', detail: importSourceDetails.vcard },
};

/** Reads a user-chosen file, refusing anything over the size limit before reading it. */
export async function readImportFile(filePath: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch {
    throw new UserFacingError(
      'io',
      'That file could not be opened. Nothing was imported. Check that it still exists.',
    );
  }
  if (!stat.isFile())
    throw new UserFacingError('invalid-file', 'That is not a file. Nothing was imported.');
  if (stat.size > importLimits.maxBytes) {
    throw new UserFacingError(
      'invalid-file',
      `This file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; Rapport imports contact files up to 20 MB. Nothing was imported. ` +
        'Split the file into smaller ones and import them one by one.',
    );
  }
  try {
    return await fs.readFile(filePath);
  } catch {
    throw new UserFacingError(
      'io',
      'That file could not be read. Nothing was imported. Check that you may open it.',
    );
  }
}

/**
 * Import sessions in main: `preview` parses a file and remembers it under a token; `remap`
 * re-runs a CSV preview with the user's column mapping; `commit` matches again against the store
 * as it is NOW and writes everything in one transaction, so a failure leaves the store unchanged.
 */
export function createImportService(deps: ImportServiceDeps) {
  const sessions = new Map<string, Session>();
  const newId = deps.newId ?? (() => randomUUID());
  const readFile = deps.readFile ?? readImportFile;

  const purge = () => {
    const now = deps.now().getTime();
    for (const [token, session] of sessions) if (session.expiresAt <= now) sessions.delete(token);
  };
  const take = (token: string): Session => {
    purge();
    const session = sessions.get(token);
    if (session === undefined) {
      throw new UserFacingError(
        'not-found',
        'This import preview has expired or was already used. Nothing was imported. Choose the file again.',
      );
    }
    return session;
  };
  const reporter =
    (token: string, phase: ImportProgress['phase']) => (done: number, total: number) =>
      deps.emit({ token, phase, done, total });

  const parse = async (session: Session, text: string | null): Promise<void> => {
    const progress = reporter(session.token, 'parsing');
    if (session.kind === 'vcard') {
      if (text === null) return;
      session.parsed = await vcardDrafts(text, sources.vcard, progress);
      return;
    }
    if (session.table === null) {
      if (text === null) return;
      session.table = readCsvTable(text, session.kind === 'linkedin' ? 'linkedin' : 'csv');
      session.mapping = guessMapping(session.table.headers);
    }
    session.parsed = await csvDrafts(session.table, session.mapping, {
      source: sources[session.kind],
      connectedOnColumn:
        session.kind === 'linkedin' &&
        session.mapping[connectedOnColumn(session.table.headers) ?? -1] === 'ignore'
          ? connectedOnColumn(session.table.headers)
          : null,
      progress,
    });
  };

  const preview = (session: Session): ImportPreview => {
    deps.emit({
      token: session.token,
      phase: 'matching',
      done: 0,
      total: session.parsed.records.length,
    });
    let previewIds = 0;
    const plan = planImport(
      session.parsed.records,
      deps.storage.read().contacts,
      deps.now(),
      () => `preview-${(previewIds += 1)}`,
      session.kind === 'vcard' ? 'card' : 'row',
    );
    const matched = session.parsed.records.length;
    deps.emit({ token: session.token, phase: 'matching', done: matched, total: matched });
    const issues: ImportRowIssue[] = [...session.parsed.issues, ...plan.issues]
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_LISTED_ISSUES);
    return {
      token: session.token,
      fileName: session.fileName,
      kind: session.kind,
      headers: session.table?.headers ?? [],
      mapping: session.table === null ? [] : [...session.mapping],
      counts: {
        ...plan.counts,
        rejected: session.parsed.rejected,
        total: session.parsed.records.length + session.parsed.rejected,
      },
      sample: plan.sample,
      rejected: issues,
    };
  };

  return {
    /** Reads, decodes and parses the file at a dialog-chosen path; nothing is written. */
    async preview(filePath: string, kind: ImportKind): Promise<ImportPreview> {
      purge();
      const token = randomUUID();
      deps.emit({ token, phase: 'reading', done: 0, total: 1 });
      const text = decodeImportBytes(await readFile(filePath));
      const session: Session = {
        token,
        fileName: path.basename(filePath),
        kind,
        table: null,
        mapping: [],
        parsed: { records: [], issues: [], rejected: 0 },
        expiresAt: deps.now().getTime() + SESSION_TTL_MS,
      };
      await parse(session, text);
      const result = preview(session);
      sessions.set(token, session);
      while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
      return result;
    },

    /** Re-runs a CSV preview with the user's mapping (one field per column). */
    async remap(token: string, mapping: MappableField[]): Promise<ImportPreview> {
      const session = take(token);
      if (session.table === null) {
        throw new UserFacingError('invalid-args', 'Only CSV files have columns to map.');
      }
      if (mapping.length !== session.table.headers.length) {
        throw new UserFacingError(
          'invalid-args',
          `The file has ${session.table.headers.length} columns but ${mapping.length} were mapped. Map each column once.`,
        );
      }
      session.mapping = [...mapping];
      await parse(session, null);
      return preview(session);
    },

    /** Writes the preview's contacts in one transaction; the session ends only on success. */
    commit(token: string): ImportCommitResult {
      const session = take(token);
      const plan = planImport(
        session.parsed.records,
        deps.storage.read().contacts,
        deps.now(),
        newId,
      );
      deps.emit({ token, phase: 'saving', done: 0, total: plan.writes.length });
      deps.storage.transact((tx) => {
        for (const contact of plan.writes) tx.put('contacts', contact);
      });
      sessions.delete(token);
      deps.emit({ token, phase: 'saving', done: plan.writes.length, total: plan.writes.length });
      return {
        added: plan.counts.new,
        merged: plan.counts.merge,
        unchanged: plan.counts.unchanged,
        rejected: session.parsed.rejected,
      };
    },

    cancel(token: string): void {
      sessions.delete(token);
      purge();
    },

    /** Open previews (for tests and memory checks). */
    get size() {
      purge();
      return sessions.size;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
