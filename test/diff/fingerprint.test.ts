import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { changeRuleFingerprint, FINGERPRINT_LENGTH } from '../../src/diff/fingerprint.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import type { Catalog } from '../../src/model/catalog.js';
import { catalogFromYaml, catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { fixturePath } from '../helpers/paths.js';

const load = (name: string) => loadCatalogFile(fixturePath(name), { service: 'ecr' });
const viaSnapshot = (c: Catalog) => catalogFromYaml(catalogToYaml(c), 'snapshot.yaml');
const fingerprints = (a: Catalog, b: Catalog) => new Map(diffCatalogs('old', [a], 'new', [b]).changes.map((c) => [`${c.kind} ${c.action} ${c.key ?? c.resource ?? ''}`, c.fingerprint!]));

describe('fingerprints', () => {
  const sentry = load('policy-sentry-ecr.md');
  const box = load('box-table-ecr.txt');
  const docs = load('aws-docs-ecr.md');

  it('are 12 hex digits on every change, unique within a diff', () => {
    const { changes } = diffCatalogs('old', [sentry], 'new', [box]);
    for (const c of changes) expect(c.fingerprint).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(new Set(changes.map((c) => c.fingerprint)).size).toBe(changes.length);
  });

  it('are the same across runs, and for the box table and a snapshot of it', () => {
    const direct = fingerprints(sentry, box);
    expect(fingerprints(sentry, box)).toEqual(direct);
    // both sides through a snapshot: the same changes, the same fingerprints
    expect(fingerprints(viaSnapshot(sentry), viaSnapshot(box))).toEqual(direct);
    expect(direct.size).toBe(21);
  });

  it('are the same for the same change read from two source formats of the catalog', () => {
    // Policy Sentry's page and the AWS docs markdown both say DescribeImages is Read; the box table says List
    const fromSentry = diffCatalogs('a', [sentry], 'b', [box]).changes.find((c) => c.kind === 'access-level-changed' && c.action === 'DescribeImages')!;
    const fromDocs = diffCatalogs('x', [docs], 'y', [box]).changes.find((c) => c.kind === 'access-level-changed' && c.action === 'DescribeImages')!;
    expect(fromSentry.rule).toBe('access-level-lowered');
    expect(fromDocs.fingerprint).toBe(fromSentry.fingerprint);
    // and every change the two diffs share has one fingerprint
    const a = fingerprints(sentry, box);
    const b = fingerprints(docs, box);
    const shared = [...a.keys()].filter((k) => b.has(k));
    expect(shared.length).toBeGreaterThan(5);
    for (const k of shared) expect(b.get(k), k).toBe(a.get(k));
  });

  it('differ when the rule, the subject or a value differs, not with severity, reason or policies', () => {
    const base: Change = { kind: 'access-level-changed', rule: 'access-level-lowered', severity: 'high', reason: 'r', service: 'ecr', action: 'DescribeImages', before: 'Read', after: 'List' };
    const fp = changeRuleFingerprint(base);
    expect(changeRuleFingerprint({ ...base, rule: 'access-level-raised' })).not.toBe(fp);
    expect(changeRuleFingerprint({ ...base, action: 'DescribeRegistry' })).not.toBe(fp);
    expect(changeRuleFingerprint({ ...base, after: 'Write' })).not.toBe(fp);
    expect(changeRuleFingerprint({ ...base, severity: 'low', defaultSeverity: 'high', reason: 'other' })).toBe(fp);
    expect(changeRuleFingerprint({ ...base, action: 'describeimages', service: 'ECR' })).toBe(fp); // IAM ignores case
    expect(changeRuleFingerprint({ ...base, policies: [{ impact: 'by-level', pattern: 'ecr:*', effect: 'Allow', policies: ['p'] }] })).toBe(fp);
  });
});
