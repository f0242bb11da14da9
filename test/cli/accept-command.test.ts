import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import { changeFingerprint } from '../../src/diff/change-identity.js';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const OLD = fixturePath('policy-sentry-ecr.md');
const NEW = fixturePath('box-table-ecr.txt');
const work = mkdtempSync(join(tmpdir(), 'iamdiff-accept-'));
let n = 0;
const project = () => {
  const dir = join(work, `p${n++}`);
  mkdirSync(dir);
  return dir;
};

describe('iamdiff accept', () => {
  it('appends the fingerprints of the diff to the config, keeping what the user wrote; the gate then passes', () => {
    const dir = project();
    const mine = ['# ours: keep this comment', 'defaults:', '  fail-on: high   # the gate', '', 'rules:', '  description-changed: none', 'accept:', '  - service: s3 # s3 is not ours', '    reason: not our service', ''].join('\n');
    writeFileSync(join(dir, '.iamdiff.yaml'), mine);
    expect(runCli(['diff', OLD, NEW, '--service', 'ecr'], { cwd: dir }).code).toBe(1);
    const r = runCli(['accept', OLD, NEW, '--service', 'ecr', '--min-severity', 'high', '--reason', 'reviewed in #12', '--expires', '2999-12-31'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`accepted 2 changes in ${join(dir, '.iamdiff.yaml')}\n`);
    const text = readFileSync(join(dir, '.iamdiff.yaml'), 'utf8');
    // what was there is there, byte for byte, with the new entries after it
    expect(text.startsWith(mine.replace(/\n$/, ''))).toBe(true);
    expect(text).toMatch(/ {2}# ecr:CreateRepository on repository resource-removed required\n {2}- fingerprint: [0-9a-f]{12}\n {4}reason: "reviewed in #12"\n {4}expires: 2999-12-31\n/);
    expect(text).toContain('# ecr:DescribeImages access-level-lowered Read → List');
    expect(readdirSync(dir)).toEqual(['.iamdiff.yaml']); // no temporary file left
    // the gate passes; the accepted changes are listed apart
    const after = runCli(['diff', OLD, NEW, '--service', 'ecr'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('ACCEPTED (2)');
    // again: nothing new to add
    const again = runCli(['accept', OLD, NEW, '--service', 'ecr', '--min-severity', 'high', '--reason', 'again'], { cwd: dir });
    expect(again.stderr).toBe('accept: nothing to add (2 already accepted)\n');
    expect(readFileSync(join(dir, '.iamdiff.yaml'), 'utf8')).toBe(text);
  });

  it('creates .iamdiff.yaml when there is none; --config names the file', () => {
    const dir = project();
    const first = runCli(['accept', OLD, NEW, '--service', 'ecr', '--only', 'condition-key-added', '--reason', 'tags'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(dir, '.iamdiff.yaml'), 'utf8').match(/- fingerprint: /g)).toHaveLength(4);
    const other = join(dir, 'ci.yaml');
    writeFileSync(other, '');
    expect(runCli(['accept', OLD, NEW, '--service', 'ecr', '--only', 'action-unresolved', '--reason', 'x', '--config', other], { cwd: dir }).code).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/^accept:\n {2}# ecr:BatchGetRepositoryScanningConfigur… action-unresolved/);
  });

  it('--marked: only the changes marked reviewed in the review app', async () => {
    const dir = project();
    const result = await computeDiff(OLD, NEW, { service: 'ecr' });
    const marked = result.changes.filter((c) => c.kind === 'access-level-changed');
    mkdirSync(join(dir, '.iamdiff-review'));
    const state = { version: 2, updated: '2026-01-01T00:00:00Z', reviewed: marked.map(changeFingerprint), exported: [], seen: result.changes.map(changeFingerprint) };
    writeFileSync(join(dir, '.iamdiff-review', 'marks.json'), JSON.stringify(state));
    const r = runCli(['accept', OLD, NEW, '--service', 'ecr', '--marked', '--reason', 'reviewed'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, '.iamdiff.yaml'), 'utf8');
    expect([...text.matchAll(/fingerprint: ([0-9a-f]{12})/g)].map((m) => m[1]).sort()).toEqual(marked.map((c) => c.fingerprint).sort());
    const none = project();
    expect(runCli(['accept', OLD, NEW, '--marked', '--reason', 'x'], { cwd: none }).stderr).toMatch(/^iamdiff: accept --marked: no changes marked reviewed in .*marks\.json/);
  });

  it('usage errors: no reason, a bad date, a config that is not valid', () => {
    const dir = project();
    expect(runCli(['accept', OLD, NEW], { cwd: dir }).stderr).toBe('iamdiff: accept: --reason TEXT is required (why these changes are accepted) (see iamdiff accept --help)\n');
    expect(runCli(['accept', OLD, NEW, '--reason', 'x', '--expires', 'soon'], { cwd: dir }).stderr).toBe('iamdiff: accept: --expires must be a date YYYY-MM-DD (got "soon") (see iamdiff accept --help)\n');
    writeFileSync(join(dir, '.iamdiff.yaml'), 'accept: 12\n');
    const bad = runCli(['accept', OLD, NEW, '--service', 'ecr', '--reason', 'x'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.iamdiff\.yaml:1: accept: /);
    expect(readFileSync(join(dir, '.iamdiff.yaml'), 'utf8')).toBe('accept: 12\n');
  });
});
