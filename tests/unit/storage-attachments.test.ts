import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../electron/services/attachments.js';
import { UserFacingError } from '../../shared/result.js';
import { makeTempDir, open } from './helpers/storage-fixtures.js';

let root: string;
let dataDir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir: root, cleanup } = makeTempDir());
  dataDir = path.join(root, 'data');
});
afterEach(() => cleanup());

function caught(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('Expected a UserFacingError, but nothing was thrown.');
}

const pdf = Buffer.from('%PDF-1.4\n% a tiny resume\n%%EOF\n');
const sha = createHash('sha256').update(pdf).digest('hex');

describe('attachments', () => {
  it('copies the file into attachments/<sha256>.<ext> and records it', () => {
    const source = path.join(root, 'My Resume.PDF');
    fs.writeFileSync(source, pdf);
    const storage = open(dataDir);
    const attachment = storage.addAttachment(source, 'resume');
    expect(attachment).toEqual({
      id: sha,
      sha256: sha,
      originalName: 'My Resume.PDF',
      mimeType: 'application/pdf',
      size: pdf.length,
      role: 'resume',
      fileName: `${sha}.pdf`,
      addedAt: '2026-01-15T12:00:00.000Z',
    });
    const stored = storage.attachmentPath(sha);
    expect(stored).toBe(path.join(dataDir, 'attachments', `${sha}.pdf`));
    expect(fs.readFileSync(stored)).toEqual(pdf);
    storage.close();
    const reopened = open(dataDir);
    expect(reopened.read().attachments[sha]).toEqual(attachment);
    reopened.close();
  });

  it('stores the same content once, however often it is added', () => {
    const first = path.join(root, 'a.pdf');
    const second = path.join(root, 'copy of a.pdf');
    fs.writeFileSync(first, pdf);
    fs.writeFileSync(second, pdf);
    const storage = open(dataDir);
    const a = storage.addAttachment(first, 'resume');
    const b = storage.addAttachment(second, 'other');
    expect(b).toEqual(a);
    expect(Object.keys(storage.read().attachments)).toEqual([sha]);
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toEqual([`${sha}.pdf`]);
    storage.close();
  });

  it('keeps names without a usable extension', () => {
    const source = path.join(root, 'notes.weird-extension!');
    fs.writeFileSync(source, 'plain');
    const storage = open(dataDir);
    const attachment = storage.addAttachment(source, 'other');
    expect(attachment.fileName).toMatch(/^[0-9a-f]{64}$/);
    expect(attachment.mimeType).toBe('application/octet-stream');
    storage.close();
  });

  it.each([
    ['a folder', () => root, 'invalid-args', /is a folder/],
    ['a missing file', () => path.join(root, 'gone.pdf'), 'not-found', /could not be found/],
    [
      'a file over 50 MB',
      () => {
        const big = path.join(root, 'huge.pdf');
        fs.writeFileSync(big, '');
        fs.truncateSync(big, MAX_ATTACHMENT_BYTES + 1);
        return big;
      },
      'invalid-file',
      /at most 50\.0 MB/,
    ],
  ])('refuses %s clearly and records nothing', (_label, source, code, message) => {
    const storage = open(dataDir);
    const error = caught(() => storage.addAttachment(source(), 'resume'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(storage.read().attachments).toEqual({});
    const folder = path.join(dataDir, 'attachments');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
    storage.close();
  });

  it.each([
    ['../x'],
    ['..\\x'],
    ['../../store/settings.json'],
    ['/etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['abc\0def'],
    [`${sha}\0`],
    ['a'.repeat(64)],
    [''],
    ['__proto__'],
    ['constructor'],
  ])('answers only known ids with paths inside the folder (refuses %j)', (id) => {
    const source = path.join(root, 'r.pdf');
    fs.writeFileSync(source, pdf);
    const storage = open(dataDir);
    storage.addAttachment(source, 'resume');
    const error = caught(() => storage.attachmentPath(id));
    expect(error.code).toBe('not-found');
    storage.close();
  });

  it('says so when a known attachment lost its file', () => {
    const source = path.join(root, 'r.pdf');
    fs.writeFileSync(source, pdf);
    const storage = open(dataDir);
    storage.addAttachment(source, 'resume');
    fs.rmSync(path.join(dataDir, 'attachments', `${sha}.pdf`));
    const error = caught(() => storage.attachmentPath(sha));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/r\.pdf" is missing/);
    storage.close();
  });
});
