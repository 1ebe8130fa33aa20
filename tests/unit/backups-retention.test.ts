// Day and week boundaries are local: the process time zone must be set before any Date is used.
// New York is 5 hours behind UTC in winter, and summer time starts there on 2026-03-08 (a
// 23-hour day).
process.env.TZ = 'America/New_York';

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  DEFAULT_RETENTION,
  pruneBackups,
  type RetentionPolicy,
} from '../../electron/services/backups.js';
import { fileStamp } from '../../electron/services/atomic-file.js';
import { migrations } from '../../electron/services/migrations.js';
import { readBackupFolder } from '../../electron/services/store/backup-folders.js';
import type { BackupInfo } from '../../shared/contract.js';
import { makeContact, makeTempDir, manualClock, open } from './helpers/storage-fixtures.js';

/** `2026-01-14 23:30` (or with `:ss.mmm`) as a local wall-clock time. */
function local(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(text);
  if (match === null) throw new Error(`Not a local time: ${text}`);
  const [, y, mo, d, h, mi, s = '0', ms = '0'] = match;
  return new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s, +ms);
}

/** A backup taken at a local time; `seq` orders backups of the same millisecond. */
function backup(at: string, seq = 0, reason: BackupInfo['reason'] = 'interval'): BackupInfo {
  const date = local(at);
  return {
    name: `${fileStamp(date)}-${String(seq).padStart(4, '0')}-${reason}.json`,
    createdAt: date.toISOString(),
    bytes: 1,
    reason,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD hh:mm` (`:ss` when not 0) in local time, for readable expectations. */
function label(info: Pick<BackupInfo, 'createdAt'>): string {
  const at = new Date(info.createdAt);
  const text = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return at.getSeconds() === 0 ? text : `${text}:${pad(at.getSeconds())}`;
}

/** The local times of the kept backups, oldest first. */
function kept(backups: BackupInfo[], now: string, policy?: RetentionPolicy): string[] {
  const names = backupsToKeep(backups, local(now), policy);
  return backups
    .filter((info) => names.has(info.name))
    .map(label)
    .sort();
}

/** One backup at 12:00 local on each day from `first`, for `count` days. */
function daily(first: string, count: number): BackupInfo[] {
  const start = local(`${first} 12:00`);
  return Array.from({ length: count }, (_, n) => {
    const date = new Date(start.getFullYear(), start.getMonth(), start.getDate() + n, 12);
    return backup(label({ createdAt: date.toISOString() }));
  });
}

/** `count` backups one second apart from `start` (local), e.g. a burst of "Back up now" clicks. */
function burst(start: string, count: number): BackupInfo[] {
  return Array.from({ length: count }, (_, n) =>
    backup(`${start}:${pad(n % 60)}`, Math.floor(n / 60), 'manual'),
  );
}

const only = (part: Partial<RetentionPolicy>): RetentionPolicy => ({
  newest: 0,
  days: 0,
  weeks: 0,
  ...part,
});

describe('backupsToKeep', () => {
  it('runs in New York time', () => {
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(240);
  });

  it('keeps the newest 10, one per day for 7 days and one per week for 8 weeks by default', () => {
    expect(DEFAULT_RETENTION).toEqual({ newest: 10, days: 7, weeks: 8 });
  });

  // 2026-01-05 is a Monday; eight weeks of daily backups end on Sunday 2026-03-01.
  const eightWeeks = daily('2026-01-05', 56);
  const lastTenOfBurst = burst('2026-03-02 09:00', 50).slice(-10).map(label);

  it.each<[string, BackupInfo[], string, RetentionPolicy | undefined, string[]]>([
    [
      'a burst of 50 in one minute after 8 weeks of daily backups keeps the daily and weekly ones',
      [...eightWeeks, ...burst('2026-03-02 09:00', 50)],
      '2026-03-02 09:01',
      undefined,
      [
        // the newest Sunday of each of the 7 weeks before this one (the 8th is this week: the burst)
        '2026-01-18 12:00',
        '2026-01-25 12:00',
        '2026-02-01 12:00',
        '2026-02-08 12:00',
        '2026-02-15 12:00',
        '2026-02-22 12:00',
        // the 6 days before today (today's newest is in the burst)
        '2026-02-24 12:00',
        '2026-02-25 12:00',
        '2026-02-26 12:00',
        '2026-02-27 12:00',
        '2026-02-28 12:00',
        '2026-03-01 12:00',
        ...lastTenOfBurst,
      ],
    ],
    [
      'twelve old backups: only the newest 10 (no day or week slot is that old)',
      daily('2025-01-01', 12),
      '2026-03-02 09:00',
      undefined,
      daily('2025-01-03', 10).map(label),
    ],
    [
      'a day starts at local midnight, not at UTC midnight',
      // all three are on 2026-01-21 in UTC
      [backup('2026-01-20 19:30'), backup('2026-01-20 23:30'), backup('2026-01-21 00:30')],
      '2026-01-21 12:00',
      only({ days: 7 }),
      ['2026-01-20 23:30', '2026-01-21 00:30'],
    ],
    [
      'the 7 days are calendar days: today and the 6 before it',
      [backup('2026-01-14 23:59'), backup('2026-01-15 00:01'), backup('2026-01-21 23:59')],
      '2026-01-21 00:01',
      only({ days: 7 }),
      ['2026-01-15 00:01'],
    ],
    [
      'a 23-hour day (summer time starts) is still one day',
      // 05:30Z on 03-08 and 03:30Z on 03-09: two UTC days, one local day
      [backup('2026-03-08 00:30'), backup('2026-03-08 23:30')],
      '2026-03-09 12:00',
      only({ days: 7 }),
      ['2026-03-08 23:30'],
    ],
    [
      'a week starts on Monday at local midnight',
      // Sunday 23:30 local is Monday 04:30 in UTC
      [backup('2026-01-18 10:00'), backup('2026-01-18 23:30'), backup('2026-01-19 00:30')],
      '2026-01-21 12:00',
      only({ weeks: 8 }),
      ['2026-01-18 23:30', '2026-01-19 00:30'],
    ],
    [
      'the 8 weeks are this week and the 7 before it',
      // Mondays: 2026-03-02 is this week, 2026-01-12 seven weeks back, 2026-01-05 eight
      [backup('2026-01-11 12:00'), backup('2026-01-12 12:00'), backup('2026-03-02 12:00')],
      '2026-03-04 12:00',
      only({ weeks: 8 }),
      ['2026-01-12 12:00', '2026-03-02 12:00'],
    ],
    [
      'a backup dated after now (a clock set back) gets no day or week slot',
      [backup('2026-01-20 12:00'), backup('2026-01-21 13:00')],
      '2026-01-21 12:00',
      only({ days: 7, weeks: 8 }),
      ['2026-01-20 12:00'],
    ],
    [
      'safety backups are kept by the same rule as the others',
      [backup('2026-01-19 12:00', 0, 'before-import'), backup('2026-01-20 12:00', 0, 'manual')],
      '2026-01-21 12:00',
      only({ days: 7 }),
      ['2026-01-19 12:00', '2026-01-20 12:00'],
    ],
    ['nothing to keep from nothing', [], '2026-01-21 12:00', undefined, []],
  ])('%s', (_case, backups, now, policy, expected) => {
    expect(kept(backups, now, policy)).toEqual(expected);
    // The order the list comes in does not matter.
    expect(kept([...backups].reverse(), now, policy)).toEqual(expected);
  });

  it('breaks a tie in the same millisecond by the sequence number: the later one is kept', () => {
    const backups = [
      backup('2026-01-19 12:00', 1, 'manual'),
      backup('2026-01-19 12:00', 0, 'before-restore'),
      backup('2026-01-19 12:00', 2, 'start'),
    ];
    for (const order of [backups, [...backups].reverse()]) {
      expect([...backupsToKeep(order, local('2026-01-21 12:00'), only({ days: 7 }))]).toEqual([
        backups[2]!.name,
      ]);
    }
    expect(backupsToKeep(backups, local('2026-01-21 12:00'), only({ newest: 2 }))).toEqual(
      new Set([backups[0]!.name, backups[2]!.name]),
    );
  });
});

describe('pruning a backups folder', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir('rapport-retention-'));
  });
  afterEach(() => cleanup());

  it('deletes exactly the backups backupsToKeep does not keep, and nothing else', () => {
    const backups = [...daily('2026-01-05', 56), ...burst('2026-03-02 09:00', 50)];
    for (const info of backups) fs.writeFileSync(path.join(dir, info.name), '{}');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const now = local('2026-03-02 09:01');
    const keep = backupsToKeep(backups, now);
    const removed = pruneBackups(dir, now);
    expect(removed.sort()).toEqual(
      backups
        .map((info) => info.name)
        .filter((name) => !keep.has(name))
        .sort(),
    );
    expect(fs.readdirSync(dir).sort()).toEqual([...keep, 'notes.txt'].sort());
  });
});

describe('a burst of backups in the storage', () => {
  let dataDir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir: dataDir, cleanup } = makeTempDir());
  });
  afterEach(() => cleanup());

  it('leaves the daily and weekly history from before the burst', () => {
    const clock = manualClock(local('2026-01-05 12:00').toISOString());
    const storage = open(dataDir, { now: clock.now });
    // Eight weeks of use: one change a day at noon, each followed by an interval backup.
    for (const info of daily('2026-01-05', 56)) {
      clock.set(info.createdAt);
      storage.transact((tx) => tx.put('contacts', makeContact(`c-${info.createdAt}`)));
    }
    // Then fifty "Back up now" clicks in one minute.
    clock.set(local('2026-03-02 09:00').toISOString());
    for (let n = 0; n < 50; n += 1) {
      clock.advance(1_000);
      storage.createBackup('manual');
    }
    const list = storage.listBackups();
    const before = list.filter((info) => new Date(info.createdAt) < local('2026-03-02 00:00'));
    expect(before.map((info) => info.createdAt).sort()).toEqual(
      [
        '2026-01-18',
        '2026-01-25',
        '2026-02-01',
        '2026-02-08',
        '2026-02-15',
        '2026-02-22',
        '2026-02-24',
        '2026-02-25',
        '2026-02-26',
        '2026-02-27',
        '2026-02-28',
        '2026-03-01',
      ].map((day) => local(`${day} 12:00`).toISOString()),
    );
    // Each of them still holds the data as it was that day.
    const oldest = readBackupFolder(path.join(dataDir, 'backups', before.at(-1)!.name), migrations);
    expect(Object.keys(oldest.contacts)).toHaveLength(14);
    expect(list.filter((info) => info.reason === 'manual')).toHaveLength(10);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(list.length);
    storage.close();
  });
});
