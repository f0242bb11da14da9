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

/** All `[text](url)` links in a cell, in order. */
export function markdownLinks(cell: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  const re = /\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g;
  for (let m = re.exec(cell); m; m = re.exec(cell)) out.push({ text: m[1]!.trim(), url: m[2]! });
  return out;
}
