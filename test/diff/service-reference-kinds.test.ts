import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { SEVERITY_RULES } from '../../src/diff/severity-rules.js';
import { renderReport } from '../../src/output/render-report.js';
import { action, catalog } from '../helpers/catalog-builder.js';

const LAST = 'IAM Action Last Accessed';
const GEN = 'IAM Access Analyzer Policy Generation';

/** Hand-written Service Reference facts, old and new, one of each change the new kinds describe. */
const oldSide = [
  catalog(
    'svc',
    [
      action('TagThing', { accessLevel: 'Tagging', accessFlags: ['IsTaggingOnly', 'IsWrite'] }),
      action('Promoted', { accessLevel: 'Write', accessFlags: ['IsWrite'] }),
      action('Watched', { supportedBy: [GEN, LAST, 'Some Future Feature'] }),
      action('Unwatched', { supportedBy: [] }),
      action('TakesMore', { resourceTypes: [{ name: 'thing', conditionKeys: [] }] }),
    ],
    {
      resourceTypes: [
        { name: 'thing', arnPattern: 'arn:a', arnFormats: ['arn:a'] },
        { name: 'session', arnPattern: 'arn:s/${SessionArn}', arnFormats: ['arn:s/${SessionArn}'] },
      ],
      conditionKeys: [
        { name: 'svc:Tags', type: 'String' },
        { name: 'svc:Mode', type: 'ArrayOfString' },
        { name: 'svc:Parent', type: 'String' },
      ],
      operations: [
        { name: 'PutThing', actions: ['svc:PutThing'] },
        { name: 'CopyThing', actions: ['svc:CopyThing', 'svc:GetThing'] },
      ],
    },
  ),
];
const newSide = [
  catalog(
    'svc',
    [
      action('TagThing', { accessLevel: 'Tagging', accessFlags: ['IsTaggingOnly'] }),
      action('Promoted', { accessLevel: 'Permissions management', accessFlags: ['IsPermissionManagement', 'IsWrite'] }),
      action('Watched', { supportedBy: [] }),
      action('Unwatched', { supportedBy: [LAST] }),
      action('TakesMore', { resourceTypes: [{ name: 'thing', conditionKeys: [] }, { name: 'session', conditionKeys: [] }] }),
    ],
    {
      resourceTypes: [
        { name: 'thing', arnPattern: 'arn:a', arnFormats: ['arn:a', 'arn:b'] },
        { name: 'session', arnPattern: 'arn:s/${SessionId}', arnFormats: ['arn:s/${SessionId}'] },
      ],
      conditionKeys: [
        { name: 'svc:Tags', type: 'ArrayOfString' },
        { name: 'svc:Mode', type: 'String' },
        { name: 'svc:Parent', type: 'ARN' },
      ],
      operations: [
        { name: 'PutThing', actions: ['kms:GenerateDataKey', 'svc:PutThing'] },
        { name: 'CopyThing', actions: ['svc:CopyThing'] },
        { name: 'NewlyMapped', actions: ['svc:NewlyMapped'] },
      ],
    },
  ),
];

// Diffed inside each test (not once at load): mutation testing sees which test checks what.
const diffOf = () => diffCatalogs('old', oldSide, 'new', newSide);
const find = (kind: string, fields: Partial<Change> = {}) =>
  diffOf().changes.filter((c) => c.kind === kind && Object.entries(fields).every(([k, v]) => (c as unknown as Record<string, unknown>)[k] === v));

