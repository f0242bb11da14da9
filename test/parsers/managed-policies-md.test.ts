import { describe, expect, it, beforeEach } from 'vitest';
import { detectParser } from '../../parsers/index.js';
import { managedPoliciesMd } from '../../parsers/managed-policies-md.js';
import { catalogFromYaml, catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { fixture } from '../helpers/paths.js';

const file = 'managed-policies-ecr.md';
const text = fixture(file);
const parse = (t = text) => managedPoliciesMd.parse(t, { file });

describe('managed-policies-md parser on the seed', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  beforeEach(() => {
    catalog = parse();
  });
  const action = (name: string) => catalog.actions.find((a) => a.name === name);

  it('is detected from content, and only there', () => {
    expect(detectParser(text)?.id).toBe('managed-policies-md');
    for (const other of ['aws-docs-ecr.md', 'policy-sentry-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md']) expect(managedPoliciesMd.detect(fixture(other))).toBe(false);
  });

  it('lists the attached policies with ARN and name', () => {
    const policies = catalog.managedPolicies!.policies;
    expect(policies).toHaveLength(53); // grep -c "^| `arn"
    expect(policies).toContainEqual({ arn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly', name: 'AmazonEC2ContainerRegistryReadOnly' });
    expect(policies).toContainEqual({ arn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy', name: 'AmazonECSTaskExecutionRolePolicy' });
  });

  it('keeps every pattern as written, wildcards and mis-cased names included', () => {
    const patterns = catalog.managedPolicies!.patterns;
    expect(patterns).toHaveLength(60); // grep -c "^| \[ecr"
    for (const p of ['ecr:*', 'ecr:Describe*', 'ecr:Get*', 'ecr:List*', 'ecr:BatchCheck*', 'ecr:describeImages', 'ecr:DescribeImages']) expect(patterns).toContain(p);
  });

  it('folds mis-cased names onto their canonical action', () => {
    expect(action('DescribeImages')).toEqual({ name: 'DescribeImages', spellings: ['describeImages'] });
    expect(catalog.actions.some((a) => a.name === 'describeImages')).toBe(false);
    expect(catalog.actions.some((a) => a.name.includes('*'))).toBe(false);
    expect(catalog.actions).toHaveLength(39); // distinct exact names, case folded
  });

  it('keeps names no other catalog knows', () => {
    expect(action('GetAccountSetting')).toEqual({ name: 'GetAccountSetting' });
    expect(action('GetImageCopyStatus')).toEqual({ name: 'GetImageCopyStatus' });
  });

  it('carries policies only: no descriptions or access levels', () => {
    expect(catalog.carries).toEqual(['managedPolicies']);
    expect(catalog.actions.every((a) => a.description === undefined && a.accessLevel === undefined)).toBe(true);
  });

  it('round-trips through a snapshot', () => {
    expect(catalogFromYaml(catalogToYaml(catalog), 'x.yaml')).toEqual(catalog);
  });
});

describe('managed-policies-md parser on bad input', () => {
  it('reports a truncated table row with its line', () => {
    const cut = text.slice(0, text.indexOf('| ecr |', text.indexOf('ecr:ListImages')));
    const line = cut.split('\n').length;
    expect(() => parse(cut)).toThrow(new RegExp(`managed-policies-ecr\\.md:${line}: table row has 1 cells, the header has 2 \\(truncated file\\?\\)`));
  });

  it('rejects something that is not an action pattern', () => {
    expect(() => parse(text.replace('[ecr:ListImages]', '[ecr:List Images]'))).toThrow(/managed-policies-ecr\.md:\d+: "ecr:List Images" is not an action pattern/);
  });
});
