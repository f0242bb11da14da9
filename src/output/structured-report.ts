import { stringify } from 'yaml';
import type { DiffResult } from '../diff/diff-result.js';
import { stripControl } from '../text/sanitize.js';

/** The diff result with every string stripped of terminal control sequences. */
export function sanitizedResult(result: DiffResult): DiffResult {
  return JSON.parse(JSON.stringify(result, (_k, v: unknown) => (typeof v === 'string' ? stripControl(v) : v))) as DiffResult;
}

/** Machine-readable JSON: key order fixed by construction, changes already sorted. */
export function renderJson(result: DiffResult): string {
  return JSON.stringify(sanitizedResult(result), null, 2) + '\n';
}

export function renderYaml(result: DiffResult): string {
  return stringify(sanitizedResult(result), { lineWidth: 0, aliasDuplicateObjects: false });
}
