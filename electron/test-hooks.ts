import type { Switches } from './switches.js';
import type { Clock, Dialogs } from './services/types.js';

/**
 * Hooks for the end-to-end harness when it drives the real app (`RAPPORT_E2E=1`): a clock fixed
 * by `RAPPORT_NOW` and moved by `setNow`, and native dialogs answered from a queue. Without that
 * switch the real clock and real dialogs are returned untouched, so a user never meets them; a
 * packaged app never has it (see electron/switches.ts).
 */
export function withTestHooks(
  switches: Pick<Switches, 'e2e' | 'now'>,
  realDialogs: Dialogs,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): { now: Clock; dialogs: Dialogs } {
  if (switches.e2e !== true) return { now: () => new Date(), dialogs: realDialogs };
  let fixed: Date | null = switches.now ? new Date(switches.now) : null;
  const openAnswers: (string[] | null)[] = [];
  const saveAnswers: (string | null)[] = [];
  target.__rapportTest = {
    setNow: (iso: string) => {
      fixed = new Date(iso);
    },
    answerOpen: (paths: string[] | null) => openAnswers.push(paths),
    answerSave: (path: string | null) => saveAnswers.push(path),
  };
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    dialogs: {
      showOpen: async (options) =>
        openAnswers.length > 0 ? (openAnswers.shift() ?? null) : realDialogs.showOpen(options),
      showSave: async (options) =>
        saveAnswers.length > 0 ? (saveAnswers.shift() ?? null) : realDialogs.showSave(options),
    },
  };
}
