import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

describe('iamdiff snapshot', () => {
  const out = mkdtempSync(join(tmpdir(), 'iamdiff-snap-'));
  const expected = join(out, 'ecr', 'policy-sentry-ecr.policy-sentry-md.yaml');

  it('writes <prefix>/<label>.<format>.yaml and reads back through parse', () => {
    const r = runCli(['snapshot', fixturePath('policy-sentry-ecr.md'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${expected} (ecr, 29 actions, policy-sentry-md)\n`);
    const back = runCli(['parse', expected, '--to', 'json']);
    const direct = runCli(['parse', fixturePath('policy-sentry-ecr.md'), '--to', 'json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(direct.stdout));
    expect(readdirSync(join(out, 'ecr'))).toEqual(['policy-sentry-ecr.policy-sentry-md.yaml']);
  });

  it('refuses to overwrite without --force, and leaves the file as it was', () => {
    writeFileSync(expected, readFileSync(expected, 'utf8') + '# my note\n');
    const r = runCli(['snapshot', fixturePath('policy-sentry-ecr.md'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`iamdiff: ${expected}: already exists; use --force to overwrite it\n`);
    expect(readFileSync(expected, 'utf8')).toMatch(/# my note\n$/);
    expect(readdirSync(join(out, 'ecr'))).toEqual(['policy-sentry-ecr.policy-sentry-md.yaml']);
    const forced = runCli(['snapshot', fixturePath('policy-sentry-ecr.md'), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(expected, 'utf8')).not.toContain('# my note');
  });

  it('uses --label for undated sources and needs --out', () => {
    const r = runCli(['snapshot', fixturePath('policy-sentry-ecr.md'), '--out', out, '--label', 'v1']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'ecr', 'v1.policy-sentry-md.yaml'))).toBe(true);
    const missing = runCli(['snapshot', fixturePath('policy-sentry-ecr.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/-o DIR is required/);
  });

  it('rejects a snapshot that breaks the schema, naming the line', () => {
    const text = readFileSync(expected, 'utf8').replace('"accessLevel":"Tagging"', '"accessLevel":"Admin"');
    const bad = join(out, 'bad.yaml');
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l.includes('"accessLevel":"Admin"')) + 1;
    const r = runCli(['parse', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^iamdiff: ${bad}:${line}: snapshot does not match the catalog schema at actions\\.\\d+\\.accessLevel: `));
  });
});
