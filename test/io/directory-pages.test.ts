import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/io/read-input.js';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CURRENT = readFileSync(fixturePath('html/ecr-2026-06-14.html'), 'utf8'); // the site's current layout
const OLDER = readFileSync(fixturePath('html/ecr-2025-06-01.html'), 'utf8'); // the 2021 layout
const REDIRECT = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>301 Moved Permanently</title></head><body><h1>Moved Permanently</h1></body></html>\n';

/** A directory named like a version (`2026-06-14`), holding the given pages. */
function mkdirVersion(label: string, pages: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'iamdiff-pages-'));
  dirs.push(root);
  const dir = join(root, label);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
  return dir;
}

// A second page of the same prefix: ecr's page with one action renamed and a different title.
const V2 = CURRENT.replaceAll('amazonelasticcontainerregistry-PutImage"', 'amazonelasticcontainerregistry-PutImageV2"')
  .replace(/>\s*PutImage\s*<\/a>/, '>PutImageV2</a>')
  .replaceAll('Amazon Elastic Container Registry', 'Amazon ECR v2');

describe('a directory of reference pages', () => {
  it('is one version dated by the directory name; pages of one prefix merge into one catalog', () => {
    const dir = mkdirVersion('2026-06-14', { 'list_amazonelasticcontainerregistry.html': CURRENT, 'list_amazonelasticcontainerregistryv2.html': V2 });
    const [ecr, ...rest] = loadCatalogs(dir);
    expect(rest).toEqual([]);
    expect(ecr!.source).toMatchObject({ format: 'aws-docs-html', date: '2026-06-14' });
    expect(loadCatalogs(mkdirVersion('latest', { 'list_amazonelasticcontainerregistry.html': CURRENT }))[0]!.source).toMatchObject({ label: 'latest' });
    expect(ecr!.source.pages!.map((p) => p.split('/').at(-1))).toEqual(['list_amazonelasticcontainerregistry.html', 'list_amazonelasticcontainerregistryv2.html']);
    // The shorter file name leads: it names the service.
    expect(ecr!.service.name).toBe('Amazon Elastic Container Registry');
    const names = ecr!.actions.map((a) => a.name);
    expect(names).toContain('PutImage');
    expect(names).toContain('PutImageV2');
    expect(ecr!.actions.find((a) => a.name === 'PutImageV2')!.file).toMatch(/list_amazonelasticcontainerregistryv2\.html$/);
    expect(ecr!.actions.find((a) => a.name === 'PutImage')!.file).toMatch(/list_amazonelasticcontainerregistry\.html$/);
  });

  it('leaves out a page in the older layout beside one in the current layout (a retired copy)', () => {
    const dir = mkdirVersion('2026-06-14', { 'list_a.html': OLDER, 'list_amazonelasticcontainerregistry.html': CURRENT });
    const [ecr] = loadCatalogs(dir);
    const current = loadCatalogs(mkdirVersion('x', { 'list_amazonelasticcontainerregistry.html': CURRENT }))[0]!;
    expect(ecr!.actions.map((a) => a.name)).toEqual(current.actions.map((a) => a.name));
    expect(ecr!.source.pages).toHaveLength(2);
  });

  it('skips a saved redirect page with a note on stderr; given alone it is an error', () => {
    const dir = mkdirVersion('2026-06-14', { 'list_amazonelasticcontainerregistry.html': CURRENT, 'list_awsiot1-click.html': REDIRECT });
    const r = runCli(['parse', dir, '--to', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`iamdiff: note: skipped ${join(dir, 'list_awsiot1-click.html')}:1: a "301 Moved Permanently" redirect page, not a catalog\n`);
    const alone = runCli(['parse', join(dir, 'list_awsiot1-click.html')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/list_awsiot1-click\.html:1: a "301 Moved Permanently" redirect page, not a catalog\n$/);
  });

  it('diffs two dated directories by prefix, dated by the directory names', () => {
    const old = mkdirVersion('2025-06-01', { 'list_amazonelasticcontainerregistry.html': OLDER });
    const now = mkdirVersion('2026-06-14', { 'list_amazonelasticcontainerregistry.html': CURRENT });
    const r = runCli(['diff', old, now, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect([result.old.date, result.new.date]).toEqual(['2025-06-01', '2026-06-14']);
    expect(result.changes.filter((c: { kind: string }) => c.kind === 'action-added').map((c: { action: string }) => c.action)).toEqual(['DeleteSigningConfiguration', 'DeregisterPullTimeUpdateExclusion', 'DescribeImageSigningStatus', 'GetSigningConfiguration', 'ListPullTimeUpdateExclusions', 'PutSigningConfiguration', 'RegisterPullTimeUpdateExclusion', 'UpdateImageStorageClass']);
  });
});

describe('iamdiff snapshot on a directory', () => {
  it('writes one snapshot per service, named by prefix and the directory label, that diff like the pages', () => {
    const dir = mkdirVersion('2026-06-14', {
      'list_amazonelasticcontainerregistry.html': CURRENT,
      'list_amazonec2instanceconnect.html': readFileSync(fixturePath('html/ec2instanceconnect-2026-06-14.html'), 'utf8'),
      'list_awsiot1-click.html': REDIRECT,
    });
    const out = join(dir, '..', 'snaps');
    const r = runCli(['snapshot', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.replace(out, 'OUT'))).toEqual([
      expect.stringMatching(/^wrote OUT\/ec2-instance-connect\/2026-06-14\.aws-docs-html\.yaml \(ec2-instance-connect, \d+ actions, aws-docs-html\)$/),
      expect.stringMatching(/^wrote OUT\/ecr\/2026-06-14\.aws-docs-html\.yaml \(ecr, \d+ actions, aws-docs-html\)$/),
    ]);
    expect(r.stderr).toMatch(/note: skipped .*list_awsiot1-click\.html/);
    const same = runCli(['diff', dir, out, '--exit-code']);
    expect(same.stdout).toContain('Summary: no changes');
    expect(same.code).toBe(0);
  });
});

describe('a bad page inside a directory', () => {
  it('is an error naming the page and line, never skipped silently (only redirect stubs are skipped)', () => {
    const cut = CURRENT.slice(0, CURRENT.indexOf('</table>'));
    const dir = mkdirVersion('2026-06-14', { 'list_amazonelasticcontainerregistry.html': CURRENT, 'list_broken.html': cut });
    const r = runCli(['diff', dir, dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^iamdiff: .*list_broken\.html:\d+: .*truncated page\?\)\n$/);
  });
});

describe('iamdiff snapshot --alongside', () => {
  it('tells retired pages by the other version, writing only the version named', () => {
    // 2025: both pages in the older layout; 2026: the frozen copy beside its successor in the current layout.
    const successor2025 = OLDER.replace(/>\s*DescribeImages\s*<\/a>/, '>DescribeImagesV2</a>');
    const v1 = mkdirVersion('2025-06-01', { 'list_old.html': OLDER, 'list_amazonelasticcontainerregistry.html': successor2025 });
    const v2 = mkdirVersion('2026-06-14', { 'list_old.html': OLDER, 'list_amazonelasticcontainerregistry.html': CURRENT });
    const alone = join(v1, '..', 'alone');
    const together = join(v1, '..', 'together');
    expect(runCli(['snapshot', v1, '--out', alone]).code).toBe(0);
    const r = runCli(['snapshot', v1, '--alongside', v2, '--out', together]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const read = (dir: string) => readFileSync(join(dir, 'ecr', '2025-06-01.aws-docs-html.yaml'), 'utf8');
    expect(read(alone)).not.toContain('"retired"');
    expect(read(together)).toMatch(/^source: .*"retired":\[".*list_old\.html"\]/m);
    expect(read(together)).not.toMatch(/"name":"DescribeImages",/);
  });
});
