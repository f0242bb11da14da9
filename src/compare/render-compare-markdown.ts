import { escapeMarkdownCell } from '../output/markdown-escape.js';
import { COMPARED_FIELDS, type Cell, type SourceMatrix } from './compare-sources.js';
import { compareSummary } from './render-compare-text.js';

function cellMarkdown(cell: Cell): string {
  return 'value' in cell ? escapeMarkdownCell(cell.value) : 'unknown' in cell ? '?' : '—';
}

/** One table per field: a row per action, a column per source, ✗ where known values differ. All document text escaped. */
export function renderCompareMarkdown(m: SourceMatrix, options: { onlyDisagreements: boolean }): string {
  const out = [`# ${escapeMarkdownCell(m.service)}: ${m.sources.length} sources compared`, '', `**${escapeMarkdownCell(compareSummary(m))}**`, ''];
  m.sources.forEach((s, i) => out.push(`${i + 1}. ${escapeMarkdownCell(s.name)}: ${escapeMarkdownCell(s.file)}`));
  out.push('', "`?`: the source's format does not carry the field; `—`: the source does not list the action; ✗: known values differ.", '');
  for (const f of COMPARED_FIELDS) {
    const rows = m.rows.filter((r) => !options.onlyDisagreements || r.disagreements.includes(f.id));
    if (rows.length === 0) continue;
    out.push(`## ${f.label}`, '');
    out.push(`| Action | ${m.sources.map((_, i) => `[${i + 1}]`).join(' | ')} | Agree |`, `| --- | ${m.sources.map(() => '---').join(' | ')} | --- |`);
    for (const r of rows) out.push(`| ${escapeMarkdownCell(r.action)} | ${r.cells[f.id].map(cellMarkdown).join(' | ')} | ${r.disagreements.includes(f.id) ? '✗' : '✓'} |`);
    out.push('');
  }
  return out.join('\n');
}
