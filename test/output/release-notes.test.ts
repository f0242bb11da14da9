import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/change.js';
import { changeSubject } from '../../src/output/describe-change.js';
import { renderMarkdown, renderMarkdownLog } from '../../src/output/markdown-report.js';
import { escapeMarkdownCell } from '../../src/output/markdown-escape.js';
import { computeDiff } from '../../src/commands/diff-command.js';
import { bigResult } from '../bench/review-bench.js';
import { fixturePath, ROOT } from '../helpers/paths.js';
import { parseNotes, unescapeMarkdown } from '../helpers/markdown-structure.js';
import { runCli } from '../helpers/run-cli.js';
import { servicesResult } from '../review/review-fixtures.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const count = (text: string, part: string) => text.split(part).length - 1;

describe('release notes (Markdown) as a renderer reads them', () => {
  it('seeds: a legend giving each reason once, the service in a details block with its counts, rows most severe first', async () => {
    const result = await computeDiff(fixturePath('policy-sentry-ecr.md'), fixturePath('box-table-ecr.txt'), { service: 'ecr' });
    const md = renderMarkdown(result);
    const doc = parseNotes(md);
    expect(doc.headings).toEqual([{ level: 1, text: 'ecr: IAM catalog changes, policy-sentry-md policy-sentry-ecr → box-table 2022-11-10T16:11:37\\+00:00' }]);
    const [legend] = doc.tables;
    // a Rule column since issue #14: one row per rule
    expect(legend!.head).toEqual(['Change', 'Rule', 'Severity', 'Count', 'Why it matters']);
    expect(legend!.rows.map((r) => `${r[0]} ${r[1]} ${r[2]} ${r[3]}`)).toEqual([
      'access-level-changed access-level-lowered high 1',
      'resource-removed resource-removed high 1',
      'action-added action-added medium 13',
      'action-unresolved action-unresolved medium 1',
      'access-level-changed access-level-raised medium 1',
      'condition-key-added condition-key-added low 4',
    ]);
    // each reason once in the whole document, however many rows share it
    for (const c of result.changes) expect(count(md, escapeMarkdownCell(c.reason))).toBe(1);
    expect(doc.services).toHaveLength(1);
    const [ecr] = doc.services;
    expect(ecr!.summary).toBe('<b>ecr</b>: 21 changes (2 high, 15 medium, 4 low)');
    expect(ecr!.tables[0]!.head).toEqual(['Severity', 'Subject', 'Change', 'Detail', 'Rule', 'Fingerprint']);
    // every change's fingerprint once, beside its rule
    expect(ecr!.tables[0]!.rows.map((r) => `${r[4]} ${r[5]}`).sort()).toEqual(result.changes.map((c) => `${c.rule} \`${c.fingerprint}\``).sort());
    const severities = ecr!.tables[0]!.rows.map((r) => r[0]);
    expect(severities).toEqual([...Array(2).fill('high'), ...Array(15).fill('medium'), ...Array(4).fill('low')]);
    expect(md).not.toContain('Cut to fit');
  });

  it('many services: most severe first, each block counting exactly the rows it lists', () => {
    const { result } = servicesResult();
    const doc = parseNotes(renderMarkdown(result));
    expect(doc.services.map((s) => s.summary)).toEqual([
      '<b>ecr</b>: 3 changes (2 high, 1 low)',
      '<b>s3</b>: 4 changes (1 high, 2 medium, 1 low)',
      '<b>sqs</b>: 2 changes (2 medium)',
      '<b>newsvc</b>: 1 change (1 medium)',
      '<b>kms</b>: 2 changes (2 low)',
    ]);
    for (const s of doc.services) expect(s.tables[0]!.rows.length).toBe(Number(/: (\d+) change/.exec(s.summary)![1]));
    // closed: several services
    expect(doc.html.filter((h) => h.startsWith('<details>'))).toHaveLength(5);
  });

  it('a size budget keeps every HIGH change, lists what fits by priority, counts the rest and says so', () => {
    // 6,000 changes in 120 services, one in 20 high
    const big = bigResult(6000, 120);
    big.changes.forEach((c, i) => {
      if (c.severity === 'high' && i % 20 !== 2) Object.assign(c, { severity: 'medium' });
    });
    const highs = big.changes.filter((c) => c.severity === 'high');
    expect(highs.length).toBe(300);
    const full = renderMarkdown(big, { maxBytes: 0 });
    expect(bytes(full)).toBeGreaterThan(400_000);
    const md = renderMarkdown(big, { maxBytes: 150_000 });
    expect(bytes(md)).toBeLessThanOrEqual(150_000);
    const doc = parseNotes(md);
    const listed = doc.services.flatMap((s) => s.tables.flatMap((t) => t.rows));
    const key = (severity: string, subject: string, kind: string) => `${severity} ${subject} ${kind}`;
    const rowKeys = new Set(listed.map((r) => key(r[0]!, unescapeMarkdown(r[1]!), r[2]!)));
    for (const c of highs) expect(rowKeys.has(key('high', changeSubject(c), c.kind))).toBe(true);
    // the note says what is counted and not listed; the counts add up
    const note = doc.paragraphs.find((p) => p.startsWith('**Cut to fit 150,000 bytes:**'))!;
    expect(note).toBeDefined();
    const counted = Number(/; ([\d,]+) other changes are counted per service/.exec(note)![1]!.replace(/,/g, ''));
    expect(listed.length + counted).toBe(big.changes.length);
    expect(listed.length).toBeGreaterThan(highs.length);
    // services with nothing listed are one table row each
    const countedTable = doc.tables.find((t) => t.head.join() === 'Service,Changes,High,Medium,Low');
    const inBlocks = doc.services.length;
    expect(inBlocks + (countedTable?.rows.length ?? 0)).toBe(120);
    for (const s of doc.services) {
      const total = Number(/: ([\d,]+) changes?/.exec(s.summary)![1]!.replace(/,/g, ''));
      const rest = s.paragraphs.find((p) => p.startsWith('_Counted, not listed'));
      const restCount = rest ? [...rest.matchAll(/(\d+) (?:high|medium|low) \(/g)].reduce((n, m) => n + Number(m[1]), 0) : 0;
      expect(s.tables.reduce((n, t) => n + t.rows.length, 0) + restCount).toBe(total);
    }
  });

  it('HIGH changes over the budget are all listed anyway, and the note says they do not fit', () => {
    const big = bigResult(2000, 10);
    const md = renderMarkdown(big, { maxBytes: 10_000 });
    expect(md).toContain('The HIGH changes alone take');
    const rows = parseNotes(md).services.flatMap((s) => s.tables.flatMap((t) => t.rows));
    expect(rows.filter((r) => r[0] === 'high')).toHaveLength(big.changes.filter((c: Change) => c.severity === 'high').length);
  });

  it('take a kind they have never heard of (a newer diff engine) like any other', () => {
    const { result } = servicesResult();
    const unknown = { kind: 'condition-key-tiered', rule: 'condition-key-tiered', severity: 'low', reason: 'the key still scopes the action', service: 'ecr', action: 'DescribeImages', key: 'aws:TagKeys', before: 'repository', after: 'the action' } as unknown as Change;
    const doc = parseNotes(renderMarkdown({ ...result, changes: [...result.changes, unknown] }));
    expect(doc.tables[0]!.rows).toContainEqual(['condition-key-tiered', 'condition-key-tiered', 'low', '1', 'the key still scopes the action']);
    expect(doc.services[0]!.tables[0]!.rows).toContainEqual(['low', 'ecr:DescribeImages', 'condition-key-tiered', 'aws:TagKeys repository → the action', 'condition-key-tiered', '']);
  });

  it('diff --max-bytes and log --format markdown: a changelog, newest pair first, one legend', () => {
    const snaps = ['policy-sentry-ecr.policy-sentry-md.yaml', '2022-11-10.box-table.yaml', '2024-02-12.typedoc-enum.yaml'].map((f) => `snapshots/ecr/${f}`);
    const r = runCli(['log', ...snaps, '--format', 'markdown'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const doc = parseNotes(r.stdout);
    expect(doc.headings.map((h) => `${h.level} ${h.text}`)).toEqual(['1 IAM catalog changelog: 3 versions, newest first', '2 2022-11-10 \\(box-table\\) → 2024-02-12 \\(typedoc-enum\\)', '2 policy-sentry-ecr \\(policy-sentry-md\\) → 2022-11-10 \\(box-table\\)']);
    expect(doc.tables[0]!.head).toEqual(['Change', 'Rule', 'Severity', 'Count', 'Why it matters']);
    expect(doc.services).toHaveLength(2);
    expect(runCli(['log', ...snaps, '--format', 'markdown', '--action', 'ecr:DescribeImages']).stderr).toContain('--action has no markdown form');
    // 3,000 (was 2,500 before rows carried a rule and a fingerprint, issue #14)
    const cut = runCli(['diff', snaps[0]!, snaps[1]!, '--format', 'markdown', '--max-bytes', '3000']);
    expect(bytes(cut.stdout)).toBeLessThanOrEqual(3000);
    expect(cut.stdout).toContain('**Cut to fit 3,000 bytes:** every HIGH change is listed; 13 other changes are counted per service, not listed: 13 action-added (medium).');
    expect(runCli(['diff', snaps[0]!, snaps[1]!, '--format', 'markdown', '--max-bytes', 'lots']).stderr).toContain('--max-bytes must be a whole number');
  });
});
