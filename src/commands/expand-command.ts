import { appendAll } from '../util/append-all.js';
import { choice } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import type { Catalog } from '../model/catalog.js';
import { expandPattern, expansionDelta, uncertainGrants, type GrantedAction } from '../policy/expand-patterns.js';
import { loadFromSources } from '../git/git-input.js';
import { loadCatalogVersions } from '../policy/load-catalog-version.js';
import { loadPolicySources } from '../policy/policy-source.js';
import { policyPaths } from './diff-command.js';
import { renderStructured } from '../output/structured-report.js';
import { oneLine } from '../text/sanitize.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';
import { writeSkipped } from './skipped-note.js';

/** The Allow patterns of policies (`--policies`, narrowed to `--policy` names), each once. */
function policyPatterns(paths: string[] | undefined, names: string[] | undefined): string[] {
  if (!paths?.length) {
    if (names?.length) throw new UsageError('expand: --policy NAME picks policies of --policies FILE');
    return [];
  }
  const wanted = names && new Set(names.flatMap((n) => n.split(',')).map((n) => n.trim()));
  const grants = loadPolicySources(policyPaths({ policies: paths })).filter((g) => g.effect === 'Allow' && !g.notAction && (!wanted || wanted.has(g.policy)));
  if (wanted && grants.length === 0) throw new UsageError(`expand: no Allow statement of a policy named ${[...wanted].join(', ')} in --policies`);
  return [...new Map(grants.flatMap((g) => g.patterns).map((p) => [p.toLowerCase(), p])).values()];
}

const line = (g: GrantedAction) => `  ${oneLine(g.action)}${g.accessLevel ? `  (${g.accessLevel})` : ''}`;

/** A heading and one line per action, or nothing when there are none. */
const section = (heading: string, grants: GrantedAction[]) => (grants.length ? [heading, ...grants.map(line)] : []);
const UNCERTAIN = ' may grant (a name the source cut; the pattern matches some names it could be):';

/** `iamdiff expand`. */
export async function run(positionals: string[], raw: OptionValues, io: CommandIO): Promise<number> {
  const values = raw as { format?: string; service?: string; 'input-format'?: string; catalog?: string[]; policies?: string[]; policy?: string[] };
  appendAll(positionals, policyPatterns(values.policies, values.policy));
  if (positionals.length === 0) throw new UsageError('expand: give at least one PATTERN (e.g. ecr:Describe*), or --policies whose patterns to expand');
  const paths = values.catalog ?? [];
  if (paths.length < 1 || paths.length > 2) throw new UsageError('expand: give --catalog once (what patterns grant) or twice, old then new (what they newly grant)');
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  const skipped: string[] = [];
  const versions: Catalog[][] = [];
  versions.push(...(await loadFromSources(paths, skipped, (readable) => loadCatalogVersions(readable, { service: values.service, format: values['input-format'], skipped }))));
  writeSkipped(io, skipped);
  if (versions.length === 1) {
    const data = positionals.map((pattern) => ({ pattern, grants: expandPattern(pattern, versions[0]!), uncertain: uncertainGrants(pattern, versions[0]!) }));
    if (format === 'json') io.stdout.write(renderStructured(data, 'json'));
    else {
      for (const d of data) {
        const head = `${oneLine(d.pattern)} grants ${d.grants.length} action${d.grants.length === 1 ? '' : 's'}`;
        io.stdout.write([head, ...d.grants.map(line), ...section(UNCERTAIN, d.uncertain)].join('\n') + '\n');
      }
    }
    return 0;
  }
  const data = positionals.map((pattern) => ({ pattern, ...expansionDelta(pattern, versions[0]!, versions[1]!) }));
  if (format === 'json') io.stdout.write(renderStructured(data, 'json'));
  else {
    for (const d of data) {
      const out = [`${oneLine(d.pattern)}: ${d.added.length} newly granted, ${d.removed.length} no longer granted, ${d.kept} unchanged`];
      out.push(...section(' newly granted:', d.added), ...section(' no longer granted:', d.removed), ...section(UNCERTAIN, d.uncertain));
      io.stdout.write(out.join('\n') + '\n');
    }
  }
  return 0;
}
