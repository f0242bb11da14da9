import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { filterResult } from '../../src/diff/filter-changes.js';
import { renderReport } from '../../src/output/render-report.js';
import { loadPolicySources } from '../../src/policy/policy-source.js';
import { KEY, renderApp } from '../review/render-helpers.js';
import { fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const PS = join(ROOT, 'snapshots', 'ecr', 'policy-sentry-ecr.policy-sentry-md.yaml');
const BOX = join(ROOT, 'snapshots', 'ecr', '2022-11-10.box-table.yaml');
const PAGE = fixturePath('managed-policies-ecr.md');
const dir = mkdtempSync(join(tmpdir(), 'iamdiff-policies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policyFile(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
  return path;
}

describe('policy sources', () => {
  it('a managed-policy page: one Allow grant per attached policy, with the page\'s patterns as written', () => {
    const grants = loadPolicySources([PAGE]);
    expect(grants).toHaveLength(53);
    expect(grants.find((g) => g.policy === 'ReadOnlyAccess')).toMatchObject({ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', effect: 'Allow' });
    expect(grants[0]!.patterns).toEqual(expect.arrayContaining(['ecr:*', 'ecr:Describe*', 'ecr:describeImages', 'ecr:GetAccountSetting']));
  });

  it('an IAM policy document: a statement object or a list, Action or NotAction, a string or a list', () => {
    const one = policyFile('one.json', { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'ecr:Delete*' } });
    const many = policyFile('many.json', {
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['ecr:Describe*', 'ecr:Get*'] },
        { Effect: 'Allow', NotAction: 'ecr:Put*' },
      ],
    });
    expect(loadPolicySources([one, many])).toEqual([
      { policy: 'one#1', effect: 'Deny', patterns: ['ecr:Delete*'], file: one, line: 4 },
      { policy: 'many#Read', effect: 'Allow', patterns: ['ecr:Describe*', 'ecr:Get*'], file: many, line: 5 },
      { policy: 'many#2', effect: 'Allow', patterns: ['ecr:Put*'], notAction: true, file: many, line: 12 },
    ]);
  });

  it('bad policy files give one line with the file and line, exit code 2', () => {
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{\n  "Statement": [\n    { "Effect": "Allow", "Action": , }\n  ]\n}\n', /broken\.json:3: not valid JSON: value expected$/],
      ['effect.json', '{\n  "Statement": [\n    { "Effect": "Permit", "Action": "ecr:*" }\n  ]\n}\n', /effect\.json:3: statement 1: Effect must be "Allow" or "Deny" \(got "Permit"\)$/],
      ['nostatement.json', '{ "Version": "2012-10-17" }\n', /nostatement\.json:1: not an IAM policy document: no "Statement"$/],
      ['action.json', '{ "Statement": { "Effect": "Allow", "Action": 42 } }\n', /action\.json:1: statement 1: Action or NotAction must be a string or a list of strings$/],
    ];
    for (const [name, text, message] of cases) {
      const r = runCli(['diff', PS, BOX, '--policies', policyFile(name, text)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), name).toHaveLength(1);
      expect(r.stderr.trimEnd(), name).toMatch(message);
    }
  });
});

