import { parse as parseYaml, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { policySentryMd } from '../../parsers/policy-sentry-md.js';
import { catalogFromYaml, catalogToYaml, isSnapshotText } from '../../src/snapshot/snapshot-yaml.js';
import { fixture } from '../helpers/paths.js';

const catalog = policySentryMd.parse(fixture('policy-sentry-ecr.md'), { file: 'policy-sentry-ecr.md' });
const text = catalogToYaml(catalog);

describe('snapshot YAML', () => {
  it('is YAML that the yaml library reads to the same catalog', () => {
    const { iamdiff, ...rest } = parseYaml(text);
    expect(iamdiff).toBe('snapshot/1');
    expect(rest).toEqual(catalog);
    expect(catalogFromYaml(text, 'x.yaml')).toEqual(catalog);
  });

  it('writes one action per line, byte-identical for equal catalogs', () => {
    const actionLines = text.split('\n').filter((l) => l.startsWith('  - {"name":'));
    expect(actionLines).toHaveLength(29);
    expect(catalogToYaml(catalogFromYaml(text, 'x.yaml'))).toBe(text);
  });

  it('reads a hand-edited snapshot in block style through the YAML parser', () => {
    const block = '# edited by hand\n' + stringify(parseYaml(text));
    expect(block).toContain('\n  - name: BatchCheckLayerAvailability\n');
    expect(isSnapshotText(block)).toBe(true);
    expect(catalogFromYaml(block, 'x.yaml')).toEqual(catalog);
  });

  it('normalizes a hand-edited snapshot whose lines are out of order', () => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('  - {'));
    [lines[first], lines[first + 1]] = [lines[first + 1]!, lines[first]!];
    expect(catalogFromYaml(lines.join('\n'), 'x.yaml')).toEqual(catalog);
  });

  it('names the line of a YAML syntax error', () => {
    const broken = text.replace('actions:\n', 'actions:\n  - {"name": [\n');
    expect(() => catalogFromYaml(broken, 'x.yaml')).toThrow(/^x\.yaml:8: not valid YAML: Flow sequence/);
  });
});
