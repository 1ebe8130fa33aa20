import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { SAVE_PART, SESSION_TTL_MS } from '../../electron/services/import/session.js';
import type { Storage, Transaction } from '../../electron/services/types.js';
import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/contract.js';
import type { Contact } from '../../shared/schema/entities.js';
import type { ImportPreview, ImportProgress } from '../../shared/schema/pipeline.js';
import { writeFileAtomic } from '../../electron/services/atomic-file.js';
import { makeContact, makeTempDir, open, snapshotStore } from './helpers/storage-fixtures.js';

const fixtures = path.join(import.meta.dirname, '../fixtures');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('rapport-import-'));
});
afterEach(() => cleanup());

function setup(options: { storage?: Storage; clock?: () => Date } = {}) {
  const storage = options.storage ?? open(path.join(dir, 'data'));
  let chosen: string | null = null;
  const progress: ImportProgress[] = [];
  const showOpen = vi.fn<HandlerDeps['dialogs']['showOpen']>(async () =>
    chosen === null ? null : [chosen],
  );
  const deps: HandlerDeps = {
    storage,
    dialogs: { showOpen, showSave: vi.fn(async () => null) },
    now: options.clock ?? (() => new Date('2026-12-03T10:00:00Z')),
    openPath: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    emit: (event, payload) => {
      if (event === 'import:progress') progress.push(payload as ImportProgress);
    },
    renderPdf: async () => new Uint8Array(),
    appInfo: { version: '0.0.0', platform: 'linux' },
  };
  const handlers = createHandlers(deps);
  async function call<C extends Channel>(channel: C, args: ParsedArgsOf<C>): Promise<ResultOf<C>> {
    const result = await dispatch(handlers, channel, args, () => {});
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as ResultOf<C>;
  }
  async function callError(channel: Channel, args: unknown) {
    const result = await dispatch(handlers, channel, args, () => {});
    if (result.ok) throw new Error(`${channel} succeeded`);
    return result.error;
  }
  const choose = async (file: string, kind: 'linkedin' | 'csv' | 'vcard') => {
    chosen = path.isAbsolute(file) ? file : path.join(fixtures, file);
    return (await call('import:choose', { kind })) as ImportPreview;
  };
  const write = (name: string, text: string | Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const contacts = () => Object.values(storage.read().contacts);
  return { storage, deps, call, callError, choose, write, contacts, progress, showOpen };
}

describe('choosing a file', () => {
  it('returns null and keeps no preview when the user cancels the dialog', async () => {
    const app = setup();
    expect(await app.call('import:choose', { kind: 'linkedin' })).toBeNull();
    expect(app.showOpen.mock.calls[0]?.[0]).toMatchObject({ filters: [{ extensions: ['csv'] }] });
  });

  it.each([
    ['linkedin', ['csv']],
    ['csv', ['csv', 'txt', 'tsv']],
    ['vcard', ['vcf', 'vcard']],
  ] as const)('offers %s files in the open dialog', async (kind, extensions) => {
    const app = setup();
    await app.call('import:choose', { kind });
    expect(app.showOpen.mock.calls[0]?.[0].filters[0]?.extensions).toEqual(extensions);
  });

  it.each([
    ['the sample resume PDF', 'sample-resume.pdf', 'linkedin', /binary file/],
    ['a vCard chosen as LinkedIn', 'contacts-v3.vcf', 'linkedin', /does not look like a LinkedIn/],
    ['a CSV chosen as vCard', 'linkedin-connections.csv', 'vcard', /no BEGIN:VCARD/],
  ] as const)(
    'refuses %s with a clear message and changes nothing',
    async (_label, file, kind, message) => {
      const app = setup();
      const before = snapshotStore(app.storage.dataDir);
      app.showOpen.mockResolvedValueOnce([path.join(fixtures, file)]);
      const error = await app.callError('import:choose', { kind });
      expect(error).toMatchObject({
        code: 'invalid-file',
        message: expect.stringMatching(message),
      });
      expect(snapshotStore(app.storage.dataDir)).toEqual(before);
    },
  );

  it('refuses a file over 20 MB without reading it', async () => {
    const app = setup();
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 21 * 1024 * 1024);
    app.showOpen.mockResolvedValueOnce([big]);
    expect((await app.callError('import:choose', { kind: 'csv' })).message).toMatch(
      /21\.0 MB.*up to 20 MB/,
    );
  });
});

