import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { renderMarkdown } from '../../src/output/markdown-report.js';
import { fixturePath } from '../helpers/paths.js';

const seed = (name: string) => loadCatalogFile(fixturePath(name), { service: 'ecr' });
const diff = (a: string, b: string) => diffCatalogs(a, [seed(a)], b, [seed(b)]);
const pick = (r: ReturnType<typeof diff>, kind: string) => r.changes.filter((c) => c.kind === kind);

describe('diffs between the seed sources', () => {
  it('Policy Sentry page → box table: DescribeImages moves Read → List (high), and the actions the box table adds', () => {
    const r = diff('policy-sentry-ecr.md', 'box-table-ecr.txt');
    expect(pick(r, 'access-level-changed').find((c) => c.action === 'DescribeImages')).toMatchObject({ before: 'Read', after: 'List', severity: 'high' });
    expect(pick(r, 'action-added').map((c) => c.action)).toEqual([
      'BatchImportUpstreamImage',
      'CreatePullThroughCacheRule',
      'DeletePullThroughCacheRule',
      'DeleteRegistryPolicy',
      'DescribeImageReplicationStatus',
      'DescribePullThroughCacheRules',
      'DescribeRegistry',
      'GetRegistryPolicy',
      'GetRegistryScanningConfiguration',
      'PutRegistryPolicy',
      'PutRegistryScanningConfiguration',
      'PutReplicationConfiguration',
      'ReplicateImage',
    ]);
    // The truncated name has no full match in the Policy Sentry page: unresolved, not an add plus a remove
    expect(pick(r, 'action-unresolved')).toMatchObject([{ action: 'BatchGetRepositoryScanningConfigur…', candidates: [] }]);
    expect(pick(r, 'action-removed')).toEqual([]);
  });

  it('AWS docs markdown → Policy Sentry page: SetRepositoryPolicy and DeleteRepositoryPolicy move Write → Permissions management', () => {
    const r = diff('aws-docs-ecr.md', 'policy-sentry-ecr.md');
    expect(pick(r, 'access-level-changed').map((c) => [c.action, c.before, c.after, c.severity])).toEqual([
      ['DeleteRepositoryPolicy', 'Write', 'Permissions management', 'medium'],
      ['SetRepositoryPolicy', 'Write', 'Permissions management', 'medium'],
    ]);
    const d = pick(r, 'description-changed').find((c) => c.action === 'DescribeImages')!;
    expect(d.words!.filter((w) => w.op !== 'same').map((w) => `${w.op}:${w.text}`)).toEqual(['removed:Returns', 'added:Grants permission to get', 'removed:.']);
  });

  it('TypeDoc page → box table compares names and descriptions only, and says so once per field', () => {
    const r = diff('typedoc-AwsEcrActions.md', 'box-table-ecr.txt');
    expect(r.changes.every((c) => ['action-added', 'action-removed', 'description-changed'].includes(c.kind))).toBe(true);
    expect(pick(r, 'access-level-changed')).toEqual([]);
    expect(r.notCompared.find((n) => n.field === 'accessLevel')).toEqual({ field: 'accessLevel', label: 'access level', reason: 'typedoc-enum does not carry it', services: ['ecr'] });
    expect(r.notCompared.filter((n) => n.field === 'accessLevel')).toHaveLength(1);
    expect(pick(r, 'action-removed').map((c) => c.action)).toEqual([
      'CreateRepositoryCreationTemplate',
      'DeleteRepositoryCreationTemplate',
      'DescribeRepositoryCreationTemplate',
      'UpdatePullThroughCacheRule',
      'ValidatePullThroughCacheRule',
    ]);
  });

  it('the truncated box-table name resolves to BatchGetRepositoryScanningConfiguration', () => {
    const r = diff('typedoc-AwsEcrActions.md', 'box-table-ecr.txt');
    expect(pick(r, 'action-unresolved')).toEqual([]);
    expect(r.changes.some((c) => c.action?.startsWith('BatchGetRepositoryScanningConfigur'))).toBe(false);
    const back = diff('box-table-ecr.txt', 'policy-sentry-ecr.md');
    expect(pick(back, 'action-unresolved')).toHaveLength(1);
  });

  it('a managed-policy page is not a full action list: no actions added or removed against it', () => {
    const r = diff('policy-sentry-ecr.md', 'managed-policies-ecr.md');
    expect(r.changes).toEqual([]);
    expect(r.notCompared.map((n) => n.field)).toContain('actions');
  });

  it('matches the checked-in golden release note (Policy Sentry page → box table)', () => {
    const golden = readFileSync(fixturePath('golden/policy-sentry-to-box-table.md'), 'utf8');
    expect(renderMarkdown(diff('policy-sentry-ecr.md', 'box-table-ecr.txt'))).toBe(golden);
  });
});
