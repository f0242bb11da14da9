import { renderStructured } from '../output/structured-report.js';
import { summarizeMatrix, type SourceMatrix } from './compare-sources.js';

/**
 * The matrix as JSON: sources, summary, rows sorted by action with fields in a fixed order,
 * so the same inputs give the same bytes. Document text stripped of control sequences.
 */
export function renderCompareJson(m: SourceMatrix, options: { onlyDisagreements: boolean }): string {
  const rows = options.onlyDisagreements ? m.rows.filter((r) => r.disagreements.length > 0) : m.rows;
  return renderStructured({ service: m.service, sources: m.sources, summary: summarizeMatrix(m), rows }, 'json');
}
