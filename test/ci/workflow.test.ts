import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CLI, fixturePath, ROOT } from '../helpers/paths.js';

// The README's scheduled workflow, run step by step as GitHub would, in a temporary repository:
// every `run:` step but `install` (iamdiff is this build, on PATH) and `fetch` (the network: the
// Service Reference fixtures are put where it would put the catalog).

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### A scheduled workflow'));
const workflow = parseYaml(/```yaml\n([\s\S]*?)```/.exec(section)![1]!) as {
  on: { schedule: Array<{ cron: string }> };
  jobs: Record<string, { env: Record<string, string>; steps: Array<{ id?: string; run?: string; if?: string; uses?: string }> }>;
};
const job = Object.values(workflow.jobs)[0]!;
const HAS_GIT = spawnSync('git', ['--version']).status === 0;

const work = mkdtempSync(join(tmpdir(), 'iamdiff-workflow-'));
const repo = join(work, 'repo');
const summary = join(work, 'summary.md');
const bin = join(work, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'iamdiff'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
chmodSync(join(bin, 'iamdiff'), 0o755);
const env = { ...process.env, ...job.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

const sh = (script: string, cwd = repo) => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8' });
const git = (...args: string[]) => {
  const r = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  expect(r.status, `git ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};
const step = (id: string) => job.steps.find((s) => s.id === id)!;

/** The catalog the fetch step would download: one of the fixtures' Service Reference copies. */
function fetchFixture(date: string): void {
  rmSync(join(repo, job.env.CATALOG!), { recursive: true, force: true });
  cpSync(fixturePath(`service-reference/${date}`), join(repo, job.env.CATALOG!), { recursive: true });
}

/** Run the job's steps as GitHub does: a step without `if` runs while all before it passed; `if: always()` runs anyway. */
function runJob(): Record<string, { code: number | null; stdout: string; stderr: string } | 'skipped'> {
  const results: Record<string, { code: number | null; stdout: string; stderr: string } | 'skipped'> = {};
  let failed = false;
  for (const s of job.steps) {
    if (!s.run || s.id === 'install') continue;
    if (s.id === 'fetch') continue; // done by fetchFixture
    if (failed && s.if !== 'always()') {
      results[s.id!] = 'skipped';
      continue;
    }
    const r = sh(s.run);
    results[s.id!] = { code: r.status, stdout: r.stdout, stderr: r.stderr };
    if (r.status !== 0) failed = true;
  }
  return results;
}

describe.skipIf(!HAS_GIT)("the README's scheduled workflow", () => {
  it('is a scheduled job: snapshot → annotations → release notes as the job summary → keep the snapshots', () => {
    expect(workflow.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(job.steps.filter((s) => s.run).map((s) => s.id)).toEqual(['install', 'fetch', 'snapshot', 'annotate', 'notes', 'commit']);
    expect(step('annotate').run).toContain('--format github --fail-on high');
    expect(step('notes').run).toContain('--format markdown >> "$GITHUB_STEP_SUMMARY"');
  });

  it('runs: fails on HIGH changes nobody accepted, passes once they are accepted, and keeps the snapshots', () => {
    // a repository of snapshots with a remote, its first snapshot committed by hand (as the README says)
    spawnSync('git', ['init', '-q', '--bare', '-b', 'main', join(work, 'origin.git')]);
    spawnSync('git', ['clone', '-q', join(work, 'origin.git'), repo], { env });
    git('checkout', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitignore'), `${job.env.CATALOG}/\n`);
    fetchFixture('2025-07-08');
    expect(sh(step('snapshot').run!).status).toBe(0);
    git('add', '-A');
    git('commit', '-q', '-m', 'first snapshot');
    git('push', '-q', '-u', 'origin', 'HEAD');

    // the next morning: the catalog changed (4 HIGH changes)
    fetchFixture('2025-09-10');
    const first = runJob();
    const annotate = first.annotate as { code: number; stdout: string };
    expect(annotate.code).toBe(1);
    expect(annotate.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(4);
    expect(annotate.stdout).toMatch(/\n::notice title=iamdiff summary::.*22 changes \(4 high, 18 medium, 0 low\); failing at high and above\n$/);
    expect((first.notes as { code: number }).code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^# 7 services: IAM catalog changes, /);
    expect(first.commit).toBe('skipped');
    expect(git('log', '--oneline', 'origin/main').trim().split('\n')).toHaveLength(1);

    // someone reviews them and accepts, as the README says
    const accept = sh('iamdiff accept HEAD:snapshots snapshots --min-severity high --reason "reviewed: new ARN formats and access levels"');
    expect(accept.status, accept.stderr).toBe(0);
    expect(accept.stderr).toBe(`accepted 4 changes in ${join(repo, '.iamdiff.yaml')}\n`);
    git('add', '.iamdiff.yaml');
    git('commit', '-q', '-m', 'accept reviewed changes');

    rmSync(summary);
    const second = runJob();
    expect((second.annotate as { code: number }).code).toBe(0);
    expect((second.annotate as { stdout: string }).stdout).toContain('::group::iamdiff accepted: 4\n');
    expect(readFileSync(summary, 'utf8')).toContain('\naccepted: 4\n');
    const commit = second.commit as { code: number; stderr: string };
    expect(commit.code, commit.stderr).toBe(0);
    // pushed: the remote has the snapshots of the new catalog
    expect(git('log', '--format=%s', 'origin/main').trim().split('\n')).toEqual([expect.stringMatching(/^IAM catalog \d{4}-\d{2}-\d{2}$/), 'accept reviewed changes', 'first snapshot']);
    expect(existsSync(join(repo, 'snapshots', 'bcm-recommended-actions'))).toBe(true);
    expect(sh('iamdiff diff HEAD~1:snapshots HEAD:snapshots --format json').stdout).toContain('"service-added"');
  });
});
