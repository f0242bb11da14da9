import type { OptionValues } from '../cli/command-spec.js';
import { UsageError } from '../cli/usage-error.js';
import { bashCompletion } from '../completion/bash-completion.js';
import { fishCompletion } from '../completion/fish-completion.js';
import { servicePrefixes } from '../completion/service-prefixes.js';
import { zshCompletion } from '../completion/zsh-completion.js';
import type { CommandIO } from './command.js';

/** `iamdiff completion bash|zsh|fish`; `completion __services WORD...` is what the scripts call for --service. */
export function run(args: string[], _values: OptionValues, io: CommandIO): number {
  const [shell, ...words] = args;
  if (shell === undefined) throw new UsageError('completion: name a shell: bash, zsh or fish');
  if (shell === '__services') {
    const prefixes = servicePrefixes(words);
    if (prefixes.length) io.stdout.write(prefixes.join('\n') + '\n');
    return 0;
  }
  if (words.length) throw new UsageError(`completion: one shell (got ${args.length} arguments)`);
  const script = shell === 'bash' ? bashCompletion() : shell === 'zsh' ? zshCompletion() : shell === 'fish' ? fishCompletion() : undefined;
  if (script === undefined) throw new UsageError(`completion: unknown shell "${shell}" (bash, zsh or fish)`);
  io.stdout.write(script);
  return 0;
}
