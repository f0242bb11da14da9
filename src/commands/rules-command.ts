import { choice } from '../cli/args.js';
import type { OptionValues } from '../cli/command-spec.js';
import { SEVERITY_RULES } from '../diff/severity-rules.js';
import { renderStructured } from '../output/structured-report.js';
import type { CommandIO } from './command.js';

/** `iamdiff rules`: every severity rule with its stable ID, and what the config file sets it to. */
export function run(_args: string[], values: OptionValues, io: CommandIO): number {
  const format = choice('format', values.format as string | undefined, ['text', 'json'] as const, 'text');
  const set = io.config?.rules ?? {};
  const rows = SEVERITY_RULES.map((r) => ({ id: r.id, kind: r.kind, ...(r.case ? { case: r.case } : {}), severity: r.severity, ...(set[r.id] ? { configured: set[r.id]!.value } : {}), reason: r.reason }));
  if (format === 'json') {
    io.stdout.write(renderStructured(rows, 'json'));
    return 0;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const kindWidth = Math.max(...rows.map((r) => `${r.kind}${r.case ? ` (${r.case})` : ''}`.length));
  const out = [`${'ID'.padEnd(idWidth)}  ${'KIND (CASE)'.padEnd(kindWidth)}  SEVERITY  REASON`];
  for (const r of rows) {
    const severity = r.configured ? `${r.configured} (default ${r.severity})` : r.severity;
    out.push(`${r.id.padEnd(idWidth)}  ${`${r.kind}${r.case ? ` (${r.case})` : ''}`.padEnd(kindWidth)}  ${severity.padEnd(8)}  ${r.reason}`);
  }
  if (io.config && Object.keys(set).length) out.push('', `severities set in ${io.config.file}`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}
