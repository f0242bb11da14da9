import { describe, expect, it, vi } from 'vitest';
import { compareSources } from '../../src/compare/compare-sources.js';
import { renderCompareJson } from '../../src/compare/render-compare-json.js';
import { renderCompareMarkdown } from '../../src/compare/render-compare-markdown.js';
import { renderCompareText, wrapWords } from '../../src/compare/render-compare-text.js';
import type { CatalogField } from '../../src/model/catalog.js';
import { action, catalog } from '../helpers/catalog-builder.js';

const LONG = 'Grants permission to do something with a description long enough that it has to wrap twice on an eighty column terminal';

/** Two hand-written sources: Agreeing agrees; Zebra disagrees on access level; Hostile carries markup and escapes. */
function matrix() {
  return compareSources([
    catalog('svc', [
      action('Agreeing', { description: LONG }),
      action('Zebra', { accessLevel: 'Read' }),
      action('Hostile', { description: 'a | pipe <script>alert(1)</script> \u001b[31mred\u001b[0m' }),
    ]),
    catalog('svc', [action('Agreeing', { description: LONG }), action('Zebra', { accessLevel: 'Write' }), action('Hostile', { description: 'plain' })], {
      source: { format: 'hand-written', file: 'other|file_name.yaml', label: 'second' },
    }),
  ]);
}

describe('compare text', () => {
  const text = renderCompareText(matrix(), { color: false, onlyDisagreements: false });

  it('puts actions where sources disagree first, then the ones that agree', () => {
    const heads = text.split('\n').filter((l) => l.startsWith('svc:'));
    expect(heads).toEqual(['svc:Hostile  ✗ disagree on description', 'svc:Zebra  ✗ disagree on access level', 'svc:Agreeing  ✓ agree']);
  });

  it('fits 80 columns, continuation lines under the value they continue', () => {
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    const at = text.indexOf('    description        [1][2] Grants permission to do something');
    expect(at).toBeGreaterThan(0);
    const [first, second] = text.slice(at).split('\n');
    expect(second!.search(/\S/)).toBe(first!.indexOf('Grants'));
  });

  it('strips control sequences from document text; colour only when asked', () => {
    expect(text).not.toContain('\u001b');
    expect(text).toContain('<script>alert(1)</script> red');
    vi.stubEnv('FORCE_COLOR', '1'); // node:util styleText paints only for a terminal or when forced
    try {
      const coloured = renderCompareText(matrix(), { color: true, onlyDisagreements: false });
      expect(coloured).toContain('\u001b[31m✗');
      expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('keeps only the fields that disagree with onlyDisagreements', () => {
    const only = renderCompareText(matrix(), { color: false, onlyDisagreements: true });
    expect(only).not.toContain('svc:Agreeing');
    expect(only).toContain(['svc:Zebra  ✗ disagree on access level', '  ✗ access level       [1] Read', `${' '.repeat(23)}[2] Write`].join('\n'));
    expect(only.split('\n').filter((l) => l.includes('listed'))).toEqual([]);
    expect(only).toMatch(/\nSummary: 3 actions, 2 with disagreements \(access level 1, description 1\)\n$/);
  });

  it('wraps words, cutting only a word longer than the width', () => {
    expect(wrapWords('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapWords('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
    expect(wrapWords('', 10)).toEqual(['']);
  });
});

describe('compare markdown', () => {
  const md = renderCompareMarkdown(matrix(), { onlyDisagreements: false });

  it('escapes pipes and HTML in values and file names, so every table row keeps its columns', () => {
    expect(md).toContain('| svc:Hostile | a \\| pipe &lt;script&gt;alert\\(1\\)&lt;/script&gt; red | plain | ✗ |');
    expect(md).not.toMatch(/<script>|\u001b/);
    expect(md).toContain('2. hand-written \\(second\\): other\\|file\\_name.yaml');
    const rows = md.split('\n').filter((l) => l.startsWith('| svc:'));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(6); // '', action, [1], [2], agree, ''
  });

  it('has one table per field, `?` for a field a source does not carry', () => {
    const carries: CatalogField[] = ['actions', 'description'];
    const m = compareSources([catalog('svc', [action('A')]), catalog('svc', [action('A')], { carries })]);
    const out = renderCompareMarkdown(m, { onlyDisagreements: false });
    expect(out.match(/^## /gm)).toHaveLength(6);
    expect(out).toContain('## access level\n\n| Action | [1] | [2] | Agree |\n| --- | --- | --- | --- |\n| svc:A | Read | ? | ✓ |');
  });
});

describe('compare json', () => {
  it('is the same bytes whatever the order actions were listed in, with a summary', () => {
    const a = renderCompareJson(matrix(), { onlyDisagreements: false });
    const again = compareSources([
      catalog('svc', [action('Hostile', { description: 'a | pipe <script>alert(1)</script> \u001b[31mred\u001b[0m' }), action('Zebra', { accessLevel: 'Read' }), action('Agreeing', { description: LONG })]),
      catalog('svc', [action('Zebra', { accessLevel: 'Write' }), action('Hostile', { description: 'plain' }), action('Agreeing', { description: LONG })], {
        source: { format: 'hand-written', file: 'other|file_name.yaml', label: 'second' },
      }),
    ]);
    expect(renderCompareJson(again, { onlyDisagreements: false })).toBe(a);
    const data = JSON.parse(a);
    expect(Object.keys(data)).toEqual(['service', 'sources', 'summary', 'rows']);
    expect(data.rows.map((r: { action: string }) => r.action)).toEqual(['svc:Agreeing', 'svc:Hostile', 'svc:Zebra']);
    expect(data.summary).toEqual({ actions: 3, withDisagreements: 2, perField: { listed: 0, accessLevel: 1, resourceTypes: 0, conditionKeys: 0, dependentActions: 0, description: 1 } });
    expect(a).not.toContain('\\u001b');
  });

  it('keeps only rows with a disagreement with onlyDisagreements; the summary still counts all', () => {
    const data = JSON.parse(renderCompareJson(matrix(), { onlyDisagreements: true }));
    expect(data.rows.map((r: { action: string }) => r.action)).toEqual(['svc:Hostile', 'svc:Zebra']);
    expect(data.summary.actions).toBe(3);
  });
});
