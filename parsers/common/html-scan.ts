/**
 * Plain scanning of raw HTML, linear in the page: the look-ups that regular expressions did
 * with `[^>]*` or `[\s\S]*?` (quadratic on a page of unclosed `<th>` or `<h1 `), and the
 * nesting bound checked before the DOM is built (htmlparser2 and domhandler recurse).
 */

/** Finds `>` at or after a position, remembering the last answer (positions only grow). */
function closer(html: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at === -1 || at >= from) return at;
    at = html.indexOf('>', from);
    return at;
  };
}

/** The raw content of the first `<tag>…</tag>` (tag name case-insensitive), or undefined. */
export function firstElementContent(html: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}[\\s>]`, 'i').exec(html);
  if (!open) return undefined;
  const start = html.indexOf('>', open.index + 1 + tag.length);
  if (start < 0) return undefined;
  const close = new RegExp(`</${tag}\\s*>`, 'ig');
  close.lastIndex = start + 1;
  const end = close.exec(html);
  // No close after the first open tag: none after any later one either.
  return end ? html.slice(start + 1, end.index) : undefined;
}

/** Text with every `<…>` removed (an unclosed `<` keeps the rest). */
export function stripTags(html: string): string {
  let out = '';
  let i = 0;
  for (let lt = html.indexOf('<'); lt !== -1; lt = html.indexOf('<', i)) {
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    out += html.slice(i, lt);
    i = gt + 1;
  }
  return out + html.slice(i);
}

/** The page findServicePrefix read last and its answer: format detection and the parser both ask, one after the other. */
let lastPrefix: { source: string; prefix: string | undefined } | undefined;

/** `(service prefix: <code class="code">ecr</code>)`, across the line breaks of pretty-printed pages. */
export function findServicePrefix(source: string): string | undefined {
  if (lastPrefix?.source === source) return lastPrefix.prefix;
  const prefix = searchServicePrefix(source);
  lastPrefix = { source, prefix };
  return prefix;
}

function searchServicePrefix(source: string): string | undefined {
  const intro = /service prefix:\s*<code\b/gi;
  const nextGt = closer(source);
  const value = /\s*([^<\s]+)\s*<\/code>/iy;
  let tried = -1;
  for (let m = intro.exec(source); m; m = intro.exec(source)) {
    const gt = nextGt(m.index + m[0].length);
    if (gt < 0) return undefined;
    if (gt === tried) continue; // the same `<code …>` as the occurrence before: the same answer
    tried = gt;
    value.lastIndex = gt + 1;
    const v = value.exec(source);
    if (v) return v[1];
  }
  return undefined;
}

/** Elements that never hold others (and so never nest). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * The offset where open tags first nest deeper than `max`, or -1. Follows the open elements
 * as htmlparser2 does (a close tag pops down to the element it names, and is ignored when
 * none is open), void and self-closing tags aside, comments skipped; elements it closes
 * implicitly (`<td>` after `<td>`) are counted as still open, so the estimate errs on the
 * deep side (real tables nest about ten). Linear: each element is pushed and popped once.
 */
export function tooDeepAt(html: string, max: number): number {
  const stack: string[] = [];
  const open = new Map<string, number>(); // how many of each name are on the stack
  const nextGt = closer(html);
  for (let lt = html.indexOf('<'); lt !== -1; ) {
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return -1;
      lt = html.indexOf('<', end + 3);
      continue;
    }
    const gt = nextGt(lt + 1);
    if (gt < 0) return -1;
    const closing = html[lt + 1] === '/';
    let n = lt + (closing ? 2 : 1);
    const nameStart = n;
    while (n < gt && /[A-Za-z0-9-]/.test(html[n]!)) n++;
    const name = html.slice(nameStart, n).toLowerCase();
    if (name && !VOID.has(name)) {
      if (closing) {
        if (open.get(name)) {
          for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
            open.set(top, open.get(top)! - 1);
            if (top === name) break;
          }
        }
      } else if (html[gt - 1] !== '/') {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
        if (stack.length > max) return lt;
      }
    }
    lt = html.indexOf('<', lt + 1);
  }
  return -1;
}
