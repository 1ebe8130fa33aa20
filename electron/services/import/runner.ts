import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError, type ErrorCode } from '../../../shared/result.js';
import { cancelledError } from './decode.js';
import type { DraftRecord } from './draft.js';
import { parseImportFile, type ParseRequest, type ParseSink, type ParseSummary } from './parse.js';

/**
 * Runs `parseImportFile` somewhere. The app runs it in a worker thread, so main's event loop keeps
 * answering the window while a 20 MB file is decoded and parsed; tests may run it inline. Either
 * way, aborting `signal` stops it and the promise rejects with the "cancelled" error.
 */
export interface ParseRunner {
  run(request: ParseRequest, sink: ParseSink, signal: AbortSignal): Promise<ParseSummary>;
}

/**
 * Messages from the worker to main, in order: progress while parsing; then the records, one
 * chunk per `more` from main; then done (or an error at any point).
 */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'records'; records: DraftRecord[] }
  | { type: 'done'; summary: ParseSummary }
  | { type: 'error'; code: ErrorCode | null; message: string };

/**
 * Messages from main: `parse` starts a job (the bytes are copied, so main keeps its own); `more`
 * asks for the next chunk of records. Main pulls chunks one at a time because a port delivers
 * everything queued in one go: 50 chunks pushed at once would be read in one long task.
 */
export type WorkerRequest = { type: 'parse'; request: ParseRequest } | { type: 'more' };

/**
 * Runs the parse in this thread, between the event loop's other work (it yields every 1,000
 * rows). For tests, and for tools that have no worker entry to load.
 */
export const inlineRunner: ParseRunner = {
  async run(request, sink, signal) {
    if (signal.aborted) throw cancelledError();
    const summary = await parseImportFile(request, {
      progress: (done, total) => {
        if (signal.aborted) throw cancelledError();
        sink.progress(done, total);
      },
      records: (chunk) => sink.records(chunk),
    });
    if (signal.aborted) throw cancelledError();
    return summary;
  },
};

/** How to start the worker: a script file, or (from sources) a small CommonJS bootstrap. */
export type WorkerEntry = { file: URL } | { bootstrap: string };

/**
 * The worker entry next to this module. Built, main.js and import-worker.cjs sit side by side in
 * out/main (build/scripts/build-electron.mjs bundles both). From TypeScript sources (vitest, tsx,
 * the e2e harness and the benchmarks) this module's URL ends in .ts: the worker is then started
 * from a two-line CommonJS bootstrap that registers tsx's require hook and loads `worker.ts`.
 * (Node 20 does not apply `--import tsx` ESM hooks inside worker threads; the require hook runs
 * in the thread itself, so it does.)
 */
export function defaultWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (moduleUrl.endsWith('.ts')) {
    const hook = createRequire(moduleUrl).resolve('tsx/cjs');
    const worker = fileURLToPath(new URL('./worker.ts', moduleUrl));
    return { bootstrap: `require(${JSON.stringify(hook)});\nrequire(${JSON.stringify(worker)});` };
  }
  return { file: new URL('./import-worker.cjs', moduleUrl) };
}

/** How long a finished worker waits for the next parse (a remap, a change of encoding). */
export const WORKER_IDLE_MS = 30_000;

/**
 * Runs each parse in a worker thread (a small message protocol, see WorkerRequest and
 * WorkerMessage: one request in; progress, record chunks as main asks for them, and one done or
 * error out). One finished worker is kept for WORKER_IDLE_MS, so a remap
 * does not pay for starting a thread again; cancelling terminates the busy thread at once,
 * wherever it is, and the next parse starts a fresh one.
 */
export function createWorkerRunner(
  entry: () => WorkerEntry = () => defaultWorkerEntry(),
): ParseRunner {
  let spare: Worker | null = null;
  let spareTimer: ReturnType<typeof setTimeout> | null = null;
  const forget = (worker: Worker) => {
    if (spare === worker) spare = null;
  };
  const spawn = () => {
    const start = entry();
    const worker =
      'file' in start ? new Worker(start.file) : new Worker(start.bootstrap, { eval: true });
    // A spare that dies while idle is simply not reused.
    worker.once('exit', () => forget(worker));
    return worker;
  };
  const acquire = (): Worker => {
    const worker = spare;
    if (worker === null) return spawn();
    spare = null;
    if (spareTimer !== null) clearTimeout(spareTimer);
    worker.ref();
    return worker;
  };
  const release = (worker: Worker) => {
    if (spare !== null) {
      void worker.terminate();
      return;
    }
    spare = worker;
    // An idle worker never keeps the app (or a test run) alive.
    worker.unref();
    spareTimer = setTimeout(() => {
      if (spare === worker) spare = null;
      void worker.terminate();
    }, WORKER_IDLE_MS);
    spareTimer.unref();
  };
  return {
    run(request, sink, signal) {
      return new Promise<ParseSummary>((resolve, reject) => {
        if (signal.aborted) {
          reject(cancelledError());
          return;
        }
        const worker = acquire();
        let settled = false;
        const settle = (keep: boolean, finish: () => void) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          if (keep) release(worker);
          else void worker.terminate();
          finish();
        };
        const onAbort = () => settle(false, () => reject(cancelledError()));
        const onMessage = (message: WorkerMessage) => {
          try {
            if (message.type === 'progress') sink.progress(message.done, message.total);
            else if (message.type === 'records') {
              sink.records(message.records);
              // Ask for the next chunk after the event loop has had its turn.
              setImmediate(() => {
                if (!settled) worker.postMessage({ type: 'more' } satisfies WorkerRequest);
              });
            } else if (message.type === 'done') settle(true, () => resolve(message.summary));
            else
              settle(true, () =>
                reject(
                  message.code === null
                    ? new Error(`The import worker failed: ${message.message}`)
                    : new UserFacingError(message.code, message.message),
                ),
              );
          } catch (error) {
            settle(false, () => reject(error));
          }
        };
        const onError = (error: Error) => settle(false, () => reject(error));
        const onExit = (code: number) =>
          settle(false, () =>
            reject(new Error(`The import worker stopped early (exit code ${code}).`)),
          );
        signal.addEventListener('abort', onAbort, { once: true });
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage({ type: 'parse', request } satisfies WorkerRequest);
      });
    },
  };
}
