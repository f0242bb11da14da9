import { beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { computeDiff } from '../../src/commands/diff-command.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';
import { mirrorGaps } from '../helpers/mirror.js';

/**
 * The whole HTML reference, 2025-06-01 → 2026-06-14. Each expectation below was checked by
 * hand in the two pages it names (the page and the cell are given with it), and the whole
 * diff against an independent reader of the same pages (README: "Checked independently").
 */
describe.skipIf(!HAS_CORPUS)(`whole-AWS HTML diff 2025-06-01 → 2026-06-14 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let result: DiffResult;
  let backwards: DiffResult;
  const skipped: string[] = [];
  const find = (kind: Change['kind'], service: string, subject?: string) =>
    result.changes.filter((c) => c.kind === kind && c.service === service && (subject === undefined || c.action === subject || c.resource === subject || c.key === subject));
  const of = (service: string) => result.changes.filter((c) => c.service === service);

  beforeAll(async () => {
    result = await computeDiff(corpusDir('sar-html', '2025-06-01'), corpusDir('sar-html', '2026-06-14'), {}, skipped);
    backwards = await computeDiff(corpusDir('sar-html', '2026-06-14'), corpusDir('sar-html', '2025-06-01'), {});
  }, 120_000);

  it('dates both sides by their directory names and skips the redirect stub of each, with a note', () => {
    expect(result.old).toMatchObject({ format: 'aws-docs-html', date: '2025-06-01' });
    expect(result.new).toMatchObject({ format: 'aws-docs-html', date: '2026-06-14' });
    expect(skipped).toHaveLength(2);
    for (const s of skipped) expect(s).toMatch(/list_awsiot1-click\.html:1: a "301 Moved Permanently" redirect page, not a catalog$/);
    expect([result.old.services.length, result.new.services.length]).toEqual([429, 464]);
  });

  it('counts of every kind (the README cites them)', () => {
    expect(result.summary).toEqual({
      'service-added': 35,
      'action-added': 1526,
      'action-removed': 27,
      'access-level-changed': 61,
      'resource-added': 637,
      'resource-removed': 86,
      'resource-required-changed': 58,
      'condition-key-added': 1330,
      'condition-key-removed': 171,
      'condition-key-moved': 80,
      'dependent-action-added': 319,
      'dependent-action-removed': 6,
      'dependent-action-moved': 30,
      'description-changed': 142,
      'resource-type-added': 152,
      'resource-type-removed': 9,
      'resource-type-renamed': 4,
      'arn-pattern-changed': 8,
      'service-condition-key-added': 223,
      'service-condition-key-removed': 7,
      'condition-key-type-changed': 7,
    });
    expect(result.changes).toHaveLength(4918);
    expect(find('condition-key-type-changed', 'events')).toMatchObject([{ key: 'events:detail-type', before: 'String', after: 'ArrayOfString', severity: 'high' }]);
  });

  it('2026 → 2025 mirrors 2025 → 2026 exactly', () => {
    expect(mirrorGaps(result.changes, backwards.changes)).toEqual({ forward: [], backward: [] });
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

  describe('retired pages (both years hold frozen copies of renamed pages)', () => {
    it('apptest: the retired long-named page (older layout marker at 8 241) is left out in both years: no false ARN change', () => {
      expect(of('apptest')).toEqual([]);
    });

    it('datapipeline: the retired list_datapipeline.html is left out in both years: no Tag key removed, no DescribePipelines List → Read', () => {
      expect(of('datapipeline')).toEqual([]);
    });

    it('omics and sso: no false ARN or required-flag changes from their retired pages', () => {
      for (const s of ['omics', 'sso']) expect(of(s).filter((c) => c.kind === 'arn-pattern-changed' || c.kind === 'resource-required-changed')).toEqual([]);
    });

    it('iotmanagedintegrations: the live page (marker past 6 000 characters on the retired one) renames four resource types, ARN patterns unchanged', () => {
      expect(find('resource-type-renamed', 'iotmanagedintegrations').map((c) => `${c.before} → ${c.after}`)).toEqual([
        'CredentialLockerResource → credential-locker',
        'ManagedThingResource → managed-thing',
        'OtaTaskResource → ota-task',
        'ProvisioningProfileResource → provisioning-profile',
      ]);
      // The 16 actions that took the old names keep them under the new ones: no removal, no HIGH.
      expect(find('resource-removed', 'iotmanagedintegrations')).toEqual([]);
      expect(find('resource-type-removed', 'iotmanagedintegrations')).toEqual([]);
      expect(find('resource-added', 'iotmanagedintegrations', 'SendManagedThingCommand').map((c) => [c.resource, c.after])).toEqual([
        ['account-association', 'optional'],
        ['managed-thing', 'required'],
      ]);
    });

    it('glacier: both years read list_amazons3glacier.html, which dropped its tag keys (its retired twin list_amazonglacier.html is left out)', () => {
      expect(find('description-changed', 'glacier')).toEqual([]);
      expect(find('service-condition-key-removed', 'glacier').map((c) => c.key)).toEqual(['aws:RequestTag/${TagKey}', 'aws:TagKeys']);
    });
  });

  describe('keys and dependent actions that change rows', () => {
    it('imagebuilder:CreateComponent: aws:RequestTag/${TagKey} left the component row for the action’s own: moved (low), not removed', () => {
      expect(find('condition-key-moved', 'imagebuilder', 'CreateComponent')).toMatchObject([
        { key: 'aws:RequestTag/${TagKey}', before: 'component', after: '(action)', severity: 'low' },
        { key: 'aws:TagKeys', before: 'component', after: '(action)', severity: 'low' },
      ]);
      expect(find('condition-key-removed', 'imagebuilder', 'CreateComponent')).toEqual([]);
    });

    it('moves by service: imagebuilder, ecs, batch, ec2, workspaces, organizations', () => {
      const count = (kind: Change['kind']) => result.changes.filter((c) => c.kind === kind).reduce<Record<string, number>>((m, c) => ({ ...m, [c.service]: (m[c.service] ?? 0) + 1 }), {});
      expect(count('condition-key-moved')).toEqual({ batch: 4, ec2: 26, ecs: 12, imagebuilder: 35, organizations: 1, workspaces: 2 });
    });

    it('ecs:UpdateClusterSettings: aws:ResourceTag/${TagKey} left the action’s row for the cluster row: moved and narrowed (medium)', () => {
      expect(find('condition-key-moved', 'ecs', 'UpdateClusterSettings')).toMatchObject([{ key: 'aws:ResourceTag/${TagKey}', before: '(action)', after: 'cluster', severity: 'medium' }]);
    });

    it('transfer:CreateConnector: iam:PassRole, already on the action’s own row, moved to the new profile row: low, not a HIGH "now needs"', () => {
      expect(find('dependent-action-moved', 'transfer', 'CreateConnector')).toMatchObject([{ dependentAction: 'iam:PassRole', before: '(action)', after: 'profile', severity: 'low' }]);
      expect(find('dependent-action-added', 'transfer', 'CreateConnector')).toEqual([]);
    });

    it('ec2:CreateTags: ec2:ResourceTag/${TagKey} on the resource types the action newly takes is one move, not 15 additions', () => {
      const [move] = find('condition-key-moved', 'ec2', 'CreateTags').filter((c) => c.key === 'ec2:ResourceTag/${TagKey}');
      expect(move).toMatchObject({ severity: 'low' });
      expect(move!.after!.split(', ').length - move!.before!.split(', ').length).toBe(15);
      expect(find('condition-key-added', 'ec2', 'CreateTags').filter((c) => c.key === 'ec2:ResourceTag/${TagKey}')).toEqual([]);
    });

    it('personalize:CreateDatasetImportJob now needs iam:PassRole through its new dataset* row (high)', () => {
      expect(find('resource-added', 'personalize', 'CreateDatasetImportJob')).toMatchObject([{ resource: 'dataset', after: 'required' }]);
      expect(find('dependent-action-added', 'personalize', 'CreateDatasetImportJob')).toMatchObject([{ resource: 'dataset', dependentAction: 'iam:PassRole', severity: 'high' }]);
    });

    it('every iam:PassRole newly needed is high', () => {
      const passRole = result.changes.filter((c) => c.kind === 'dependent-action-added' && c.dependentAction === 'iam:PassRole');
      expect(passRole.length).toBeGreaterThan(5);
      expect(new Set(passRole.map((c) => c.severity))).toEqual(new Set(['high']));
    });
  });

  it('partnercentral:ListResourceSnapshots: Read on list_awspartnercentralselling.html in both years; List only on the page new in 2026: no change', () => {
    expect(find('access-level-changed', 'partnercentral', 'ListResourceSnapshots')).toEqual([]);
  });

  it('keys of a resource type several pages define are their union: apigateway Authorizer keeps AuthorizerUri (on the v2 page), ses template gains a key on the v2 page', () => {
    const removed = find('condition-key-removed', 'apigateway', 'Authorizer').map((c) => c.key);
    expect(removed).toEqual(['apigateway:Request/CognitoUserPoolProviderArn', 'apigateway:Resource/CognitoUserPoolProviderArn']);
    expect(find('condition-key-added', 'ses', 'template').filter((c) => c.action === undefined).map((c) => c.key)).toEqual(['aws:ResourceTag/${TagKey}']);
  });

  it('elasticloadbalancing:DescribeLoadBalancers went Read → List on the v2 page only: reported, naming the page', () => {
    expect(find('access-level-changed', 'elasticloadbalancing', 'DescribeLoadBalancers')).toMatchObject([
      { before: 'Read', after: 'List', pages: ['list_awselasticloadbalancingv2.html'], severity: 'high' },
    ]);
  });

  it('counts each kind once per subject, sorted by service, action, kind', () => {
    expect(result.changes.length).toBe(Object.values(result.summary).reduce((a, b) => a + b!, 0));
    const keys = result.changes.map((c) => `${c.service}\u0000${c.action ?? ''}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
  });
});
if (!HAS_CORPUS) console.warn(NO_CORPUS);
