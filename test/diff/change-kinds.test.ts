import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, type Change } from '../../src/diff/change.js';
import type { Action } from '../../src/model/catalog.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { SEVERITY_RULES } from '../../src/diff/severity-rules.js';
import { action, catalog } from '../helpers/catalog-builder.js';

const repo = (required: boolean, conditionKeys: string[] = [], dependentActions: string[] = []) => ({ name: 'repository', required, conditionKeys, dependentActions });

const oldSide = [
  catalog(
    'svc',
    [
      action('Gone'),
      action('Lowered', { accessLevel: 'Write' }),
      action('Raised', { accessLevel: 'List' }),
      action('LosesResource', { resourceTypes: [repo(true)] }),
      action('GainsRequired'),
      action('GainsOptional'),
      action('Loosened', { resourceTypes: [repo(true)] }),
      action('Tightened', { resourceTypes: [repo(false)] }),
      action('Keys', { conditionKeys: ['svc:Old'], resourceTypes: [repo(true, ['svc:OnResourceOld'])] }),
      action('Deps', { dependentActions: ['iam:PassRole'] }),
      action('Described', { description: 'Grants permission to describe a thing' }),
      action('KeyOntoAction', { resourceTypes: [repo(true, ['svc:Tag'])] }),
      action('KeyNarrowed', { conditionKeys: ['svc:Scope'], resourceTypes: [repo(true)] }),
      action('KeyGainsRow', { resourceTypes: [repo(true, ['svc:Wide'])] }),
      action('DepMoves', { resourceTypes: [repo(true, [], ['kms:Decrypt'])] }),
      action('NewRow'),
      action('KeyWithResource', { resourceTypes: [repo(true, ['svc:K']), { name: 'image', required: false, conditionKeys: ['svc:K'] }] }),
      action('TakesWidget', { resourceTypes: [{ name: 'WidgetResource', required: true, conditionKeys: ['svc:W'] }] }),
    ],
    {
      resourceTypes: [
        { name: 'repository', arnPattern: 'arn:${Partition}:svc:${Region}:${Account}:repository/${Name}', conditionKeys: ['aws:ResourceTag/${TagKey}'] },
        { name: 'legacy', arnPattern: 'arn:${Partition}:svc:::legacy/${Id}' },
        { name: 'WidgetResource', arnPattern: 'arn:${Partition}:svc:::widget/${Id}' },
      ],
      conditionKeys: [{ name: 'svc:Old', type: 'String' }],
      managedPolicies: {
        policies: [
          { arn: 'arn:aws:iam::aws:policy/Kept', name: 'Kept' },
          { arn: 'arn:aws:iam::aws:policy/Dropped', name: 'Dropped' },
        ],
        patterns: ['svc:Get*', 'svc:OldName', 'svc:describeThing'],
      },
    },
  ),
  catalog('retired', [action('Anything')]),
];

const newSide = [
  catalog(
    'svc',
    [
      action('Fresh', { accessLevel: 'Write' }),
      action('Lowered', { accessLevel: 'Read' }),
      action('Raised', { accessLevel: 'Permissions management' }),
      action('LosesResource'),
      action('GainsRequired', { resourceTypes: [repo(true)] }),
      action('GainsOptional', { resourceTypes: [repo(false)] }),
      action('Loosened', { resourceTypes: [repo(false)] }),
      action('Tightened', { resourceTypes: [repo(true)] }),
      action('Keys', { conditionKeys: ['svc:New'], resourceTypes: [repo(true, ['svc:OnResourceNew'])] }),
      action('Deps', { dependentActions: ['kms:Decrypt'] }),
      action('Described', { description: 'Grants permission to describe one thing' }),
      action('KeyOntoAction', { conditionKeys: ['svc:Tag'], resourceTypes: [repo(true)] }),
      action('KeyNarrowed', { resourceTypes: [repo(true, ['svc:Scope'])] }),
      action('KeyGainsRow', { conditionKeys: ['svc:Wide'], resourceTypes: [repo(true, ['svc:Wide'])] }),
      action('DepMoves', { dependentActions: ['kms:Decrypt'], resourceTypes: [repo(true)] }),
      action('NewRow', { resourceTypes: [{ name: 'image', required: true, conditionKeys: ['svc:ImageKey'], dependentActions: ['iam:PassRole'] }] }),
      action('KeyWithResource', { resourceTypes: [repo(true, ['svc:K'])] }),
      action('TakesWidget', { resourceTypes: [{ name: 'widget', required: false, conditionKeys: ['svc:W'] }] }),
    ],
    {
      resourceTypes: [
        { name: 'repository', arnPattern: 'arn:${Partition}:svc:${Region}:${Account}:repo/${Name}', conditionKeys: [] },
        { name: 'image', arnPattern: 'arn:${Partition}:svc:::image/${Id}' },
        { name: 'widget', arnPattern: 'arn:${Partition}:svc:::widget/${Id}' },
      ],
      conditionKeys: [{ name: 'svc:New', type: 'Bool' }],
      managedPolicies: {
        policies: [
          { arn: 'arn:aws:iam::aws:policy/Kept', name: 'Kept' },
          { arn: 'arn:aws:iam::aws:policy/Added', name: 'Added' },
        ],
        patterns: ['svc:Get*', 'svc:List*', 'svc:NewName', 'svc:DescribeThing', 'svc:Put?bject'],
      },
    },
  ),
  catalog('newcomer', [action('Anything')]),
];

