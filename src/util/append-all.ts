/**
 * `target.push(...items)` without the spread: a call's arguments live on the stack, and a
 * document cell of 200 000 condition keys overflowed it (RangeError). Returns `target`.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
