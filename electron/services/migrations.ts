/**
 * A whole dataset as read from disk before it is checked: `settings` plus one record of raw items
 * per collection name (whatever collections that version had).
 */
export type RawDataset = Record<string, unknown>;

/** Turns a dataset of version n into version n + 1. Pure: no disk access, no clock. */
export type Migration = (data: RawDataset) => RawDataset;

/** Keyed by the version a step starts from: `{ 1: v1ToV2 }` upgrades version 1 stores. */
export type Migrations = Readonly<Record<number, Migration>>;

/**
 * This build's steps. Empty while SCHEMA_VERSION is 1: the first change to the stored shape adds
 * `1: (data) => ...` here together with the bump in shared/schema/dataset.ts.
 */
export const migrations: Migrations = {};

/**
 * Runs every step from `from` up to `to`. Throws when a step is missing, so a store is never
 * half-upgraded and then validated against the wrong shape.
 */
export function migrate(data: RawDataset, from: number, to: number, table: Migrations): RawDataset {
  let current = data;
  for (let version = from; version < to; version += 1) {
    const step = table[version];
    if (step === undefined) {
      throw new Error(`No migration from data version ${version} to ${version + 1}.`);
    }
    current = step(structuredClone(current));
  }
  return current;
}
