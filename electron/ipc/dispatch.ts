import { contract, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/contract.js';
import type { z } from 'zod';
import { fail, ok, UserFacingError, type Result } from '../../shared/result.js';

/** The table every channel is answered from: the same object serves Electron and the e2e harness. */
export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
};

export type Logger = (message: string, error?: unknown) => void;

/**
 * Parses untrusted arguments with the channel's schema, runs the handler and turns every outcome
 * into a Result. Unexpected errors are logged in main and reach the renderer as a plain sentence,
 * never as a stack trace or a file path.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawArgs: unknown,
  log: Logger = (message, error) => console.error(message, error),
): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
    return fail('invalid-args', 'Unknown request.');
  }
  const name = channel as Channel;
  const parsed = contract[name].args.safeParse(rawArgs);
  if (!parsed.success) return fail('invalid-args', describeIssue(parsed.error.issues[0]));
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message);
    log(`[ipc] ${name} failed`, error);
    return fail('internal', 'Something went wrong. Your saved data was not changed.');
  }
}

/** Path parts our schemas name (field names, array indexes); anything else came from the caller. */
const isSchemaPathPart = (part: PropertyKey) =>
  typeof part === 'number' ||
  (typeof part === 'string' && part.length <= 60 && /^[A-Za-z0-9_]+$/.test(part));

/** Longest message sent back for invalid arguments; the schemas' own sentences are far shorter. */
const MAX_ISSUE_MESSAGE = 300;

/**
 * "field.path: what is wrong", built only from the schema's words. zod's message for unknown keys
 * quotes them (a 200,000-key object made a 2 MB message, and a key can be any text the caller
 * chose), so that one is replaced; every message is capped.
 */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'Invalid request.';
  const path = issue.path.map((part) => (isSchemaPathPart(part) ? String(part) : '?')).join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? 'This request has fields Rapport does not know.'
      : issue.message.slice(0, MAX_ISSUE_MESSAGE);
  return path === '' ? message : `${path}: ${message}`;
}
