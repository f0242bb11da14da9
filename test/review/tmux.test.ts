import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import { changeFingerprint } from '../../src/diff/change-identity.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { buildServiceTree, countChanges, type NodeCounts } from '../../src/output/change-tree.js';
import { HAS_CORPUS, NO_CORPUS, corpusDir } from '../helpers/corpus.js';
import { CLI, ROOT } from '../helpers/paths.js';
import { modifiedEcrCopy, removeTempDirs, tempDir } from './review-fixtures.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SKIP = !HAS_TMUX ? 'tmux is not installed: skipped' : !existsSync(CLI) ? `${CLI} missing (build with npx tsc -p tsconfig.json): skipped` : '';
if (SKIP) console.warn(`review tmux test: ${SKIP}`);

// A tmux server of our own (socket in a temporary directory), so the user's sessions are never touched.
const SOCKET_DIR = mkdtempSync(join(tmpdir(), 'iamdiff-tmux-'));
const tmux = (...args: string[]) => spawnSync('tmux', ['-S', join(SOCKET_DIR, 'socket'), '-f', '/dev/null', ...args], { encoding: 'utf8' });
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The session the test drives. Each start makes a new one and only then ends the one before:
 * killing a server's last session makes the server exit, and a new session started while it
 * is exiting fails ("server exited unexpectedly").
 */
let session = 'review0';

