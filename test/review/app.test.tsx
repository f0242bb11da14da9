import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { filterResult } from '../../src/diff/filter-changes.js';
import { renderMarkdown } from '../../src/output/markdown-report.js';
import { osc52 } from '../../src/review/url-actions.js';
import { bigResult } from '../bench/review-bench.js';
import { KEY, renderApp, until } from './render-helpers.js';
import { ecrResult, handResult, removeTempDirs, servicesResult, tempDir } from './review-fixtures.js';

afterEach(() => cleanup());
afterAll(() => removeTempDirs());

/** Tree rows (cursor, marks, indent stripped). */
const rows = (lines: string[]) => lines.filter((l) => /^[ ›][ ✓·][ ●∘] /.test(l)).map((l) => l.slice(3).trim());

describe('review app: the tree', () => {
  it('groups services by their highest severity, with counts on every node, services closed', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    const lines = app.lines();
    expect(lines[0]).toBe('iamdiff review · 5 of 5 services changed · hand-written test → hand-written test');
    expect(lines[1]).toBe('12 changes (3 high, 5 medium, 4 low) · ✓ 0/12 reviewed');
    expect(rows(lines)).toEqual([
      '▾ HIGH  2 services · 7 changes',
      '▸ ecr (3)  2 high · 1 low',
      '▸ s3 (4)  1 high · 2 medium · 1 low',
      '▾ MEDIUM  2 services · 3 changes',
      '▸ sqs (2)  2 medium',
      '▸ newsvc (1)  1 medium',
      '▾ LOW  1 service · 2 changes',
      '▸ kms (2)  2 low',
    ]);
    // the breadcrumb names the cursor's place
    expect(lines[2]).toBe('HIGH · 7 of 12 changes');
  });

  it('→/l opens a node or goes into it, ←/h closes it or goes to its parent, Enter toggles', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press('j', KEY.right);
    expect(rows(app.lines()).slice(1, 4)).toEqual(['▾ ecr (3)  2 high · 1 low', '▾ ecr:DescribeImages (2)  1 high · 1 low', 'HIGH access-level-changed  Read → List']);
    expect(rows(app.lines())[4]).toMatch(/^LOW  description-changed  \[-Returns-\]\{\+Grants permission to get\+\} metadata about/);
    await app.press('l');
    expect(app.selected()).toBe('▾ ecr:DescribeImages (2)  1 high · 1 low');
    await app.press('l');
    expect(app.selected()).toBe('HIGH access-level-changed  Read → List');
    expect(app.lines()[2]).toBe('HIGH › ecr › ecr:DescribeImages · change 1 of 12');
    await app.press('h');
    expect(app.selected()).toBe('▾ ecr:DescribeImages (2)  1 high · 1 low');
    await app.press(KEY.left);
    expect(app.selected()).toBe('▸ ecr:DescribeImages (2)  1 high · 1 low');
    await app.press(KEY.left);
    expect(app.selected()).toBe('▾ ecr (3)  2 high · 1 low');
    await app.press(KEY.enter);
    expect(app.selected()).toBe('▸ ecr (3)  2 high · 1 low');
    // + opens every service, - closes them all
    await app.press('+');
    expect(rows(app.lines())).toContain('MED  s3:PutObject  dependent-action-added  + kms:GenerateDataKey');
    await app.press('-');
    expect(rows(app.lines())).toHaveLength(8);
  });

  it('] [ jump between services and } { between groups, opening what hides them', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press(']');
    expect(app.selected()).toBe('▸ ecr (3)  2 high · 1 low');
    await app.press(']', ']');
    expect(app.selected()).toBe('▸ sqs (2)  2 medium');
    await app.press('}');
    expect(app.selected()).toBe('▾ LOW  1 service · 2 changes');
    await app.press('{', '{');
    expect(app.selected()).toBe('▾ HIGH  2 services · 7 changes');
    await app.press('}');
    expect(app.selected()).toBe('▾ MEDIUM  2 services · 3 changes');
    await app.press('[');
    expect(app.selected()).toBe('▸ s3 (4)  1 high · 2 medium · 1 low');
    // a closed group: the jump opens it
    await app.press('}', KEY.left);
    expect(app.selected()).toBe('▸ MEDIUM  2 services · 3 changes');
    await app.press('[', ']');
    expect(app.selected()).toBe('▸ sqs (2)  2 medium');
    expect(rows(app.lines())).toContain('▾ MEDIUM  2 services · 3 changes');
    await app.press(']', ']');
    expect(app.selected()).toBe('▸ kms (2)  2 low');
    await app.press(']');
    expect(app.status()).toBe('no next service');
  });

  it('s orders by severity, by service (no groups) and by kind, the cursor staying on its change', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press(']', ']', KEY.right, 'j'); // s3:GetObject
    await app.press('l');
    expect(app.selected()).toBe('HIGH condition-key-removed  - s3:ExistingObjectTag/${TagKey}');
    await app.press('s');
    expect(app.status()).toBe('order: service');
    expect(app.selected()).toBe('HIGH condition-key-removed  - s3:ExistingObjectTag/${TagKey}');
    expect(rows(app.lines()).filter((r) => r.startsWith('▸'))).toEqual(['▸ ecr (3)  2 high · 1 low', '▸ kms (2)  2 low', '▸ newsvc (1)  1 medium', '▸ sqs (2)  2 medium']);
    await app.press('}');
    expect(app.status()).toBe('no groups in service order: s changes the order');
    await app.press('s');
    expect(app.status()).toBe('order: kind');
    expect(app.lines()[2]).toBe('condition-key-removed › s3 › s3:GetObject · change 3 of 12');
    await app.press('g');
    expect(app.selected()).toBe('▾ access-level-changed  1 service · 1 change');
    await app.press('s');
    expect(rows(app.lines())[0]).toBe('▾ HIGH  2 services · 7 changes');
  });
});

