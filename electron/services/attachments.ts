import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain/dropped-files.js';
import { UserFacingError } from '../../shared/result.js';
import { fsyncDir, tempPathFor } from './atomic-file.js';

/** Resumes and portfolios fit easily; anything bigger is almost certainly the wrong file. */
export const MAX_ATTACHMENT_BYTES = ATTACHMENT_MAX_BYTES;

const mimeTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.rtf': 'application/rtf',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** What was copied; the caller records it as an `Attachment`. */
export interface StoredFile {
  sha256: string;
  fileName: string;
  originalName: string;
  mimeType: string;
  size: number;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Copies a user-chosen file into `dir` as `<sha256><ext>`, hashing while copying (1 MB at a time,
 * never the whole file in memory). The same content is stored once. The name on disk never
 * comes from the user, so nothing they pick can point outside the folder.
 */
export function copyIntoAttachments(dir: string, sourcePath: string): StoredFile {
  const originalName = path.basename(sourcePath).trim().slice(0, 255) || 'file';
  let stat: fs.Stats;
  try {
    stat = fs.statSync(sourcePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UserFacingError(
        'not-found',
        `"${originalName}" could not be found. It may have been moved or deleted; choose it again.`,
      );
    }
    throw new UserFacingError(
      'io',
      `"${originalName}" could not be opened (${code ?? 'unknown error'}). Nothing was attached.`,
    );
  }
  if (stat.isDirectory()) {
    throw new UserFacingError(
      'invalid-args',
      `"${originalName}" is a folder. Choose a file inside it instead.`,
    );
  }
  if (!stat.isFile()) {
    throw new UserFacingError(
      'invalid-args',
      `"${originalName}" is not a regular file. Choose a document or an image.`,
    );
  }
  const tooBig = (size: number) =>
    new UserFacingError(
      'invalid-file',
      `"${originalName}" is ${megabytes(size)} MB; attachments can be at most ${megabytes(MAX_ATTACHMENT_BYTES)} MB. Nothing was attached.`,
    );
  if (stat.size > MAX_ATTACHMENT_BYTES) throw tooBig(stat.size);

  fs.mkdirSync(dir, { recursive: true });
  const temp = tempPathFor(path.join(dir, 'incoming'));
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  let size = 0;
  let input: number | null = null;
  let output: number | null = null;
  try {
    input = fs.openSync(sourcePath, 'r');
    output = fs.openSync(temp, 'w');
    for (;;) {
      const read = fs.readSync(input, buffer, 0, buffer.length, null);
      if (read === 0) break;
      size += read;
      // The file may grow after the size check: stop at the limit rather than trust the stat.
      if (size > MAX_ATTACHMENT_BYTES) throw tooBig(size);
      hash.update(buffer.subarray(0, read));
      fs.writeSync(output, buffer, 0, read);
    }
    fs.fsyncSync(output);
  } catch (error) {
    if (output !== null) fs.closeSync(output);
    output = null;
    fs.rmSync(temp, { force: true });
    if (error instanceof UserFacingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserFacingError(
      'io',
      `"${originalName}" could not be copied into Rapport's data folder (${code ?? 'unknown error'}). Nothing was attached.`,
    );
  } finally {
    if (input !== null) fs.closeSync(input);
    if (output !== null) fs.closeSync(output);
  }
  const sha256 = hash.digest('hex');
  const extension = path.extname(originalName).toLowerCase();
  const safeExtension = /^\.[a-z0-9]{1,8}$/.test(extension) ? extension : '';
  const fileName = `${sha256}${safeExtension}`;
  const target = path.join(dir, fileName);
  if (fs.existsSync(target)) {
    fs.rmSync(temp, { force: true });
  } else {
    fs.renameSync(temp, target);
    fsyncDir(dir);
  }
  return {
    sha256,
    fileName,
    originalName,
    mimeType: mimeTypes[safeExtension] ?? 'application/octet-stream',
    size,
  };
}

/**
 * The absolute path of `fileName` inside `dir`, or a thrown error if it would land anywhere
 * else (a second line of defence: names are already checked by the Attachment schema).
 */
export function resolveInside(dir: string, fileName: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, fileName);
  const relative = path.relative(root, full);
  if (
    fileName.includes('\0') ||
    relative === '' ||
    relative.startsWith('..') ||
    path.isAbsolute(relative) ||
    relative.includes(path.sep) ||
    relative.includes('/') ||
    relative.includes('\\')
  ) {
    throw new UserFacingError(
      'forbidden',
      "That attachment is outside Rapport's attachments folder.",
    );
  }
  return full;
}
