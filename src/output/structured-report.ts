import { yamlLib } from '../lazy/lazy-modules.js';
import type { DiffResult } from '../diff/diff-result.js';
import { hasUnsafeText, sanitizeDeep, stripControl } from '../text/sanitize.js';

/** A copy of `data` with every string sanitized (src/text/sanitize.ts). */
export function sanitized<T>(data: T): T {
  return sanitizeDeep(data);
}

/** The diff result with every string stripped of terminal control sequences. */
export function sanitizedResult(result: DiffResult): DiffResult {
  return sanitized(result);
}

/** Every string sanitized as JSON.stringify writes it: one pass, the same text as stringifying a sanitized copy. */
const sanitizing = (_k: string, v: unknown) => (typeof v === 'string' ? stripControl(v) : v);

/**
 * `data` as indented JSON, document text made safe to print. Stringified first without the
 * sanitizing replacer (several times faster): when the text has no escape at all, every
 * character of every string stands in it as itself, so if none is unsafe there is nothing to
 * sanitize and it is the answer; else the strings are sanitized as they are written.
 */
function safeJson(data: unknown): string {
  const plain = JSON.stringify(data, null, 2);
  if (plain === undefined || (!plain.includes('\\') && !hasUnsafeText(plain))) return plain;
  return JSON.stringify(data, sanitizing, 2);
}

/** Any command's data as JSON or YAML, document text made safe to print. */
export function renderStructured(data: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? safeJson(data) + '\n' : yamlLib().stringify(sanitized(data), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Machine-readable JSON: key order fixed by construction, changes already sorted. */
export function renderJson(result: DiffResult): string {
  return safeJson(result) + '\n';
}

export function renderYaml(result: DiffResult): string {
  return yamlLib().stringify(sanitizedResult(result), { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * A JSON or YAML list written one item at a time, byte for byte what renderStructured
 * writes for the whole list: long histories are printed without holding every item.
 */
export class StructuredListWriter {
  private count = 0;
  constructor(
    private readonly format: 'json' | 'yaml',
    private readonly write: (chunk: string) => unknown,
  ) {}

  item(data: unknown): void {
    if (this.format === 'yaml') this.write(renderStructured([data], 'yaml'));
    else this.write((this.count === 0 ? '[\n' : ',\n') + safeJson(data).replace(/^/gm, '  '));
    this.count++;
  }

  end(): void {
    if (this.count === 0) this.write(this.format === 'json' ? '[]\n' : '[]\n');
    else if (this.format === 'json') this.write('\n]\n');
  }
}