describe('review app: filters and search', () => {
  it('f opens a picker that narrows as you type; Enter applies, Esc leaves it, F clears', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press('f');
    expect(app.frame()).toContain('filter ›');
    expect(app.frame()).toContain('service  sqs  2');
    await app.press('s', 'q', 's');
    const picked = app.lines().filter((l) => /^│ [ •] \S/.test(l));
    expect(picked.map((l) => l.replace(/^│\s+|\s+│$/g, ''))).toEqual(['service  sqs  2']);
    await app.press(KEY.enter);
    expect(app.status()).toBe('showing 2 of 12 · service sqs');
    expect(rows(app.lines())).toEqual(['▾ MEDIUM  1 service · 2 changes', '▾ sqs (2)  2 medium', 'MED  sqs:ListMessageMoveTasks  action-added  (List)', 'MED  sqs:StartMessageMoveTask  action-added  (Write)']);
    // severity on top of the service: nothing of sqs is high
    await app.press('f', '≥ high', KEY.enter);
    expect(app.status()).toBe('showing 0 of 12 · service sqs · ≥ high');
    expect(app.frame()).toContain('no changes match the filters');
    // Esc leaves the picker without changing anything (and never quits)
    await app.press('f', 'kms', KEY.esc);
    expect(app.status()).toBe('showing 0 of 12 · service sqs · ≥ high');
    await app.press('F');
    expect(app.status()).toBe('');
    await app.press('f', 'kind action-added', KEY.enter);
    expect(app.status()).toBe('showing 3 of 12 · kind action-added');
    await app.press('f', 'unreviewed', KEY.enter);
    expect(app.status()).toBe('showing 3 of 12 · kind action-added · unreviewed only');
  });

  it('/ finds as you type, opening the match; n/N go on; Esc goes back to where the search began', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press('/', 'Message');
    expect(app.selected()).toBe('MED  sqs:ListMessageMoveTasks  action-added  (List)');
    expect(app.status()).toContain('/Message');
    expect(app.status()).toContain('2 matches');
    await app.press(KEY.enter);
    expect(app.status()).toBe('/Message (2 matches, n/N)');
    await app.press('n');
    expect(app.selected()).toBe('MED  sqs:StartMessageMoveTask  action-added  (Write)');
    await app.press('n');
    expect(app.selected()).toBe('MED  sqs:ListMessageMoveTasks  action-added  (List)');
    expect(app.status()).toBe('search wrapped to the top');
    await app.press('N');
    expect(app.selected()).toBe('MED  sqs:StartMessageMoveTask  action-added  (Write)');
    // words of a description find its action (both sides are searched)
    await app.press('/', 'plaintext', KEY.enter);
    expect(app.selected()).toBe('LOW  kms:Encrypt  description-changed  Encrypts {+a+} plaintext');
    // nodes above a match count it
    expect(rows(app.lines())).toContain('▾ kms (2)  2 low  1 match');
    // Esc while typing: back to where it began, search gone
    const at = app.selected();
    await app.press('/', 'GetObject');
    expect(app.selected()).toBe('HIGH condition-key-removed  - s3:ExistingObjectTag/${TagKey}');
    await app.press(KEY.esc);
    expect(app.selected()).toBe(at);
    expect(app.status()).toBe('');
  });
});