describe('Service Reference change kinds on hand-written catalogs', () => {
  it('access flags: reported when the derived level stays, left to access-level-changed when it moves', () => {
    expect(find('access-flags-changed')).toMatchObject([{ action: 'TagThing', before: 'IsTaggingOnly, IsWrite', after: 'IsTaggingOnly', severity: 'medium' }]);
    expect(find('access-level-changed', { action: 'Promoted' })).toHaveLength(1);
  });

  it('SupportedBy lost, by feature, and gained', () => {
    expect(find('supported-by-lost').map((c) => [c.before, c.severity])).toEqual([
      [GEN, 'medium'],
      [LAST, 'high'],
      ['Some Future Feature', 'medium'],
    ]);
    expect(find('supported-by-gained')).toMatchObject([{ action: 'Unwatched', after: LAST, severity: 'low' }]);
  });

  it('a resource added where no side states the required flag: medium, and no required-flag change is invented', () => {
    expect(find('resource-added')).toMatchObject([{ action: 'TakesMore', resource: 'session', severity: 'medium' }]);
    expect(find('resource-added')[0]!.after).toBeUndefined();
    expect(find('resource-required-changed')).toEqual([]);
  });

  it('condition key types: towards a multivalued type is high, away from it and other changes medium', () => {
    expect(find('condition-key-type-changed').map((c) => [c.key, c.before, c.after, c.severity])).toEqual([
      ['svc:Mode', 'ArrayOfString', 'String', 'medium'],
      ['svc:Parent', 'String', 'ARN', 'medium'],
      ['svc:Tags', 'String', 'ArrayOfString', 'high'],
    ]);
    expect(find('condition-key-type-changed', { key: 'svc:Tags' })[0]!.reason).toContain('ForAnyValue:');
  });

  it('ARN formats added and removed one by one, with no arn-pattern-changed beside them', () => {
    expect(find('arn-format-added').map((c) => [c.resource, c.after, c.severity])).toEqual([
      ['session', 'arn:s/${SessionId}', 'medium'],
      ['thing', 'arn:b', 'medium'],
    ]);
    expect(find('arn-format-removed').map((c) => [c.resource, c.before, c.severity])).toEqual([['session', 'arn:s/${SessionArn}', 'high']]);
    expect(find('arn-pattern-changed')).toEqual([]);
  });

  it('operations: now also needs an action (high), no longer needs one (low); a newly mapped operation is no change', () => {
    expect(find('operation-action-added')).toMatchObject([{ operation: 'PutThing', dependentAction: 'kms:GenerateDataKey', severity: 'high' }]);
    expect(find('operation-action-removed')).toMatchObject([{ operation: 'CopyThing', dependentAction: 'svc:GetThing', severity: 'low' }]);
    expect(diffOf().changes.some((c) => c.operation === 'NewlyMapped')).toBe(false);
  });

  it('exercises every severity rule of these kinds', () => {
    const kinds = ['access-flags-changed', 'condition-key-type-changed', 'arn-format-added', 'arn-format-removed', 'supported-by-lost', 'supported-by-gained', 'operation-action-added', 'operation-action-removed'];
    const rules = SEVERITY_RULES.filter((r) => kinds.includes(r.kind) || r.case === 'required flag unknown');
    const seen = new Set(diffOf().changes.map((c) => `${c.kind}/${c.reason}`));
    expect(rules.filter((r) => !seen.has(`${r.kind}/${r.reason}`))).toEqual([]);
  });

  it('appear in every output', async () => {
    const text = await renderReport(diffOf(), 'text', { color: false });
    expect(text).toContain('svc operation PutThing  now also needs kms:GenerateDataKey');
    expect(text).toContain('svc:TagThing  IsTaggingOnly, IsWrite → IsTaggingOnly');
    expect(text).toContain('svc  svc:Tags String → ArrayOfString');
    expect(text).toContain('svc resource type thing  + arn:b');
    expect(text).toContain(`svc:Watched  - ${LAST}`);
    const md = await renderReport(diffOf(), 'markdown', { color: false });
    expect(md).toContain('| low | svc operation CopyThing | operation-action-removed | no longer needs svc:GetThing |');
    expect(md).toContain('| high | svc:Watched | supported-by-lost | - IAM Action Last Accessed |');
    const json = JSON.parse(await renderReport(diffOf(), 'json', { color: false })) as { changes: Change[] };
    expect(json.changes.find((c) => c.kind === 'operation-action-added')).toMatchObject({ operation: 'PutThing', dependentAction: 'kms:GenerateDataKey' });
    const yaml = await renderReport(diffOf(), 'yaml', { color: false });
    expect(yaml).toContain('kind: condition-key-type-changed');
    expect(yaml).toContain('operation: CopyThing');
  });
});
