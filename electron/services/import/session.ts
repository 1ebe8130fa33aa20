import { employerLinker } from '../employers.js';
import { employerIndex, employerKey } from '../../../shared/domain/employers.js';
import type { Contact, Employer } from '../../../shared/schema/entities.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../../../shared/result.js';
import type {
  ImportEncoding,
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportRowIssue,
  MappableField,
} from '../../../shared/schema/pipeline.js';
import type { Clock, Storage } from '../types.js';
import { breathe, cancelledError, importLimits, NOTHING_CHANGED, tooBigMessage } from './decode.js';
import type { DraftRecord } from './draft.js';
import { createPlanner, remerge, type ImportPlan } from './merge.js';
import { MAX_LISTED_ISSUES, type ParseRequest, type ParseSummary } from './parse.js';
import { createWorkerRunner, type ParseRunner } from './runner.js';

/** A preview is kept this long; after that the user chooses the file again. */
export const SESSION_TTL_MS = 30 * 60_000;
/** Previews kept at once (each may hold 50,000 rows); the oldest goes first. */
export const MAX_SESSIONS = 3;
export { MAX_LISTED_ISSUES };
/** Records matched between two breaths of main's event loop (about 10 ms of work). */
const MATCH_CHUNK = 500;

export interface ImportServiceDeps {
  storage: Storage;
  now: Clock;
  emit(progress: ImportProgress): void;
  /** Defaults to fs.readFile after a size check; tests pass bytes directly. */
  readFile?: (filePath: string) => Promise<Uint8Array>;
  newId?: () => string;
  /** Where files are parsed: a worker thread by default; tests may pass `inlineRunner`. */
  runner?: ParseRunner;
}

export interface ImportCommitResult {
  added: number;
  merged: number;
  unchanged: number;
  rejected: number;
}

interface Session {
  /** The token of the preview on screen; a remap or re-encode replaces it. */
  token: string;
  fileName: string;
  kind: ImportKind;
  /** The file as read: a remap or a change of encoding parses it again (in the worker). */
  bytes: Uint8Array;
  encoding: ImportEncoding | null;
  mapping: MappableField[];
  /** True once the user chose the mapping (kept across a change of encoding). */
  mappingChosen: boolean;
  headers: string[];
  records: DraftRecord[];
  summary: ParseSummary;
  expiresAt: number;
  /** Set while the file is parsed again or the preview is being saved. */
  busy: 'reading' | 'saving' | null;
  cancelled: boolean;
}

/**
 * Reads a user-chosen file, refusing anything over the size limit before reading it. The bytes go
 * straight into shared memory (read by libuv's threads, not main), so handing them to the parse
 * worker, now and for every remap, copies nothing: a 20 MB copy costs main ~70 ms on a slow disk
 * cache, far over the event-loop budget.
 */
