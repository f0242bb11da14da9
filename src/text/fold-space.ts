/** White space, as `\s` matches it, other than lone spaces: what folding inside the text would change. */
const FOLDABLE = /[^\S ]| \s/;

/**
 * White space runs folded to one space, trimmed: `text.replace(/\s+/g, ' ').trim()`. Text whose
 * only white space is lone spaces (most names, keys and descriptions) is only trimmed, without
 * building a copy for every space as the replacement would.
 */
export function foldSpace(text: string): string {
  return FOLDABLE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
