import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from '../model/errors.js';

/**
 * Every input is read here: regular files only (a FIFO, device, socket or directory
 * where a file is expected is an error, and opening never blocks), at most
 * `--max-input-size` bytes, in a bounded loop. Standard input (`-`) may be a pipe or a
 * terminal, but is cut off at the same limit (`< /dev/zero` ends with an error).
 */

export const DEFAULT_MAX_INPUT_SIZE = 64 * 1024 * 1024;

let maxInputSize = DEFAULT_MAX_INPUT_SIZE;

/** The limit in bytes for one input file (set from `--max-input-size`). */
export function getMaxInputSize(): number {
  return maxInputSize;
}

export function setMaxInputSize(bytes: number): void {
  maxInputSize = bytes;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `64MB`, `512k`, `1GiB`, `1000` (bytes) → bytes; undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** `64 MB`, `1.5 MB`, `300 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const OPEN_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENXIO: 'no such device',
};

function cannotRead(name: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  return new InputError(name, `cannot read: ${(err.code && OPEN_ERRORS[err.code]) ?? err.message}`);
}

function tooLarge(name: string, what: string, limit: number): InputError {
  return new InputError(name, `${what} over the input size limit of ${formatSize(limit)} (raise it with --max-input-size)`);
}

/** Wait a little without a timer (standard input set non-blocking by someone else). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Read fd to its end, failing as soon as more than `limit` bytes came. */
function readBounded(fd: number, name: string, limit: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(Math.max(expected + 1, 64 * 1024), limit + 1, 8 * 1024 * 1024));
  let used = 0; // bytes of `chunk` filled
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, used, chunk.length - used, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if (code === 'EOF') break; // Windows pipes
      throw cannotRead(name, e);
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw tooLarge(name, 'input is', limit);
    used += n;
    if (used === chunk.length) {
      // Full: keep it and go on in a bigger one (a regular file of the expected size fits the first).
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(Math.min(chunk.length * 2, 8 * 1024 * 1024));
      used = 0;
    }
  }
  // One read of a regular file is the common case: its buffer is the answer, not copied again.
  if (chunks.length === 0) return chunk.subarray(0, used);
  chunks.push(chunk.subarray(0, used));
  return Buffer.concat(chunks, total);
}

/**
 * A regular file opened for reading, its size within `limit`; InputError for anything else.
 * The caller closes the descriptor.
 */
export function openGuarded(path: string, { limit = maxInputSize, name = path }: { limit?: number; name?: string } = {}): { fd: number; size: number } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once (and is then refused below).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    throw cannotRead(name, e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(name, `cannot read: ${kindOf(st)}, not a regular file`);
    if (st.size > limit) throw tooLarge(name, `file is ${formatSize(st.size)},`, limit);
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** The bytes of a regular file, or of standard input for `-`; InputError for anything else or anything too large. */
export function readGuarded(path: string, { limit = maxInputSize, name = path === '-' ? '<stdin>' : path }: { limit?: number; name?: string } = {}): Buffer {
  if (path === '-') return readBounded(0, name, limit, 0);
  const { fd, size } = openGuarded(path, { limit, name });
  try {
    return readBounded(fd, name, limit, size);
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` bytes of a regular file as text; '' for anything that is not one (its reader says why). */
export function readHead(path: string, bytes: number): string {
  let opened: { fd: number };
  try {
    opened = openGuarded(path, { limit: Number.MAX_SAFE_INTEGER });
  } catch {
    return '';
  }
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(opened.fd, buf, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * The limit for a file read a piece at a time (the Service Reference or parliament JSON,
 * the 77 MB managed-policy package): memory stays bounded whatever its size, so it may
 * be larger than what is read whole.
 */
export function streamedInputLimit(): number {
  return maxInputSize * 16;
}
