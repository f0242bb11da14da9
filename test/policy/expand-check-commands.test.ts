import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PS = 'snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml';
const BOX = 'snapshots/ecr/2022-11-10.box-table.yaml';
const PAGE = 'test/fixtures/managed-policies-ecr.md';

describe('iamdiff expand', () => {
  it('lists what a pattern grants, case-insensitively', () => {
    const r = runCli(['expand', 'ECR:describe*', '--catalog', PS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ECR:describe* grants 3 actions\n  ecr:DescribeImages  (Read)\n  ecr:DescribeImageScanFindings  (Read)\n  ecr:DescribeRepositories  (List)\n');
  });

  it('with two catalogs, what it newly grants: the Policy Sentry page → the box table', () => {
    const r = runCli(['expand', 'ecr:Describe*', 'ecr:?etAuthorizationToken', '--catalog', PS, '--catalog', BOX, '--format', 'json']);
    expect(r.code).toBe(0);
    const [describe, token] = JSON.parse(r.stdout);
    expect(describe.added.map((g: { action: string }) => g.action)).toEqual(['ecr:DescribeImageReplicationStatus', 'ecr:DescribePullThroughCacheRules', 'ecr:DescribeRegistry']);
    expect(describe.removed).toEqual([]);
    expect(describe.kept).toBe(3);
    expect(token).toMatchObject({ added: [], removed: [], kept: 1 });
  });

  it('refuses a catalog that does not list actions, and a missing --catalog', () => {
    const page = runCli(['expand', 'ecr:*', '--catalog', PAGE]);
    expect(page.code).toBe(2);
    expect(page.stderr).toMatch(/does not list a service's actions \(format managed-policies-md\)/);
    expect(runCli(['expand', 'ecr:*']).code).toBe(2);
  });
});

describe('iamdiff check', () => {
  it('reports ecr:GetAccountSetting and ecr:GetImageCopyStatus as unknown to every seed catalog', () => {
    for (const catalog of [PS, BOX, 'snapshots/ecr/aws-docs-ecr.aws-docs-md.yaml', 'snapshots/ecr/2024-02-12.typedoc-enum.yaml']) {
      const r = runCli(['check', PAGE, '--catalog', catalog, '--format', 'json']);
      expect(r.code, catalog).toBe(0);
      const unknown = JSON.parse(r.stdout).filter((f: { finding: string }) => f.finding === 'unknown-action').map((f: { pattern: string }) => f.pattern);
      expect(unknown, catalog).toEqual(expect.arrayContaining(['ecr:GetAccountSetting', 'ecr:GetImageCopyStatus']));
    }
  });

  it('reports mis-cased names with the catalog spelling; a cut box-table name is not unknown', () => {
    const r = runCli(['check', PAGE, '--catalog', BOX]);
    expect(r.stdout).toMatch(/^ {2}mis-cased {7}ecr:describeImages \(catalog: ecr:DescribeImages\) spells a known action in another case — /m);
    expect(r.stdout).not.toContain('ecr:BatchGetRepositoryScanningConfiguration names an action');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Summary: 16 findings (2 unknown-action, 14 mis-cased)');
  });

  it('wildcards that match nothing and unknown services, in IAM JSON on standard input; --exit-code gates', () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['ecr:Frobnicate*', 'nosuch:Get*', 'ecr:GetAuthorizationToken', 'ecr:GetAuthorizationTokens'] }] });
    const r = runCli(['check', '-', '--catalog', PS, '--exit-code'], { input: policy });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        `iamdiff check: 4 patterns in 1 policy against ${PS}`,
        '  unknown-action  ecr:GetAuthorizationTokens names an action the catalog does not know — stdin#1',
        '  unknown-service nosuch:Get* names a service the catalog does not have — stdin#1',
        '  matches-nothing ecr:Frobnicate* is a wildcard that matches no action — stdin#1',
        'Summary: 3 findings (1 unknown-action, 1 unknown-service, 1 matches-nothing)',
        '',
      ].join('\n'),
    );
    expect(runCli(['check', '-', '--catalog', PS], { input: policy }).code).toBe(0);
  });

  it('strips terminal control sequences from what policies wrote, in text and JSON', () => {
    const policy = JSON.stringify({ Statement: [{ Sid: 'x\u001b]0;owned\u0007', Effect: 'Allow', Action: ['ecr:Get\u001b[2JEvil'] }] });
    for (const format of ['text', 'json']) {
      const r = runCli(['check', '-', '--catalog', PS, '--format', format], { input: policy });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
      expect(r.stdout).toContain('ecr:GetEvil');
    }
  });
});
