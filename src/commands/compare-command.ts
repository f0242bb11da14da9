import { choice } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { auditSources } from '../compare/audit-sources.js';
import { compareSources, sourceName } from '../compare/compare-sources.js';
import { renderAuditMarkdown } from '../compare/render-audit-markdown.js';
import { renderAuditText } from '../compare/render-audit-text.js';
import type { Catalog } from '../model/catalog.js';
import { renderStructured } from '../output/structured-report.js';
import { renderCompareJson } from '../compare/render-compare-json.js';
import { renderCompareMarkdown } from '../compare/render-compare-markdown.js';
import { renderCompareText } from '../compare/render-compare-text.js';
import { loadFromSources } from '../git/git-input.js';
import { loadCatalogsParallel } from '../io/parallel-load.js';
import { wantColor } from '../output/color.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';
import { writeSkipped } from './skipped-note.js';

/** `iamdiff compare`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { format?: string; service?: string; 'input-format'?: string; color?: boolean; 'only-disagreements'?: boolean; action?: string };
  if (positionals.length < 2) throw new UsageError('compare: give at least two sources (files or directories)');
  const format = choice('format', values.format, ['text', 'markdown', 'json'] as const, 'text');
  const action = values.action?.trim();
  if (action !== undefined && !/^[a-z0-9-]+:[^:\s]+$/i.test(action)) throw new UsageError(`--action must be service:Action (got "${action}")`);
  const wanted = action ? action.slice(0, action.indexOf(':')).toLowerCase() : values.service;
  const skipped: string[] = [];
  const perSource: Catalog[][] = [];
  for (const p of positionals) {
    const all = await loadFromSources([p], skipped, ([path]) => loadCatalogsParallel(path!, { service: values.service, format: values['input-format'], skipped }));
    perSource.push(wanted && all.length > 1 ? all.filter((c) => c.service.prefix === wanted) : all);
  }
  writeSkipped(io, skipped);
  const color = wantColor(values.color, io.stdout.isTTY, io.env);
  const prefixes = [...new Set(perSource.flat().map((c) => c.service.prefix))];
  const service = wanted ?? (prefixes.length === 1 ? prefixes[0] : undefined);
  if (!service) {
    // Whole catalogs: the summary first; --service or --action for the detail.
    const columns = perSource.map((cs, i) => ({ name: cs[0] ? sourceName(cs[0]) : '(empty)', file: positionals[i]!, carries: cs[0]?.carries ?? [] }));
    const audit = auditSources(columns, perSource);
    if (audit.services.length === 0) throw new UsageError(`compare: no service is held by two of the sources (${prefixes.join(', ')}); compare sources of the same services`);
    if (format === 'json') io.stdout.write(renderStructured(audit, 'json'));
    else if (format === 'markdown') io.stdout.write(renderAuditMarkdown(audit));
    else io.stdout.write(renderAuditText(audit, { color }));
    return 0;
  }
  const catalogs = perSource.flat().filter((c) => c.service.prefix === service);
  if (catalogs.length < 2) throw new UsageError(`compare: fewer than two sources hold service ${service}`);
  const full = compareSources(catalogs);
  const matrix = action ? { ...full, rows: full.rows.filter((r) => r.action.toLowerCase() === action.toLowerCase()) } : full;
  if (action && matrix.rows.length === 0) throw new UsageError(`compare: no source lists ${action}`);
  const only = !!values['only-disagreements'];
  if (format === 'json') io.stdout.write(renderCompareJson(matrix, { onlyDisagreements: only }));
  else if (format === 'markdown') io.stdout.write(renderCompareMarkdown(matrix, { onlyDisagreements: only }));
  else io.stdout.write(renderCompareText(matrix, { color, onlyDisagreements: only }));
  return 0;
}
