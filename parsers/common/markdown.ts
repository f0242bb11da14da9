/** Markdown backslash escapes (`\*`, `\(`, `\-`, `$\{Partition\}`) removed. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~$"'=:;,/&%^@?])/g, '$1');
}

/**
 * Cells of a markdown table row `| a | b |`. Escaped pipes (`\|`) stay inside a
 * cell. Returns undefined for a line that is not a table row.
 */
export function tableCells(line: string): string[] | undefined {
  const t = line.trim();
  if (!t.startsWith('|')) return undefined;
  const cells: string[] = [];
  let cur = '';
  for (let i = 1; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\\' && i + 1 < t.length) {
      cur += ch + t[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') cells.push(cur.trim());
  return cells;
}

/** True for a table delimiter row such as `| --- | :---: |`. */
export function isDelimiterRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{3,}:?$/.test(c));
}

export interface MarkdownLink {
  text: string;
  url: string;
}

/**
 * All `[text](url)` links in a cell, in order (`\]` escapes a bracket in the text; the URL
 * runs to `)` and holds no white space). Plain scanning, linear in the cell: a cell of
 * 100 000 unclosed `[` is read once, not once per `[` as a regular expression would.
 */
const LINE_END = /^[\n\r\u2028\u2029]$/;

export function markdownLinks(cell: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  let urlFrom = -1; // the last URL scan: from where, to which stop (`)`, white space or the end)
  let urlStop = -1;
  for (let i = cell.indexOf('['); i !== -1; ) {
    // The text: up to the first `]` not escaped by a backslash.
    let j = i + 1;
    while (j < cell.length && cell[j] !== ']' && !(cell[j] === '\\' && LINE_END.test(cell[j + 1] ?? ''))) j += cell[j] === '\\' ? 2 : 1;
    if (j >= cell.length) break; // no `]` after this `[`, so none after any later one
    if (cell[j] === '\\') {
      i = cell.indexOf('[', j + 1); // a backslash before a line break escapes nothing: no link through it
      continue;
    }
    if (cell[j + 1] === '(') {
      const from = j + 2;
      if (!(from >= urlFrom && from <= urlStop)) {
        urlFrom = from;
        urlStop = from;
        while (urlStop < cell.length && cell[urlStop] !== ')' && !/\s/.test(cell[urlStop]!)) urlStop++;
      }
      if (cell[urlStop] === ')') {
        out.push({ text: cell.slice(i + 1, j).trim(), url: cell.slice(from, urlStop) });
        i = cell.indexOf('[', urlStop + 1);
        continue;
      }
    }
    // Every `[` before j finds the same `]`: go on after it.
    i = cell.indexOf('[', j + 1);
  }
  return out;
}
