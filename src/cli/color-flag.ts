/**
 * A bare `--color` (the old boolean flag) means `--color always`: commander would otherwise take
 * the next word (a file name) as its value.
 */
export function normalizeColorFlag(argv: readonly string[]): string[] {
  return argv.map((a, i) => (a === '--color' && !['auto', 'always', 'never'].includes(argv[i + 1] ?? '') ? '--color=always' : a));
}

/** `--color auto|always|never` / `--no-color` as the renderers take it: forced on, forced off, or undefined (decide by terminal and NO_COLOR). */
export function colorChoice(value: unknown): boolean | undefined {
  if (value === 'always' || value === true) return true;
  if (value === 'never' || value === false) return false;
  return undefined;
}
