/**
 * TypeDoc enum pages (aws-iam-policy-types) cut descriptions into chunks of 79
 * characters and trim trailing spaces. A line shorter than 79 ended at a space;
 * a full line was cut mid-stream, usually mid-word ("speci" + "fied").
 */
export const TYPEDOC_WRAP_WIDTH = 79;

const HEAD = /^[A-Za-z0-9]+/;
const WORD = /[A-Za-z0-9]+/g;

const isFull = (line: string) => Array.from(line).length >= TYPEDOC_WRAP_WIDTH;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The run of letters and digits that ends `line`, if any (scanned from the end: `/[A-Za-z0-9]+$/` is quadratic on a long word followed by a mark). */
function tailWord(line: string): string | undefined {
  let i = line.length;
  while (i > 0 && isAlnum(line.charCodeAt(i - 1))) i--;
  return i < line.length ? line.slice(i) : undefined;
}

/** How a full line and the next one were joined, and why. */
export type CutJoin = 'word' | 'space' | 'vocabulary-space' | 'vocabulary-word' | 'punctuation-space';

/**
 * Words of the document to judge cuts with: every token of the descriptions
 * that does not touch a cut, plus the words of the member names (`GetLifecyclePolicyPreview`).
 */
export function typedocVocabulary(paragraphs: string[][], names: string[] = []): Set<string> {
  const words = new Set<string>();
  for (const lines of paragraphs) {
    lines.forEach((line, i) => {
      const cutBefore = i > 0 && isFull(lines[i - 1]!) && tailWord(lines[i - 1]!) !== undefined;
      const cutAfter = i < lines.length - 1 && isFull(line) && HEAD.test(lines[i + 1]!);
      for (const m of line.matchAll(WORD)) {
        if (cutBefore && m.index === 0) continue;
        if (cutAfter && m.index + m[0].length === line.length) continue;
        words.add(m[0].toLowerCase());
      }
    });
  }
  for (const n of names) for (const w of n.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []) words.add(w.toLowerCase());
  return words;
}

/**
 * How a full line `prev` goes on in `next`. The cut may have fallen on the space
 * between two words (trimmed away): then the document's words decide — a known
 * joined token is one word, two known halves are two words; otherwise one word.
 */
export function joinAtCut(prev: string, next: string, vocabulary: Set<string>): CutJoin {
  if (/^\s/.test(next)) return 'space';
  const tail = tailWord(prev)?.toLowerCase();
  const head = HEAD.exec(next)?.[0].toLowerCase();
  if (tail && head) {
    if (vocabulary.has(tail + head)) return vocabulary.has(tail) && vocabulary.has(head) ? 'vocabulary-word' : 'word';
    return vocabulary.has(tail) && vocabulary.has(head) ? 'vocabulary-space' : 'word';
  }
  // `registry,` + `including`: the space after a punctuation mark fell on the cut.
  if (head && /[,;:!?.)]$/.test(prev)) return 'punctuation-space';
  return 'word';
}

/** One description from its physical lines. `onCut` sees every decision at a full line. */
export function unwrapTypedoc(lines: string[], vocabulary: Set<string>, onCut?: (prev: string, next: string, how: CutJoin) => void): string {
  let out = lines[0]?.trim() ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const next = lines[i]!;
    if (!isFull(prev)) {
      out += ' ' + next.trim();
      continue;
    }
    const how = joinAtCut(prev, next, vocabulary);
    onCut?.(prev, next, how);
    out += (how === 'word' || how === 'vocabulary-word' ? '' : ' ') + next.trim();
  }
  return out;
}