describe('diff --policies on the seeds: Policy Sentry page → box table, with the managed-policy page', () => {
  let result: DiffResult;
  const patterns = (action: string) => result.changes.filter((c) => c.action === action).flatMap((c) => (c.policies ?? []).map((p) => `${p.impact} ${p.pattern}`));

  it('lists which added actions each wildcard now grants', async () => {
    result = await computeDiff(PS, BOX, { policies: [PAGE] });
    const wildcard = (pattern: string) => result.policyImpact!.find((s) => s.impact === 'new-implicit-grant' && s.pattern === pattern);
    expect(wildcard('ecr:Describe*')!.actions).toEqual(['ecr:DescribeImageReplicationStatus', 'ecr:DescribePullThroughCacheRules', 'ecr:DescribeRegistry']);
    expect(wildcard('ecr:Get*')!.actions).toEqual(['ecr:GetRegistryPolicy', 'ecr:GetRegistryScanningConfiguration']);
    expect(wildcard('ecr:*')!.actions).toHaveLength(13); // every added action
    expect(wildcard('ecr:List*')).toBeUndefined(); // no added action starts with List
    expect(wildcard('ecr:Describe*')!.policies).toHaveLength(53);
    expect(patterns('DescribeRegistry')).toEqual([
      'new-implicit-grant ecr:*',
      'new-implicit-grant ecr:Describe*',
      'named-explicitly ecr:DescribeRegistry',
      'named-explicitly ecr:describeRegistry',
    ]);
    // An access-level change concerns every pattern that covers the action.
    expect(patterns('DescribeImages')).toEqual(['by-level ecr:*', 'by-level ecr:Describe*', 'by-level ecr:DescribeImages', 'by-level ecr:describeImages']);
  });

  it('IAM JSON: Deny wildcards newly deny, NotAction grants what it does not exclude, exact names go stale', async () => {
    const doc = policyFile('team.json', {
      Statement: [
        { Sid: 'NoDeletes', Effect: 'Deny', Action: 'ecr:Delete*' },
        { Sid: 'AllButPuts', Effect: 'Allow', NotAction: ['ecr:Put*', 'ecr:Replicate*'] },
        { Sid: 'Named', Effect: 'Allow', Action: ['ecr:DescribeImages', 'ecr:DescribeRegistry'] },
      ],
    });
    const r = await computeDiff(BOX, PS, { policies: [doc] }); // box table → Policy Sentry: actions go
    const of = (action: string) => r.changes.filter((c) => c.action === action).flatMap((c) => (c.policies ?? []).map((p) => `${p.impact} ${p.effect} ${p.pattern} ${p.policies.join(',')}`));
    expect(of('DeleteRegistryPolicy')).toEqual([]); // removed, matched by a wildcard only: the Deny just covers one action fewer
    expect(of('DescribeRegistry')).toEqual(['stale-grant Allow ecr:DescribeRegistry team#Named']);
    const forward = await computeDiff(PS, BOX, { policies: [doc] });
    const fwd = (action: string) => forward.changes.filter((c) => c.action === action).flatMap((c) => (c.policies ?? []).map((p) => `${p.impact} ${p.effect} ${p.pattern} ${p.policies.join(',')}`));
    expect(fwd('DeleteRegistryPolicy')).toEqual(['new-implicit-grant Allow NotAction ecr:Put*, ecr:Replicate* team#AllButPuts', 'newly-denied Deny ecr:Delete* team#NoDeletes']);
    expect(fwd('PutRegistryPolicy')).toEqual([]); // excluded by the NotAction, named by nothing else
    expect(fwd('DescribeImages')).toEqual(['by-level Allow ecr:DescribeImages team#Named', 'by-level Allow NotAction ecr:Put*, ecr:Replicate* team#AllButPuts']);
  });

  it('shows the impact in all four outputs and in the review detail pane', async () => {
    const text = await renderReport(result, 'text', { color: false });
    expect(text).toMatch(/\n    ecr:DescribeRegistry  \(Read\)  \[action-added [0-9a-f]{12}\]\n      ↳ ecr:\* newly grants it \(wildcard\) — /);
    expect(text).toMatch(/\nPOLICY IMPACT \(\d+ patterns\)\n {2}ecr:\* \(53 policies\) newly grants it \(wildcard\): /);
    const md = await renderReport(result, 'markdown', { color: false });
    expect(md).toContain('## Policy impact');
    expect(md).toContain('| ecr:Describe\\* | Allow | newly grants it \\(wildcard\\) | ecr:DescribeImageReplicationStatus, ecr:DescribePullThroughCacheRules, ecr:DescribeRegistry |');
    expect(md).toContain('| ecr:\\* \\(53\\), ecr:Describe\\* \\(53\\), ecr:DescribeRegistry \\(53\\), ecr:describeRegistry \\(53\\) |');
    const json = JSON.parse(await renderReport(result, 'json', { color: false }));
    expect(json.changes.find((c: { action?: string }) => c.action === 'DescribeRegistry').policies[1]).toMatchObject({ impact: 'new-implicit-grant', pattern: 'ecr:Describe*', effect: 'Allow' });
    expect(json.policyImpact.length).toBe(result.policyImpact!.length);
    const yaml = await renderReport(result, 'yaml', { color: false });
    expect(yaml).toContain('policyImpact:');
    expect(yaml).toContain('impact: new-implicit-grant');
    expect(await renderReport(result, 'json', { color: false })).toBe(await renderReport(await computeDiff(PS, BOX, { policies: [PAGE] }), 'json', { color: false }));

    // Exported (or filtered) subsets carry the summary of their own changes.
    const onlyDescribeRegistry = filterResult({ ...result, changes: result.changes.filter((c) => c.action === 'DescribeRegistry') }, {});
    expect(onlyDescribeRegistry.policyImpact!.every((s) => s.actions.join() === 'ecr:DescribeRegistry')).toBe(true);

    const app = await renderApp({ result, size: { columns: 100, rows: 40 } });
    await app.press('/', 'DescribeRegistry', KEY.enter);
    expect(app.frame()).toContain('policy: ecr:Describe* newly grants it (wildcard) — AccessAnalyzerServiceRolePolicy');
    app.unmount();

    // Search finds the changes a pattern touches.
    const byPattern = await renderApp({ result, size: { columns: 100, rows: 40 } });
    await byPattern.press('/', 'ecr:get*', KEY.enter);
    expect(byPattern.status()).toBe('/ecr:get* (2 matches, n/N)');
    expect(byPattern.selected()).toMatch(/^MED {2}ecr:GetRegistryPolicy /);
    await byPattern.press('n');
    expect(byPattern.selected()).toMatch(/^MED {2}ecr:GetRegistryScanningConfiguration /);
    byPattern.unmount();
  });
});
