import { painter } from '../output/color.js';
import { oneLine } from '../text/sanitize.js';
import { COMPARED_FIELDS, type Cell, type SourceMatrix } from './compare-sources.js';

const fieldLabel = new Map(COMPARED_FIELDS.map((f) => [f.id, f.label]));

function cellText(cell: Cell): string {
  return 'value' in cell ? oneLine(cell.value) : 'unknown' in cell ? '? (does not carry it)' : '— (not listed)';
}

/** The summary line: how many actions, how many with disagreements, per field. */
export function compareSummary(m: SourceMatrix): string {
  const perField = COMPARED_FIELDS.map((f) => [f.label, m.rows.filter((r) => r.disagreements.includes(f.id)).length] as const).filter(([, n]) => n > 0);
  const disagreeing = m.rows.filter((r) => r.disagreements.length > 0).length;
  return `${m.rows.length} actions, ${disagreeing} where sources disagree${perField.length ? `: ${perField.map(([l, n]) => `${n} ${l}`).join(', ')}` : ''}`;
}

/**
 * One block per action: each field's values grouped by value, with the sources that give
 * it; a field where known values differ is flagged ✗. `onlyDisagreements` keeps those alone.
 */
export function renderCompareText(m: SourceMatrix, options: { color: boolean; onlyDisagreements: boolean }): string {
  const p = painter(options.color);
  const width = Math.max(...COMPARED_FIELDS.map((f) => f.label.length));
  const out = [p.paint('bold', `iamdiff compare ${m.service}: ${m.sources.length} sources`)];
  m.sources.forEach((s, i) => out.push(p.paint('dim', `  [${i + 1}] ${oneLine(s.name)}  ${oneLine(s.file)}`)));
  for (const row of m.rows) {
    if (options.onlyDisagreements && row.disagreements.length === 0) continue;
    const flag = row.disagreements.length ? p.paint('red', `  ✗ disagree on ${row.disagreements.map((f) => fieldLabel.get(f)).join(', ')}`) : p.paint('green', '  ✓');
    out.push('', `${p.paint('bold', oneLine(row.action))}${flag}`);
    for (const f of COMPARED_FIELDS) {
      const disagree = row.disagreements.includes(f.id);
      if (options.onlyDisagreements && !disagree) continue;
      const groups = new Map<string, number[]>();
      row.cells[f.id].forEach((cell, i) => groups.set(cellText(cell), [...(groups.get(cellText(cell)) ?? []), i + 1]));
      let first = true;
      for (const [text, sources] of groups) {
        const label = first ? f.label.padEnd(width) : ''.padEnd(width);
        const mark = first ? (disagree ? p.paint('red', '✗') : ' ') : ' ';
        const shown = text.startsWith('?') || text.startsWith('—') ? p.paint('dim', text) : text;
        out.push(`  ${mark} ${label}  ${sources.map((n) => `[${n}]`).join('')} ${shown}`);
        first = false;
      }
    }
  }
  out.push('', `Summary: ${compareSummary(m)}`);
  return out.join('\n') + '\n';
}