describe('importing LinkedIn connections', () => {
  it('previews without writing, then commits every new person in one step', async () => {
    const app = setup();
    const before = snapshotStore(app.storage.dataDir);
    const preview = await app.choose('linkedin-connections.csv', 'linkedin');
    expect(preview).toMatchObject({
      fileName: 'linkedin-connections.csv',
      kind: 'linkedin',
      counts: { new: 7, merge: 0, unchanged: 0, rejected: 0, total: 7 },
      rejected: [],
    });
    expect(preview.sample[0]).toEqual({
      action: 'new',
      contact: expect.objectContaining({
        firstName: 'Maya',
        linkedinUrl: 'https://www.linkedin.com/in/maya-okafor-1a2b3c',
        source: { kind: 'other', detail: 'LinkedIn connection' },
        stage: 'prospect',
        notes: 'Connected on LinkedIn: 12 Mar 2024',
      }),
    });
    expect(snapshotStore(app.storage.dataDir)).toEqual(before);
    expect(new Set(app.progress.map((event) => event.phase))).toEqual(
      new Set(['reading', 'parsing', 'matching']),
    );

    expect(await app.call('import:commit', { token: preview.token })).toEqual({
      added: 7,
      merged: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(app.contacts()).toHaveLength(7);
    expect(app.progress.at(-1)).toMatchObject({ phase: 'saving', done: 7, total: 7 });
  });

  it('adds nothing when the same file is imported again, and the counts say unchanged', async () => {
    const app = setup();
    await app.call('import:commit', {
      token: (await app.choose('linkedin-connections.csv', 'linkedin')).token,
    });
    const saved = app.contacts();
    const again = await app.choose('linkedin-connections.csv', 'linkedin');
    expect(again.counts).toEqual({
      new: 0,
      merge: 0,
      unchanged: 7,
      rejected: 0,
      total: 7,
      warnings: 0,
    });
    expect(await app.call('import:commit', { token: again.token })).toEqual({
      added: 0,
      merged: 0,
      unchanged: 7,
      rejected: 0,
    });
    expect(app.contacts()).toEqual(saved);
    const old = await app.choose('linkedin-connections-old.csv', 'linkedin');
    expect(old.counts).toMatchObject({ new: 0, unchanged: 4 });
  });

  it('fills empty fields of an existing contact and never overwrites what the user typed', async () => {
    const storage = open(path.join(dir, 'data'));
    const typed = makeContact('mine', {
      firstName: 'Maya',
      lastName: 'Okafor',
      company: 'Northwind Health Inc.',
      title: 'Head of Product',
      notes: 'Typed by me.',
      tags: ['mine'],
      linkedinUrl: '',
    });
    storage.transact((tx) => tx.put('contacts', typed));
    const app = setup({ storage });
    const preview = await app.choose('linkedin-connections.csv', 'linkedin');
    expect(preview.counts).toMatchObject({ new: 6, merge: 1, unchanged: 0 });
    await app.call('import:commit', { token: preview.token });
    expect(storage.read().contacts.mine).toEqual({
      ...typed,
      linkedinUrl: 'https://www.linkedin.com/in/maya-okafor-1a2b3c',
      updatedAt: '2026-12-03T10:00:00.000Z',
    });
  });

  it('matches against the store as it is at commit time, not at preview time', async () => {
    const app = setup();
    const preview = await app.choose('linkedin-connections.csv', 'linkedin');
    app.storage.transact((tx) =>
      tx.put(
        'contacts',
        makeContact('typed-meanwhile', {
          firstName: 'Jonas',
          lastName: 'L.',
          email: 'JONAS.LINDQVIST@example.org',
          company: '',
        }),
      ),
    );
    expect(await app.call('import:commit', { token: preview.token })).toEqual({
      added: 6,
      merged: 1,
      unchanged: 0,
      rejected: 0,
    });
    expect(app.contacts()).toHaveLength(7);
    expect(app.storage.read().contacts['typed-meanwhile']).toMatchObject({
      lastName: 'L.',
      company: 'Fabrikam, Inc.',
    });
  });
});

describe('any CSV and vCard', () => {
  it('combines a person listed twice in one file into one contact and says so', async () => {
    const app = setup();
    const file = app.write(
      'dupes.csv',
      'Name,E-mail,Phone\nAna Garcia,ana@example.com,\nAna G.,ANA@example.com,+1 555 0100\n',
    );
    const preview = await app.choose(file, 'csv');
    expect(preview.counts).toEqual({
      new: 1,
      merge: 0,
      unchanged: 1,
      rejected: 0,
      total: 2,
      warnings: 1,
    });
    expect(preview.rejected).toEqual([]);
    expect(preview.warnings).toEqual([
      {
        row: 3,
        reason: 'Row 3 is the same person as row 2; the two were combined into one contact.',
      },
    ]);
    await app.call('import:commit', { token: preview.token });
    expect(app.contacts()).toEqual([
      expect.objectContaining({ firstName: 'Ana', lastName: 'Garcia', phone: '+1 555 0100' }),
    ]);
  });

  it('names the earlier row a duplicate was combined with, among several new people', async () => {
    const app = setup();
    const file = app.write(
      'three.csv',
      'Name,E-mail\nAna Garcia,ana@example.com\nBen Smith,ben@example.com\nAna,ana@example.com\nBen S,BEN@example.com\n',
    );
    const preview = await app.choose(file, 'csv');
    expect(preview.counts).toMatchObject({ new: 2, unchanged: 2 });
    expect(preview.warnings.map((issue) => issue.reason)).toEqual([
      'Row 4 is the same person as row 2; the two were combined into one contact.',
      'Row 5 is the same person as row 3; the two were combined into one contact.',
    ]);
  });

  it('re-runs the preview with the mapping the user chose', async () => {
    const app = setup();
    const file = app.write('odd.csv', 'Colour;Size\nred;L\nblue;M\n');
    const guessed = await app.choose(file, 'csv');
    expect(guessed).toMatchObject({
      headers: ['Colour', 'Size'],
      mapping: ['ignore', 'ignore'],
      counts: { rejected: 2, new: 0 },
    });
    const remapped = await app.call('import:remap', {
      token: guessed.token,
      mapping: ['firstName', 'notes'],
    });
    expect(remapped).toMatchObject({
      mapping: ['firstName', 'notes'],
      counts: { new: 2, rejected: 0 },
    });
    // The new preview has its own token: the old one (rows without names) cannot be saved.
    expect(remapped.token).not.toBe(guessed.token);
    expect(await app.callError('import:commit', { token: guessed.token })).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/replaced by a newer one.*Nothing was changed\./),
    });
    expect(
      await app.callError('import:remap', { token: remapped.token, mapping: ['firstName'] }),
    ).toMatchObject({
      code: 'invalid-args',
      message: 'The file has 2 columns but 1 were mapped. Map each column once.',
    });
    expect(await app.call('import:commit', { token: remapped.token })).toMatchObject({ added: 2 });
  });

  it('imports vCards and refuses to remap them', async () => {
    const app = setup();
    const preview = await app.choose('contacts-v4.vcf', 'vcard');
    expect(preview).toMatchObject({
      headers: [],
      mapping: [],
      counts: { new: 2, rejected: 1, total: 3 },
    });
    expect(
      await app.callError('import:remap', { token: preview.token, mapping: [] }),
    ).toMatchObject({ code: 'invalid-args' });
    await app.call('import:commit', { token: preview.token });
    expect(
      app
        .contacts()
        .map((contact) => contact.firstName)
        .sort(),
    ).toEqual(['Chloé', 'Kai']);
  });
});

