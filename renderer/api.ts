import type {
  ArgsOf,
  Channel,
  EventMap,
  EventName,
  RapportApi,
  ResultOf,
} from '../shared/contract.js';
import type { ErrorCode, Result } from '../shared/result.js';

declare global {
  interface Window {
    /** Installed by the preload (or the test harness); read only through this module. */
    rapport?: RapportApi;
  }
}

/**
 * A failed call to the main process. Stores catch it and show `message`, which main already
 * wrote as a plain sentence for the user.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BRIDGE_MISSING =
  'Rapport could not reach its background process. Close Rapport and open it again; your saved data is not affected.';

function bridge(): RapportApi {
  const rapport = window.rapport;
  if (!rapport) throw new ApiError('internal', BRIDGE_MISSING);
  return rapport;
}

type CallArgs<C extends Channel> =
  undefined extends ArgsOf<C> ? [args?: ArgsOf<C>] : [args: ArgsOf<C>];

/**
 * Calls one contract channel and unwraps its Result: the value on success, a thrown ApiError
 * otherwise. A broken bridge (the promise itself rejects) also becomes an ApiError, so callers
 * handle a single kind of failure.
 */
export async function call<C extends Channel>(
  channel: C,
  ...args: CallArgs<C>
): Promise<ResultOf<C>> {
  const [domain, verb] = channel.split(':') as [string, string];
  const group = (bridge() as unknown as Record<string, Record<string, unknown>>)[domain];
  const method = group?.[verb];
  if (typeof method !== 'function') throw new ApiError('internal', BRIDGE_MISSING);
  let result: Result<unknown>;
  try {
    result = (await (method as (a: unknown) => Promise<Result<unknown>>)(args[0])) ?? {
      ok: false,
      error: { code: 'internal', message: BRIDGE_MISSING },
    };
  } catch {
    throw new ApiError('internal', BRIDGE_MISSING);
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value as ResultOf<C>;
}

/** Subscribes to an event main sends; returns the unsubscribe function. */
export function onMainEvent<E extends EventName>(
  event: E,
  listener: (payload: EventMap[E]) => void,
): () => void {
  const rapport = window.rapport;
  if (!rapport) return () => {};
  return rapport.on(event, listener);
}

/** The message to show for anything a store caught. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Your saved data was not changed.';
}
