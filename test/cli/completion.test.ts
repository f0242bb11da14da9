import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { CHANGE_KINDS } from '../../src/diff/change.js';
import { RULE_IDS } from '../../src/diff/severity-rules.js';
import { CLI, fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const HAS_BASH = spawnSync('bash', ['--version']).status === 0;

// `iamdiff` on PATH, as a user has it: the completion script calls it for service prefixes.
const bin = mkdtempSync(join(tmpdir(), 'iamdiff-bin-'));
writeFileSync(join(bin, 'iamdiff'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
chmodSync(join(bin, 'iamdiff'), 0o755);

/** What bash proposes for a command line (the last word is being completed). */
function propose(...words: string[]): string[] {
  const script = `source <(iamdiff completion bash) && COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _iamdiff; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe.skipIf(!HAS_BASH)('bash completion', () => {
  it('loads: complete -p iamdiff', () => {
    const r = spawnSync('bash', ['-c', 'source <(iamdiff completion bash) && complete -p iamdiff'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('complete -F _iamdiff iamdiff\n');
  });

  it('proposes commands, flags, formats, kinds and rule IDs, severities, input formats and shells', () => {
    expect(propose('iamdiff', '')).toEqual(expect.arrayContaining([...COMMANDS.map((c) => c.name), 'version', '--help']));
    expect(propose('iamdiff', 'dif')).toEqual(['diff']);
    expect(propose('iamdiff', 'diff', '--fa')).toEqual(['--fail-on']);
    expect(propose('iamdiff', 'diff', 'a', 'b', '--format', '')).toEqual(['text', 'markdown', 'html', 'json', 'yaml', 'github', 'junit']);
    expect(propose('iamdiff', 'log', '-f', '')).toEqual(['text', 'markdown', 'json', 'yaml']);
    expect(propose('iamdiff', 'diff', '--fail-on', '')).toEqual(['high', 'medium', 'low']);
    expect(propose('iamdiff', 'diff', '--only', '').sort()).toEqual([...new Set([...CHANGE_KINDS, ...RULE_IDS])].sort());
    expect(propose('iamdiff', 'diff', '--only', 'access-level-')).toEqual(['access-level-changed', 'access-level-lowered', 'access-level-raised']);
    expect(propose('iamdiff', 'diff', '--only', 'action-added,pass')).toEqual(['action-added,pass-role-needed']);
    expect(propose('iamdiff', 'diff', '--input-format', 'service-')).toEqual(['service-reference-json']);
    expect(propose('iamdiff', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(propose('iamdiff', 'rules', '--')).toEqual(expect.arrayContaining(['--format', '--output', '--force', '--help', '--config']));
    expect(propose('iamdiff', 'rules', '--')).not.toContain('--only');
  });

  it('proposes the service prefixes of the snapshot directories on the line', () => {
    const snaps = mkdtempSync(join(tmpdir(), 'iamdiff-snaps-'));
    expect(runCli(['snapshot', fixturePath('service-reference/2025-09-10'), '-o', snaps]).code).toBe(0);
    mkdirSync(join(snaps, 'not-a-service-dir'));
    expect(propose('iamdiff', 'diff', snaps, snaps, '--service', '')).toEqual(['bcm-recommended-actions', 'ebs', 'ecr', 'freetier', 'mpa', 'ssm-sap']);
    expect(propose('iamdiff', 'diff', snaps, snaps, '--service', 'e')).toEqual(['ebs', 'ecr']);
    // a directory of one service's snapshots: its own name
    expect(propose('iamdiff', 'log', 'snapshots/ecr', '--service', '')).toEqual(['ecr']);
  });

  it('completes file names for sources and -o', () => {
    expect(propose('iamdiff', 'diff', 'snapshots/ecr/2022')).toEqual(['snapshots/ecr/2022-11-10.box-table.yaml']);
    expect(propose('iamdiff', 'diff', 'a', 'b', '-o', 'READ')).toEqual(['README.md']);
  });
});

describe('zsh and fish scripts', () => {
  it('name every command and flag; they load in their shell where it is installed', () => {
    const zsh = runCli(['completion', 'zsh']).stdout;
    const fish = runCli(['completion', 'fish']).stdout;
    expect(zsh.startsWith('#compdef iamdiff\n')).toBe(true);
    for (const c of COMMANDS) {
      expect(zsh).toContain(`    (${c.name})\n`);
      expect(fish).toContain(`-a ${c.name} -d `);
    }
    expect(zsh).toContain("'(-f --format)'{-f,--format}'[output format]:format:(text markdown json yaml)'"); // log's
    expect(zsh).toContain(':format:(text markdown html json yaml github junit)'); // diff's
    expect(fish).toContain(`-n "__fish_seen_subcommand_from diff" -l only -x -a '`);
    const dir = mkdtempSync(join(tmpdir(), 'iamdiff-completion-'));
    writeFileSync(join(dir, 'iamdiff.zsh'), zsh);
    writeFileSync(join(dir, 'iamdiff.fish'), fish);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    if (spawnSync('zsh', ['--version']).status === 0) {
      // loaded after compinit, it registers its function for iamdiff
      const r = spawnSync('zsh', ['-f', '-c', `autoload -U compinit && compinit -u -D && source ${join(dir, 'iamdiff.zsh')} && print -r -- $_comps[iamdiff]`], { encoding: 'utf8', env });
      expect(r.stdout.trim(), r.stderr).toBe('_iamdiff');
      expect(r.stderr).toBe('');
    } else console.log('zsh not installed: its script is checked as text only');
    if (spawnSync('fish', ['--version']).status === 0) {
      // fish answers what it would complete
      const ask = (line: string) => spawnSync('fish', ['--no-config', '-c', `source ${join(dir, 'iamdiff.fish')}; complete -C '${line}'`], { cwd: ROOT, encoding: 'utf8', env }).stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
      expect(ask('iamdiff dif')).toEqual(['diff']);
      expect(ask('iamdiff diff --format ').sort()).toEqual(['github', 'html', 'json', 'junit', 'markdown', 'text', 'yaml']); // fish sorts them
      expect(ask('iamdiff diff --only pass-')).toEqual(['pass-role-needed']);
      expect(ask('iamdiff log snapshots/ecr --service ')).toEqual(['ecr']);
    } else console.log('fish not installed: its script is checked as text only');
    expect(runCli(['completion', 'tcsh']).stderr).toBe('iamdiff: completion: unknown shell "tcsh" (bash, zsh or fish) (see iamdiff completion --help)\n');
  });
});
