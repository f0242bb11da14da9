import type { OptionSpec } from '../cli/command-spec.js';
import { COMMANDS } from '../cli/command-list.js';
import { longName } from '../cli/program.js';
import { GLOBAL } from '../cli/shared-options.js';

/** Options the config file may not set: they name this run's files. */
export const NOT_DEFAULTS = new Set(['output', 'config', 'state', 'reason', 'expires', 'marked', 'action', 'catalog', 'policy', 'label', 'alongside', 'interactive']);

/** The option a command takes under a long name, if it may have a default. */
export function optionOf(command: string, name: string): OptionSpec | undefined {
  if (NOT_DEFAULTS.has(name)) return undefined;
  const own = COMMANDS.find((c) => c.name === command)?.options.find((o) => longName(o) === name && !o.hidden);
  return own ?? GLOBAL.find((o) => longName(o) === name && !o.flags.startsWith('--no-'));
}

/** Every name the `defaults:` section knows. */
export function configOptionNames() {
  const options = new Set(COMMANDS.flatMap((c) => c.options.filter((o) => !o.hidden).map(longName)).filter((n) => !NOT_DEFAULTS.has(n)));
  for (const o of GLOBAL) if (!NOT_DEFAULTS.has(longName(o))) options.add(longName(o));
  return {
    options,
    commands: new Set(COMMANDS.map((c) => c.name)),
    ofCommand: (command: string) => COMMANDS.find((c) => c.name === command)!.options.map(longName).filter((n) => !NOT_DEFAULTS.has(n)),
  };
}
