import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { mirrorGaps } from '../helpers/mirror.js';
import { fixturePath } from '../helpers/paths.js';

const SEEDS = ['policy-sentry-ecr.md', 'aws-docs-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md'];

describe('A→B mirrors B→A', () => {
  it('for every pair of seed sources: each change has its inverse (added ↔ removed, moved ↔ moved, before ↔ after)', () => {
    const seeds = SEEDS.map((s) => loadCatalogFile(fixturePath(s), { service: 'ecr' }));
    let compared = 0;
    for (const a of seeds) {
      for (const b of seeds) {
        if (a === b) continue;
        const gaps = mirrorGaps(diffCatalogs('a', [a], 'b', [b]).changes, diffCatalogs('b', [b], 'a', [a]).changes);
        expect(gaps, `${a.source.file} ↔ ${b.source.file}`).toEqual({ forward: [], backward: [] });
        compared++;
      }
    }
    expect(compared).toBe(12);
  });

  it('for rows that move, gain and lose keys and dependent actions', () => {
    const repo = (keys: string[], deps: string[] = []) => ({ name: 'repository', required: true, conditionKeys: keys, dependentActions: deps });
    const a = catalog('svc', [action('X', { conditionKeys: ['k:A'], resourceTypes: [repo(['k:B', 'k:C'], ['iam:PassRole'])] })]);
    const b = catalog('svc', [action('X', { conditionKeys: ['k:B'], dependentActions: ['iam:PassRole'], resourceTypes: [repo(['k:C', 'k:A']), { name: 'image', required: false, conditionKeys: ['k:D'] }] })]);
    const forward = diffCatalogs('a', [a], 'b', [b]).changes;
    expect(forward.map((c) => c.kind).sort()).toEqual(['condition-key-added', 'condition-key-moved', 'condition-key-moved', 'dependent-action-moved', 'resource-added']);
    expect(mirrorGaps(forward, diffCatalogs('b', [b], 'a', [a]).changes)).toEqual({ forward: [], backward: [] });
  });
});
