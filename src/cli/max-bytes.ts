import { UsageError } from './usage-error.js';

/** `--max-bytes N`: a size budget for Markdown release notes (0: none); undefined when not given. */
export function parseMaxBytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-bytes must be a whole number of bytes, 0 for no limit (got "${value}")`);
  return Number(value);
}
