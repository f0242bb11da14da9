import type { Severity } from '../diff/change.js';

/** Same colours as the text report. */
export const SEVERITY_COLOR: Record<Severity, 'red' | 'yellow' | 'cyan'> = { high: 'red', medium: 'yellow', low: 'cyan' };

/** A title line `── label ─────` filling `width`. */
export function rule(label: string, width: number): string {
  const head = `── ${label} `;
  return head + '─'.repeat(Math.max(0, width - head.length));
}
