import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_BYTES,
  dropActionFor,
  IMPORT_MAX_BYTES,
} from '../../shared/domain/dropped-files.js';
import { contract } from '../../shared/contract.js';
import type { ImportPreview } from '../../shared/schema/pipeline.js';
import type { MeetingDetail } from '../../shared/schema/meetings.js';
import { createIpcWorld, seed, type IpcWorld } from './helpers/ipc-world.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const base64 = (file: string) => fs.readFileSync(path.join(fixtures, file)).toString('base64');

describe('what a dropped file does', () => {
  const anywhere = { prepPage: false };
  it.each([
    ['Connections.csv', 'linkedin'],
    ['contacts.CSV', 'csv'],
    ['team.tsv', 'csv'],
    ['phone.vcf', 'vcard'],
    ['Old Phone.vCard', 'vcard'],
  ])('imports %s as %s', (name, kind) => {
    expect(dropActionFor({ name, size: 1_000 }, anywhere)).toEqual({ action: 'import', kind });
  });

  it('attaches a PDF on a prep page only, and refuses other files with a plain reason', () => {
    expect(dropActionFor({ name: 'Resume.pdf', size: 90_000 }, { prepPage: true })).toEqual({
      action: 'attach',
    });
    expect(dropActionFor({ name: 'Resume.pdf', size: 90_000 }, anywhere)).toEqual({
      action: 'refuse',
      message: "To attach “Resume.pdf”, open a meeting's prep page and drop it there.",
    });
    expect(dropActionFor({ name: 'photo.heic', size: 10 }, { prepPage: true })).toMatchObject({
      action: 'refuse',
      message: expect.stringMatching(/^Rapport cannot use “photo\.heic”\. Drop a \.csv or \.vcf/),
    });
    expect(dropActionFor({ name: 'no-extension', size: 10 }, anywhere)).toMatchObject({
      action: 'refuse',
    });
  });

  it('refuses files over the limits before reading them', () => {
    expect(dropActionFor({ name: 'huge.csv', size: IMPORT_MAX_BYTES + 1 }, anywhere)).toMatchObject(
      { action: 'refuse', message: expect.stringMatching(/up to 20 MB/) },
    );
    expect(
      dropActionFor({ name: 'huge.pdf', size: ATTACHMENT_MAX_BYTES + 1 }, { prepPage: true }),
    ).toMatchObject({ action: 'refuse', message: expect.stringMatching(/at most 50 MB/) });
  });

  it('bounds the text that carries the bytes in the contract', () => {
    const dropped = contract['import:dropped'].args;
    const tooLong = 'A'.repeat(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4);
    expect(dropped.safeParse({ kind: 'csv', name: 'a.csv', data: tooLong }).success).toBe(false);
    expect(dropped.safeParse({ kind: 'csv', name: 'a.csv', data: 'QQ==' }).success).toBe(true);
  });
});

describe('dropped files through the handlers', () => {
  let world: IpcWorld;
  beforeEach(async () => {
    world = await createIpcWorld({ prefix: 'rapport-drop-' });
  });
  afterEach(() => world.close());

  it('previews a dropped contact file like a chosen one, under its own name', async () => {
    const preview = (await world.must('import:dropped', {
      kind: 'linkedin',
      name: 'Connections.csv',
      data: base64('linkedin-connections.csv'),
    })) as ImportPreview;
    expect(preview.fileName).toBe('Connections.csv');
    expect(preview.counts.new).toBeGreaterThan(0);
    await world.must('import:commit', { token: preview.token });
    expect(Object.keys(world.storage.read().contacts).length).toBe(preview.counts.new);
  });

  it('attaches a dropped PDF to the meeting, under its name, leaving nothing behind', async () => {
    const seeded = await seed(world);
    const detail = (await world.must('meetings:attachDropped', {
      id: seeded.meetingId,
      name: '../../My resume: 2026?.pdf',
      data: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n').toString('base64'),
    })) as MeetingDetail;
    const attached = detail.attachments.at(-1)!;
    expect(attached.originalName).toBe('My resume 2026.pdf');
    expect(fs.readdirSync(world.dataDir).filter((name) => name.startsWith('incoming-'))).toEqual(
      [],
    );
    const refused = await world.call('meetings:attachDropped', {
      id: 'no-such-meeting',
      name: 'a.pdf',
      data: 'QQ==',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
