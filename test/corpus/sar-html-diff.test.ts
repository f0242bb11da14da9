import { beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { computeDiff } from '../../src/commands/diff-command.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';

/**
 * The whole HTML reference, 2025-06-01 → 2026-06-14. Each expectation below was checked by
 * hand in the two pages it names (the page and the cell are given with it).
 */
describe.skipIf(!HAS_CORPUS)(`whole-AWS HTML diff 2025-06-01 → 2026-06-14 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let result: DiffResult;
  const skipped: string[] = [];
  const find = (kind: Change['kind'], service: string, subject?: string) =>
    result.changes.filter((c) => c.kind === kind && c.service === service && (subject === undefined || c.action === subject || c.resource === subject || c.key === subject));

  beforeAll(async () => {
    result = await computeDiff(corpusDir('sar-html', '2025-06-01'), corpusDir('sar-html', '2026-06-14'), {}, skipped);
  }, 60_000);

  it('labels both sides with their directory and skips the redirect stub of each, with a note', () => {
    expect(result.old).toMatchObject({ format: 'aws-docs-html', label: '2025-06-01' });
    expect(result.new).toMatchObject({ format: 'aws-docs-html', label: '2026-06-14' });
    expect(skipped).toHaveLength(2);
    for (const s of skipped) expect(s).toMatch(/list_awsiot1-click\.html:1: a "301 Moved Permanently" redirect page, not a catalog$/);
    expect(result.old.services.length).toBeGreaterThan(400);
    expect(result.new.services.length).toBeGreaterThan(result.old.services.length);
  });

  it('list_amazonappstream2.0.html: DescribeAppBlocks access level cell "Read" became "List" (high: moved down)', () => {
    expect(find('access-level-changed', 'appstream', 'DescribeAppBlocks')).toMatchObject([{ before: 'Read', after: 'List', severity: 'high' }]);
  });

  it('list_awsbatch.html: CreateJobQueue row "compute-environment*" lost its * (no longer required: high)', () => {
    expect(find('resource-required-changed', 'batch', 'CreateJobQueue')).toMatchObject([{ resource: 'compute-environment', before: 'required', after: 'optional', severity: 'high' }]);
  });

  it('list_awsartifact.html: DownloadAgreement is on the 2025 page and gone from the 2026 page', () => {
    expect(find('action-removed', 'artifact', 'DownloadAgreement')).toMatchObject([{ before: 'Read', severity: 'medium' }]);
  });

  it('list_awselementalmediaconnect.html: the Bridge ARN went from bridge:${FlowId}:${FlowName} to bridge:${BridgeId}:${BridgeName}', () => {
    expect(find('arn-pattern-changed', 'mediaconnect', 'Bridge')).toMatchObject([
      {
        before: 'arn:${Partition}:mediaconnect:${Region}:${Account}:bridge:${FlowId}:${FlowName}',
        after: 'arn:${Partition}:mediaconnect:${Region}:${Account}:bridge:${BridgeId}:${BridgeName}',
        severity: 'high',
      },
    ]);
  });

  it('list_awscomputeoptimizerautomation.html exists only in 2026: service aco-automation added', () => {
    expect(find('service-added', 'aco-automation')).toMatchObject([{ after: 'AWS Compute Optimizer Automation' }]);
  });

  it('glacier: 2026 keeps the retired list_amazonglacier.html (older layout) beside list_amazons3glacier.html, and only the current page counts', () => {
    // 2025: both pages in the older layout, merged (list_amazonglacier.html leads: "Aborts a multipart upload…");
    // 2026: list_amazons3glacier.html alone ("Grants permission to abort a multipart upload…").
    expect(find('description-changed', 'glacier', 'AbortMultipartUpload')).toMatchObject([
      { before: 'Aborts a multipart upload identified by the upload ID', after: 'Grants permission to abort a multipart upload identified by the upload ID' },
    ]);
    expect(find('service-condition-key-removed', 'glacier').map((c) => c.key)).toEqual(['aws:RequestTag/${TagKey}', 'aws:TagKeys']);
  });

  it('counts each kind once per subject, sorted by service, action, kind', () => {
    expect(result.changes.length).toBe(Object.values(result.summary).reduce((a, b) => a + b!, 0));
    const keys = result.changes.map((c) => `${c.service}\u0000${c.action ?? ''}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    expect(result.summary['action-added']).toBeGreaterThan(1000);
  });
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
