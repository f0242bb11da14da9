import stringWidth from 'string-width';

/** Terminal colours the review uses (dropped when colour is off). */
export type Color = 'red' | 'green' | 'yellow' | 'cyan' | 'magenta' | 'blue' | 'gray';

/** A run of text in one style. Text is already sanitized (oneLine) by whoever makes it. */
export interface Seg {
  text: string;
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

/** One screen line. */
export type Line = Seg[];

const ASCII = /^[\x20-\x7e]*$/;
/** Columns a string takes (printable ASCII: its length, without asking string-width). */
export const width = (s: string): number => (ASCII.test(s) ? s.length : stringWidth(s));
export const lineWidth = (l: Line): number => l.reduce((w, s) => w + width(s.text), 0);
export const seg = (text: string, style: Omit<Seg, 'text'> = {}): Seg => ({ text, ...style });

/** Cut a string to at most `w` columns, looking only as far as the cut (rows hold whole descriptions). */
function cut(text: string, w: number): [string, string] {
  if (ASCII.test(text)) return [text.slice(0, Math.max(0, w)), text.slice(Math.max(0, w))];
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const cw = cp >= 0x20 && cp < 0x7f ? 1 : stringWidth(text.slice(i, i + len));
    if (used + cw > w) break;
    used += cw;
    i += len;
  }
  return [text.slice(0, i), text.slice(i)];
}

/** Word-wrap styled text to `w` columns (words longer than a line are split); at least one line. */
export function wrapLine(line: Line, w: number): Line[] {
  const out: Line[] = [];
  let cur: Line = [];
  let used = 0;
  const push = (text: string, style: Seg) => {
    const last = cur.at(-1);
    if (last && last.color === style.color && last.bold === style.bold && last.dim === style.dim && last.inverse === style.inverse && last.underline === style.underline) last.text += text;
    else cur.push({ ...style, text });
    used += width(text);
  };
  const newline = () => {
    if (cur.length) {
      const last = cur.at(-1)!;
      last.text = last.text.replace(/\s+$/, '');
      if (!last.text) cur.pop();
    }
    out.push(cur);
    cur = [];
    used = 0;
  };
  for (const s of line) {
    for (const token of s.text.match(/\S+\s*|\s+/g) ?? []) {
      let t = token;
      const word = t.replace(/\s+$/, '');
      if (used > 0 && used + width(word) > w) {
        newline();
        t = t.replace(/^\s+/, '');
        if (!t) continue;
      }
      while (width(t.replace(/\s+$/, '')) > w - used && w - used > 0) {
        const [head, tail] = cut(t, w - used);
        push(head, s);
        newline();
        t = tail;
      }
      if (t) push(used + width(t) > w ? t.replace(/\s+$/, '') : t, s);
    }
  }
  if (cur.length || out.length === 0) newline();
  return out;
}

/** A line cut or padded to exactly `w` columns. */
export function fitLine(line: Line, w: number): Line {
  const out: Line = [];
  let used = 0;
  for (const s of line) {
    if (used >= w) break;
    const [head] = cut(s.text, w - used);
    if (head) out.push({ ...s, text: head });
    used += width(head);
  }
  if (used < w) out.push({ text: ' '.repeat(w - used) });
  return out;
}

/** Plain text of a line. */
export const plain = (l: Line): string => l.map((s) => s.text).join('');
