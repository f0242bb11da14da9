import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const HAS_GIT = spawnSync('git', ['--version']).status === 0;
const repo = mkdtempSync(join(tmpdir(), 'iamdiff-git-repo-'));
const git = (...args: string[]) => {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const snap = (source: string, ...extra: string[]) => {
  rmSync(join(repo, 'snapshots'), { recursive: true, force: true });
  const r = runCli(['snapshot', source, '-o', 'snapshots', ...extra], { cwd: repo });
  expect(r.code, r.stderr).toBe(0);
};

describe.skipIf(!HAS_GIT)('REV:path inputs read from git, without checking out', () => {
  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    snap(fixturePath('service-reference/2025-07-08'));
    git('add', '-A');
    git('commit', '-q', '-m', 'july');
    snap(fixturePath('service-reference/2025-09-10'));
    git('add', '-A');
    git('commit', '-q', '-m', 'september');
    // the working tree moves on: REV:path must not read it
    snap(fixturePath('policy-sentry-ecr.md'));
  });

  it('a directory of snapshots at two revisions diffs as the directories themselves', () => {
    const fromGit = runCli(['diff', 'HEAD~1:snapshots', 'HEAD:snapshots', '--format', 'json'], { cwd: repo });
    expect(fromGit.code, fromGit.stderr).toBe(0);
    const direct = runCli(['diff', fixturePath('service-reference/2025-07-08'), fixturePath('service-reference/2025-09-10'), '--format', 'json']);
    const a = JSON.parse(fromGit.stdout);
    const b = JSON.parse(direct.stdout);
    expect(a.changes).toEqual(b.changes);
    expect(a.changes.length).toBe(22);
    expect(a.old.path).toBe('HEAD~1:snapshots');
    expect(a.new.path).toBe('HEAD:snapshots');
    // a branch name and the working tree side by side
    expect(JSON.parse(runCli(['diff', 'main~1:snapshots', 'main:snapshots', '--format', 'json'], { cwd: repo }).stdout).changes).toEqual(b.changes);
    // nothing checked out: the working tree still holds the later snapshot only
    expect(readdirSync(join(repo, 'snapshots'))).toEqual(['ecr']);
    expect(git('status', '--porcelain')).toContain('snapshots/');
  });

  it('a single snapshot file at a revision', () => {
    const file = git('ls-tree', '-r', '--name-only', 'HEAD', 'snapshots/ecr').trim();
    const r = runCli(['diff', `HEAD~1:${git('ls-tree', '-r', '--name-only', 'HEAD~1', 'snapshots/ecr').trim()}`, `HEAD:${file}`], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^iamdiff ecr: service-reference-json/);
    // log takes them too: each revision's snapshot a version
    const log = runCli(['log', `HEAD~1:snapshots/ecr`, `HEAD:snapshots/ecr`, '--format', 'json'], { cwd: repo });
    expect(log.code, log.stderr).toBe(0);
    expect(JSON.parse(log.stdout)).toHaveLength(1);
  });

  it('compare, check and expand take REV:path as diff does, and give what the same files give', () => {
    const [july, september] = [fixturePath('service-reference/2025-07-08'), fixturePath('service-reference/2025-09-10')];
    const same = (viaGit: string[], direct: string[]) => {
      const a = runCli(viaGit, { cwd: repo });
      const b = runCli(direct);
      expect(a.code, a.stderr).toBe(b.code);
      expect(a.stdout.length).toBeGreaterThan(50);
      return [a.stdout, b.stdout];
    };
    const [cg, cd] = same(['compare', 'HEAD~1:snapshots', 'HEAD:snapshots', '--service', 'ecr', '--format', 'json'], ['compare', july, september, '--service', 'ecr', '--format', 'json']);
    // the snapshots keep the file each catalog came from: the same answer, to the byte
    expect(cg).toBe(cd);
    expect(JSON.parse(cg!).sources.map((x: { name: string }) => x.name)).toEqual(['service-reference-json 2025-07-08', 'service-reference-json 2025-09-10']);
    const policy = join(repo, 'policy.json');
    writeFileSync(policy, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecr:Describe*', 'ecr:NoSuchAction'], Resource: '*' }] }));
    const [kg, kd] = same(['check', policy, '--catalog', 'HEAD:snapshots', '--format', 'json'], ['check', policy, '--catalog', september, '--format', 'json']);
    expect(JSON.parse(kg!)).toEqual(JSON.parse(kd!));
    expect(kg).toContain('NoSuchAction');
    const [eg, ed] = same(['expand', 'ecr:Describe*', '--catalog', 'HEAD~1:snapshots', '--catalog', 'HEAD:snapshots', '--format', 'json'], ['expand', 'ecr:Describe*', '--catalog', july, '--catalog', september, '--format', 'json']);
    expect(JSON.parse(eg!)).toEqual(JSON.parse(ed!));
    const bad = runCli(['check', policy, '--catalog', 'nosuchrev:snapshots'], { cwd: repo });
    expect([bad.code, bad.stderr]).toEqual([2, 'iamdiff: nosuchrev:snapshots: git: no revision "nosuchrev"\n']);
  });

  it('a revision or path that is not there is one line, exit code 2, naming REV:path', () => {
    const nope = runCli(['diff', 'nosuchrev:snapshots', 'HEAD:snapshots'], { cwd: repo });
    expect(nope.code).toBe(2);
    expect(nope.stderr).toBe('iamdiff: nosuchrev:snapshots: git: no revision "nosuchrev"\n');
    const gone = runCli(['diff', 'HEAD:nothing-here', 'HEAD:snapshots'], { cwd: repo });
    expect(gone.stderr).toBe('iamdiff: HEAD:nothing-here: git: no "nothing-here" at HEAD\n');
    const outside = runCli(['diff', 'HEAD:snapshots', 'HEAD~1:snapshots'], { cwd: tmpdir() });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^iamdiff: HEAD:snapshots: no such file, and not REV:path inside a git repository\n$/);
  });
});
