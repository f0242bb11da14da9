import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { changeFingerprint, changeIdentity, identityKey } from '../../src/diff/change-identity.js';
import { computeDiff } from '../../src/commands/diff-command.js';
import { fixturePath } from '../helpers/paths.js';

const base: Change = { kind: 'access-level-changed', severity: 'high', reason: 'why', service: 'ecr', action: 'DescribeImages', before: 'Read', after: 'List' };

describe('change identity', () => {
  it('is kind, service, action, then every other field by name, values with whitespace folded', () => {
    expect(changeIdentity({ ...base, resource: 'repository', key: 'aws:TagKeys' })).toEqual([
      ['kind', 'access-level-changed'],
      ['service', 'ecr'],
      ['action', 'describeimages'],
      ['after', 'List'],
      ['before', 'Read'],
      ['key', 'aws:TagKeys'],
      ['resource', 'repository'],
    ]);
  });

  it('does not follow judgement or presentation: severity, reason, word diff, candidates, policies', () => {
    const judged: Change = { ...base, severity: 'medium', reason: 'another reason', words: [{ op: 'same', text: 'x' }], candidates: ['A'], policies: [{ impact: 'by-level', pattern: 'ecr:*', effect: 'Allow', policies: ['P'] }] };
    expect(changeFingerprint(judged)).toBe(changeFingerprint(base));
    // IAM compares names case-insensitively; spacing of a description is not a change
    expect(identityKey({ ...base, service: 'ECR', action: 'describeimages' })).toBe(identityKey(base));
    expect(identityKey({ ...base, kind: 'description-changed', before: 'a  b', after: 'c\nd' })).toBe(identityKey({ ...base, kind: 'description-changed', before: 'a b', after: 'c d' }));
    expect(identityKey({ ...base, before: ' Read ', after: '\tList\n' })).toBe(identityKey(base));
  });

  it('changes with what changed: values before and after, the subject, the kind', () => {
    const fps = new Set([base, { ...base, after: 'Write' }, { ...base, before: 'List', after: 'Read' }, { ...base, resource: 'image' }, { ...base, kind: 'description-changed' as const }, { ...base, action: 'DescribeRepositories' }, { ...base, service: 's3' }].map(changeFingerprint));
    expect(fps.size).toBe(7);
    for (const f of fps) expect(f).toMatch(/^[0-9a-f]{32}$/);
  });

  it('takes in fields of kinds it has never heard of; a page counts by its file name', () => {
    const moved = { ...base, kind: 'condition-key-moved', key: 'aws:TagKeys', from: 'component', to: '', page: '/data/2025-06-01/list_amazonec2.html' } as unknown as Change;
    expect(changeIdentity(moved)).toContainEqual(['from', 'component']);
    expect(changeIdentity(moved)).toContainEqual(['page', 'list_amazonec2.html']);
    const sameOnNewPages = { ...moved, page: '/data/2026-06-14/list_amazonec2.html' } as Change;
    expect(changeFingerprint(sameOnNewPages)).toBe(changeFingerprint(moved));
    expect(changeFingerprint({ ...moved, page: 'list_amazonec2v2.html' } as Change)).not.toBe(changeFingerprint(moved));
  });

  it('tells apart every change of a real diff (Policy Sentry page → box table)', async () => {
    const r = await computeDiff(fixturePath('policy-sentry-ecr.md'), fixturePath('box-table-ecr.txt'), { service: 'ecr' });
    expect(new Set(r.changes.map(changeFingerprint)).size).toBe(r.changes.length);
  });
});
