import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import type { Catalog } from '../../src/model/catalog.js';
import { catalogLookup } from '../../src/review/action-lookup.js';
import { catalogToYaml } from '../../src/snapshot/snapshot-yaml.js';
import { codePointEscape, escapeUnsafeJson, hasUnsafeText, oneLine, stripControl } from '../../src/text/sanitize.js';
import { action, catalog } from '../helpers/catalog-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { KEY, renderApp } from '../review/render-helpers.js';

/**
 * Hostile text in every field a catalog, a policy or a source can carry, through every
 * output: the bytes written hold no ESC but the project's own colour codes, no BEL, no OSC,
 * no C1 control, no bidi, zero-width or other invisible format character. Each field
 * carries a marker («name») so the test also sees that the field was printed at all.
 */
const NASTY =
  '\u001b[2J\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u001b]52;c;ZXZpbA==\u0007\u001b]0;title\u0007\u0007\b\u009b31m\u009d0;t\u009c\u202eevil\u202c\u200b\u2066x\u2069\u{e0041}\u2028\ufeff\u00ad';
const h = (marker: string) => `«${marker}»${NASTY}`;

/** What may never reach a terminal, once the project's own colour codes (SGR) are taken out when allowed. */
function unsafeBytes(out: string, { colour = false } = {}): string[] {
  const text = colour ? out.replace(/\u001b\[[0-9;]*m/g, '') : out;
  // eslint-disable-next-line no-control-regex
  const bad = text.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/gu) ?? [];
  return [...new Set(bad)].map((c) => codePointEscape(c));
}

function expectSafe(out: string, what: string, options: { colour?: boolean } = {}) {
  expect(unsafeBytes(out, options), what).toEqual([]);
}

const dir = mkdtempSync(join(tmpdir(), 'iamdiff-inject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => cleanup());

function hostileCatalogs(): { before: Catalog; after: Catalog } {
  const base = { source: { format: 'hand-written', file: 'x', label: h('label'), date: undefined } };
  const before = catalog(
    'ecr',
    [
      action('Kept', { description: `Keeps ${h('keepword')} the ${h('oldword')} thing`, resourceTypes: [{ name: h('old-resource'), required: true }], conditionKeys: [h('old-key')], dependentActions: [h('old-dep')] }),
      action(h('removed-action'), { accessLevel: 'Write' }),
      action('Level', { accessLevel: 'Write' }),
    ],
    { ...base, service: { prefix: 'ecr', name: h('service-name') }, resourceTypes: [{ name: 'repo', arnPattern: h('old-arn') }], conditionKeys: [{ name: h('old-service-key'), type: 'String' }], managedPolicies: { policies: [{ arn: h('old-policy-arn'), name: h('old-policy-name') }], patterns: [h('old-pattern')] } },
  );
  const after = catalog(
    'ecr',
    [
      action('Kept', {
        description: `Keeps ${h('keepword')} the ${h('newword')} thing`,
        documentationUrl: h('url'),
        resourceTypes: [{ name: h('new-resource'), required: false, conditionKeys: [h('resource-key')], dependentActions: [h('resource-dep')] }],
        conditionKeys: [h('new-key')],
        dependentActions: [h('new-dep')],
      }),
      action(h('added-action'), { accessLevel: 'Read', description: h('added-description') }),
      action('Level', { accessLevel: 'List' }),
    ],
    {
      ...base,
      source: { ...base.source, label: h('new-label') },
      service: { prefix: 'ecr', name: h('new-service-name') },
      resourceTypes: [{ name: 'repo', arnPattern: h('new-arn') }, { name: h('new-resource-type'), arnPattern: h('type-arn') }],
      conditionKeys: [{ name: h('new-service-key'), type: h('key-type'), description: h('key-description') }],
      managedPolicies: { policies: [{ arn: h('new-policy-arn'), name: h('new-policy-name') }], patterns: [h('new-pattern'), 'ecr:*'] },
    },
  );
  return { before, after };
}

/** Snapshot files of the hostile catalogs, as a user would hand them over. */
function hostileFiles() {
  const { before, after } = hostileCatalogs();
  const oldFile = join(dir, 'old.yaml');
  const newFile = join(dir, 'new.yaml');
  writeFileSync(oldFile, catalogToYaml(before));
  writeFileSync(newFile, catalogToYaml(after));
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ Statement: [{ Sid: h('sid'), Effect: 'Allow', Action: ['ecr:*', `ecr:${h('policy-pattern')}`, h('not-a-pattern')] }] }));
  return { oldFile, newFile, policy };
}

