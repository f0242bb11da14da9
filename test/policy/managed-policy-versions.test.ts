import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamdiff-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = readFileSync(fixturePath('managed-policies-ecr.md'), 'utf8');
// A later version of the page: SecurityAudit detached, a policy attached, ecr:Get* dropped,
// ecr:Start* and ecr:ValidatePullThroughCacheRule added, ecr:describeImages re-cased (no change).
const later = page
  .replace(/^\| `arn:aws:iam::aws:policy\/SecurityAudit`.*\n/m, '')
  .replace('## Allowed Actions', '')
  .replace(/^(\| `arn:aws:iam::aws:policy\/AIOpsAssistantPolicy`.*\n)/m, '$1| `arn:aws:iam::aws:policy/ECRAuditor` | [ECRAuditor](../policies.md#ecrauditor) |\n\n## Allowed Actions')
  .replace(/^\| \[ecr:Get\*\].*\n/m, '')
  .replace(/^\| \[ecr:describeImages\]\(([^)]*)\)/m, '| [ecr:DescribeImages]($1)')
  .replace(/\n?$/, '\n')
  .concat('| [ecr:Start*](../actions.md#ecr:startall) | ecr |\n| [ecr:ValidatePullThroughCacheRule](../actions.md#ecr:validatepullthroughcacherule) | ecr |\n');

describe('two versions of a managed-policy page', () => {
  it('reports policies attached and detached and patterns added and removed', () => {
    const old = join(dir, 'old.md');
    const now = join(dir, 'new.md');
    writeFileSync(old, page);
    writeFileSync(now, later);
    const r = runCli(['diff', old, now, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const changes = JSON.parse(r.stdout).changes as { kind: string; policy?: string; pattern?: string; severity: string }[];
    expect(changes.map((c) => [c.kind, c.policy ?? c.pattern, c.severity])).toEqual([
      ['policy-attached', 'ECRAuditor', 'medium'],
      ['policy-detached', 'SecurityAudit', 'medium'],
      ['policy-pattern-added', 'ecr:Start*', 'high'],
      ['policy-pattern-added', 'ecr:ValidatePullThroughCacheRule', 'medium'],
      ['policy-pattern-removed', 'ecr:Get*', 'low'],
    ]);
    const text = runCli(['diff', old, now]).stdout;
    expect(text).toContain('    ecr managed policy ECRAuditor  arn:aws:iam::aws:policy/ECRAuditor');
    expect(text).toContain('    ecr managed policies  + ecr:Start*');
  });
});
