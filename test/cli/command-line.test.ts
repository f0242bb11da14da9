import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { longName } from '../../src/cli/program.js';
import { CLI, fixturePath, ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const OLD = fixturePath('policy-sentry-ecr.md');
const NEW = fixturePath('box-table-ecr.txt');
const work = mkdtempSync(join(tmpdir(), 'iamdiff-cli-'));

const usageError = (args: string[], message: string) => {
  const r = runCli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(message);
};

describe('help', () => {
  it('every command: its usage, every flag with its allowed values and default, examples', () => {
    for (const spec of COMMANDS) {
      const r = runCli([spec.name, '--help']);
      const flat = r.stdout.replace(/\s+/g, ' '); // help is wrapped to the width
      expect(r.code, spec.name).toBe(0);
      expect(r.stdout).toContain(`Usage: iamdiff ${spec.name} `);
      for (const o of spec.options.filter((x) => !x.hidden)) {
        expect(r.stdout, `${spec.name} --${longName(o)}`).toContain(`--${/--([a-z0-9-]+)/.exec(o.flags)![1]}`);
        if (o.default !== undefined) expect(flat).toContain(`default: ${o.default}`);
        if (o.choices) expect(flat).toContain(`one of: ${o.choices.join(', ')}`);
      }
      expect(r.stdout).toContain('Examples:\n  $ ');
      expect(r.stdout).toContain('--max-input-size');
    }
    const top = runCli(['--help']);
    for (const spec of COMMANDS) expect(top.stdout).toContain(`  ${spec.name}`);
    expect(runCli(['help', 'diff']).stdout).toBe(runCli(['diff', '--help']).stdout);
    // no arguments: the help, and exit code 2 (as before)
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe(top.stdout);
  });
});

describe('suggestions for typos', () => {
  it('commands and flags', () => {
    usageError(['dif', OLD, NEW], "iamdiff: unknown command 'dif' (did you mean diff?) (see iamdiff --help)\n");
    usageError(['diff', OLD, NEW, '--fail-onn', 'high'], "iamdiff: diff: unknown option '--fail-onn' (did you mean --fail-on?) (see iamdiff diff --help)\n");
    usageError(['log', OLD, NEW, '--servise', 'ecr'], "iamdiff: log: unknown option '--servise' (did you mean --service?) (see iamdiff log --help)\n");
    usageError(['diff', OLD, NEW, '--format', 'markdwn'], 'iamdiff: --format must be one of text, markdown, html, json, yaml, github, junit (got "markdwn") (close: markdown) (see iamdiff diff --help)\n');
  });
});

describe('version', () => {
  it('-v, --version and version print it', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['-v'], ['--version'], ['version'], ['-V']]) {
      const r = runCli(args);
      expect(r.code, args[0]).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

describe('shared options behave the same everywhere', () => {
  it('conflicting flags are an error, not ignored', () => {
    usageError(['diff', OLD, NEW, '-i', '--format', 'json'], "iamdiff: diff: option '-i, --interactive' cannot be used with option '-f, --format <format>' (see iamdiff diff --help)\n");
    usageError(['diff', OLD, NEW, '-i', '-o', join(work, 'x.txt')], "iamdiff: diff: option '-i, --interactive' cannot be used with option '-o, --output <file>' (see iamdiff diff --help)\n");
  });

  it('-o - is standard output; -o FILE writes it atomically; a missing directory is an error, not a mkdir', () => {
    const stdout = runCli(['diff', OLD, NEW, '--service', 'ecr', '-o', '-']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(runCli(['diff', OLD, NEW, '--service', 'ecr']).stdout);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
    for (const [cmd, args] of [
      ['rules', []],
      ['formats', []],
      ['check', [fixturePath('managed-policies-ecr.md'), '--catalog', NEW, '--service', 'ecr']],
      ['log', ['snapshots/ecr']],
      ['parse', [OLD]],
    ] as const) {
      const file = join(work, `${cmd}.out`);
      const r = runCli([cmd, ...args, '-o', file]);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith(`wrote ${file}\n`)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(runCli([cmd, ...args]).stdout);
      expect(runCli([cmd, ...args, '-o', file]).stderr).toBe(`iamdiff: --output ${file}: already exists; use --force to overwrite it (see iamdiff ${cmd} --help)\n`);
    }
    const missing = join(work, 'no', 'such', 'dir', 'report.md');
    usageError(['diff', OLD, NEW, '-o', missing], `iamdiff: --output ${missing}: directory ${join(work, 'no', 'such', 'dir')} does not exist (iamdiff does not create it) (see iamdiff diff --help)\n`);
    expect(existsSync(join(work, 'no'))).toBe(false);
  });

  it('--color always keeps every colour through a pipe (word diffs too); --no-color and --color never none', () => {
    const args = ['diff', fixturePath('aws-docs-ecr.md'), OLD, '--only', 'description-changed'];
    const always = runCli([...args, '--color', 'always'], { env: { NO_COLOR: '' } });
    expect(always.stdout).toContain('\u001b[32m{+Grants permission to check+}\u001b[39m');
    expect(always.stdout).toContain('\u001b[31m[-Check-]\u001b[39m');
    expect(always.stdout).toMatch(/^\u001b\[1miamdiff ecr:/);
    // a bare --color (the old boolean flag) is always, even before a file name
    expect(runCli(['diff', '--color', fixturePath('aws-docs-ecr.md'), OLD, '--only', 'description-changed'], { env: { NO_COLOR: '' } }).stdout).toBe(always.stdout);
    for (const off of [['--no-color'], ['--color', 'never']]) expect(runCli([...args, '--color', 'always', ...off], { env: { NO_COLOR: '' } }).stdout).not.toContain('\u001b');
    expect(runCli([...args], { env: { NO_COLOR: '' } }).stdout).not.toContain('\u001b'); // auto, not a terminal
    // every command takes them, so a script can pass them everywhere
    for (const cmd of [['formats'], ['rules'], ['schema'], ['parse', OLD], ['check', fixturePath('managed-policies-ecr.md'), '--catalog', NEW, '--service', 'ecr']]) {
      for (const flag of [['--no-color'], ['--color', 'never']]) expect(runCli([...cmd, ...flag]).code, `${cmd[0]} ${flag.join(' ')}`).toBe(0);
    }
  });
});

describe('lazy loading', () => {
  /** The modules node loads for a command line, as file paths relative to the project. */
  function loaded(args: string[]): string[] {
    const trace = join(work, `trace-${args.join('-').replace(/[^a-z0-9-]/gi, '')}.txt`);
    writeFileSync(trace, '');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/helpers/trace-imports.mjs'), CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, IAMDIFF_TRACE: trace } });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(trace, 'utf8').split('\n').filter((u) => u.startsWith('file://')).map((u) => u.slice(`file://${ROOT}/`.length));
  }

  it('--version loads no command and no library; each command loads its own module only', () => {
    expect(loaded(['--version'])).toEqual(['dist/src/cli.js']);
    const rules = loaded(['rules']);
    expect(rules).toContain('dist/src/commands/rules-command.js');
    expect(rules.filter((m) => /^dist\/src\/commands\/.*-command\.js$/.test(m))).toEqual(['dist/src/commands/rules-command.js']);
    expect(rules.some((m) => /node_modules\/(cheerio|ink|react|diff)\//.test(m))).toBe(false);
    // no config here: the config's validator (zod, yaml) is not loaded either
    expect(rules.some((m) => /node_modules\/(zod|yaml)\/|dist\/src\/config\/load-config/.test(m))).toBe(false);
    const formats = loaded(['formats']);
    expect(formats.filter((m) => /^dist\/src\/commands\/.*-command\.js$/.test(m))).toEqual(['dist/src/commands/formats-command.js']);
    expect(formats.some((m) => /node_modules\/(ink|react)\//.test(m))).toBe(false);
    const diff = loaded(['diff', 'snapshots/ecr/policy-sentry-ecr.policy-sentry-md.yaml', 'snapshots/ecr/2022-11-10.box-table.yaml']);
    expect(diff.filter((m) => /^dist\/src\/commands\/.*-command\.js$/.test(m))).toEqual(['dist/src/commands/diff-command.js']);
    expect(diff.some((m) => /node_modules\/(ink|react)\//.test(m))).toBe(false); // the review app is not loaded for a report
  });
});
