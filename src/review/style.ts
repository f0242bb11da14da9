import type { Severity } from '../diff/change.js';
import type { DiffResult } from '../diff/diff-result.js';
import { oneLine } from '../text/sanitize.js';

/** Same colours as the text report. */
export const SEVERITY_COLOR: Record<Severity, 'red' | 'yellow' | 'cyan'> = { high: 'red', medium: 'yellow', low: 'cyan' };

/** `ecr`, `ecr, s3`, or `ecr, s3, sns +4`. */
export function servicesLabel(result: DiffResult): string {
  const all = [...new Set([...result.old.services, ...result.new.services])].sort().map(oneLine);
  if (all.length === 0) return 'no services';
  return all.length <= 3 ? all.join(', ') : `${all.slice(0, 3).join(', ')} +${all.length - 3}`;
}

/** A title line `── label ─────` filling `width`. */
export function rule(label: string, width: number): string {
  const head = `── ${label} `;
  return head + '─'.repeat(Math.max(0, width - head.length));
}