describe('review app: marks', () => {
  it('space marks a whole node and goes on; A marks all shown; u undoes, U redoes', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press(']', ' ');
    expect(app.lines()[1]).toContain('✓ 3/12 reviewed');
    expect(app.status()).toBe('marked 3 changes of ecr');
    expect(app.selected()).toBe('▸ s3 (4)  1 high · 2 medium · 1 low');
    expect(app.lines().find((l) => l.includes('ecr (3)'))).toMatch(/^ ✓ {2}/);
    // the group above shows some marked
    expect(app.lines().find((l) => l.includes('HIGH  2 services'))).toMatch(/^ · {2}/);
    await app.press('}', ' ');
    expect(app.lines()[1]).toContain('✓ 6/12 reviewed');
    expect(app.selected()).toBe('▾ LOW  1 service · 2 changes');
    await app.press('u');
    expect(app.lines()[1]).toContain('✓ 3/12 reviewed');
    expect(app.status()).toBe('undone: marked 3 changes of MEDIUM');
    await app.press('U');
    expect(app.lines()[1]).toContain('✓ 6/12 reviewed');
    await app.press('A');
    expect(app.lines()[1]).toContain('✓ 12/12 reviewed');
    await app.press('A');
    expect(app.lines()[1]).toContain('✓ 0/12 reviewed');
    await app.press('u', 'u');
    expect(app.lines()[1]).toContain('✓ 6/12 reviewed');
    // a single change: mark and advance to the next row
    await app.press('g', ']', 'l', 'j', 'l');
    expect(app.selected()).toBe('HIGH access-level-changed  Read → List');
  });

  it('unreviewed only: marked nodes leave the tree, the cursor takes the next one', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 30 } });
    await app.press('f', 'unreviewed', KEY.enter, ']', ' ');
    expect(app.status()).toBe('marked 3 changes of ecr');
    expect(rows(app.lines())).not.toContain('▸ ecr (3)  2 high · 1 low');
    expect(app.selected()).toBe('▸ s3 (4)  1 high · 2 medium · 1 low');
  });

  it('x selects for export apart from review marks; e exports the selection, else what the filters show', async () => {
    const { result, lookup } = servicesResult();
    const dir = tempDir('iamdiff-export-');
    const app = await renderApp({ result, lookup, exportDir: dir, now: () => new Date('2024-05-01T12:00:00Z'), size: { columns: 100, rows: 30 } });
    await app.press(']', ']', 'x');
    expect(app.lines()[1]).toBe('12 changes (3 high, 5 medium, 4 low) · ✓ 0/12 reviewed · ● 4 for export');
    await app.press('e');
    expect(app.status()).toBe(`exported 4 selected changes to ${join(dir, 'iamdiff-review-2024-05-01T120000Z.md')}`);
    const s3 = result.changes.filter((c) => c.service === 's3');
    expect(readFileSync(join(dir, 'iamdiff-review-2024-05-01T120000Z.md'), 'utf8')).toBe(renderMarkdown(filterResult({ ...result, changes: s3 }, {})));
    // no selection: everything the filters show
    await app.press('u', 'f', 'kms', KEY.enter, 'e');
    expect(readdirSync(dir).sort()).toEqual(['iamdiff-review-2024-05-01T120000Z-2.md', 'iamdiff-review-2024-05-01T120000Z.md']);
    const kms = result.changes.filter((c) => c.service === 'kms');
    expect(readFileSync(join(dir, 'iamdiff-review-2024-05-01T120000Z-2.md'), 'utf8')).toBe(renderMarkdown(filterResult({ ...result, changes: kms }, {})));
  });
});

