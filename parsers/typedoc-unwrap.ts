/** TypeDoc pages cut description text into chunks of this many characters. */
export const TYPEDOC_WRAP_WIDTH = 79;

const lastWord = (s: string) => /[A-Za-z]+$/.exec(s)?.[0] ?? '';
const firstWord = (s: string) => /^[A-Za-z]+/.exec(s)?.[0] ?? '';

/**
 * Words of the document that stand whole (not at a cut), to judge cuts with.
 * `paragraphs` are the descriptions as physical lines.
 */
export function wholeWords(paragraphs: string[][]): Set<string> {
  const words = new Set<string>();
  for (const lines of paragraphs) {
    lines.forEach((line, i) => {
      const tokens = line.match(/[A-Za-z]+/g) ?? [];
      const cutBefore = i > 0 && lines[i - 1]!.length >= TYPEDOC_WRAP_WIDTH && !line.startsWith(' ');
      const cutAfter = line.length >= TYPEDOC_WRAP_WIDTH && i < lines.length - 1;
      tokens.forEach((t, k) => {
        if ((k === 0 && cutBefore) || (k === tokens.length - 1 && cutAfter)) return;
        words.add(t.toLowerCase());
      });
    });
  }
  return words;
}

/**
 * Rejoin a description cut at 79 columns. A shorter line ended at a space that was
 * trimmed: join with a space. A full line was cut mid-stream, usually mid-word
 * ("speci" + "fied"): join directly, unless the document's own words say the cut
 * fell between two words (the joined token is unknown but both halves are words).
 */
export function unwrapDescription(lines: string[], vocabulary: Set<string>): string {
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const next = lines[i]!;
    if (prev.length < TYPEDOC_WRAP_WIDTH) {
      out += ' ' + next.trimStart();
      continue;
    }
    const tail = lastWord(prev).toLowerCase();
    const head = firstWord(next).toLowerCase();
    const betweenWords = tail !== '' && head !== '' && !vocabulary.has(tail + head) && vocabulary.has(tail) && vocabulary.has(head);
    out += betweenWords ? ' ' + next : next;
  }
  return out.trim();
}
