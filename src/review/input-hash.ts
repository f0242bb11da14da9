import { createHash, type Hash } from 'node:crypto';
import { relative } from 'node:path';
import { readGuarded } from '../io/guarded-read.js';
import { isDirectory, listFiles } from '../io/read-input.js';

function feedPath(h: Hash, path: string): void {
  if (isDirectory(path)) {
    // Sorted file list with each file's content, so renames and edits both count.
    for (const file of listFiles(path)) {
      const bytes = readGuarded(file);
      h.update(`file\0${relative(path, file)}\0${bytes.length}\0`);
      h.update(bytes);
    }
  } else {
    const bytes = readGuarded(path);
    h.update(`bytes\0${bytes.length}\0`);
    h.update(bytes);
  }
}

/** sha256 (hex) of one input: a file's bytes, or a directory's sorted file names and contents. */
export function hashInput(path: string): string {
  const h = createHash('sha256');
  feedPath(h, path);
  return h.digest('hex');
}

/** One hash for the pair OLD, NEW: the key of a review's saved marks. */
export function hashInputs(oldPath: string, newPath: string): string {
  return createHash('sha256').update(`iamdiff-review\0${hashInput(oldPath)}\0${hashInput(newPath)}`).digest('hex');
}