describe('review app: detail', () => {
  it('shows the whole action old beside new, what changed marked, and the documentation URL', async () => {
    const { result, lookup } = servicesResult();
    const app = await renderApp({ result, lookup, size: { columns: 100, rows: 40 } });
    await app.press(']', ']', 'l', 'j', 'l');
    const f = app.frame();
    expect(f).toContain('condition-key-removed · HIGH — a Deny or Allow condition that uses the key stops applying');
    expect(f).toContain('docs: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html  (o opens it, y copies it)');
    expect(f).toMatch(/condition keys +− s3:ExistingObjectTag\/\$\{TagKey\} +│ \+ s3:AccessPointNetworkOrigin/);
    expect(f).toMatch(/ {20}s3:VersionId +│ {3}s3:VersionId/);
    expect(f).toMatch(/access level +Read +│ Read/);
    // an action only one side has
    await app.press('/', 'RenameObject', KEY.enter);
    expect(app.selected()).toBe('MED  s3:RenameObject  action-added  (Write)');
    expect(app.frame()).toMatch(/access level +\(no such action\) +│ \+ Write/);
    expect(app.frame()).toMatch(/description +│ \+ Grants permission to RenameObject/);
  });

  it('says what the sources could not tell about the service, and every field of the change', async () => {
    const { result, lookup } = ecrResult();
    const seeds = { ...result, notCompared: [{ field: 'documentationUrl' as const, label: 'documentation URL', reason: 'box-table does not carry it', services: ['ecr'] }] };
    const app = await renderApp({ result: seeds, lookup, size: { columns: 100, rows: 60 } });
    await app.press('/', 'UploadLayerPart', KEY.enter);
    expect(app.frame()).toContain('not compared: documentation URL — box-table does not carry it');
    const { result: s, lookup: l } = servicesResult();
    const other = await renderApp({ result: s, lookup: l, size: { columns: 100, rows: 60 } });
    await other.press('/', 'GenerateDataKey', KEY.enter);
    expect(other.frame()).toContain('dependent action: kms:GenerateDataKey');
  });

  it('o opens and y copies the URL (OSC 52) only when asked', async () => {
    const { result, lookup } = servicesResult();
    const opened: string[] = [];
    const raw: string[] = [];
    const app = await renderApp({ result, lookup, openUrl: async (u) => void opened.push(u), writeRaw: (d) => void raw.push(d), size: { columns: 100, rows: 30 } });
    await app.press(']', ']', 'l', 'j', 'l');
    expect(opened).toEqual([]);
    expect(raw).toEqual([]);
    await app.press('o');
    expect(opened).toEqual(['https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html']);
    await app.press('y');
    expect(raw).toEqual([osc52('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html')]);
    expect(raw[0]).toBe(`\u001b]52;c;${Buffer.from('https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html').toString('base64')}\u0007`);
    // a row without one says so
    await app.press('g', 'o');
    expect(app.status()).toBe('no documentation URL for this row');
    expect(opened).toHaveLength(1);
  });

  it('Tab focuses the detail pane, where ↑/↓ scroll it', async () => {
    const { result, lookup } = ecrResult();
    const app = await renderApp({ result, lookup });
    await app.press('+', 'j', 'j', 'j', 'j');
    const before = app.selected();
    expect(app.frame()).toContain('detail ↓ more · Tab to scroll');
    await app.press(KEY.tab);
    expect(app.frame()).toContain('Tab back');
    await app.press(KEY.down, KEY.down);
    expect(app.selected()).toBe(before);
    expect(app.frame()).toMatch(/detail ↑↓? more/);
    await app.press(KEY.tab, KEY.down);
    expect(app.selected()).not.toBe(before);
  });

  it('strips control sequences from document text', async () => {
    const { result, lookup } = handResult();
    const app = await renderApp({ result, lookup });
    await app.press('/', 'DeleteThing', KEY.enter);
    expect(app.frame()).toContain('red');
    expect(app.frame()).not.toMatch(/\u001b/);
  });
});

