/**
 * IAM wildcard matching without regular expressions: `*` any run of characters, `?` one,
 * case-insensitive. The glob is cut at its `*`s (runs of `*` collapse): the first piece
 * must start the text, the last must end it, and each piece between is found leftmost
 * after the one before (leftmost is always safe for `*`/`?` globs). No backtracking: time
 * is at most text length × glob length, so `ecr:***********Z` cannot stall a check.
 */
export interface GlobMatcher {
  test(text: string): boolean;
}

/** Does `piece` (with `?` for any one character) match `text` at `at`? */
function pieceAt(text: string, at: number, piece: string): boolean {
  if (at < 0 || at + piece.length > text.length) return false;
  for (let i = 0; i < piece.length; i++) {
    const p = piece.charCodeAt(i);
    if (p !== 63 && p !== text.charCodeAt(at + i)) return false; // 63: '?'
  }
  return true;
}

/** Leftmost position in [from, to - piece.length] where `piece` matches, or -1. */
function findPiece(text: string, piece: string, from: number, to: number): number {
  if (!piece.includes('?')) {
    const at = text.indexOf(piece, from);
    return at >= 0 && at + piece.length <= to ? at : -1;
  }
  for (let at = from; at + piece.length <= to; at++) if (pieceAt(text, at, piece)) return at;
  return -1;
}

export function compileGlob(glob: string): GlobMatcher {
  const g = glob.toLowerCase();
  const pieces = g.split('*');
  if (pieces.length === 1) return { test: (text) => text.length === g.length && pieceAt(text.toLowerCase(), 0, g) };
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const minLength = head.length + tail.length + middle.reduce((n, p) => n + p.length, 0);
  return {
    test(text) {
      if (text.length < minLength) return false;
      const t = text.toLowerCase();
      const end = t.length - tail.length;
      if (!pieceAt(t, 0, head) || !pieceAt(t, end, tail)) return false;
      let pos = head.length;
      for (const piece of middle) {
        const at = findPiece(t, piece, pos, end);
        if (at < 0) return false;
        pos = at + piece.length;
      }
      return pos <= end;
    },
  };
}

/** Matches everything (`*`) or nothing (a pattern without `service:`). */
export const MATCH_ALL: GlobMatcher = { test: () => true };
export const MATCH_NONE: GlobMatcher = { test: () => false };