describe('the sanitizer', () => {
  it('removes escape sequences and controls, shows invisible characters as \\uXXXX', () => {
    expect(stripControl('a\u001b[31mred\u001b[0m\u0007b')).toBe('aredb');
    expect(stripControl('x\u001b]0;title\u0007y')).toBe('xy');
    expect(stripControl('x\u009b31my')).toBe('x31my');
    expect(stripControl('ecr:Get\u202eevil')).toBe('ecr:Get\\u202eevil');
    expect(stripControl('a\u200bb\u{e0041}')).toBe('a\\u200bb\\u{e0041}');
    expect(oneLine('a\n\tb\u2028c')).toBe('a b\\u2028c');
    expect(stripControl('plain text, ünïcode, 中文')).toBe('plain text, ünïcode, 中文');
    expect(hasUnsafeText(stripControl(NASTY))).toBe(false);
  });

  it('writes snapshots losslessly: escaped in the bytes, the same string once read', () => {
    const json = escapeUnsafeJson(JSON.stringify({ s: NASTY }));
    expectSafe(json, 'escaped JSON');
    expect(JSON.parse(json).s).toBe(NASTY);
  });
});

describe('hostile text in every field, every output', () => {
  const { oldFile, newFile, policy } = hostileFiles();
  const markers = ['keepword', 'oldword', 'newword', 'removed-action', 'added-action', 'old-resource', 'new-resource', 'new-key', 'new-dep', 'old-arn', 'new-arn', 'new-resource-type', 'new-service-key', 'new-policy-arn', 'new-pattern', 'new-label'];

  it('snapshot files hold no raw control character, yet read back the same', () => {
    expectSafe(readFileSync(oldFile, 'utf8'), 'old snapshot');
    const parsed = runCli(['parse', newFile, '--to', 'json']);
    expect(parsed.code).toBe(0);
    expectSafe(parsed.stdout, 'parse --to json');
    const out = join(dir, 'snaps');
    const r = runCli(['snapshot', newFile, '--out', out]);
    expect(r.code).toBe(0);
    expectSafe(r.stdout, 'snapshot stdout');
    const written = readdirSync(join(out, 'ecr'));
    expect(written).toHaveLength(1);
    const bytes = readFileSync(join(out, 'ecr', written[0]!), 'utf8');
    expectSafe(bytes, 'written snapshot');
    expect(bytes).toContain('\\u202e'); // escaped, not dropped
  });

  // html, github and junit (issue #14) show fewer fields: safe bytes, not every marker
  for (const format of ['text', 'markdown', 'json', 'yaml', 'html', 'github', 'junit']) {
    it(`diff --format ${format}, with policies`, () => {
      const r = runCli(['diff', oldFile, newFile, '--format', format, '--policies', policy]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectSafe(r.stdout, `diff ${format}`);
      if (['html', 'github', 'junit'].includes(format)) return;
      for (const m of markers) expect(r.stdout, m).toContain(m);
      if (format !== 'json' && format !== 'yaml') expect(r.stdout).toContain('sid');
    });
  }

  it('diff in colour: only the colour codes are escapes', () => {
    const r = runCli(['diff', oldFile, newFile, '--color', '--policies', policy]);
    expect(r.stdout).toMatch(/\u001b\[\d+m/);
    expectSafe(r.stdout, 'coloured diff', { colour: true });
  });

  it('log, compare, check and expand', () => {
    const runs = [
      ['log', oldFile, newFile],
      ['log', oldFile, newFile, '--format', 'json'],
      ['log', oldFile, newFile, '--format', 'yaml'],
      ['log', oldFile, newFile, '--action', `ecr:${h('added-action')}`],
      ['compare', oldFile, newFile],
      ['compare', oldFile, newFile, '--format', 'markdown'],
      ['compare', oldFile, newFile, '--format', 'json'],
      ['check', policy, '--catalog', newFile],
      ['check', policy, '--catalog', newFile, '--format', 'json'],
      ['expand', `ecr:${h('x')}*`, 'ecr:*', '--catalog', oldFile, '--catalog', newFile],
      ['expand', 'ecr:*', '--catalog', newFile, '--format', 'json'],
    ];
    for (const args of runs) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expectSafe(r.stdout + r.stderr, args.join(' '));
      expect(r.stdout, args.join(' ')).toContain('«');
    }
  });

  it('error messages quoting document text', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, catalogToYaml(hostileCatalogs().after).replace('"prefix":"ecr"', `"prefix":${JSON.stringify(h('prefix'))}`));
    const r = runCli(['parse', bad]);
    expect(r.code).toBe(2);
    expectSafe(r.stderr, 'error');
    const md = join(dir, 'bad.md');
    writeFileSync(md, `# Service: ecr\n\n## Allowed Actions\n\n| Action |\n| --- |\n| ${h('pattern')} |\n`);
    const e = runCli(['parse', md]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('«pattern»');
    expectSafe(e.stderr, 'error quoting a cell');
  });

  it('the review app: every frame, every change selected', async () => {
    const { before, after } = hostileCatalogs();
    const result = diffCatalogs(h('old-path'), [before], h('new-path'), [after]);
    const app = await renderApp({ result, lookup: catalogLookup([before], [after]), size: { columns: 120, rows: 40 } });
    const frames = [app.frame()];
    for (let i = 0; i < result.changes.length; i++) {
      await app.press(KEY.down);
      frames.push(app.frame());
    }
    await app.press('/', ...'«'.split(''));
    frames.push(app.frame());
    for (const [i, f] of frames.entries()) expectSafe(f, `frame ${i}`, { colour: true });
    expect(frames.join('\n')).toContain('\\u202e');
  });
});