describe('review app: Esc and q', () => {
  it('Esc never quits: it leaves help, the picker, the search, the detail focus; q quits', async () => {
    const { result } = handResult();
    const app = await renderApp({ result });
    await app.press('?');
    expect(app.frame()).toContain('Keys (? or Esc closes)');
    await app.press(KEY.esc);
    expect(app.frame()).not.toContain('Keys (? or Esc closes)');
    await app.press(KEY.esc, KEY.esc);
    expect(app.status()).toBe('q quits');
    // Esc and a key in one chunk (as a fast typist or tmux sends them) read as Esc, then the key
    await app.press('?', `${KEY.esc}s`);
    expect(app.frame()).not.toContain('Keys (? or Esc closes)');
    expect(app.status()).toBe('order: service');
    await app.press('j');
    const row = app.selected();
    const atQ = app.frames.length;
    await app.press('q');
    // after q, keys move nothing. Ink may write once more on exit: its last frame again, or (with CI
    // set, as on a CI runner) only a blank line; so look at the frames that draw something.
    app.stdin.write('j');
    app.stdin.write('j');
    for (let turn = 0; turn < 50; turn++) await new Promise((r) => setImmediate(r));
    const rowOf = (f: string) => f.split('\n').find((l) => l.startsWith('›'))?.slice(3).trim();
    const drawn = app.frames.slice(atQ).filter((f) => f.trim() !== '');
    expect(drawn.map(rowOf)).toEqual(drawn.map(() => row));
    expect(rowOf(app.frames.filter((f) => f.trim() !== '').at(-1)!)).toBe(row);
  });

  it('follows the terminal size on resize', async () => {
    const { result, lookup } = handResult();
    const app = await renderApp({ result, lookup, size: undefined });
    Object.defineProperty(app.stdout, 'columns', { value: 60, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 16, configurable: true });
    app.stdout.emit('resize');
    await until(() => app.lines().length <= 15, 'a frame of 15 lines after the resize');
    for (const l of app.lines()) expect([...l].length).toBeLessThanOrEqual(60);
    expect(app.frame()).toContain('ecr (');
  });

  it('says when the terminal is too small', async () => {
    const { result } = handResult();
    const app = await renderApp({ result, size: { columns: 30, rows: 8 } });
    expect(app.frame()).toContain('terminal too small');
  });
});

describe('review app: 10 000 changes in 250 services', () => {
  it('renders only the rows in view, jumps to the last service and marks all of it', async () => {
    const result = bigResult(10_000, 250);
    const app = await renderApp({ result });
    expect(app.lines().length).toBeLessThanOrEqual(23);
    expect(app.lines()[1]).toContain('0/10,000 reviewed');
    await app.press('G', '[');
    expect(app.selected()).toMatch(/^▸ svc\d+ \(40\)/);
    await app.press(' ');
    expect(app.lines()[1]).toContain('✓ 40/10,000 reviewed');
    await app.press('A');
    expect(app.lines()[1]).toContain('✓ 10,000/10,000 reviewed');
  });
});