// Computed in each test, not once at load: mutation testing (npm run mutate) then knows which
// tests run which code, and runs only those for each mutant.
const diffed = () => diffCatalogs('old', oldSide, 'new', newSide);

/** Kinds and rules of Service Reference facts: test/diff/service-reference-kinds.test.ts exercises them. */
const SERVICE_REFERENCE_KINDS: readonly string[] = ['access-flags-changed', 'condition-key-type-changed', 'arn-format-added', 'arn-format-removed', 'supported-by-lost', 'supported-by-gained', 'operation-action-added', 'operation-action-removed'];
const SERVICE_REFERENCE_CASES: readonly (string | undefined)[] = ['required flag unknown'];
const find = (kind: string, fields: Partial<Change> = {}) =>
  diffed().changes.filter((c) => c.kind === kind && Object.entries(fields).every(([k, v]) => (c as unknown as Record<string, unknown>)[k] === v));

describe('diff of hand-written catalogs', () => {
  it('produces every change kind except the unresolved truncation', () => {
    const kinds = new Set(diffed().changes.map((c) => c.kind));
    expect([...CHANGE_KINDS].filter((k) => !kinds.has(k) && !SERVICE_REFERENCE_KINDS.includes(k))).toEqual(['action-unresolved']);
  });

  it('exercises every severity rule', () => {
    const seen = new Set(diffed().changes.map((c) => `${c.kind}/${c.severity}`));
    const rules = SEVERITY_RULES.filter((r) => r.kind !== 'action-unresolved' && !SERVICE_REFERENCE_KINDS.includes(r.kind) && !SERVICE_REFERENCE_CASES.includes(r.case)).map((r) => `${r.kind}/${r.severity}`);
    expect(rules.filter((r) => !seen.has(r))).toEqual([]);
  });

  it('managed-policy pages: policies attached and detached by ARN, patterns added and removed, case ignored', () => {
    expect(find('policy-attached')).toMatchObject([{ policy: 'Added', after: 'arn:aws:iam::aws:policy/Added', severity: 'medium' }]);
    expect(find('policy-detached')).toMatchObject([{ policy: 'Dropped', before: 'arn:aws:iam::aws:policy/Dropped', severity: 'medium' }]);
    expect(find('policy-pattern-added').map((c) => [c.pattern, c.severity])).toEqual([
      ['svc:List*', 'high'],
      ['svc:NewName', 'medium'],
      ['svc:Put?bject', 'high'],
    ]);
    expect(find('policy-pattern-removed').map((c) => [c.pattern, c.severity])).toEqual([['svc:OldName', 'low']]);
  });

  it('services that appear and go', () => {
    expect(find('service-added')).toMatchObject([{ service: 'newcomer', severity: 'medium' }]);
    expect(find('service-removed')).toMatchObject([{ service: 'retired', severity: 'high' }]);
  });

  it('actions added and removed', () => {
    expect(find('action-added')).toMatchObject([{ action: 'Fresh', after: 'Write', severity: 'medium' }]);
    expect(find('action-removed')).toMatchObject([{ action: 'Gone', before: 'Read', severity: 'medium' }]);
  });

  it('access level down is high, up is medium', () => {
    expect(find('access-level-changed', { action: 'Lowered' })).toMatchObject([{ before: 'Write', after: 'Read', severity: 'high' }]);
    expect(find('access-level-changed', { action: 'Raised' })).toMatchObject([{ before: 'List', after: 'Permissions management', severity: 'medium' }]);
  });

  it('resource drift: removed high, added required medium, added optional low', () => {
    expect(find('resource-removed', { action: 'LosesResource' })).toMatchObject([{ resource: 'repository', severity: 'high' }]);
    expect(find('resource-added', { action: 'GainsRequired' })).toMatchObject([{ severity: 'medium', after: 'required' }]);
    expect(find('resource-added', { action: 'GainsOptional' })).toMatchObject([{ severity: 'low', after: 'optional' }]);
  });

  it('required flag: no longer required is high, now required is medium', () => {
    expect(find('resource-required-changed', { action: 'Loosened' })).toMatchObject([{ before: 'required', after: 'optional', severity: 'high' }]);
    expect(find('resource-required-changed', { action: 'Tightened' })).toMatchObject([{ before: 'optional', after: 'required', severity: 'medium' }]);
  });

  it('condition keys on the action and on its resource', () => {
    expect(find('condition-key-removed', { action: 'Keys' })).toMatchObject([
      { key: 'svc:Old', severity: 'high' },
      { key: 'svc:OnResourceOld', resource: 'repository', severity: 'high' },
    ]);
    expect(find('condition-key-added', { action: 'Keys' })).toMatchObject([{ key: 'svc:New', severity: 'low' }, { key: 'svc:OnResourceNew', resource: 'repository' }]);
  });

  it('dependent actions', () => {
    expect(find('dependent-action-added', { action: 'Deps' })).toMatchObject([{ dependentAction: 'kms:Decrypt', severity: 'medium' }]);
    expect(find('dependent-action-removed')).toMatchObject([{ action: 'Deps', dependentAction: 'iam:PassRole', severity: 'low' }]);
  });

  it('a key that leaves a resource row for the action itself is moved (low), never removed', () => {
    expect(find('condition-key-removed', { action: 'KeyOntoAction' })).toEqual([]);
    expect(find('condition-key-moved', { action: 'KeyOntoAction' })).toMatchObject([{ key: 'svc:Tag', before: 'repository', after: '(action)', severity: 'low' }]);
  });

  it('a key that leaves the action row for a resource row is moved and narrowed (medium)', () => {
    expect(find('condition-key-moved', { action: 'KeyNarrowed' })).toMatchObject([{ key: 'svc:Scope', before: '(action)', after: 'repository', severity: 'medium' }]);
  });

  it('a key that only gains a row is moved (low): before and after list all its rows', () => {
    expect(find('condition-key-moved', { action: 'KeyGainsRow' })).toMatchObject([{ key: 'svc:Wide', before: 'repository', after: '(action), repository', severity: 'low' }]);
    expect(find('condition-key-added', { action: 'KeyGainsRow' })).toEqual([]);
  });

  it('a key that leaves with a resource type the action no longer takes, but stays on its other rows, is moved, not removed', () => {
    expect(find('resource-removed', { action: 'KeyWithResource' })).toMatchObject([{ resource: 'image', severity: 'high' }]);
    expect(find('condition-key-removed', { action: 'KeyWithResource' })).toEqual([]);
    expect(find('condition-key-moved', { action: 'KeyWithResource' })).toMatchObject([{ key: 'svc:K', before: 'image, repository', after: 'repository', severity: 'medium' }]);
  });

  it('a dependent action that changes rows is moved (low)', () => {
    expect(find('dependent-action-moved')).toMatchObject([{ action: 'DepMoves', dependentAction: 'kms:Decrypt', before: 'repository', after: '(action)', severity: 'low' }]);
  });

  it('keys and dependent actions of a new resource row are reported; iam:PassRole is high', () => {
    expect(find('resource-added', { action: 'NewRow' })).toMatchObject([{ resource: 'image', after: 'required' }]);
    expect(find('condition-key-added', { action: 'NewRow' })).toMatchObject([{ resource: 'image', key: 'svc:ImageKey', severity: 'low' }]);
    expect(find('dependent-action-added', { action: 'NewRow' })).toMatchObject([{ resource: 'image', dependentAction: 'iam:PassRole', severity: 'high' }]);
  });

  it('description changes carry a word diff', () => {
    const [c] = find('description-changed');
    expect(c).toMatchObject({ action: 'Described', severity: 'low' });
    expect(c!.words!.filter((w) => w.op !== 'same').map((w) => `${w.op}:${w.text}`)).toEqual(['removed:a', 'added:one']);
  });

  it('service level: resource types, ARN patterns, their keys, service condition keys', () => {
    expect(find('resource-type-added')).toMatchObject([{ resource: 'image', severity: 'low' }]);
    expect(find('resource-type-renamed')).toMatchObject([{ before: 'WidgetResource', after: 'widget', severity: 'low' }]);
    // Actions that take the renamed type keep it: only its own changes show, under the new name.
    expect(find('resource-required-changed', { action: 'TakesWidget' }).map((c) => [c.resource, c.before, c.after])).toEqual([['widget', 'required', 'optional']]);
    expect(diffed().changes.filter((c) => c.action === 'TakesWidget').map((c) => c.kind)).toEqual(['resource-required-changed']);
    expect(find('resource-type-removed')).toMatchObject([{ resource: 'legacy', severity: 'high' }]);
    expect(find('arn-pattern-changed')).toMatchObject([{ resource: 'repository', severity: 'high', after: 'arn:${Partition}:svc:${Region}:${Account}:repo/${Name}' }]);
    expect(find('condition-key-removed', { resource: 'repository', action: undefined })).toMatchObject([{ key: 'aws:ResourceTag/${TagKey}' }]);
    expect(find('service-condition-key-added')).toMatchObject([{ key: 'svc:New', after: 'Bool', severity: 'low' }]);
    expect(find('service-condition-key-removed')).toMatchObject([{ key: 'svc:Old', before: 'String', severity: 'high' }]);
  });

  it('sorts by service, action, kind and counts every kind in the summary', () => {
    const result = diffed();
    const keys = result.changes.map((c) => `${c.service}|${(c.action ?? '').toLowerCase()}`);
    expect(keys).toEqual([...keys].sort());
    const total = Object.values(result.summary).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(result.changes.length);
  });

  it('reports nothing for identical catalogs', () => {
    expect(diffCatalogs('a', oldSide, 'b', oldSide).changes).toEqual([]);
  });
});

