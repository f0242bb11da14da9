import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/paths.js';
import { modifiedEcrCopy, removeTempDirs, tempDir } from './review-fixtures.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const BUILT = CLI;
const SKIP = !HAS_TMUX ? 'tmux is not installed: skipped' : !existsSync(BUILT) ? `${BUILT} missing (build with npx tsc -p tsconfig.json): skipped` : '';
if (SKIP) console.warn(`review tmux test: ${SKIP}`);

// A tmux server of our own (socket in a temporary directory), so the user's sessions are never touched.
const SOCKET_DIR = mkdtempSync(join(tmpdir(), 'iamdiff-tmux-'));
const tmux = (...args: string[]) => spawnSync('tmux', ['-S', join(SOCKET_DIR, 'socket'), '-f', '/dev/null', ...args], { encoding: 'utf8' });
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The built command, as a user runs it. */
function reviewArgv(oldPath: string, newPath: string, ...rest: string[]): string[] {
  return [process.execPath, CLI, 'review', oldPath, newPath, ...rest];
}

async function screenWith(texts: string[], timeoutMs = 8000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < end) {
    screen = tmux('capture-pane', '-p', '-t', 'review').stdout;
    if (texts.every((t) => screen.includes(t))) return screen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`screen never showed ${JSON.stringify(texts)}; last screen:\n${screen}`);
}

afterAll(() => {
  removeTempDirs();
  if (HAS_TMUX) tmux('kill-server');
  rmSync(SOCKET_DIR, { recursive: true, force: true });
});

describe.skipIf(!!SKIP)(`review in a real terminal (tmux 100×30)${SKIP ? ` — ${SKIP}` : ''}`, () => {
  it('moves, marks, searches and quits, saving the marks', async () => {
    const { oldPath, newPath } = modifiedEcrCopy();
    const command = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION ${reviewArgv(oldPath, newPath).map(q).join(' ')}; echo EXIT=$?; sleep 30`;
    expect(tmux('new-session', '-d', '-s', 'review', '-x', '100', '-y', '30', command).status).toBe(0);

    let screen = await screenWith(['0/3 reviewed']);
    expect(screen).toContain('iamdiff review · ecr · policy-sentry-md policy-sentry-ecr → policy-sentry-md policy-sentry-ecr');
    expect(screen).toContain('HIGH · access-level-changed (1)');
    expect(screen).toMatch(/^› {3}ecr:DescribeImages {2}Read → List/m);

    tmux('send-keys', '-t', 'review', 'j', 'j', 'Space');
    screen = await screenWith(['1/3 reviewed']);
    expect(screen).toMatch(/^› ✓ ecr:DescribeImages {2}Grants permission to \[-get metadata about-\]\{\+describe\+\}/m);

    tmux('send-keys', '-t', 'review', '/');
    tmux('send-keys', '-t', 'review', '-l', 'DescribeImages');
    tmux('send-keys', '-t', 'review', 'Enter');
    screen = await screenWith(['showing 2 of 3 · /DescribeImages']);
    const rows = screen.split('\n').filter((l) => /^[ ›] [ ✓] ecr:/.test(l));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toContain('ecr:DescribeImages');
    expect(screen).toContain('description-changed · LOW');

    tmux('send-keys', '-t', 'review', 'q');
    screen = await screenWith(['EXIT=0']);
    expect(screen).toContain('review marks saved in');
    const stateDir = join(newPath, '..', '.iamdiff-review');
    const [file] = readdirSync(stateDir);
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
    const state = JSON.parse(readFileSync(join(stateDir, file!), 'utf8'));
    expect(Object.values(state.reviews).map((r) => (r as { reviewed: string[] }).reviewed)).toEqual([['description-changed|ecr|DescribeImages|||']]);
  }, 30_000);

  it('diff --interactive on two seed snapshots in 80×24: help, severity filter, resize, quit', async () => {
    // Copies, so the state file lands in a temporary directory, not in snapshots/.
    const dir = tempDir();
    const oldPath = join(dir, 'policy-sentry-ecr.policy-sentry-md.yaml');
    const newPath = join(dir, '2022-11-10.box-table.yaml');
    copyFileSync(join(ROOT, 'snapshots', 'ecr', 'policy-sentry-ecr.policy-sentry-md.yaml'), oldPath);
    copyFileSync(join(ROOT, 'snapshots', 'ecr', '2022-11-10.box-table.yaml'), newPath);
    const argv = [process.execPath, CLI, 'diff', '--interactive', oldPath, newPath];
    const command = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION ${argv.map(q).join(' ')}; echo EXIT=$?; sleep 30`;
    tmux('kill-session', '-t', 'review');
    expect(tmux('new-session', '-d', '-s', 'review', '-x', '80', '-y', '24', command).status).toBe(0);

    let screen = await screenWith(['0/21 reviewed']);
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^iamdiff review · ecr · policy-sentry-md policy-sentry-ecr → box-table 2022-11-1/);
    expect(lines[1]).toBe('21 changes (2 high, 15 medium, 4 low) · 0/21 reviewed');
    expect(screen).toMatch(/^› {3}ecr:DescribeImages {2}Read → List$/m);
    expect(screen).toContain('ecr:CreateRepository on repository  required');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);

    tmux('send-keys', '-t', 'review', '?');
    screen = await screenWith(['Keys (? or Esc closes)']);
    expect(screen).toContain('mark the change reviewed');
    tmux('send-keys', '-t', 'review', 'Escape');
    tmux('send-keys', '-t', 'review', 's', 's');
    screen = await screenWith(['showing 2 of 21 · ≥ high']);
    expect(screen).not.toContain('MEDIUM ·');

    tmux('resize-window', '-t', 'review', '-x', '120', '-y', '40');
    screen = await screenWith(['box-table 2022-11-10T16:11:37+00:00']);
    expect(screen).toMatch(/ecr:DescribeImages {2}Read → List +│/); // list and detail side by side when wide

    tmux('send-keys', '-t', 'review', 'q');
    screen = await screenWith(['EXIT=0']);
  }, 30_000);
});
