import type { StageMove } from '../domain/stage-machine.js';
import type { Reminder } from './entities.js';

/**
 * What a change did besides its own record: stage moves and reminders created, completed or
 * cancelled. Main returns it with every result that can cause them, and the renderer builds its
 * messages from it, so the screen never says "moved to Met" when the contact stayed where it was.
 */
export interface Effects {
  stageMoves: StageMove[];
  reminders: {
    created: Reminder[];
    completed: Reminder[];
    cancelled: Reminder[];
  };
}

export const noEffects = (): Effects => ({
  stageMoves: [],
  reminders: { created: [], completed: [], cancelled: [] },
});

/**
 * What main gives back with an action that can be undone: the token to undo it with, and what was
 * done in the past tense ("Moved Maya Okafor to Meeting"), which the toast shows as it is.
 */
export interface UndoTicket {
  token: string;
  label: string;
}

/** A result with its undo ticket (null when the action changed nothing). */
export type Undoable<T> = T & { undo: UndoTicket | null };