export async function readImportFile(filePath: string): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch {
    throw new UserFacingError(
      'io',
      `That file could not be opened. ${NOTHING_CHANGED} Check that it still exists.`,
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new UserFacingError('invalid-file', `That is not a file. ${NOTHING_CHANGED}`);
    if (stat.size > importLimits.maxBytes) {
      throw new UserFacingError('invalid-file', tooBigMessage(stat.size));
    }
    const bytes = new Uint8Array(new SharedArrayBuffer(stat.size));
    let size = 0;
    while (size < bytes.length) {
      const { bytesRead } = await handle.read(bytes, size, bytes.length - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return bytes.subarray(0, size);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      'io',
      `That file could not be read. ${NOTHING_CHANGED} Check that you may open it.`,
    );
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const expired = () =>
  new UserFacingError(
    'not-found',
    `This import preview has expired or was already used. ${NOTHING_CHANGED} Choose the file again.`,
  );
const replacedError = () =>
  new UserFacingError(
    'not-found',
    `This preview was replaced by a newer one (after a change of columns or encoding). ${NOTHING_CHANGED} Import from the preview on screen.`,
  );
const busyError = (busy: 'reading' | 'saving') =>
  new UserFacingError(
    'conflict',
    busy === 'reading'
      ? 'The file is still being read. Wait for the new preview, or cancel.'
      : 'This import is already being saved.',
  );

/**
 * Import sessions in main. `preview` reads a file and has it parsed off the event loop (a worker
 * thread), then matches the rows with the store in chunks; `remap` and `reencode` parse it again
 * with the user's column mapping or encoding and give a new preview with a new token; `commit`
 * saves exactly the preview whose token it gets, matched again against the store as it is NOW, in
 * one transaction, so a failure leaves the store unchanged. `cancel` stops a parse at once.
 */
export function createImportService(deps: ImportServiceDeps) {
  const sessions = new Map<string, Session>();
  /** Tokens of previews replaced by a remap or re-encode, for a clearer message (the last 50). */
  const replaced = new Set<string>();
  /** Parses running, by the token their progress events carry. */
  const jobs = new Map<string, AbortController>();
  const newId = deps.newId ?? (() => randomUUID());
  const readFile = deps.readFile ?? readImportFile;
  const runner = deps.runner ?? createWorkerRunner();

  const purge = () => {
    const now = deps.now().getTime();
    for (const [token, session] of sessions) {
      if (session.expiresAt <= now && session.busy === null) sessions.delete(token);
    }
  };
  const take = (token: string): Session => {
    purge();
    const session = sessions.get(token);
    if (session === undefined) throw replaced.has(token) ? replacedError() : expired();
    return session;
  };
  const retire = (token: string) => {
    replaced.add(token);
    if (replaced.size > 50) replaced.delete(replaced.values().next().value as string);
  };

  /** Parses in the runner; records arrive in chunks (each a short task on main's loop). */
  const parse = async (token: string, request: ParseRequest, signal: AbortSignal) => {
    const records: DraftRecord[] = [];
    const summary = await runner.run(
      request,
      {
        progress: (done, total) => deps.emit({ token, phase: 'parsing', done, total }),
        records: (chunk) => {
          for (const record of chunk) records.push(record);
        },
      },
      signal,
    );
    return { records, summary };
  };

  /** Plans `records` against the store, breathing between chunks; `signal` stops it. */
  const plan = async (
    token: string,
    records: DraftRecord[],
    kind: ImportKind,
    ids: () => string,
    phase: 'matching' | 'saving',
    signal?: AbortSignal,
  ): Promise<ImportPlan> => {
    const planner = createPlanner(
      deps.storage.read().contacts,
      deps.now(),
      ids,
      kind === 'vcard' ? 'card' : 'row',
    );
    const total = records.length;
    if (phase === 'matching') deps.emit({ token, phase, done: 0, total });
    for (let index = 0; index < total; index += 1) {
      if (index > 0 && index % MATCH_CHUNK === 0) {
        if (phase === 'matching') deps.emit({ token, phase, done: index, total });
        await breathe();
        if (signal?.aborted) throw cancelledError();
      }
      planner.add(records[index] as DraftRecord);
    }
    if (phase === 'matching') deps.emit({ token, phase, done: total, total });
    return planner.finish();
  };

  /**
   * Saves one part of a commit in one transaction: each company linked to its employer (added
   * to the LAMP list when new); a contact changed since the plan gets its drafts merged again.
   */
  const savePart = (part: readonly Contact[], planned: ImportPlan) => {
    deps.storage.transact((tx) => {
      const now = deps.now();
      const at = now.toISOString();
      const employers = employerLinker(tx, () => at, newId);
      for (const plannedContact of part) {
        let contact: Contact | null = plannedContact;
        const matched = planned.merged.get(contact.id);
        const current = tx.get('contacts', contact.id);
        if (matched !== undefined && current !== matched.before) {
          // Changed (or deleted) by someone else since the plan: merge into what it is now.
          contact = current === undefined ? null : remerge(current, matched.drafts, now);
        }
        if (contact === null) continue;
        const employerId = employers.link(contact, undefined, current ?? null);
        tx.put('contacts', { ...contact, employerId });
      }
    });
  };

  const present = async (session: Session, signal: AbortSignal): Promise<ImportPreview> => {
    let previewIds = 0;
    const planned = await plan(
      session.token,
      session.records,
      session.kind,
      () => `preview-${(previewIds += 1)}`,
      'matching',
      signal,
    );
    const { summary } = session;
    const warnings: ImportRowIssue[] = [...summary.warnings, ...planned.warnings]
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_LISTED_ISSUES);
    return {
      token: session.token,
      fileName: session.fileName,
      kind: session.kind,
      headers: [...session.headers],
      mapping: [...session.mapping],
      counts: {
        ...planned.counts,
        rejected: summary.skippedCount,
        total: summary.recordCount + summary.skippedCount,
        warnings: summary.warningCount + planned.warnings.length,
      },
      sample: planned.sample,
      rejected: summary.skipped,
      warnings,
      encoding: summary.encoding,
      employers: employersOf(session.records, Object.values(deps.storage.read().employers)),
    };
  };

  /** Runs `work` as the job behind `token`, so `cancel(token)` can stop it. */
  const asJob = async <T>(token: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    jobs.set(token, controller);
    try {
      const result = await work(controller.signal);
      if (controller.signal.aborted) throw cancelledError();
      return result;
    } catch (error) {
      if (controller.signal.aborted) throw cancelledError();
      throw error;
    } finally {
      if (jobs.get(token) === controller) jobs.delete(token);
    }
  };

  /** Parses a session's file again (new mapping or encoding) and re-keys it under a new token. */
  const reparse = async (
    session: Session,
    change: { mapping: MappableField[] | null; encoding: ImportEncoding | null },
  ): Promise<ImportPreview> => {
    if (session.busy !== null) throw busyError(session.busy);
    const oldToken = session.token;
    session.busy = 'reading';
    try {
      return await asJob(oldToken, async (signal) => {
        const { records, summary } = await parse(
          oldToken,
          { bytes: session.bytes, kind: session.kind, ...change },
          signal,
        );
        const next: Session = {
          ...session,
          token: randomUUID(),
          encoding: change.encoding,
          mapping: summary.mapping,
          mappingChosen: session.mappingChosen || change.mapping !== null,
          headers: summary.headers,
          records,
          summary,
          busy: null,
        };
        const result = await present(next, signal);
        // Only now is the new preview the one on screen: the old token can no longer be saved.
        sessions.delete(oldToken);
        retire(oldToken);
        sessions.set(next.token, next);
        return result;
      });
    } finally {
      session.busy = null;
    }
  };

  /** Reads (`read`), decodes and parses a contact file into a preview session; nothing is written. */
  const previewOf = async (
    read: () => Promise<Uint8Array>,
    fileName: string,
    kind: ImportKind,
  ): Promise<ImportPreview> => {
    purge();
    const token = randomUUID();
    const result = await asJob(token, async (signal) => {
      deps.emit({ token, phase: 'reading', done: 0, total: 1 });
      const bytes = await read();
      if (signal.aborted) throw cancelledError();
      deps.emit({ token, phase: 'reading', done: 1, total: 1 });
      const { records, summary } = await parse(
        token,
        { bytes, kind, encoding: null, mapping: null },
        signal,
      );
      const session: Session = {
        token,
        fileName,
        kind,
        bytes,
        encoding: null,
        mapping: summary.mapping,
        mappingChosen: false,
        headers: summary.headers,
        records,
        summary,
        expiresAt: deps.now().getTime() + SESSION_TTL_MS,
        busy: null,
        cancelled: false,
      };
      const shown = await present(session, signal);
      sessions.set(token, session);
      return shown;
    });
    while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    return result;
  };

  return {
    /** Reads, decodes and parses the file at a dialog-chosen path; nothing is written. */
    preview(filePath: string, kind: ImportKind): Promise<ImportPreview> {
      return previewOf(() => readFile(filePath), path.basename(filePath), kind);
    },

    /**
     * The same for a file dropped on the window, whose bytes the renderer sent: size-checked
     * before anything is parsed (the contract bounded the text they came in).
     */
    previewBytes(bytes: Uint8Array, fileName: string, kind: ImportKind): Promise<ImportPreview> {
      return previewOf(
        async () => {
          if (bytes.length > importLimits.maxBytes)
            throw new UserFacingError('invalid-file', tooBigMessage(bytes.length));
          const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
          shared.set(bytes);
          return shared;
        },
        path.basename(fileName),
        kind,
      );
    },

    /** Parses the file again with the user's mapping (one field per column): a new preview. */
    async remap(token: string, mapping: MappableField[]): Promise<ImportPreview> {
      const session = take(token);
      if (session.kind === 'vcard') {
        throw new UserFacingError('invalid-args', 'Only CSV files have columns to map.');
      }
      if (mapping.length !== session.headers.length) {
        throw new UserFacingError(
          'invalid-args',
          `The file has ${session.headers.length} columns but ${mapping.length} were mapped. Map each column once.`,
        );
      }
      return reparse(session, { mapping: [...mapping], encoding: session.encoding });
    },

    /** Parses the file again as `encoding` (the user's choice in the preview): a new preview. */
    async reencode(token: string, encoding: ImportEncoding): Promise<ImportPreview> {
      const session = take(token);
      return reparse(session, {
        // The user's own mapping stays if the columns are still the same in number.
        mapping: session.mappingChosen ? session.mapping : null,
        encoding,
      }).catch(async (error: unknown) => {
        if (
          !session.mappingChosen ||
          !(error instanceof UserFacingError) ||
          error.code !== 'invalid-args'
        )
          throw error;
        return reparse({ ...session, mappingChosen: false }, { mapping: null, encoding });
      });
    },

    /**
     * Writes the preview's contacts. The matching runs in chunks first (again in one go if the
     * store changed meanwhile, so the plan fits the store it is written to). Up to SAVE_PART
     * contacts are saved in one transaction: all or nothing. More are saved in parts of at most
     * SAVE_PART, each part's contacts from one store file (one atomic write, no journal; the
     * files are split first if the import would make them big), breathing between parts, so main
     * is never held for long (49,000 rows took one 1.6 s transaction before). A contact someone
     * else changes while the parts are saved gets the file's details merged again into what it
     * is now; one deleted meanwhile stays deleted. The window hears of it once, at the end. If a part cannot be
     * written, the parts before it stay saved and the message says how many; importing the same
     * file again adds the rest (the saved ones are matched, not doubled).
     */
    async commit(token: string): Promise<ImportCommitResult> {
      const session = take(token);
      if (session.busy !== null) throw busyError(session.busy);
      session.busy = 'saving';
      try {
        const total = session.records.length;
        deps.emit({ token, phase: 'saving', done: 0, total });
        // Matched in chunks; if the store changed meanwhile, matched again (in chunks too), so
        // the plan fits the store it is written to. Edits after that are met part by part.
        let planned: ImportPlan | null = null;
        for (let round = 0; planned === null; round += 1) {
          let changed = false;
          const stop = deps.storage.onChange(() => (changed = true));
          try {
            const next = await plan(token, session.records, session.kind, newId, 'saving');
            if (!changed || round === 1) planned = next;
          } finally {
            stop();
          }
          if (session.cancelled) throw cancelledError();
        }
        if (planned.writes.length > SAVE_PART) {
          // Files split for the size they will have, while the store is small, so each part
          // rewrites a small file (else they stay big until the next start splits them).
          deps.storage.makeRoomFor?.('contacts', estimatedBytes(planned.writes));
        }
        const parts = await savingParts(planned.writes, deps.storage);
        if (session.cancelled) throw cancelledError();
        const release = deps.storage.holdChanges?.() ?? (() => undefined);
        const writes = planned.writes.length;
        let saved = 0;
        try {
          for (const part of parts) {
            if (saved > 0) {
              deps.emit({ token, phase: 'saving', done: saved, total: writes });
              await breathe();
            }
            try {
              savePart(part, planned);
            } catch (error) {
              if (saved === 0) throw error;
              const known = error instanceof UserFacingError ? error : null;
              throw new UserFacingError(
                known?.code ?? 'io',
                `${saved} of ${writes} contacts were saved before this stopped: ${known?.message ?? 'Something went wrong.'} Import the same file again to add the rest; the contacts already saved are matched, not added twice.`,
              );
            }
            saved += part.length;
          }
        } finally {
          release();
        }
        sessions.delete(token);
        deps.emit({ token, phase: 'saving', done: writes, total: writes });
        return {
          added: planned.counts.new,
          merged: planned.counts.merge,
          unchanged: planned.counts.unchanged,
          rejected: session.summary.skippedCount,
        };
      } finally {
        session.busy = null;
      }
    },

    /**
     * Stops the parse running under `token` (a file being read, or read again) and forgets the
     * preview. A commit already writing finishes; one still matching stops before it writes.
     */
    cancel(token: string): void {
      jobs.get(token)?.abort();
      const session = sessions.get(token);
      if (session !== undefined) session.cancelled = true;
      sessions.delete(token);
      purge();
    },

    /** Open previews (for tests and memory checks). */
    get size() {
      purge();
      return sessions.size;
    },

    /** Files being read right now (for tests). */
    get running() {
      return jobs.size;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;

/** The most contacts one part of a commit saves (one transaction, a few ms). */
export const SAVE_PART = 250;

/** About how many bytes the contacts take saved (measured on up to 100 of them). */
function estimatedBytes(contacts: readonly Contact[]): number {
  const step = Math.max(1, Math.floor(contacts.length / 100));
  let bytes = 0;
  let measured = 0;
  for (let index = 0; index < contacts.length; index += step) {
    bytes += JSON.stringify(contacts[index]).length;
    measured += 1;
  }
  return measured === 0 ? 0 : Math.round((bytes / measured) * contacts.length);
}

/**
 * A commit's contacts in parts: up to SAVE_PART contacts in one part; more grouped by the store
 * file they are saved in (so a part writes one file), each group cut into parts of at most
 * SAVE_PART. Grouping tens of thousands breathes between chunks.
 */
async function savingParts(
  writes: readonly Contact[],
  storage: Pick<Storage, 'fileOf'>,
): Promise<Contact[][]> {
  // A file of the usual size is saved all or nothing, in one transaction of a few ms.
  if (writes.length <= SAVE_PART) return [[...writes]];
  const byFile = new Map<string, Contact[]>();
  for (let index = 0; index < writes.length; index += 1) {
    if (index > 0 && index % MATCH_CHUNK === 0) await breathe();
    const contact = writes[index] as Contact;
    const file = storage.fileOf?.('contacts', contact.id) ?? '';
    const list = byFile.get(file);
    if (list === undefined) byFile.set(file, [contact]);
    else list.push(contact);
  }
  const parts: Contact[][] = [];
  for (const list of byFile.values()) {
    for (let start = 0; start < list.length; start += SAVE_PART)
      parts.push(list.slice(start, start + SAVE_PART));
  }
  return parts;
}

/** The LAMP list seen from an import: the companies' employers, existing and new (one pass). */
function employersOf(records: readonly DraftRecord[], existing: readonly Employer[]) {
  const index = employerIndex(existing);
  const found = new Set<string>();
  const added = new Map<string, string>();
  for (const { draft } of records) {
    const key = employerKey(draft.company);
    if (key === '') continue;
    const employer = index.get(key);
    if (employer !== undefined) found.add(employer.id);
    else if (!added.has(key)) added.set(key, draft.company.trim());
  }
  return { existing: found.size, added: added.size, newNames: [...added.values()].slice(0, 5) };
}
