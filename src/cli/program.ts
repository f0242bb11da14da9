import { Command, Option } from 'commander';
import type { CommandIO } from '../commands/command.js';
import type { CommandSpec, OptionSpec, OptionValues } from './command-spec.js';
import { COMMANDS } from './command-list.js';
import { closeHint } from './close-names.js';
import { GLOBAL } from './shared-options.js';
import { UsageError } from './usage-error.js';

/** The long name an option's value is read by: `--fail-on` → `fail-on`, `--no-color` → `color`. */
export function longName(o: OptionSpec | Option): string {
  const flags = o.flags;
  const long = /--([a-z0-9-]+)/.exec(flags)![1]!;
  return long.startsWith('no-') ? long.slice(3) : long;
}

/** A commander Option from a spec; the default is shown in the help, the command applies it. */
function makeOption(spec: OptionSpec): Option {
  const extra = [...(spec.choices ? [`one of: ${spec.choices.join(', ')}`] : []), ...(spec.default !== undefined ? [`default: ${spec.default}`] : [])];
  const o = new Option(spec.flags, extra.length ? `${spec.help} (${extra.join('; ')})` : spec.help);
  if (spec.multiple) o.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  if (spec.hidden) o.hideHelp();
  if (spec.conflicts) o.conflicts(spec.conflicts.map((n) => n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())));
  return o;
}

/** Values of choice options checked as every command always has: `--format must be one of text, json (got "yaml")`. */
export function checkChoices(spec: CommandSpec, values: OptionValues): void {
  for (const o of [...spec.options, ...GLOBAL]) {
    const v = values[longName(o)];
    if (o.choices && typeof v === 'string' && !o.choices.includes(v)) throw new UsageError(`--${longName(o)} must be one of ${o.choices.join(', ')} (got "${v}")${closeHint(v, o.choices)}`);
  }
}

/** Option values of a parsed command (its own and the program's), by long name. */
function valuesOf(cmd: Command): OptionValues {
  const values: OptionValues = {};
  for (const c of [cmd, cmd.parent!]) {
    const opts = c.opts();
    for (const o of c.options) {
      const v = opts[o.attributeName()];
      if (v !== undefined) values[longName(o)] ??= v as OptionValues[string];
    }
  }
  return values;
}

export interface ProgramHooks {
  /** Runs a command once its arguments are parsed. */
  run(spec: CommandSpec, args: string[], values: OptionValues): Promise<number>;
  version: string;
}

/** The command line: every command with its options, help, examples and suggestions (commander). */
export function buildProgram(io: CommandIO, hooks: ProgramHooks): Command {
  const program = new Command('iamdiff');
  program
    .description('Read AWS IAM action catalogs in any published format and say what changed.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined, getOutHelpWidth: () => io.stdout.columns ?? 100 })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    // commands listed with their arguments as declared (<old> <new>), not as parsed (all optional: commands check counts)
    .configureHelp({ showGlobalOptions: true, subcommandTerm: (c) => [c.name(), ...(COMMANDS.find((s) => s.name === c.name())?.args.filter((a) => a !== '[words...]') ?? c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)))].join(' ') })
    .version(hooks.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help (iamdiff COMMAND --help: a command\'s flags, defaults and examples)')
    .addHelpText('after', '\nExit codes: 0 done, 1 a gate tripped (--exit-code, --fail-on), 2 bad input or usage.\nConfig: .iamdiff.yaml in the working directory or above (--config FILE); see README.md.\n');
  for (const g of GLOBAL) program.addOption(makeOption(g));
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).summary(spec.summary).description(spec.summary).usage(spec.usage.replace(/^iamdiff \S+ ?/, ''));
    // Counts are checked by the commands, which say what is missing in their own words.
    for (const a of spec.args) cmd.argument(a.replace(/^<(.*)>$/, '[$1]'));
    for (const o of spec.options) cmd.addOption(makeOption(o));
    if (spec.examples.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    cmd.action(async (...params: unknown[]) => {
      const self = params.at(-1) as Command;
      program.setOptionValue('exitCode', await hooks.run(spec, self.args, valuesOf(self)));
    });
  }
  program
    .command('version')
    .description('print the version')
    .action(() => {
      io.stdout.write(`${hooks.version}\n`);
      program.setOptionValue('exitCode', 0);
    });
  return program;
}
