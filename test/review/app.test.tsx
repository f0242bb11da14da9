import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { filterResult } from '../../src/diff/filter-changes.js';
import { renderMarkdown } from '../../src/output/markdown-report.js';
import { bigResult } from '../bench/review-bench.js';
import { KEY, renderApp, tick } from './render-helpers.js';
import { ecrResult, handResult, removeTempDirs, tempDir } from './review-fixtures.js';

afterEach(() => cleanup());
afterAll(() => removeTempDirs());

describe('review app: layout', () => {
  it('shows the header, group headers, the selected change and its detail in 80×24', async () => {
    const { result, lookup } = handResult();
    const app = await renderApp({ result, lookup });
    const lines = app.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('iamdiff review · ecr · hand-written test → hand-written test');
    expect(lines[1]).toContain(`${result.changes.length} changes (`);
    expect(lines[1]).toContain(`0/${result.changes.length} reviewed`);
    expect(app.frame()).toContain('HIGH · access-level-changed (1)');
    expect(app.selected()).toBe('ecr:DescribeImages  Read → List');
    // detail pane: kind, severity and reason, subject, before/after, both sides from the catalogs
    expect(app.frame()).toContain('access-level-changed · HIGH — policies generated for the lower level');
    expect(app.frame()).toContain('before: Read');
    expect(app.frame()).toContain('after: List');
    expect(app.frame()).toMatch(/before \(hand-written test\): access Read/);
  });

  it('follows the terminal size on resize', async () => {
    const { result, lookup } = handResult();
    const app = await renderApp({ result, lookup, size: undefined });
    Object.defineProperty(app.stdout, 'columns', { value: 60, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 16, configurable: true });
    app.stdout.emit('resize');
    await tick();
    expect(app.lines().length).toBeLessThanOrEqual(15);
    for (const l of app.lines()) expect([...l].length).toBeLessThanOrEqual(60);
    expect(app.frame()).toContain('ecr:DescribeImages');
  });

  it('says when the terminal is too small', async () => {
    const { result } = handResult();
    const app = await renderApp({ result, size: { columns: 30, rows: 8 } });
    expect(app.frame()).toContain('terminal too small');
  });

  it('strips control sequences from document text and shows word diffs with markers', async () => {
    const { result, lookup } = handResult();
    const app = await renderApp({ result, lookup });
    await app.press('G');
    // the last change: DescribeImages' description (low), after DeleteThing's
    expect(app.selected()).toContain('ecr:DescribeImages');
    expect(app.frame()).toContain('[-Returns-]{+Grants permission to get+} metadata about the images');
    await app.press(KEY.up);
    expect(app.selected()).toContain('ecr:DeleteThing');
    expect(app.frame()).toContain('red');
    expect(app.frame()).not.toMatch(/\u001b/);
  });
});

