import { contract, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/contract.js';
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
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    return fail('invalid-args', `${where}${first?.message ?? 'Invalid request.'}`);
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message);
    log(`[ipc] ${name} failed`, error);
    return fail('internal', 'Something went wrong. Your saved data was not changed.');
  }
}
