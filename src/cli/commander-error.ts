import type { CommanderError } from 'commander';

/**
 * commander's message as one line: `unknown option '--fail-onn' (did you mean --fail-on?)`.
 * Its suggestion comes on a second line; the leading `error: ` goes (main says `iamdiff:`).
 */
export function commanderMessage(e: CommanderError): string {
  return e.message
    .replace(/^error: /, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => (i > 0 && /^\(Did you mean/.test(l) ? l.replace('(Did you mean', '(did you mean') : l))
    .join(' ');
}
