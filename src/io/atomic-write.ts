import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../model/errors.js';

/**
 * Write a file so readers see either the old content or the whole new one:
 * write a temporary file beside it, flush it, then move it into place. Without
 * `overwrite`, an existing file is never replaced (the move is a hard link, which fails if it exists).
 */
export function writeFileAtomic(path: string, content: string, { overwrite = false } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (overwrite) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(path, 'already exists; use --force to overwrite it');
        throw e;
      } finally {
        unlinkSync(tmp);
      }
    }
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already moved or removed */
    }
    throw e;
  }
}
