import { describe, expect, it } from 'vitest';
import { detectParser } from '../../parsers/index.js';
import { policySentryMd } from '../../parsers/policy-sentry-md.js';
import { typedocEnum } from '../../parsers/typedoc-enum.js';
import { unwrapDescription, wholeWords } from '../../parsers/typedoc-unwrap.js';
import { fixture } from '../helpers/paths.js';

const file = 'typedoc-AwsEcrActions.md';
const text = fixture(file);
const parse = (t = text) => typedocEnum.parse(t, { file });

describe('typedoc-enum parser on the seed', () => {
  const catalog = parse();
  const action = (name: string) => catalog.actions.find((a) => a.name === name)!;

  it('is detected from content, and only there', () => {
    expect(detectParser(text)?.id).toBe('typedoc-enum');
    for (const other of ['aws-docs-ecr.md', 'policy-sentry-ecr.md', 'box-table-ecr.txt', 'managed-policies-ecr.md']) expect(typedocEnum.detect(fixture(other))).toBe(false);
  });

  it('has the 48 members, the service and the extraction date', () => {
    expect(catalog.actions).toHaveLength(48);
    expect(catalog.service).toEqual({ prefix: 'ecr', name: 'Amazon Elastic Container Registry' });
    expect(catalog.source.date).toBe('2024-02-12T09:57:07.158Z');
  });

  it('rejoins words cut at 79 columns ("speci" + "fied")', () => {
    expect(action('BatchCheckLayerAvailability').description).toBe(
      'Grants permission to check the availability of multiple image layers in a specified registry and repository',
    );
    expect(action('PutImage').description).toBe('Grants permission to create or update the image manifest associated with an image');
    // a cut that fell on a space: the shorter line is joined with one
    expect(action('DescribeImageReplicationStatus').description).toBe(
      'Grants permission to retrieve replication status about an image in a registry, including failure reason if replication fails',
    );
  });

  it('gives the same descriptions as the Policy Sentry page for every action both have', () => {
    const ps = policySentryMd.parse(fixture('policy-sentry-ecr.md'), { file: 'policy-sentry-ecr.md' });
    const shared = ps.actions.filter((a) => catalog.actions.some((t) => t.name === a.name));
    expect(shared).toHaveLength(29);
    for (const a of shared) expect(action(a.name).description, a.name).toBe(a.description);
  });

  it('carries names, descriptions and links only: access levels stay unknown', () => {
    expect(action('DescribeImages').documentationUrl).toBe('https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImages.html');
    expect(catalog.carries).toEqual(['actions', 'description', 'documentationUrl']);
    for (const a of catalog.actions) {
      expect(a.accessLevel).toBeUndefined();
      expect(a.resourceTypes).toBeUndefined();
      expect(a.conditionKeys).toBeUndefined();
    }
  });
});

describe('unwrapping a cut at exactly 79 characters', () => {
  const vocabulary = wholeWords([['Grants permission to describe the region of the specified account']]);
  const full = (tail: string) => 'x'.repeat(79 - tail.length) + tail;

  it('joins a word cut in two', () => {
    expect(unwrapDescription([full(' spec'), 'ified account'], vocabulary)).toBe(`${full(' spec')}ified account`);
    expect(unwrapDescription([full(' reg'), 'ion'], vocabulary)).toMatch(/ region$/);
  });

  it('keeps the space when the cut fell between two whole words the document uses', () => {
    expect(unwrapDescription([full(' the'), 'region'], vocabulary)).toBe(`${full(' the')} region`);
  });

  it('joins a shorter line with one space (the trailing space was trimmed)', () => {
    expect(unwrapDescription(['Grants permission to describe', 'the region'], vocabulary)).toBe('Grants permission to describe the region');
  });
});

describe('typedoc-enum parser on bad input', () => {
  it('rejects a malformed member line with its line', () => {
    const bad = text.replace('• **DescribeImages** = ``"ecr:DescribeImages"``', '• **DescribeImages** = ecr:DescribeImages');
    expect(() => parse(bad)).toThrow(/typedoc-AwsEcrActions\.md:\d+: member line is not/);
  });

  it('reports a file cut inside the last member', () => {
    const cut = text.slice(0, text.indexOf('Grants permission to validate the pull-through cache rule'));
    expect(() => parse(cut)).toThrow(/typedoc-AwsEcrActions\.md:\d+: member ValidatePullThroughCacheRule is cut short \(truncated file\?\)/);
  });
});
