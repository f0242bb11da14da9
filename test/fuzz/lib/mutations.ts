/**
 * Mutants of real documents, as fast-check arbitraries: a seed and a short list of edits
 * (insert, delete, replace, cut, duplicate lines, swap lines, and blow-ups that repeat a
 * piece of syntax up to a size limit, the inputs that expose super-linear code).
 */
import fc from 'fast-check';

export type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'cut'; at: number }
  | { op: 'duplicate-lines'; at: number; lines: number; times: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'blow-up'; at: number; text: string; bytes: number };

export interface Mutant {
  seed: number;
  edits: Edit[];
}

/** A position in a text of length n from any natural number. */
const pos = (at: number, n: number) => (n === 0 ? 0 : at % (n + 1));

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The edits applied in order; the result is at most `maxBytes` long. */
export function applyEdits(seed: string, edits: Edit[], maxBytes: number): string {
  let t = seed;
  for (const e of edits) {
    switch (e.op) {
      case 'insert': {
        const p = pos(e.at, t.length);
        t = t.slice(0, p) + e.text + t.slice(p);
        break;
      }
      case 'delete': {
        const p = pos(e.at, t.length);
        t = t.slice(0, p) + t.slice(p + e.length);
        break;
      }
      case 'replace': {
        const p = pos(e.at, t.length);
        t = t.slice(0, p) + e.text + t.slice(p + e.length);
        break;
      }
      case 'cut':
        t = t.slice(0, pos(e.at, t.length));
        break;
      case 'duplicate-lines': {
        const starts = lineStarts(t);
        const first = e.at % starts.length;
        const a = starts[first]!;
        const b = starts[Math.min(first + e.lines, starts.length - 1)] ?? t.length;
        const chunk = t.slice(a, b > a ? b : t.length);
        const times = Math.max(1, Math.min(e.times, Math.floor((maxBytes - t.length) / Math.max(1, chunk.length))));
        t = t.slice(0, a) + chunk.repeat(times) + t.slice(a);
        break;
      }
      case 'swap-lines': {
        const lines = t.split('\n');
        const i = e.a % lines.length;
        const j = e.b % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        t = lines.join('\n');
        break;
      }
      case 'blow-up': {
        const p = pos(e.at, t.length);
        const room = Math.max(0, Math.min(e.bytes, maxBytes - t.length));
        t = t.slice(0, p) + e.text.repeat(Math.floor(room / Math.max(1, e.text.length))) + t.slice(p);
        break;
      }
    }
    if (t.length > maxBytes) t = t.slice(0, maxBytes);
  }
  return t;
}

export interface MutantOptions {
  seeds: number;
  tokens: string[];
  /** Largest input a blow-up makes. */
  maxBytes: number;
  maxEdits?: number;
}

/** Text to splice in: the format's own syntax, random characters (any code unit), or a mix. */
function pieceArb(tokens: string[]): fc.Arbitrary<string> {
  const token = fc.constantFrom(...tokens);
  return fc.oneof(
    { weight: 5, arbitrary: token },
    { weight: 2, arbitrary: fc.array(token, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('')) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
}

export function editArb(options: MutantOptions): fc.Arbitrary<Edit> {
  const at = fc.nat();
  const piece = pieceArb(options.tokens);
  const small = Math.min(64 * 1024, options.maxBytes);
  // Mostly up to 64 KB; one blow-up in nine up to the limit (1 MB in npm run fuzz).
  const blowBytes = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: small }) }, { weight: 1, arbitrary: fc.integer({ min: small, max: Math.max(small, options.maxBytes) }) });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: piece }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at, length: fc.integer({ min: 1, max: 40 }), text: piece }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-lines' as const), at, lines: fc.integer({ min: 1, max: 20 }), times: fc.integer({ min: 1, max: 2000 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('blow-up' as const), at, text: piece.filter((s) => s.length > 0), bytes: blowBytes }) },
  );
}

export function mutantArb(options: MutantOptions): fc.Arbitrary<Mutant> {
  return fc.record({
    seed: fc.integer({ min: 0, max: options.seeds - 1 }),
    edits: fc.array(editArb(options), { minLength: 1, maxLength: options.maxEdits ?? 6 }),
  });
}
