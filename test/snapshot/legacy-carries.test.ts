import { describe, expect, it } from 'vitest';
import { catalogFromYaml } from '../../src/snapshot/snapshot-yaml.js';
import { fixture, ROOT } from '../helpers/paths.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseServiceReference } from '../../parsers/service-reference-json.js';
import { catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';

describe('snapshots written before the required flag was a field of its own', () => {
  const current = readFileSync(join(ROOT, 'snapshots', 'ecr', 'policy-sentry-ecr.policy-sentry-md.yaml'), 'utf8');
  const legacy = current.replace('"resourceRequired",', '');

  it('carry it when every resource entry states it', () => {
    expect(legacy).not.toContain('resourceRequired');
    expect(catalogFromYaml(legacy, 'old.yaml').carries).toContain('resourceRequired');
    expect(catalogFromYaml(legacy, 'old.yaml')).toEqual(catalogFromYaml(current, 'new.yaml'));
  });

  it('a Service Reference snapshot never gains it', () => {
    const sr = catalogToYaml(parseServiceReference(fixture('service-reference/2025-09-10/ecr.json'), 'ecr.json'));
    expect(catalogFromYaml(sr, 'ecr.yaml').carries).not.toContain('resourceRequired');
  });
});
