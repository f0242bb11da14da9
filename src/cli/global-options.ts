import { parseSize, setMaxInputSize } from '../io/guarded-read.js';
import { UsageError } from './usage-error.js';

/** Options every command takes, wherever they stand: `--max-input-size SIZE`. */
export const GLOBAL_USAGE = '--max-input-size SIZE (largest input file read, default 64MB)';

/**
 * Applies the global options found in `argv` and returns the rest for the command.
 * `--max-input-size 128MB` or `--max-input-size=128MB` (units: bytes, k, MB, GiB…).
 */
export function takeGlobalOptions(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--max-input-size') {
      value = argv[++i];
      if (value === undefined) throw new UsageError('--max-input-size needs a size, e.g. 128MB');
    } else if (arg.startsWith('--max-input-size=')) value = arg.slice('--max-input-size='.length);
    else {
      rest.push(arg);
      continue;
    }
    const bytes = parseSize(value);
    if (bytes === undefined) throw new UsageError(`--max-input-size: "${value}" is not a size (e.g. 64MB, 512k, 1GiB, or bytes)`);
    setMaxInputSize(bytes);
  }
  return rest;
}
