import type { Change } from '../diff/change.js';

/** Stable identity of a change across runs: kind|service|action|resource|key|dependentAction. */
export function changeKey(c: Change): string {
  return [c.kind, c.service, c.action ?? '', c.resource ?? '', c.key ?? '', c.dependentAction ?? ''].join('|');
}