/** Start the built command in a fresh session of the given size, as a user runs it. */
function start(argv: string[], cols: number, rows: number, env: string[] = []): void {
  const previous = session;
  session = `review${Number(previous.slice(6)) + 1}`;
  const command = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR ${env.map(q).join(' ')} ${[process.execPath, CLI, ...argv].map(q).join(' ')}; echo EXIT=$?; sleep 60`;
  const r = tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), command);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  tmux('kill-session', '-t', previous);
}

const capture = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session).stdout;

/** Wait for the screen to show every text (an event, polled), or fail with the last screen. */
async function screenWith(texts: Array<string | RegExp>, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < end) {
    screen = capture();
    if (texts.every((t) => (typeof t === 'string' ? screen.includes(t) : t.test(screen)))) return screen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`screen never showed ${texts.map(String).join(', ')}; last screen:\n${screen}`);
}

/** Send keys (tmux key names, or literal text with `-l`) and wait for what they should show. */
async function keys(keysToSend: string[], expectTexts: Array<string | RegExp>, literal = false): Promise<string> {
  tmux('send-keys', '-t', session, ...(literal ? ['-l'] : []), ...keysToSend);
  return screenWith(expectTexts);
}

/** The selected tree row (cursor, marks and indent stripped). */
const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('›'))?.split('│')[0]!.slice(3).trim() ?? '';

afterAll(() => {
  removeTempDirs();
  if (HAS_TMUX) tmux('kill-server');
  rmSync(SOCKET_DIR, { recursive: true, force: true });
});

describe.skipIf(!!SKIP)(`review in a real terminal (tmux)${SKIP ? ` — ${SKIP}` : ''}`, () => {
  it('opens the tree, marks, searches and quits, saving the marks by change identity', async () => {
    const { oldPath, newPath } = modifiedEcrCopy();
    const state = join(tempDir(), 'marks.json');
    start(['review', oldPath, newPath, '--state', state], 100, 30);

    let screen = await screenWith(['✓ 0/3 reviewed']);
    expect(screen).toContain('iamdiff review · ecr · policy-sentry-md policy-sentry-ecr → policy-sentry-md policy-sentry-ecr');
    expect(screen).toContain('▾ ecr (3)  1 high · 1 medium · 1 low');
    screen = await keys(['/'], ['Enter keeps it']);
    screen = await keys(['Read → List'], [/^› {3} +HIGH access-level-changed {2}Read → List/m], true);
    screen = await keys(['Enter'], ['/Read → List (1 match, n/N)']);
    screen = await keys(['Space'], ['✓ 1/3 reviewed']);
    expect(selected(screen)).toMatch(/^LOW {2}description-changed/);
    screen = await keys(['q'], ['EXIT=0']);
    expect(screen).toContain(`review marks saved in ${state}`);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.reviewed).toHaveLength(1);
    expect(saved.seen).toHaveLength(3);
  }, 60_000);

  it('diff --interactive on two seed snapshots in 80×24: help, Esc then s at once, picker, resize, no colour with NO_COLOR', async () => {
    // Copies, so nothing is written in snapshots/.
    const dir = tempDir();
    const oldPath = join(dir, 'policy-sentry-ecr.policy-sentry-md.yaml');
    const newPath = join(dir, '2022-11-10.box-table.yaml');
    copyFileSync(join(ROOT, 'snapshots', 'ecr', 'policy-sentry-ecr.policy-sentry-md.yaml'), oldPath);
    copyFileSync(join(ROOT, 'snapshots', 'ecr', '2022-11-10.box-table.yaml'), newPath);
    start(['diff', '--interactive', oldPath, newPath, '--state', join(dir, 'marks.json')], 80, 24, ['NO_COLOR=1']);

    let screen = await screenWith(['✓ 0/21 reviewed']);
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^iamdiff review · ecr · policy-sentry-md policy-sentry-ecr → box-table 2022-11-1/);
    expect(lines[1]).toBe('21 changes (2 high, 15 medium, 4 low) · ✓ 0/21 reviewed');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(capture(true)).not.toMatch(/\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38)[;m]/);

    screen = await keys(['?'], ['Keys (? or Esc closes)']);
    // Escape and s in one write: read as Esc, then s (order by service), never as Alt-s or a quit
    tmux('send-keys', '-t', session, 'Escape', 's');
    screen = await screenWith(['order: service']);
    expect(screen).not.toContain('Keys (? or Esc closes)');
    screen = await keys(['f'], ['filter ›']);
    screen = await keys(['high'], ['≥ high'], true);
    screen = await keys(['Enter'], ['showing 2 of 21 · ≥ high']);
    screen = await keys(['Escape'], ['q quits']);
    expect(screen).toContain('✓ 0/21 reviewed');

    tmux('resize-window', '-t', session, '-x', '130', '-y', '40');
    screen = await screenWith([/box-table 2022-11-10T16:11:37\+00:00/, /│ ── detail/]);
    screen = await keys(['q'], ['EXIT=0']);
  }, 60_000);
});

describe.skipIf(!!SKIP || !HAS_CORPUS)(`review of a year of AWS in tmux${SKIP ? ` — ${SKIP}` : !HAS_CORPUS ? ` — ${NO_CORPUS}` : ''}`, () => {
  const OLD = corpusDir('sar-html', '2025-06-01');
  const NEW = corpusDir('sar-html', '2026-06-14');
  let result: DiffResult;
  beforeAll(async () => {
    result = await computeDiff(OLD, NEW, {});
  }, 120_000);

  it('shows loading progress at once, then the tree: jumps, picker, bulk marks and undo; marks saved', async () => {
    // What the screen must say, from the diff itself.
    const n = (x: number) => x.toLocaleString('en-US');
    const total = result.changes.length;
    const tree = buildServiceTree(result.changes);
    const [first, second] = tree;
    const ec2 = tree.find((t) => t.service === 'ec2')!;
    const levels = (c: NodeCounts) => (['high', 'medium', 'low'] as const).filter((l) => c.bySeverity[l] > 0).map((l) => `${n(c.bySeverity[l])} ${l}`).join(' · ');
    const accessLevel = result.changes.filter((c) => c.kind === 'access-level-changed').length;
    const counts = countChanges(result.changes);

    const state = join(tempDir(), 'marks.json');
    start(['review', OLD, NEW, '--state', state], 120, 40);
    let screen = await screenWith([/pages parsed [\d,]+ \/ [\d,]+/]);
    expect(screen).toContain('iamdiff review · loading');
    screen = await screenWith([`${n(total)} changes (${n(counts.bySeverity.high)} high, ${n(counts.bySeverity.medium)} medium, ${n(counts.bySeverity.low)} low) · ✓ 0/${n(total)} reviewed`], 90_000);
    expect(screen).toContain(`iamdiff review · ${tree.length} of ${new Set([...result.old.services, ...result.new.services]).size} services changed · aws-docs-html 2025-06-01 → aws-docs-html 2026-06-14`);
    expect(screen).toMatch(/▾ HIGH {2}\d+ services · [\d,]+ changes/);
    // services with HIGH changes first, the one with most HIGH on top
    screen = await keys([']'], [`HIGH › ${first!.service} ·`]);
    expect(selected(screen)).toBe(`▸ ${first!.service} (${n(first!.counts.total)})  ${levels(first!.counts)}`);
    screen = await keys([']'], [`HIGH › ${second!.service} ·`]);
    screen = await keys(['}'], [new RegExp(`^MEDIUM · [\\d,]+ of ${n(total)} changes`, 'm')]);
    screen = await keys(['{'], [new RegExp(`^HIGH · [\\d,]+ of ${n(total)} changes`, 'm')]);
    // the picker: services narrow as you type
    screen = await keys(['f'], ['filter ›']);
    screen = await keys(['ec2'], [new RegExp(`service +ec2 +${n(ec2.counts.total)}`)], true);
    screen = await keys(['Enter'], [`showing ${n(ec2.counts.total)} of ${n(total)} · service ec2`]);
    screen = await keys([']'], [`› ec2 · ${n(ec2.counts.total)} of ${n(ec2.counts.total)} changes`]);
    // mark the whole service, then undo, then mark everything shown
    screen = await keys(['Space'], [`✓ ${n(ec2.counts.total)}/${n(total)} reviewed`, `marked ${n(ec2.counts.total)} changes of ec2`]);
    screen = await keys(['u'], [`✓ 0/${n(total)} reviewed`, `undone: marked ${n(ec2.counts.total)} changes of ec2`]);
    screen = await keys(['F'], [`› ec2 · ${n(ec2.counts.total)} of ${n(total)} changes`]);
    screen = await keys(['f'], ['filter ›']);
    screen = await keys(['kind access-level'], [new RegExp(`kind +access-level-changed +${accessLevel}`)], true);
    screen = await keys(['Enter'], [`showing ${accessLevel} of ${n(total)} · kind access-level-changed`]);
    screen = await keys(['A'], [`✓ ${accessLevel}/${n(total)} reviewed`]);
    screen = await keys(['q'], ['EXIT=0']);
    expect(screen).toContain(`review marks saved in ${state}`);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.reviewed).toHaveLength(accessLevel);
    expect(saved.seen).toHaveLength(new Set(result.changes.map(changeFingerprint)).size);
  }, 180_000);
});
