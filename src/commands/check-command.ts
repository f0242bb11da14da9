import { choice } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { policyNames } from '../output/policy-impact-text.js';
import { checkPolicies, FINDINGS, type FindingKind, type PolicyFinding } from '../policy/check-policies.js';
import { loadFromSources } from '../git/git-input.js';
import { loadCatalogVersion } from '../policy/load-catalog-version.js';
import { loadPolicySources } from '../policy/policy-source.js';
import { renderStructured } from '../output/structured-report.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';
import { writeSkipped } from './skipped-note.js';

/** `16 findings (2 unknown-action, 14 mis-cased)`, or `no findings`. */
function findingSummary(findings: PolicyFinding[]): string {
  if (findings.length === 0) return 'no findings';
  const counts = (Object.keys(FINDINGS) as FindingKind[]).map((k) => [k, findings.filter((f) => f.finding === k).length] as const).filter(([, n]) => n > 0);
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.map(([k, n]) => `${n} ${k}`).join(', ')})`;
}

/** `iamdiff check`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { format?: string; catalog?: string; 'exit-code'?: boolean; service?: string; 'input-format'?: string };
  if (positionals.length === 0) throw new UsageError('check: name the policies (managed-policy pages, a directory of them, or IAM policy JSON)');
  if (!values.catalog) throw new UsageError('check: --catalog X is required (a catalog file, snapshot or directory)');
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  const grants = loadPolicySources(positionals);
  const skipped: string[] = [];
  const catalogs = await loadFromSources([values.catalog], skipped, ([path]) => loadCatalogVersion(path!, { service: values.service, format: values['input-format'], skipped }));
  writeSkipped(io, skipped);
  const findings = checkPolicies(grants, catalogs);
  if (format === 'json') io.stdout.write(renderStructured(findings, 'json'));
  else {
    const patterns = new Set(grants.flatMap((g) => g.patterns)).size;
    const policies = new Set(grants.map((g) => g.policy)).size;
    const out = [`iamdiff check: ${patterns} pattern${patterns === 1 ? '' : 's'} in ${policies} polic${policies === 1 ? 'y' : 'ies'} against ${oneLine(values.catalog)}`];
    for (const f of findings) {
      out.push(`  ${f.finding.padEnd(15)} ${oneLine(f.pattern)}${f.canonical ? ` (catalog: ${oneLine(f.canonical)})` : ''} ${FINDINGS[f.finding]} — ${policyNames(f.policies)}`);
    }
    out.push(`Summary: ${findingSummary(findings)}`);
    io.stdout.write(out.join('\n') + '\n');
  }
  return values['exit-code'] && findings.length > 0 ? 1 : 0;
}
