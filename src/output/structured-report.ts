import { yamlLib } from '../lazy/lazy-modules.js';
import type { DiffResult } from '../diff/diff-result.js';
import { sanitizeDeep } from '../text/sanitize.js';

/** A copy of `data` with every string sanitized (src/text/sanitize.ts). */
export function sanitized<T>(data: T): T {
  return sanitizeDeep(data);
}

/** The diff result with every string stripped of terminal control sequences. */
export function sanitizedResult(result: DiffResult): DiffResult {
  return sanitized(result);
}

/** Any command's data as JSON or YAML, document text made safe to print. */
export function renderStructured(data: unknown, format: 'json' | 'yaml'): string {
  const clean = sanitized(data);
  return format === 'json' ? JSON.stringify(clean, null, 2) + '\n' : yamlLib().stringify(clean, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Machine-readable JSON: key order fixed by construction, changes already sorted. */
export function renderJson(result: DiffResult): string {
  return JSON.stringify(sanitizedResult(result), null, 2) + '\n';
}

export function renderYaml(result: DiffResult): string {
  return yamlLib().stringify(sanitizedResult(result), { lineWidth: 0, aliasDuplicateObjects: false });
}