describe('fields a side does not carry', () => {
  it('are not compared, and said once per field', () => {
    const typedocLike = catalog('svc', [action('A', { accessLevel: undefined, resourceTypes: undefined }), action('B', { accessLevel: undefined })], {
      carries: ['actions', 'description'],
      source: { format: 'typedoc-enum', file: 't.md' },
    });
    const full = catalog('svc', [action('A', { accessLevel: 'Write' }), action('B', { accessLevel: 'List' })]);
    const r = diffCatalogs('full', [full], 'typedoc', [typedocLike]);
    expect(r.changes).toEqual([]);
    expect(r.notCompared.find((n) => n.field === 'accessLevel')).toMatchObject({ label: 'access level', reason: 'typedoc-enum does not carry it', services: ['svc'] });
  });

  it('a partial action list (managed-policy page) reports no added or removed actions', () => {
    const partial = catalog('svc', [action('A')], { carries: ['managedPolicies'] });
    const full = catalog('svc', [action('A'), action('B')]);
    expect(diffCatalogs('f', [full], 'p', [partial]).changes.filter((c) => c.kind.startsWith('action-'))).toEqual([]);
  });
});

describe('truncated names', () => {
  it('the same cut name on both sides is the same action, compared as such', () => {
    const cut = (accessLevel: 'List' | 'Read') => catalog('svc', [action('BatchGetRepositoryScanningConfigur', { truncated: true, accessLevel })]);
    expect(diffCatalogs('o', [cut('List')], 'n', [cut('List')]).changes).toEqual([]);
    expect(diffCatalogs('o', [cut('List')], 'n', [cut('Read')]).changes).toMatchObject([{ kind: 'access-level-changed', action: 'BatchGetRepositoryScanningConfigur…', before: 'List', after: 'Read' }]);
  });

  it('resolve against the one action they are a prefix of', () => {
    const o = catalog('svc', [action('BatchGetRepositoryScanningConfiguration', { accessLevel: 'Read', description: 'd' })]);
    const n = catalog('svc', [action('BatchGetRepositoryScanningConfigur', { truncated: true, accessLevel: 'List', description: 'd' })]);
    const r = diffCatalogs('o', [o], 'n', [n]);
    expect(r.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['access-level-changed BatchGetRepositoryScanningConfiguration']);
    // and the same the other way round
    const back = diffCatalogs('n', [n], 'o', [o]);
    expect(back.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['access-level-changed BatchGetRepositoryScanningConfiguration']);
  });

  it('never take the first of several free candidates', () => {
    const o = catalog('svc', [action('GetThingOne'), action('GetThingTwo')]);
    const n = catalog('svc', [action('GetThing', { truncated: true })]);
    for (const r of [diffCatalogs('o', [o], 'n', [n]), diffCatalogs('n', [n], 'o', [o])]) {
      expect(r.changes.find((c) => c.kind === 'action-unresolved')).toMatchObject({ action: 'GetThing…', candidates: ['GetThingOne', 'GetThingTwo'] });
      expect(r.changes.filter((c) => c.kind === 'access-level-changed' || c.kind === 'description-changed')).toEqual([]);
    }
  });

  it('are unresolved, not an add plus a remove, when several or none match', () => {
    const o = catalog('svc', [action('GetThingOne'), action('GetThingTwo')]);
    const n = catalog('svc', [action('GetThingOne'), action('GetThingTwo'), action('GetThing', { truncated: true })]);
    const r = diffCatalogs('o', [o], 'n', [n]);
    expect(r.changes).toMatchObject([{ kind: 'action-unresolved', action: 'GetThing…', candidates: ['GetThingOne', 'GetThingTwo'], severity: 'medium' }]);
    const none = diffCatalogs('o', [catalog('svc', [action('Other')])], 'n', [catalog('svc', [action('Other'), action('Nope', { truncated: true })])]);
    expect(none.changes.map((c) => c.kind)).toEqual(['action-unresolved']);
  });
});

