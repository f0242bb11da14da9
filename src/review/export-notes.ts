import { join, resolve } from 'node:path';
import type { Change } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { filterResult } from '../diff/filter-changes.js';
import { writeFileAtomic, WriteError } from '../io/atomic-write.js';
import { InputError } from '../model/errors.js';
import { renderMarkdown } from '../output/markdown-report.js';

/** The release notes `renderMarkdown` gives for these changes of the result (kept in diff order, summary recounted, default size budget). */
export function releaseNotes(result: DiffResult, changes: Iterable<Change>): string {
  const picked = new Set(changes);
  return renderMarkdown(filterResult({ ...result, changes: result.changes.filter((c) => picked.has(c)) }, {}));
}

/** `iamdiff-review-2024-05-01T120000Z.md`. */
export function exportFileName(now: Date, n = 1): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '');
  return `iamdiff-review-${stamp}${n > 1 ? `-${n}` : ''}.md`;
}

/** Write the notes atomically to a new file in `dir`; returns its path. */
export function writeExport(dir: string, content: string, now: Date): string {
  for (let n = 1; ; n++) {
    const path = resolve(join(dir, exportFileName(now, n)));
    try {
      writeFileAtomic(path, content);
      return path;
    } catch (e) {
      if (!(e instanceof InputError) || e instanceof WriteError || n >= 100) throw e; // InputError: the name is taken
    }
  }
}
