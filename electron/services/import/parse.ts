import { importSourceDetails } from '../../../shared/domain/sources.js';
import { UserFacingError } from '../../../shared/result.js';
import type {
  ImportEncoding,
  ImportEncodingInfo,
  ImportKind,
  ImportRowIssue,
  MappableField,
} from '../../../shared/schema/pipeline.js';
import { connectedOnColumn, csvDrafts, guessMapping, readCsvTable } from './csv.js';
import { decodeImportFile } from './decode.js';
import type { Draft, DraftRecord, ParsedFile } from './draft.js';
import { vcardDrafts } from './vcard.js';

/** Rows listed with a reason in a preview (skipped and warnings each); the counts cover all. */
export const MAX_LISTED_ISSUES = 1_000;
/** Records per message from the worker: small enough that main reads each in a few ms. */
export const RECORDS_PER_CHUNK = 500;

/** What to read: the file's bytes, how, and (CSV) with which column mapping. */
export interface ParseRequest {
  bytes: Uint8Array;
  kind: ImportKind;
  /** The encoding the user chose; null detects (UTF-8, else Windows-1252 with a note). */
  encoding: ImportEncoding | null;
  /** CSV: the user's mapping, one field per column; null guesses it from the header row. */
  mapping: MappableField[] | null;
}

/** Everything about a parse except the records (which arrive in chunks through the sink). */
export interface ParseSummary {
  encoding: ImportEncodingInfo;
  /** CSV: the header row and the mapping used; empty for vCards. */
  headers: string[];
  mapping: MappableField[];
  /** The first MAX_LISTED_ISSUES of each, in file order. */
  skipped: ImportRowIssue[];
  warnings: ImportRowIssue[];
  skippedCount: number;
  warningCount: number;
  recordCount: number;
}

/** Where a parse reports to: progress (rows done of total) and records, in file order. */
export interface ParseSink {
  progress(done: number, total: number): void;
  records(chunk: DraftRecord[]): void;
}

/** What each import writes as the source (one list with the outreach rules, which ignore it). */
const sources: Record<ImportKind, Draft['source']> = {
  linkedin: { kind: 'other', detail: importSourceDetails.linkedin },
  csv: { kind: 'other', detail: importSourceDetails.csv },
  vcard: { kind: 'other', detail: importSourceDetails.vcard },
};

const byRow = (a: ImportRowIssue, b: ImportRowIssue) => a.row - b.row;

/**
 * Decodes and parses one import file into drafts: the whole job that runs off main's event loop
 * (in a worker thread in the app; inline in tests). Pure apart from the sink: no store, no clock,
 * no files. Throws UserFacingError for a file it refuses.
 */
export async function parseImportFile(
  request: ParseRequest,
  sink: ParseSink,
): Promise<ParseSummary> {
  const decoded = decodeImportFile(request.bytes, request.encoding);
  let headers: string[] = [];
  let mapping: MappableField[] = [];
  let parsed: ParsedFile;
  if (request.kind === 'vcard') {
    parsed = await vcardDrafts(decoded.text, sources.vcard, sink.progress);
  } else {
    const table = readCsvTable(decoded.text, request.kind);
    headers = table.headers;
    if (request.mapping !== null && request.mapping.length !== headers.length) {
      throw new UserFacingError(
        'invalid-args',
        `The file has ${headers.length} columns but ${request.mapping.length} were mapped. Map each column once.`,
      );
    }
    mapping = request.mapping ?? guessMapping(headers);
    const connected = connectedOnColumn(headers);
    parsed = await csvDrafts(table, mapping, {
      source: sources[request.kind],
      // LinkedIn's "Connected On" is kept as a note line unless the user mapped it themselves.
      connectedOnColumn:
        request.kind === 'linkedin' && connected !== null && mapping[connected] === 'ignore'
          ? connected
          : null,
      progress: sink.progress,
    });
  }
  // Warnings are about rows that will be imported: a skipped row has its one reason instead.
  const skippedRows = new Set(parsed.skipped.map((issue) => issue.row));
  const warnings = parsed.warnings.filter((issue) => !skippedRows.has(issue.row));
  for (let start = 0; start < parsed.records.length; start += RECORDS_PER_CHUNK) {
    sink.records(parsed.records.slice(start, start + RECORDS_PER_CHUNK));
  }
  return {
    encoding: decoded.encoding,
    headers,
    mapping,
    skipped: parsed.skipped.sort(byRow).slice(0, MAX_LISTED_ISSUES),
    warnings: warnings.sort(byRow).slice(0, MAX_LISTED_ISSUES),
    skippedCount: parsed.skipped.length,
    warningCount: warnings.length,
    recordCount: parsed.records.length,
  };
}
