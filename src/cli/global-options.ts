import { parseSize, setMaxInputSize } from '../io/guarded-read.js';
import { UsageError } from './usage-error.js';

/** `--max-input-size 128MB` (units: bytes, k, MB, GiB…): the largest input file any command reads. */
export function applyMaxInputSize(value: unknown): void {
  if (value === undefined) return;
  const bytes = parseSize(String(value));
  if (bytes === undefined) throw new UsageError(`--max-input-size: "${String(value)}" is not a size (e.g. 64MB, 512k, 1GiB, or bytes)`);
  setMaxInputSize(bytes);
}
