import { randomUUID } from 'node:crypto';
import { UserFacingError } from '../../shared/result.js';
import type { CollectionName, Entity } from '../../shared/schema/dataset.js';
import type { UndoTicket } from '../../shared/schema/effects.js';
import type { Storage, Transaction } from './types.js';

/**
 * Undo for the quick actions (a stage move, Done, Snooze, mark held, mark sent): main records what
 * each one changed, item by item, as it commits, and can put those items back as they were. An
 * action is only undone while everything it touched is still exactly as it left it; otherwise
 * nothing changes and the user is told why. Kept in memory: closing Rapport forgets them.
 */

type Item = Entity<CollectionName>;

interface Change {
  collection: CollectionName;
  id: string;
  /** As it was before the action; undefined if the action created it. */
  before: Item | undefined;
  /** As the action left it; undefined if the action removed it. */
  after: Item | undefined;
}

interface Entry {
  label: string;
  changes: Change[];
}

export interface UndoJournal {
  /** The store the services are given: its transactions are recorded while `record` runs. */
  readonly storage: Storage;
  /**
   * Runs a synchronous action and returns its result with an undo ticket (null when the action
   * changed nothing, e.g. marking held a meeting already held). `label` says what was done, in the
   * past tense ("Moved Maya Okafor to Meeting"), from the result.
   */
  record<T extends object>(
    action: () => T,
    label: (result: T) => string,
  ): T & { undo: UndoTicket | null };
  /** Puts back what the ticket's action changed; says what was undone. */
  undo(token: string): { undone: string };
}

export interface UndoOptions {
  /** How many actions can be undone (the oldest is forgotten first); default 30. */
  limit?: number;
  newId?: () => string;
}

const keyOf = (collection: CollectionName, id: string) => `${collection}\u0000${id}`;

/** Unchanged since the action: the same object, or (read again from disk) the same content. */
const same = (a: Item | undefined, b: Item | undefined) =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

export function createUndoJournal(base: Storage, options: UndoOptions = {}): UndoJournal {
  const limit = options.limit ?? 30;
  const newId = options.newId ?? randomUUID;
  const entries = new Map<string, Entry>();
  /** The changes of the action being recorded, by collection and id (first "before" wins). */
  let recording: Map<string, Change> | null = null;

  const recordingTx = (tx: Transaction, changes: Map<string, Change>): Transaction => {
    const note = (collection: CollectionName, id: string) => {
      const key = keyOf(collection, id);
      if (!changes.has(key))
        changes.set(key, { collection, id, before: tx.get(collection, id), after: undefined });
    };
    return {
      get data() {
        return tx.data;
      },
      get: (collection, id) => tx.get(collection, id),
      put(collection, item) {
        note(collection, item.id);
        tx.put(collection, item);
      },
      remove(collection, id) {
        note(collection, id);
        tx.remove(collection, id);
      },
      setSettings() {
        // No undoable action changes settings; one that did could not be put back item by item.
        throw new Error('An undoable action may not change settings.');
      },
    };
  };

  const transact = <T>(fn: (tx: Transaction) => T): T => {
    const changes = recording;
    if (changes === null) return base.transact(fn);
    // Recorded only once the transaction commits: a failed one leaves nothing to undo.
    const pending = new Map<string, Change>();
    const result = base.transact((tx) => fn(recordingTx(tx, pending)));
    for (const [key, change] of pending) if (!changes.has(key)) changes.set(key, change);
    return result;
  };

  const storage = new Proxy(base, {
    get(target, property) {
      if (property === 'transact') return transact;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });

  return {
    storage,

    record(action, label) {
      if (recording !== null) throw new Error('Undoable actions do not nest.');
      const changes = new Map<string, Change>();
      recording = changes;
      let result;
      try {
        result = action();
      } finally {
        recording = null;
      }
      if (result instanceof Promise) throw new Error('An undoable action must be synchronous.');
      const touched = [...changes.values()]
        .map((change) => ({ ...change, after: base.get(change.collection, change.id) }))
        .filter((change) => !same(change.before, change.after));
      if (touched.length === 0) return { ...result, undo: null };
      const text = label(result);
      const token = newId();
      entries.set(token, { label: text, changes: touched });
      while (entries.size > limit) entries.delete(entries.keys().next().value as string);
      return { ...result, undo: { token, label: text } };
    },

    undo(token) {
      const entry = entries.get(token);
      if (entry === undefined)
        throw new UserFacingError(
          'not-found',
          `This can no longer be undone: Rapport keeps the last ${limit} actions until it is closed.`,
        );
      base.transact((tx) => {
        for (const change of entry.changes)
          if (!same(tx.get(change.collection, change.id), change.after))
            throw new UserFacingError(
              'conflict',
              `“${entry.label}” can no longer be undone: it was changed again since. Nothing was changed.`,
            );
        for (const change of entry.changes) {
          if (change.before === undefined) tx.remove(change.collection, change.id);
          else tx.put(change.collection, change.before);
        }
      });
      entries.delete(token);
      return { undone: `Undone: ${entry.label}.` };
    },
  };
}