describe('access levels in order List < Read < Tagging < Write < Permissions management', () => {
  const level = (from: Action['accessLevel'], to: Action['accessLevel']) =>
    diffCatalogs('o', [catalog('svc', [action('A', { accessLevel: from })])], 'n', [catalog('svc', [action('A', { accessLevel: to })])]).changes[0]!.severity;
  it('each step down is high, each step up medium', () => {
    const order = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'] as const;
    for (let i = 1; i < order.length; i++) {
      expect(level(order[i], order[i - 1]), `${order[i]} → ${order[i - 1]}`).toBe('high');
      expect(level(order[i - 1], order[i]), `${order[i - 1]} → ${order[i]}`).toBe('medium');
    }
  });
});

describe('descriptions', () => {
  it('re-wrapping is no change: white space is folded before comparing', () => {
    const d = (description: string) => catalog('svc', [action('A', { description })]);
    expect(diffCatalogs('o', [d('Grants permission to  get\n   a thing ')], 'n', [d('Grants permission to get a thing')]).changes).toEqual([]);
    expect(diffCatalogs('o', [d('Grants permission to get a thing')], 'n', [d('Grants permission to get the thing')]).changes).toHaveLength(1);
  });
});

describe('case-insensitive identity', () => {
  it('ecr:describeImages is ecr:DescribeImages', () => {
    const r = diffCatalogs('o', [catalog('ecr', [action('DescribeImages', { description: 'd' })])], 'n', [catalog('ecr', [action('describeImages', { description: 'd' })])]);
    expect(r.changes).toEqual([]);
  });
});

describe('an action that takes one resource type twice (a required dxcon and an optional one)', () => {
  const dx = (required: boolean) => ({ name: 'dxcon', required, conditionKeys: [], dependentActions: [] });
  const diff = (before: boolean[], after: boolean[]) =>
    diffCatalogs('a', [catalog('dx', [action('AssociateHostedConnection', { resourceTypes: before.map(dx) })])], 'b', [
      catalog('dx', [action('AssociateHostedConnection', { resourceTypes: after.map(dx) })]),
    ]).changes.map((c) => [c.kind, c.before ?? c.after]);

  it('is no change when both sides list the same pair, in any order', () => {
    expect(diff([true, false], [true, false])).toEqual([]);
    expect(diff([true, false], [false, true])).toEqual([]);
  });
  it('pairs entries required first: a second, optional entry is an added resource, not a loosened one', () => {
    expect(diff([true], [true, false])).toEqual([['resource-added', 'optional']]);
    const lost = diff([true, false], [false]);
    expect(lost).toHaveLength(2);
    expect(lost).toEqual(expect.arrayContaining([['resource-required-changed', 'required'], ['resource-removed', 'optional']]));
  });
});
