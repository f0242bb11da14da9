import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/main.js';
import { CHANGE_KINDS } from '../src/diff/change.js';
import { SEVERITY_RULES } from '../src/diff/severity-rules.js';
import { DIRECTORY_PARSERS, PARSERS } from '../parsers/index.js';
import { ROOT } from './helpers/paths.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README has a "## ${title}" section`).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README.md stays true', () => {
  it('shows the severity rules exactly as the code applies them', () => {
    const rows = section('Severity')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) =>
        l
          .slice(1, -1)
          .split(/(?<!\\) \| /)
          .map((c) => c.trim().replace(/\\\|/g, '|')),
      );
    expect(rows.map(([kind, caseName, severity, reason]) => ({ kind: kind!.replace(/`/g, ''), case: caseName || undefined, severity, reason }))).toEqual(
      SEVERITY_RULES.map((r) => ({ kind: r.kind, case: r.case, severity: r.severity, reason: r.reason })),
    );
  });

  it('names every change kind, command, usage line and format', () => {
    for (const kind of CHANGE_KINDS) expect(readme).toContain(`\`${kind}\``);
    for (const c of COMMANDS) expect(readme, `usage of ${c.name}`).toContain(c.usage);
    for (const p of [...PARSERS, ...DIRECTORY_PARSERS]) expect(readme).toContain(`\`${p.id}\``);
  });

  it('gives the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
