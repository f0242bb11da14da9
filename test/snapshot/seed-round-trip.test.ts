import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../../src/io/read-input.js';
import { catalogFromYaml, catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const SEEDS: [file: string, snapshot: string][] = [
  ['policy-sentry-ecr.md', 'policy-sentry-ecr.policy-sentry-md.yaml'],
  ['aws-docs-ecr.md', 'aws-docs-ecr.aws-docs-md.yaml'],
  ['box-table-ecr.txt', '2022-11-10.box-table.yaml'],
  ['typedoc-AwsEcrActions.md', '2024-02-12.typedoc-enum.yaml'],
  ['managed-policies-ecr.md', 'managed-policies-ecr.managed-policies-md.yaml'],
];

const out = mkdtempSync(join(tmpdir(), 'iamdiff-seeds-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('seeds: parse → snapshot YAML → read back', () => {
  for (const [seed] of SEEDS) {
    it(`${seed} reads back as an equal catalog`, () => {
      const file = `test/fixtures/${seed}`;
      const catalog = loadCatalogFile(join(ROOT, file), { service: 'ecr' });
      const yaml = catalogToYaml(catalog);
      const back = catalogFromYaml(yaml, 'x.yaml');
      expect(back).toEqual(catalog);
      expect(catalogToYaml(back)).toBe(yaml); // and writes back byte-identical
      expect(catalog.actions.length).toBeGreaterThan(0);
    });
  }
});

describe('bundled snapshots/ecr', () => {
  it('are exactly what `iamdiff snapshot` writes from the five seeds today', () => {
    const r = runCli(['snapshot', ...SEEDS.map(([seed]) => `test/fixtures/${seed}`), '--service', 'ecr', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = readdirSync(join(out, 'ecr')).sort();
    expect(written).toEqual(SEEDS.map(([, s]) => s).sort());
    for (const name of written) {
      expect(readFileSync(join(out, 'ecr', name), 'utf8'), name).toBe(readFileSync(join(ROOT, 'snapshots', 'ecr', name), 'utf8'));
    }
  });
});
