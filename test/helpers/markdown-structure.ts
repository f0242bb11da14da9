import MarkdownIt from 'markdown-it';

/** One table as parsed: header cells, then body rows (the cells' source text). */
export interface ParsedTable {
  head: string[];
  rows: string[][];
}

export interface ParsedService {
  /** The `<summary>` line's HTML. */
  summary: string;
  tables: ParsedTable[];
  paragraphs: string[];
}

/** What a Markdown document is made of, as a renderer (markdown-it, HTML allowed as GitHub does) reads it. */
export interface ParsedNotes {
  headings: Array<{ level: number; text: string }>;
  /** Tables outside any <details> block. */
  tables: ParsedTable[];
  paragraphs: string[];
  /** `<details>` blocks in order, with what markdown-it parsed inside them. */
  services: ParsedService[];
  /** Every HTML block, raw. */
  html: string[];
}

export function parseNotes(text: string): ParsedNotes {
  const tokens = new MarkdownIt({ html: true }).parse(text, {});
  const out: ParsedNotes = { headings: [], tables: [], paragraphs: [], services: [], html: [] };
  let service: ParsedService | undefined;
  let table: ParsedTable | undefined;
  let row: string[] | undefined;
  let inHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open':
        out.headings.push({ level: Number(t.tag.slice(1)), text: tokens[i + 1]!.content });
        break;
      case 'html_block':
        out.html.push(t.content);
        if (t.content.startsWith('<details')) service = { summary: /<summary>(.*)<\/summary>/.exec(t.content)?.[1] ?? '', tables: [], paragraphs: [] };
        if (t.content.trim() === '</details>' && service) {
          out.services.push(service);
          service = undefined;
        }
        break;
      case 'table_open':
        table = { head: [], rows: [] };
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'inline':
        if (row) row.push(t.content);
        else if (tokens[i - 1]?.type === 'paragraph_open') (service ? service.paragraphs : out.paragraphs).push(t.content);
        break;
      case 'tr_close':
        if (inHead) table!.head = row!;
        else table!.rows.push(row!);
        row = undefined;
        break;
      case 'table_close':
        (service ? service.tables : out.tables).push(table!);
        table = undefined;
        break;
    }
  }
  return out;
}

/** Markdown-escaped text back to what a reader sees (backslash escapes and entities undone). */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
