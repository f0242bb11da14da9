import { DIRECTORY_PARSERS, MULTI_CATALOG_PARSERS, PARSERS } from '../../parsers/index.js';
import type { Completion, OptionSpec } from '../cli/command-spec.js';
import { COMMANDS } from '../cli/command-list.js';
import { SHELLS } from '../cli/specs/completion-spec.js';
import { CHANGE_KINDS, SEVERITIES } from '../diff/change.js';
import { RULE_IDS } from '../diff/severity-rules.js';

/** What the scripts complete: the commands and, per option, a fixed word list or a kind of path. */
export type ValueCompletion = { words: string[]; commaList?: boolean } | { files: 'file' | 'dir' | 'path' } | { services: true };

/** The words or paths a completion stands for (static lists are written into the script). */
export function completionValues(c: Completion | undefined): ValueCompletion | undefined {
  if (c === undefined) return undefined;
  if (typeof c !== 'string') return { words: [...c] };
  switch (c) {
    case 'file':
    case 'dir':
    case 'path':
      return { files: c };
    case 'kinds':
      // --only takes kinds and rule IDs, as a comma list
      return { words: [...new Set([...CHANGE_KINDS, ...RULE_IDS])], commaList: true };
    case 'rules':
      return { words: [...RULE_IDS] };
    case 'severities':
      return { words: [...SEVERITIES] };
    case 'input-formats':
      return { words: [...PARSERS, ...MULTI_CATALOG_PARSERS, ...DIRECTORY_PARSERS].map((p) => p.id) };
    case 'commands':
      return { words: COMMANDS.map((s) => s.name) };
    case 'shells':
      return { words: [...SHELLS] };
    case 'services':
      return { services: true };
  }
}

/** `-f`, `--format`: the flags of an option. */
export function flagNames(o: OptionSpec): { short?: string; long: string; takesValue: boolean } {
  const short = /(?:^|[ ,])-([a-zA-Z])\b/.exec(o.flags)?.[1];
  const long = /--([a-z0-9-]+)/.exec(o.flags)![1]!;
  return { ...(short ? { short } : {}), long, takesValue: /[<[]/.test(o.flags) };
}

/** An option's help as one plain line a shell can quote: no brackets, colons or quotes. */
export function plainHelp(text: string): string {
  return text.replace(/[[\]:'"`$\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}
