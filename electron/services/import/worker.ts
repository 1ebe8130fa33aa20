import { parentPort } from 'node:worker_threads';
import { UserFacingError } from '../../../shared/result.js';
import type { DraftRecord } from './draft.js';
import { parseImportFile, type ParseSummary } from './parse.js';
import type { WorkerMessage, WorkerRequest } from './runner.js';

/**
 * The import worker thread: parses files off main's event loop, one request at a time, and posts
 * progress, then the records one chunk per `more` from main, then a summary (or an error). Main
 * terminates it to cancel, or after it has been idle for a while.
 */
const port = parentPort;
if (port === null) throw new Error('The import worker must run in a worker thread.');
const send = (message: WorkerMessage) => port.postMessage(message);

let chunks: DraftRecord[][] = [];
let summary: ParseSummary | null = null;

/** The next chunk of records, or the summary once they are all sent. */
const sendNext = () => {
  const chunk = chunks.shift();
  if (chunk !== undefined) send({ type: 'records', records: chunk });
  else if (summary !== null) {
    send({ type: 'done', summary });
    summary = null;
  }
};

port.on('message', (message: WorkerRequest) => {
  if (message.type === 'more') {
    sendNext();
    return;
  }
  chunks = [];
  summary = null;
  parseImportFile(message.request, {
    progress: (done, total) => send({ type: 'progress', done, total }),
    records: (records) => chunks.push(records),
  }).then(
    (result) => {
      summary = result;
      sendNext();
    },
    (error: unknown) =>
      send(
        error instanceof UserFacingError
          ? { type: 'error', code: error.code, message: error.message }
          : {
              type: 'error',
              code: null,
              message: error instanceof Error ? (error.stack ?? error.message) : String(error),
            },
      ),
  );
});
