import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { filterResult } from '../../src/diff/filter-changes.js';
import { InputError } from '../../src/model/errors.js';
import { action, catalog } from '../helpers/catalog-builder.js';

// In-process cases for what the CLI tests check through a process (where mutation testing cannot see).
const before = catalog('ecr', [action('Kept', { accessLevel: 'Read' }), action('Gone'), action('Moved', { accessLevel: 'List', description: 'Lists things' })]);
const after = catalog('ecr', [action('Kept', { accessLevel: 'Read' }), action('Moved', { accessLevel: 'Read', description: 'Reads things' }), action('Fresh', { accessLevel: 'Write' })]);
const diffOf = () => diffCatalogs('old', [before], 'new', [after]);
const kinds = (cs: Change[]) => cs.map((c) => `${c.kind}/${c.severity}/${c.action}`);

describe('filtering a diff (--only, --min-severity)', () => {
  it('keeps everything without a filter, and recounts the summary by kind', () => {
    const all = diffOf();
    expect(kinds(all.changes)).toEqual(['action-added/medium/Fresh', 'action-removed/medium/Gone', 'access-level-changed/medium/Moved', 'description-changed/low/Moved']);
    expect(filterResult(all, {}).changes).toEqual(all.changes);
    expect(all.summary).toEqual({ 'action-added': 1, 'action-removed': 1, 'access-level-changed': 1, 'description-changed': 1 });
  });

  it('--only takes kinds and rule IDs', () => {
    const all = diffOf();
    expect(kinds(filterResult(all, { kinds: ['action-added'] }).changes)).toEqual(['action-added/medium/Fresh']);
    expect(kinds(filterResult(all, { kinds: ['access-level-raised'] }).changes)).toEqual(['access-level-changed/medium/Moved']);
    expect(filterResult(all, { kinds: ['action-added', 'description-changed'] }).summary).toEqual({ 'action-added': 1, 'description-changed': 1 });
    expect(filterResult(all, { kinds: [] }).changes).toEqual([]);
  });

  it('--min-severity keeps that severity and above', () => {
    const all = diffOf();
    expect(kinds(filterResult(all, { minSeverity: 'medium' }).changes)).toEqual(['action-added/medium/Fresh', 'action-removed/medium/Gone', 'access-level-changed/medium/Moved']);
    expect(filterResult(all, { minSeverity: 'low' }).changes).toHaveLength(4);
    expect(filterResult(all, { minSeverity: 'high' }).changes).toEqual([]);
    expect(filterResult(all, { minSeverity: 'medium', kinds: ['action-removed', 'description-changed'] }).summary).toEqual({ 'action-removed': 1 });
  });

  it('filters accepted changes the same way, and leaves a result without them as it was', () => {
    const all = diffOf();
    const withAccepted = { ...all, accepted: all.changes.slice(1, 3) };
    expect(kinds(filterResult(withAccepted, { kinds: ['action-removed'] }).accepted!)).toEqual(['action-removed/medium/Gone']);
    expect('accepted' in filterResult(all, { kinds: ['action-removed'] })).toBe(false);
  });
});

describe('the sides of a diff', () => {
  it('name their format, services (sorted), and the date or else the label', () => {
    const dated = (p: string, date?: string, label?: string) => catalog(p, [action('A')], { source: { format: 'aws-docs-html', file: `${p}.html`, ...(date ? { date } : {}), ...(label ? { label } : {}) } });
    const r = diffCatalogs('a', [dated('sqs', '2025-06-01', 'x'), dated('ecr', '2025-06-01')], 'b', [dated('ecr', undefined, 'v2'), catalog('sqs', [action('A')])]);
    expect(r.old).toEqual({ path: 'a', format: 'aws-docs-html', services: ['ecr', 'sqs'], date: '2025-06-01' });
    expect(r.new).toEqual({ path: 'b', format: 'mixed', services: ['ecr', 'sqs'] });
    const labelled = diffCatalogs('a', [dated('ecr', undefined, 'v1')], 'b', [dated('ecr', undefined, 'v2'), dated('sqs', undefined, 'v2')]);
    expect([labelled.old.label, labelled.new.label, labelled.new.date]).toEqual(['v1', 'v2', undefined]);
    const twoDates = diffCatalogs('a', [dated('ecr', '2025-01-01'), dated('sqs', '2025-02-02')], 'b', []);
    expect('date' in twoDates.old || 'label' in twoDates.old).toBe(false);
  });

  it('two catalogs of one service on a side is an error naming both files', () => {
    const twice = () => diffCatalogs('dir', [catalog('ecr', []), catalog('ecr', [], { source: { format: 'x', file: 'other.yaml' } })], 'b', []);
    expect(twice).toThrow(InputError);
    expect(twice).toThrow(/holds two catalogs of service ecr \(ecr\.yaml and other\.yaml\)/);
  });

  it('lists what was not compared by field, in the model’s field order, services sorted', () => {
    const names = (p: string) => catalog(p, [{ name: 'A' }], { carries: ['actions'], resourceTypes: undefined, conditionKeys: undefined, source: { format: 'typedoc-enum', file: `${p}.md` } });
    const r = diffCatalogs('a', [catalog('sqs', [action('A')]), catalog('ecr', [action('A')])], 'b', [names('sqs'), names('ecr')]);
    expect(r.notCompared.length).toBeGreaterThan(2);
    expect(r.notCompared.map((g) => g.field)).toEqual(['description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions', 'documentationUrl', 'serviceResourceTypes', 'serviceConditionKeys'].filter((f) => r.notCompared.some((g) => g.field === f)));
    for (const g of r.notCompared) expect(g.services).toEqual(['ecr', 'sqs']);
  });
});

describe('required flags and resource names', () => {
  it('a flag one side does not state is no change; a resource named in another case is the same resource', () => {
    const a = catalog('svc', [action('Do', { resourceTypes: [{ name: 'thing', required: true }, { name: 'Other', required: false }] })]);
    const b = catalog('svc', [action('Do', { resourceTypes: [{ name: 'thing' }, { name: 'other', required: true }] })]);
    expect(kinds(diffCatalogs('a', [a], 'b', [b]).changes)).toEqual(['resource-required-changed/medium/Do']);
    expect(diffCatalogs('a', [a], 'b', [b]).changes[0]).toMatchObject({ resource: 'Other', before: 'optional', after: 'required' });
  });

  it('two entries of one name pair the required ones first', () => {
    const a = catalog('svc', [action('Do', { resourceTypes: [{ name: 'dxcon', required: false }, { name: 'dxcon', required: true }] })]);
    const b = catalog('svc', [action('Do', { resourceTypes: [{ name: 'dxcon', required: true }] })]);
    expect(diffCatalogs('a', [a], 'b', [b]).changes.map((c) => [c.kind, c.before])).toEqual([['resource-removed', 'optional']]);
  });
});
