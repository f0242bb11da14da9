import { beforeAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/commands/diff-command.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { buildServiceTree, severityCounts } from '../../src/output/change-tree.js';
import { changeDetail, changeSubject } from '../../src/output/describe-change.js';
import { DEFAULT_MAX_BYTES, renderMarkdown } from '../../src/output/markdown-report.js';
import { corpusDir, HAS_CORPUS, NO_CORPUS } from '../helpers/corpus.js';
import { parseNotes, unescapeMarkdown } from '../helpers/markdown-structure.js';

/** The release notes of a year of AWS (HTML reference 2025-06-01 → 2026-06-14) as GitHub would take them. */
describe.skipIf(!HAS_CORPUS)(`release notes of the whole-AWS year (${HAS_CORPUS ? 'present' : NO_CORPUS})`, () => {
  let result: DiffResult;
  let md: string;

  beforeAll(async () => {
    result = await computeDiff(corpusDir('sar-html', '2025-06-01'), corpusDir('sar-html', '2026-06-14'), {});
    md = renderMarkdown(result);
  }, 120_000);

  it('fit a GitHub release body (125,000 characters) although the full notes are several times that', () => {
    expect(DEFAULT_MAX_BYTES).toBe(125_000);
    expect(md.length).toBeLessThanOrEqual(125_000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(125_000);
    expect(renderMarkdown(result, { maxBytes: 0 }).length).toBeGreaterThan(4 * 125_000);
  });

  it('list every HIGH change, in the block of its service, and say what was only counted', () => {
    const doc = parseNotes(md);
    const rows = new Map<string, string[][]>();
    for (const s of doc.services) rows.set(/<b>(.*?)<\/b>/.exec(s.summary)![1]!, s.tables.flatMap((t) => t.rows));
    const highs = result.changes.filter((c) => c.severity === 'high');
    expect(highs.length).toBeGreaterThan(100);
    for (const c of highs) {
      const found = (rows.get(c.service) ?? []).some((r) => r[0] === 'high' && unescapeMarkdown(r[1]!) === changeSubject(c) && r[2] === c.kind && (c.words !== undefined || unescapeMarkdown(r[3]!) === changeDetail(c)));
      expect(found, `${c.kind} ${changeSubject(c)} ${changeDetail(c)}`).toBe(true);
    }
    const note = doc.paragraphs.find((p) => p.startsWith('**Cut to fit 125,000 bytes:** every HIGH change is listed;'));
    expect(note).toBeDefined();
    const counted = Number(/; ([\d,]+) other changes are counted/.exec(note!)![1]!.replace(/,/g, ''));
    const listed = [...rows.values()].reduce((n, r) => n + r.length, 0);
    expect(listed + counted).toBe(result.changes.length);
  });

  it('render as a legend, then services most severe first, each with its counts in the summary line', () => {
    const doc = parseNotes(md);
    expect(doc.headings.map((h) => h.level)).toEqual([1]);
    const legend = doc.tables[0]!;
    expect(legend.head).toEqual(['Change', 'Rule', 'Severity', 'Count', 'Why it matters']);
    expect(legend.rows.reduce((n, r) => n + Number(r[3]!.replace(/,/g, '')), 0)).toBe(result.changes.length);
    const tree = buildServiceTree(result.changes);
    const inBlocks = doc.services.map((s) => s.summary);
    // the blocks follow the tree's order (most severe first); every service is in a block or the counted table
    const expected = tree.map((s) => `<b>${s.service}</b>: ${s.counts.total} change${s.counts.total === 1 ? '' : 's'} (${severityCounts(s.counts)})`);
    expect(inBlocks).toEqual(expected.filter((e) => inBlocks.includes(e)));
    const countedTable = doc.tables.find((t) => t.head.join() === 'Service,Changes,High,Medium,Low');
    expect(inBlocks.length + (countedTable?.rows.length ?? 0)).toBe(tree.length);
    for (const s of tree.filter((t) => t.counts.bySeverity.high > 0)) expect(inBlocks).toContain(expected[tree.indexOf(s)]);
  });
});
