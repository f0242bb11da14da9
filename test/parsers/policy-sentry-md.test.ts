import { describe, expect, it, beforeEach } from 'vitest';
import { policySentryMd } from '../../parsers/policy-sentry-md.js';
import { detectParser } from '../../parsers/index.js';
import { fixture } from '../helpers/paths.js';

const file = 'policy-sentry-ecr.md';
const parse = (text = fixture(file)) => policySentryMd.parse(text, { file });

describe('policy-sentry-md parser on the seed', () => {
  // parsed afresh in each test (not once when the file loads): mutation testing sees each test read it
  let catalog!: ReturnType<typeof parse>;
  beforeEach(() => {
    catalog = parse();
  });
  const action = (name: string) => catalog.actions.find((a) => a.name === name)!;

  it('is detected from content', () => {
    expect(detectParser(fixture(file))?.id).toBe('policy-sentry-md');
    for (const other of ['aws-docs-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md', 'managed-policies-ecr.md']) {
      expect(policySentryMd.detect(fixture(other))).toBe(false);
    }
  });

  it('reads the service from the prefix line and the front matter title', () => {
    expect(catalog.service).toEqual({ prefix: 'ecr', name: 'Elastic Container Registry' });
  });

  it('has the 29 actions of the page, sorted', () => {
    expect(catalog.actions).toHaveLength(29);
    const names = catalog.actions.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('reads access levels, including Permissions management', () => {
    expect(action('DescribeImages').accessLevel).toBe('Read');
    expect(action('DescribeRepositories').accessLevel).toBe('List');
    expect(action('SetRepositoryPolicy').accessLevel).toBe('Permissions management');
    expect(action('TagResource').accessLevel).toBe('Tagging');
  });

  it('reads resource types with their required flag', () => {
    expect(action('DescribeRepositories').resourceTypes).toEqual([{ name: 'repository', required: false, conditionKeys: [], dependentActions: [] }]);
    expect(action('BatchGetImage').resourceTypes).toEqual([{ name: 'repository', required: true, conditionKeys: [], dependentActions: [] }]);
  });

  it('gives the "" resource key to the action itself', () => {
    const create = action('CreateRepository');
    expect(create.resourceTypes!.map((r) => r.name)).toEqual(['repository']);
    expect(create.conditionKeys).toEqual(['aws:RequestTag/${TagKey}', 'aws:TagKeys']);
    const token = action('GetAuthorizationToken');
    expect(token.resourceTypes).toEqual([]);
    expect(token.conditionKeys).toEqual([]);
  });

  it('gives the dependent actions of the "" entry to the action itself', () => {
    const text = fixture(file);
    const at = text.indexOf('"resource_type": ""');
    const withDeps = text.slice(0, at) + text.slice(at).replace('"dependent_actions": []', '"dependent_actions": ["kms:Decrypt", "iam:PassRole"]');
    const c = parse(withDeps);
    const changed = c.actions.find((a) => (a.dependentActions ?? []).length > 0)!;
    expect(changed.name).toBe('CreateRepository');
    expect(changed.dependentActions).toEqual(['iam:PassRole', 'kms:Decrypt']);
    expect(changed.resourceTypes!.flatMap((r) => r.dependentActions)).toEqual([]);
  });

  it('records where each action came from', () => {
    expect(action('DescribeImages').line).toBe(155);
    expect(catalog.source).toMatchObject({ format: 'policy-sentry-md', file });
  });

  it('does not claim fields the format lacks', () => {
    expect(catalog.carries).not.toContain('serviceResourceTypes');
    expect(catalog.resourceTypes).toBeUndefined();
    expect(action('DescribeImages').documentationUrl).toBeUndefined();
  });
});

describe('policy-sentry-md parser on bad input', () => {
  const text = fixture(file);

  it('names the line of a malformed JSON block', () => {
    const broken = text.replace('"required": true,\n        "condition_keys": [],', '"required": true\n        "condition_keys": [],');
    expect(() => parse(broken)).toThrow(/policy-sentry-ecr\.md:2[0-9]: malformed JSON block of BatchCheckLayerAvailability/);
  });

  it('rejects an unknown access level with its line', () => {
    const broken = text.replace('- access level: Tagging', '- access level: Tagg');
    expect(() => parse(broken)).toThrow(/policy-sentry-ecr\.md:39[0-9]: unknown access level "Tagg" for TagResource/);
  });

  it('reports a truncated file', () => {
    const cut = text.slice(0, text.indexOf('"required": true', text.indexOf('### UploadLayerPart')));
    expect(() => parse(cut)).toThrow(/code block of UploadLayerPart is never closed \(truncated file\?\)/);
  });
});
