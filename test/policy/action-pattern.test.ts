import { describe, expect, it } from 'vitest';
import { compileActionPattern, patternMatches } from '../../src/policy/action-pattern.js';

// pattern, service, action, matches?
const CASES: [string, string, string, boolean][] = [
  ['ecr:*', 'ecr', 'DescribeImages', true],
  ['ecr:Describe*', 'ecr', 'DescribeImages', true],
  ['ecr:Describe*', 'ecr', 'Describe', true],
  ['ecr:Describe*', 'ecr', 'BatchGetImage', false],
  ['ecr:describe*', 'ecr', 'DescribeImages', true],
  ['ECR:DESCRIBEIMAGES', 'ecr', 'DescribeImages', true],
  ['ecr:describeImages', 'ecr', 'DescribeImages', true],
  ['ecr:Get?mage', 'ecr', 'GetImage', true],
  ['ecr:Get?mage', 'ecr', 'GetIImage', false],
  ['ecr:Get??mage', 'ecr', 'GetIImage', true],
  ['ecr:*Image', 'ecr', 'BatchGetImage', true],
  ['ecr:*Image', 'ecr', 'BatchGetImages', false],
  ['ecr:Batch*Image', 'ecr', 'BatchGetImage', true],
  ['ecr:Describe*', 'ecr-public', 'DescribeImages', false],
  ['ecr-public:*', 'ecr', 'DescribeImages', false],
  ['s3:Get*', 'ecr', 'GetAuthorizationToken', false],
  ['*', 'ecr', 'DescribeImages', true],
  ['*', 's3', 'GetObject', true],
  ['ecr:DescribeImages', 'ecr', 'DescribeImagesX', false],
  ['ecr:Describe.Images', 'ecr', 'DescribeXImages', false],
  ['DescribeImages', 'ecr', 'DescribeImages', false],
];

describe('IAM action pattern matching', () => {
  it.each(CASES)('%s on %s:%s → %s', (pattern, service, action, expected) => {
    expect(patternMatches(compileActionPattern(pattern), service, action)).toBe(expected);
  });

  it('knows which patterns are wildcards', () => {
    expect(compileActionPattern('ecr:Describe*').wildcard).toBe(true);
    expect(compileActionPattern('ecr:Get?').wildcard).toBe(true);
    expect(compileActionPattern('ecr:DescribeImages').wildcard).toBe(false);
  });
});
