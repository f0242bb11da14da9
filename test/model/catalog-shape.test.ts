import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { hasCatalogShape } from '../../src/model/catalog-shape.js';
import { catalogSchema } from '../../src/model/schema.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { fixturePath } from '../helpers/paths.js';

/** Real catalogs of every shape: the seeds, and a hand-written one using every optional field. */
const bases = [
  ...['policy-sentry-ecr.md', 'aws-docs-ecr.md', 'box-table-ecr.txt', 'typedoc-AwsEcrActions.md', 'managed-policies-ecr.md', 'html/ecr-2026-06-14.html'].map((f) => loadCatalogFile(fixturePath(f), { service: 'ecr' })),
  catalog('svc', [
    action('A', { truncated: true, otherAccessLevels: ['Write'], accessFlags: ['IsWrite'], supportedBy: ['X'], documentationUrl: 'u', spellings: ['a'], line: 3, file: 'f', pages: [{ page: 'p', accessLevel: 'Read', description: 'd' }], resourceTypes: [{ name: 'r', required: true, conditionKeys: ['k'], dependentActions: ['d'] }, { name: 's' }] }),
  ], { source: { format: 'x', file: 'f', date: 'd', label: 'l', olderLayout: true, pages: ['a'], retired: ['b'], formatVersion: 'v1' }, resourceTypes: [{ name: 'r', arnPattern: 'arn', arnFormats: ['a'], conditionKeys: ['k'] }], conditionKeys: [{ name: 'k', type: 'String', description: 'd' }], managedPolicies: { policies: [{ arn: 'a', name: 'n' }], patterns: ['p'] }, operations: [{ name: 'Op', actions: ['svc:A'] }] }),
].map((c) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>);

/** Every path to a value inside `data`. */
function paths(data: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (data === null || typeof data !== 'object') return [at];
  const entries = Array.isArray(data) ? data.map((v, i) => [i, v] as const) : Object.entries(data);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function setAt(data: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value !== DELETE) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1); // as data read from a file has it: no holes
  else delete node[last];
  return copy;
}

const DELETE = Symbol('delete');
const values = fc.constantFrom<unknown>(DELETE, undefined, null, '', 'x', 'ecr', 'UPPER', 0, -1, 1.5, 7, true, false, [], {}, ['a'], [''], [1], 'List', 'Nope', { name: 'n' }, { extra: 1 }, 'a'.repeat(70));

describe('the plain catalog shape check agrees with the zod schema', () => {
  it('accepts every real catalog zod accepts', () => {
    for (const c of bases) {
      expect(catalogSchema().safeParse(c).success).toBe(true);
      expect(hasCatalogShape(c)).toBe(true);
    }
  });

  it('gives zod’s verdict on catalogs with one value changed anywhere (a key added, removed or given another type)', () => {
    const all = bases.map((b) => ({ b, ps: paths(b) }));
    let refused = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.nat(), values, fc.boolean(), (bi, pi, value, addKey) => {
        const { b, ps } = all[bi]!;
        let path = ps[pi % ps.length]!;
        if (addKey && path.length > 0) path = [...path.slice(0, -1), 'unexpectedKey'];
        const data = setAt(b, path, value);
        const zod = catalogSchema().safeParse(data).success;
        if (!zod) refused++;
        expect(hasCatalogShape(data), JSON.stringify(path) + ' = ' + String(value === DELETE ? 'deleted' : JSON.stringify(value))).toBe(zod);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? 11) },
    );
    expect(refused).toBeGreaterThan(500); // the mutations do reach what zod refuses
  });
});