describe('sessions', () => {
  it('forgets a cancelled preview', async () => {
    const app = setup();
    const preview = await app.choose('linkedin-connections.csv', 'linkedin');
    expect(await app.call('import:cancel', { token: preview.token })).toBeNull();
    expect(await app.callError('import:commit', { token: preview.token })).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/expired or was already used/),
    });
    expect(app.contacts()).toEqual([]);
  });

  it('refuses to commit the same preview twice', async () => {
    const app = setup();
    const preview = await app.choose('contacts-v3.vcf', 'vcard');
    await app.call('import:commit', { token: preview.token });
    expect(await app.callError('import:commit', { token: preview.token })).toMatchObject({
      code: 'not-found',
    });
    expect(app.contacts()).toHaveLength(2);
  });

  it('lets a preview expire after 30 minutes', async () => {
    let now = Date.parse('2026-12-03T10:00:00Z');
    const app = setup({ clock: () => new Date(now) });
    const preview = await app.choose('contacts-v3.vcf', 'vcard');
    now += SESSION_TTL_MS + 1;
    expect(await app.callError('import:commit', { token: preview.token })).toMatchObject({
      code: 'not-found',
    });
  });
});

describe('all or nothing', () => {
  it('leaves the store unchanged when saving fails half-way, and the same preview can be saved later', async () => {
    const real = open(path.join(dir, 'data'));
    real.transact((tx) => tx.put('contacts', makeContact('kept')));
    const before = snapshotStore(real.dataDir);
    let failNext = true;
    const flaky: Storage = Object.assign(Object.create(real) as Storage, {
      transact<T>(fn: (tx: Transaction) => T): T {
        return real.transact((tx) => {
          let puts = 0;
          const wrapped: Transaction = {
            get data() {
              return tx.data;
            },
            get: (collection, id) => tx.get(collection, id),
            put: (collection, item) => {
              puts += 1;
              if (failNext && puts === 4) throw new Error('disk full');
              tx.put(collection, item);
            },
            remove: (collection, id) => tx.remove(collection, id),
            setSettings: (settings) => tx.setSettings(settings),
          };
          return fn(wrapped);
        });
      },
    });
    const app = setup({ storage: flaky });
    const preview = await app.choose('linkedin-connections.csv', 'linkedin');
    expect(await app.callError('import:commit', { token: preview.token })).toMatchObject({
      code: 'internal',
    });
    expect(Object.keys(real.read().contacts)).toEqual(['kept']);
    expect(snapshotStore(real.dataDir)).toEqual(before);
    failNext = false;
    expect(await app.call('import:commit', { token: preview.token })).toMatchObject({ added: 7 });
    expect(Object.keys(real.read().contacts)).toHaveLength(8);
  });

  it('reports progress while parsing a large file and yields between chunks', async () => {
    const app = setup();
    const rows = Array.from(
      { length: 3_500 },
      (_, n) => `P${n},Q,https://www.linkedin.com/in/p-${n},,Acme,,01 Jan 2024`,
    );
    const file = app.write(
      'big.csv',
      ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'),
    );
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    try {
      const preview = await app.choose(file, 'linkedin');
      expect(preview.counts.new).toBe(3_500);
    } finally {
      clearInterval(timer);
    }
    const parsing = app.progress
      .filter((event) => event.phase === 'parsing')
      .map((event) => event.done);
    expect(parsing).toEqual([1_000, 2_000, 3_000, 3_500]);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('a large file, saved in parts', () => {
  const ROWS = 1_200;
  /** A CSV of `ROWS` new people (no company, so no employers), plus `extra` lines. */
  const bigFile = (app: ReturnType<typeof setup>, extra: string[] = []) =>
    app.write(
      'people.csv',
      [
        'First Name,Last Name,Email Address,Position',
        ...Array.from({ length: ROWS }, (_, n) => `P${n},Q${n},p${n}@example.com,`),
        ...extra,
      ].join('\n'),
    );

  /** A storage whose transactions are counted, with the store files each one wrote. */
  function counted(extra: Parameters<typeof open>[1] = {}) {
    const saves: string[][] = [];
    let current: string[] | null = null;
    const real = open(path.join(dir, 'data'), {
      ...extra,
      writeFile: (file, bytes) => {
        (extra.writeFile ?? writeFileAtomic)(file, bytes);
        current?.push(path.basename(file));
      },
    });
    const before: Array<() => void> = [];
    const storage: Storage = Object.assign(Object.create(real) as Storage, {
      transact<T>(fn: (tx: Transaction) => T): T {
        before.shift()?.();
        current = [];
        saves.push(current);
        try {
          return real.transact(fn);
        } finally {
          current = null;
        }
      },
    });
    return { real, storage, saves, before };
  }

  it('saves in parts that each write one store file, and tells the window once', async () => {
    // Files aim at 4 KB here (512 KB in the app): 1,200 contacts outgrow the 16 files.
    const { real, storage, saves } = counted({ shardTargetBytes: 4096 });
    const app = setup({ storage });
    const preview = await app.choose(bigFile(app), 'csv');
    expect(preview.counts.new).toBe(ROWS);
    const changes: unknown[] = [];
    real.onChange((change) => changes.push(change));
    saves.length = 0;
    expect(await app.call('import:commit', { token: preview.token })).toMatchObject({
      added: ROWS,
    });
    expect(app.contacts()).toHaveLength(ROWS);
    expect(saves.length).toBeGreaterThanOrEqual(Math.ceil(ROWS / SAVE_PART));
    for (const written of saves) {
      expect(written).toHaveLength(1); // one contacts file: one atomic write, no journal
      expect(written[0]).toMatch(/^contacts-/);
    }
    // The files were split for the size they were about to have, before the first part.
    const files = new Set(saves.flat());
    expect(files.size).toBeGreaterThan(16);
    expect(real.logs.some((line) => /split contacts into \d+ files/.test(line))).toBe(true);
    // One change for the window, naming no ids (too many: reload the contacts).
    expect(changes).toEqual([{ collections: ['contacts'], ids: {} }]);
    const saving = app.progress.filter((event) => event.phase === 'saving').map((e) => e.done);
    expect(saving.length).toBeGreaterThan(2);
    expect(saving.at(-1)).toBe(ROWS);
  });

  it('keeps what someone else changed meanwhile, merging the file into it; a deleted contact stays deleted', async () => {
    const { real, storage, before } = counted();
    real.transact((tx) => {
      tx.put(
        'contacts',
        makeContact('maya', {
          firstName: 'Maya',
          lastName: 'Okafor',
          email: 'maya@example.com',
          title: '',
          notes: '',
        }),
      );
      tx.put(
        'contacts',
        makeContact('kim', {
          firstName: 'Kim',
          lastName: 'Lee',
          email: 'kim@example.com',
          title: '',
        }),
      );
    });
    const app = setup({ storage });
    const preview = await app.choose(
      bigFile(app, ['Maya,Okafor,maya@example.com,Engineer', 'Kim,Lee,kim@example.com,Designer']),
      'csv',
    );
    expect(preview.counts).toMatchObject({ new: ROWS, merge: 2 });
    // Before the first part is saved, the user edits Maya and deletes Kim.
    before.push(() =>
      real.transact((tx) => {
        tx.put('contacts', {
          ...(tx.get('contacts', 'maya') as Contact),
          notes: 'Typed by the user',
        });
        tx.remove('contacts', 'kim');
      }),
    );
    await app.call('import:commit', { token: preview.token });
    expect(real.get('contacts', 'maya')).toMatchObject({
      notes: 'Typed by the user',
      title: 'Engineer',
    });
    expect(real.get('contacts', 'kim')).toBeUndefined();
    expect(app.contacts()).toHaveLength(ROWS + 1);
  });

  it('says how many were saved when a part fails, and the same file imported again adds only the rest', async () => {
    let contactsWrites = 0;
    let failing = true;
    const { real, storage } = counted({
      writeFile: (file, bytes) => {
        if (path.basename(file).startsWith('contacts-') && failing && ++contactsWrites === 3)
          throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
        writeFileAtomic(file, bytes);
      },
    });
    const app = setup({ storage });
    const file = bigFile(app);
    const preview = await app.choose(file, 'csv');
    const error = await app.callError('import:commit', { token: preview.token });
    expect(error.code).toBe('io');
    const saved = Number(/^(\d+) of 1200 contacts were saved/.exec(error.message)?.[1]);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(ROWS);
    expect(error.message).toMatch(/ENOSPC.*Import the same file again to add the rest/);
    expect(app.contacts()).toHaveLength(saved);
    // What was saved is on disk: a new start sees the same.
    expect(
      Object.keys(open(real.dataDir, { backgroundReadDelayMs: 0 }).read().contacts),
    ).toHaveLength(saved);
    failing = false;
    const again = await app.choose(file, 'csv');
    expect(again.counts).toMatchObject({ new: ROWS - saved, unchanged: saved });
    await app.call('import:commit', { token: again.token });
    const emails = app.contacts().map((contact) => contact.email);
    expect(emails).toHaveLength(ROWS);
    expect(new Set(emails).size).toBe(ROWS);
  });
});

describe('contacts in the store stay valid', () => {
  it('writes contacts that pass the entity schema with ids and timestamps from main', async () => {
    const app = setup();
    await app.call('import:commit', {
      token: (await app.choose('contacts-v21.vcf', 'vcard')).token,
    });
    const [zoe] = app.contacts() as [Contact];
    expect(zoe).toMatchObject({
      firstName: 'Zoë',
      createdAt: '2026-12-03T10:00:00.000Z',
      referredById: null,
      responsiveness: 'unknown',
    });
    expect(zoe.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
