/**
 * Every IPC call answers with a Result instead of throwing, so the renderer never receives a stack
 * trace from the main process and every failure has a code a screen can react to.
 */
export type ErrorCode =
  | 'invalid-args'
  | 'forbidden'
  | 'not-found'
  | 'read-only'
  | 'conflict'
  | 'invalid-file'
  | 'cancelled'
  | 'io'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown by services for failures the user should read; the IPC layer turns it into a Result. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
