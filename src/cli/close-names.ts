import { distance } from 'fastest-levenshtein';

/**
 * Names among `candidates` close to what was typed, closest first: those it begins or
 * that begin it, then those within a third of its length in edits (at least 1, at most 3).
 */
export function closeNames(typed: string, candidates: Iterable<string>, most = 5): string[] {
  const t = typed.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(t.length / 3)));
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const n = name.toLowerCase();
    if (n === t) continue;
    const d = distance(t, n);
    if (n.startsWith(t) || t.startsWith(n)) scored.push({ name, score: Math.min(d, 0.5) });
    else if (d <= limit) scored.push({ name, score: d });
  }
  return scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1)).slice(0, most).map((s) => s.name);
}

/** ` (close: s3, s3express)`, or `` when nothing is close. */
export function closeHint(typed: string, candidates: Iterable<string>, show: (name: string) => string = (n) => n): string {
  const close = closeNames(typed, candidates);
  return close.length ? ` (close: ${close.map(show).join(', ')})` : '';
}
