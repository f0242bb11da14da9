import { beforeAll, describe, expect, it } from 'vitest';
import { loadAndDiff } from '../../src/commands/diff-command.js';
import type { Change } from '../../src/diff/change.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { renderReport } from '../../src/output/render-report.js';
import { catalogLookup, type ActionLookup } from '../../src/review/action-lookup.js';
import { detailText } from '../review/detail-text.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';

const find = (result: DiffResult, kind: Change['kind'], service: string, subject?: string) =>
  result.changes.filter((c) => c.kind === kind && c.service === service && (subject === undefined || c.action === subject || c.resource === subject || c.key === subject));

/** The detail pane of a change, as one line of text. */
function detail(result: DiffResult, lookup: ActionLookup, change: Change): string {
  return detailText(result, lookup, change);
}

/** Every fact below was read in the JSON files named (python json.load, by hand). */
describe.skipIf(!HAS_CORPUS)(`Service Reference JSON 2025-07-08 → 2025-09-10 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let result: DiffResult;
  let lookup: ActionLookup;
  beforeAll(async () => {
    const r = await loadAndDiff(corpusDir('service-reference', '2025-07-08'), corpusDir('service-reference', '2025-09-10'), {});
    result = r.result;
    lookup = catalogLookup(r.oldCatalogs, r.newCatalogs);
  }, 60_000);

  it('reads 424 and 430 services, dated by their directories', () => {
    expect(result.old).toMatchObject({ format: 'service-reference-json', date: '2025-07-08' });
    expect(result.old.services).toHaveLength(424);
    expect(result.new.services).toHaveLength(430);
  });

  it('says once per field what it did not compare, in every output: SupportedBy only in v1.3, no descriptions or required flags anywhere', async () => {
    const fields = result.notCompared.map((n) => [n.field, n.reason, n.services.length]);
    expect(fields).toContainEqual(['description', 'service-reference-json v1.2 and service-reference-json v1.3 do not carry it', 423]);
    expect(fields).toContainEqual(['resourceRequired', 'service-reference-json v1.2 and service-reference-json v1.3 do not carry it', 423]);
    expect(fields).toContainEqual(['supportedBy', 'service-reference-json v1.2 does not carry it', 423]);
    expect(result.changes.some((c) => c.kind === 'resource-required-changed' || c.kind === 'description-changed' || c.kind.startsWith('dependent-action') || c.kind.startsWith('supported-by'))).toBe(false);
    const text = await renderReport(result, 'text', { color: false });
    expect(text).toContain('not compared: SupportedBy (Access Analyzer policy generation, last accessed) — service-reference-json v1.2 does not carry it');
    expect(await renderReport(result, 'markdown', { color: false })).toContain('- required flag of resource types: service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
    expect(await renderReport(result, 'yaml', { color: false })).toContain('field: supportedBy');
    expect((JSON.parse(await renderReport(result, 'json', { color: false })) as DiffResult).notCompared).toHaveLength(result.notCompared.length);
  });

  it('supportrecommendations.json is gone in 2025-09-10; seven services are new (s3vectors, bedrock-agentcore, …)', () => {
    expect(find(result, 'service-removed', 'supportrecommendations')).toHaveLength(1);
    expect(result.changes.filter((c) => c.kind === 'service-added').map((c) => c.service)).toEqual(['arc-region-switch', 'bcm-dashboards', 'bcm-recommended-actions', 'bedrock-agentcore', 'network-security-director', 's3vectors', 'uxc']);
  });

  it('appstream.json: DescribeFleets gained IsList (Read → List, high); ebs.json: ebs:ParentSnapshot String → ARN', () => {
    expect(find(result, 'access-level-changed', 'appstream', 'DescribeFleets')).toMatchObject([{ before: 'Read', after: 'List', severity: 'high' }]);
    expect(find(result, 'condition-key-type-changed', 'ebs', 'ebs:ParentSnapshot')).toMatchObject([{ before: 'String', after: 'ARN', severity: 'medium' }]);
  });

  it('mpa.json: three resource types renamed the ARN placeholder (session/${SessionArn} → session/${SessionId})', () => {
    expect(find(result, 'arn-format-removed', 'mpa', 'session')).toMatchObject([{ before: 'arn:${Partition}:mpa:${Region}:${Account}:session/${SessionArn}', severity: 'high' }]);
    expect(find(result, 'arn-format-added', 'mpa', 'session')).toMatchObject([{ after: 'arn:${Partition}:mpa:${Region}:${Account}:session/${SessionId}' }]);
    expect(result.changes.filter((c) => c.kind === 'arn-pattern-changed')).toEqual([]);
  });

  it('the review detail pane shows the flags of both sides and the fields not compared', () => {
    const frame = detail(result, lookup, find(result, 'access-level-changed', 'appstream', 'DescribeFleets')[0]!);
    expect(frame).toContain('before · service-reference-json 2025-07-08 │ after · service-reference-json 2025-09-10');
    expect(frame).toContain('access level − Read │ + List');
    expect(frame).toContain('access flags — │ + IsList');
    expect(frame).toContain('not compared: required flag of resource types — service-reference-json v1.2 and service-reference-json v1.3 do not carry it');
  });
});

describe.skipIf(!HAS_CORPUS)(`parliament iam_definition 2020-01-07 → 2020-11-19 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let result: DiffResult;
  let lookup: ActionLookup;
  beforeAll(async () => {
    const r = await loadAndDiff(corpusDir('parliament', 'iam_definition-2020-01-07.json'), corpusDir('parliament', 'iam_definition-2020-11-19.json'), {});
    result = r.result;
    lookup = catalogLookup(r.oldCatalogs, r.newCatalogs);
  }, 60_000);

  it('one file is every service: 219 and 243 entries, 210 and 234 prefixes (aws-marketplace is seven services, ses two, …)', () => {
    expect(result.old).toMatchObject({ format: 'iam-dataset-json', label: 'iam_definition-2020-01-07' });
    expect(result.old.services).toHaveLength(210);
    expect(result.new.services).toHaveLength(234);
    expect(result.notCompared.map((n) => n.field)).toEqual(['documentationUrl']);
  });

  it('cloudformation ValidateTemplate Write → Read; cloudwatch ListTagsForResource on alarm* became optional; appflow is new', () => {
    expect(find(result, 'access-level-changed', 'cloudformation', 'ValidateTemplate')).toMatchObject([{ before: 'Write', after: 'Read', severity: 'high' }]);
    expect(find(result, 'resource-required-changed', 'cloudwatch', 'ListTagsForResource')).toMatchObject([{ resource: 'alarm', before: 'required', after: 'optional', severity: 'high' }]);
    expect(find(result, 'resource-added', 'cloudwatch', 'ListTagsForResource')).toMatchObject([{ resource: 'insight-rule', after: 'optional' }]);
    expect(find(result, 'service-added', 'appflow')).toMatchObject([{ after: 'Amazon AppFlow' }]);
  });

  it('the review detail pane names documentation URLs as not compared', () => {
    const frame = detail(result, lookup, find(result, 'access-level-changed', 'cloudformation', 'ValidateTemplate')[0]!);
    expect(frame).toContain('not compared: documentation URL — iam-dataset-json does not carry it');
    expect(frame).toMatch(/before · iam-dataset-json iam_definition-2020-01-.* │ after · iam-dataset-json iam_definition-2020-11-/); // cut to the column
    expect(frame).toContain('access level − Write │ + Read');
  });
});
