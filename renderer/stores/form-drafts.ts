/**
 * What was typed in a form that was left without saving or cancelling (another area, a key, the
 * palette), by form (e.g. `contact:new`, `contact:<id>`), for this session: the form shows it
 * again when the user comes back; saving or Cancel drops it. Values are whatever the form keeps.
 */
const drafts = new Map<string, unknown>();

export const formDrafts = {
  get: <T>(key: string): T | undefined => drafts.get(key) as T | undefined,
  has: (key: string): boolean => drafts.has(key),
  set: (key: string, values: unknown): void => void drafts.set(key, values),
  drop: (key: string): void => void drafts.delete(key),
};

/** Forgets every draft (tests). */
export const resetFormDrafts = (): void => drafts.clear();
