import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/main.js';
import { DIFF_FORMATS } from '../src/cli/specs/diff-spec.js';
import { CHANGE_KINDS } from '../src/diff/change.js';
import { SEVERITY_RULES } from '../src/diff/severity-rules.js';
import { DIRECTORY_PARSERS, PARSERS } from '../parsers/index.js';
import { CLI, ROOT } from './helpers/paths.js';
import { spawnSync } from 'node:child_process';

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
    expect(rows.map(([id, kind, caseName, severity, reason]) => ({ id: id!.replace(/`/g, ''), kind: kind!.replace(/`/g, ''), case: caseName || undefined, severity, reason }))).toEqual(
      SEVERITY_RULES.map((r) => ({ id: r.id, kind: r.kind, case: r.case, severity: r.severity, reason: r.reason })),
    );
  });

  it('names every change kind, command, usage line and format', () => {
    for (const kind of CHANGE_KINDS) expect(readme).toContain(`\`${kind}\``);
    for (const c of COMMANDS) {
      expect(readme, `usage of ${c.name}`).toContain(c.usage);
      // every flag of every command is documented (hidden ones are old names kept working)
      for (const o of c.options.filter((x) => !x.hidden)) expect(readme, `${c.name} ${o.flags}`).toContain(`--${/--([a-z0-9-]+)/.exec(o.flags)![1]}`);
    }
    for (const f of DIFF_FORMATS) expect(readme, `diff --format ${f}`).toContain(`\`${f}\``);
    for (const p of [...PARSERS, ...DIRECTORY_PARSERS]) expect(readme).toContain(`\`${p.id}\``);
  });

  it('gives the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});

describe('README examples', () => {
  // Every ```console block that starts with `$ npx iamdiff …` is run; its output must match (a trailing `…` line cuts it short).
  const blocks = [...readme.matchAll(/```console\n\$ npx iamdiff ([^\n]+)\n([\s\S]*?)```/g)];
  it('has an example of every output format', () => {
    const commands = blocks.map((b) => b[1]!);
    for (const f of ['markdown', 'json', 'yaml']) expect(commands.some((c) => c.includes(`--format ${f}`)), f).toBe(true);
    expect(commands.some((c) => !c.includes('--format'))).toBe(true);
  });
  for (const [, command, shown] of blocks) {
    it(`iamdiff ${command}`, () => {
      const r = spawnSync(process.execPath, [CLI, ...command!.split(' ')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const lines = shown!.replace(/\n$/, '').split('\n');
      const cut = lines.at(-1) === '…';
      const actual = r.stdout.replace(/\n$/, '').split('\n');
      expect(cut ? actual.slice(0, lines.length - 1) : actual).toEqual(cut ? lines.slice(0, -1) : lines);
    });
  }
});