describe('review app: keys', () => {
  it('moves the selection with arrows, j/k, g/G and page keys, skipping group headers', async () => {
    const { result } = ecrResult();
    const app = await renderApp({ result });
    const first = app.selected();
    await app.press(KEY.down);
    const second = app.selected();
    expect(second).not.toBe(first);
    await app.press('j');
    await app.press('k', KEY.up);
    expect(app.selected()).toBe(first);
    await app.press('G');
    // the last group: low description changes
    expect(app.selected()).toMatch(/^ecr:DescribeImages  .*\{\+describe\+\}/);
    await app.press('g');
    expect(app.selected()).toBe(first);
    await app.press(KEY.pgdown);
    expect(app.frame()).toMatch(/── \d+\/\d+ · detail/);
    expect(app.frame()).not.toMatch(/── 1\/\d+ · detail/);
  });

  it('f cycles a kind filter and s a minimum severity, narrowing the list', async () => {
    const { result } = handResult();
    const app = await renderApp({ result });
    const status = () => app.lines().at(-2)!.trim();
    const kinds = [...new Set(result.changes.map((c) => c.kind))];
    await app.press('f');
    expect(status()).toContain('showing 1 of 7 · kind action-added');
    const rows = () => app.lines().filter((l) => /^[ ›] [ ✓] ecr:/.test(l));
    expect(rows()).toHaveLength(result.changes.filter((c) => c.kind === 'action-added').length);
    expect(app.frame()).not.toContain('access-level-changed');
    for (let i = 0; i < kinds.length; i++) await app.press('f');
    expect(status()).not.toContain('kind ');
    await app.press('s', 's');
    expect(status()).toBe('showing 2 of 7 · ≥ high');
    expect(rows()).toHaveLength(result.changes.filter((c) => c.severity === 'high').length);
    await app.press('s');
    expect(status()).toBe('');
  });

  it('/ searches action names and descriptions; Enter keeps the filter, Esc clears it', async () => {
    const { result, lookup } = ecrResult();
    const app = await renderApp({ result, lookup });
    const status = () => app.lines().at(-2)!.trim();
    await app.press('/', 'DescribeImages');
    expect(app.frame()).toContain('/DescribeImages');
    await app.press(KEY.enter);
    const rows = app.lines().filter((l) => /^[ ›] [ ✓] ecr:/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain('ecr:DescribeImages');
    expect(app.selected()).toContain('ecr:DescribeImages');
    expect(status()).toMatch(/^showing \d+ of \d+ · \/DescribeImages$/);
    // a word only in a description finds its action too
    await app.press(KEY.esc, '/', 'upload an image layer part', KEY.enter);
    expect(app.selected()).toContain('ecr:UploadLayerPart');
    await app.press(KEY.esc);
    expect(status()).toBe('');
  });

  it('space marks a change reviewed, u shows only unreviewed ones', async () => {
    const { result } = handResult();
    const n = result.changes.length;
    const app = await renderApp({ result });
    const status = () => app.lines().at(-2)!.trim();
    await app.press(' ');
    expect(app.lines()[1]).toContain(`1/${n} reviewed`);
    expect(app.lines().find((l) => l.startsWith('›'))).toMatch(/^› ✓ ecr:DescribeImages/);
    await app.press(KEY.down, ' ');
    expect(app.lines()[1]).toContain(`2/${n} reviewed`);
    await app.press(' ');
    expect(app.lines()[1]).toContain(`1/${n} reviewed`);
    await app.press('u');
    expect(status()).toBe(`showing ${n - 1} of ${n} · unreviewed only`);
    expect(app.lines().filter((l) => l.includes('✓ ecr:'))).toEqual([]);
    await app.press(' ');
    expect(status()).toBe(`showing ${n - 2} of ${n} · unreviewed only`);
  });

  it('Tab focuses the detail pane, where ↑/↓ scroll it', async () => {
    const { result, lookup } = ecrResult();
    const app = await renderApp({ result, lookup });
    const before = app.selected();
    await app.press(KEY.tab);
    expect(app.frame()).toContain('Tab back');
    await app.press(KEY.down, KEY.down);
    expect(app.selected()).toBe(before);
    expect(app.frame()).toMatch(/detail ↑/);
    await app.press(KEY.tab, KEY.down);
    expect(app.selected()).not.toBe(before);
  });

  it('q quits', async () => {
    const { result } = handResult();
    const app = await renderApp({ result });
    await app.press('q');
    const count = app.frames.length;
    await app.press(KEY.down, 'j');
    expect(app.frames.length).toBe(count);
  });

  it('? opens the help overlay, Esc closes it, and Esc again quits', async () => {
    const { result } = handResult();
    const app = await renderApp({ result });
    await app.press('?');
    expect(app.frame()).toContain('Keys (? or Esc closes)');
    expect(app.frame()).toContain('export marked changes');
    await app.press(KEY.esc);
    expect(app.frame()).not.toContain('Keys (? or Esc closes)');
    expect(app.frame()).toContain('HIGH · access-level-changed (1)');
    await app.press(KEY.esc);
    const count = app.frames.length;
    await app.press(KEY.down, 'j');
    expect(app.frames.length).toBe(count);
  });

  it('e exports the marked changes (else all shown) as the Markdown renderMarkdown gives', async () => {
    const { result } = handResult();
    const dir = tempDir('iamdiff-export-');
    const app = await renderApp({ result, exportDir: dir, now: () => new Date('2024-05-01T12:00:00Z') });
    // mark the first and third change in list order
    await app.press(' ', KEY.down, KEY.down, ' ', 'e');
    expect(app.frame()).toContain('exported 2 marked changes to ');
    const file = join(dir, 'iamdiff-review-2024-05-01T120000Z.md');
    expect(app.frame()).toContain('iamdiff-review-2024-05-01T120000Z.md');
    const marked = result.changes.filter((c) => (c.action === 'DescribeImages' && c.kind === 'access-level-changed') || c.kind === 'action-added');
    expect(readFileSync(file, 'utf8')).toBe(renderMarkdown(filterResult({ ...result, changes: marked }, {})));
    // nothing marked: everything shown (here: one kind)
    await app.press(KEY.up, KEY.up, ' ', KEY.down, KEY.down, ' ', 'f', 'f');
    const kind = app.lines().at(-2)!.match(/kind ([a-z-]+)$/)![1];
    await app.press('e');
    expect(app.lines()[1]).toContain('0/');
    expect(readdirSync(dir).sort()).toEqual(['iamdiff-review-2024-05-01T120000Z-2.md', 'iamdiff-review-2024-05-01T120000Z.md']);
    const shown = result.changes.filter((c) => c.kind === kind);
    expect(readFileSync(join(dir, 'iamdiff-review-2024-05-01T120000Z-2.md'), 'utf8')).toBe(renderMarkdown(filterResult({ ...result, changes: shown }, {})));
  });
});

describe('review app: 10 000 changes', () => {
  it('renders only the rows in view and jumps to the end', async () => {
    const result = bigResult(10_000);
    const app = await renderApp({ result });
    expect(app.lines().length).toBeLessThanOrEqual(23);
    expect(app.lines()[1]).toContain('0/10000 reviewed');
    await app.press('G');
    expect(app.selected()).toContain('svc:Action09999');
    await app.press(KEY.pgdown.repeat(1), 'g', KEY.pgdown);
    expect(app.frame()).toMatch(/── \d+\/10000 · detail/);
  });
});
