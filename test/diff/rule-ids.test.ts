import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS } from '../../src/diff/change.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { RULE_IDS, SEVERITY_RULES } from '../../src/diff/severity-rules.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { fixturePath } from '../helpers/paths.js';

// Rule IDs are published (outputs, config files people commit): they never change. A new rule
// adds an ID at the end of this list; an ID here is never renamed or reused.
const PUBLISHED = [
  'service-added',
  'service-removed',
  'action-added',
  'action-removed',
  'action-unresolved',
  'access-level-lowered',
  'access-level-raised',
  'resource-added-required',
  'resource-added-optional',
  'resource-removed',
  'resource-no-longer-required',
  'resource-now-required',
  'condition-key-added',
  'condition-key-removed',
  'condition-key-gained-rows',
  'condition-key-onto-action',
  'condition-key-narrowed',
  'pass-role-needed',
  'dependent-action-added',
  'dependent-action-removed',
  'dependent-action-moved',
  'description-changed',
  'resource-type-added',
  'resource-type-removed',
  'resource-type-renamed',
  'arn-pattern-changed',
  'service-condition-key-added',
  'service-condition-key-removed',
  'policy-attached',
  'policy-detached',
  'policy-wildcard-added',
  'policy-pattern-added',
  'policy-pattern-removed',
  'resource-added-required-unknown',
  'access-flags-changed',
  'condition-key-now-multivalued',
  'condition-key-no-longer-multivalued',
  'condition-key-type-changed',
  'arn-format-added',
  'arn-format-removed',
  'last-accessed-lost',
  'policy-generation-lost',
  'supported-by-lost',
  'supported-by-gained',
  'operation-action-added',
  'operation-action-removed',
];

describe('rule IDs', () => {
  it('are exactly the published list, in table order', () => {
    expect(RULE_IDS).toEqual(PUBLISHED);
  });

  it('are unique, lower-case words, one per kind and case, and every kind has a rule', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(new Set(SEVERITY_RULES.map((r) => `${r.kind}|${r.case ?? ''}`)).size).toBe(SEVERITY_RULES.length);
    for (const kind of CHANGE_KINDS) expect(SEVERITY_RULES.some((r) => r.kind === kind), kind).toBe(true);
  });

  it('are on every change a diff makes, the rule of its kind and case', () => {
    const a = loadCatalogFile(fixturePath('policy-sentry-ecr.md'), { service: 'ecr' });
    const b = loadCatalogFile(fixturePath('box-table-ecr.txt'), { service: 'ecr' });
    const { changes } = diffCatalogs('a', [a], 'b', [b]);
    expect(changes.length).toBe(21);
    for (const c of changes) {
      const rule = SEVERITY_RULES.find((r) => r.id === c.rule);
      expect(rule, c.rule).toBeDefined();
      expect(rule!.kind).toBe(c.kind);
      expect(rule!.severity).toBe(c.severity);
      expect(rule!.reason).toBe(c.reason);
    }
    const describeImages = changes.find((c) => c.action === 'DescribeImages')!;
    expect(describeImages.rule).toBe('access-level-lowered'); // Read → List: down
    expect(changes.find((c) => c.action === 'DescribeRepositories' && c.kind === 'access-level-changed')!.rule).toBe('access-level-raised');
  });
});

describe('iamdiff rules', () => {
  it('lists ID, kind, default severity and reason (text and JSON), and what the config sets', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string; kind: string; case?: string; severity: string; reason: string; configured?: string }>;
    expect(json).toEqual(SEVERITY_RULES.map((r) => ({ id: r.id, kind: r.kind, ...(r.case ? { case: r.case } : {}), severity: r.severity, reason: r.reason })));
    const text = runCli(['rules']).stdout.split('\n');
    expect(text[0]).toMatch(/^ID +KIND \(CASE\) +SEVERITY +REASON$/);
    expect(text).toContainEqual(expect.stringMatching(/^pass-role-needed +dependent-action-added \(iam:PassRole\) +high +callers now also need iam:PassRole/));
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iamdiff-rules-'));
    writeFileSync(join(dir, '.iamdiff.yaml'), 'rules:\n  description-changed: none\n  action-added: high\n');
    const configured = runCli(['rules'], { cwd: dir }).stdout;
    expect(configured).toMatch(/\naction-added +action-added +high \(default medium\) +wildcards/);
    expect(configured).toMatch(/\ndescription-changed +description-changed +none \(default low\) +documentation only/);
    expect(configured).toContain(`severities set in ${join(dir, '.iamdiff.yaml')}`);
  });
});
