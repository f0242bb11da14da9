import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../model/errors.js';
import { trackTemp, untrackTemp } from './temp-files.js';

/** A write that failed (disk full, read-only file system, no permission): one line, exit code 2. */
export class WriteError extends InputError {
  override name = 'WriteError';
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'a file is in the way',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'file name too long',
};

function writeError(path: string, e: unknown): WriteError {
  if (e instanceof WriteError) return e;
  const err = e as NodeJS.ErrnoException;
  const why = err.code ? `${WRITE_ERRORS[err.code] ?? err.message.split('\n')[0]} (${err.code})` : String(err?.message ?? e);
  return new WriteError(path, `cannot write: ${why}`);
}

type WriteFn = (fd: number, buffer: Buffer, offset: number, length: number) => number;

/** Write all of `data`, checking what each write took (a full disk may take part of a write before failing). */
export function writeAll(fd: number, data: Buffer, write: WriteFn = (f, b, o, l) => writeSync(f, b, o, l)): void {
  for (let off = 0; off < data.length; ) {
    const n = write(fd, data, off, data.length - off);
    if (!(n > 0)) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    off += n;
  }
}

/**
 * `mkdir -p` that reports the real cause: Node's recursive mkdir says ENOENT on a read-only
 * file system and EACCES for a directory that exists; this creates each missing level itself.
 */
export function makeDirs(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirs(parent);
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(dir, e);
  }
}

/** Flush a directory entry to disk (after a rename); not every file system allows it. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* EISDIR/EINVAL/EBADF on some systems: the rename itself is done */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Write a file so readers see either the old content or the whole new one: write a
 * temporary file beside it, check every write, fsync, close, then move it into place
 * and flush the directory. Only when this returns is the data on disk: callers say
 * "wrote"/"saved" after it. Any failure is a WriteError and the temporary file is removed
 * (also on SIGINT/SIGTERM: see temp-files.ts). Without `overwrite`, an existing file is
 * never replaced (the move is a hard link, which fails if it exists).
 */
export function writeFileAtomic(path: string, content: string | Buffer, { overwrite = false, write }: { overwrite?: boolean; write?: WriteFn } = {}): void {
  const dir = dirname(path);
  makeDirs(dir);
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
  } catch (e) {
    throw writeError(path, e);
  }
  trackTemp(tmp);
  try {
    try {
      writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, write);
      fsyncSync(fd);
    } finally {
      const f = fd;
      fd = undefined;
      closeSync(f);
    }
    if (overwrite) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new InputError(path, 'already exists; use --force to overwrite it');
        throw e;
      }
      unlinkSync(tmp);
    }
    untrackTemp(tmp);
    fsyncDir(dir);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already moved or removed */
    }
    untrackTemp(tmp);
    if (e instanceof InputError) throw e;
    throw writeError(path, e);
  }
}
