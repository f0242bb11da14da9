import type { CommandIO } from '../commands/command.js';

/** What a shell can propose for a value: files, directories, or a list iamdiff knows. */
export type Completion = 'file' | 'dir' | 'path' | 'kinds' | 'rules' | 'services' | 'input-formats' | 'severities' | 'commands' | 'shells' | readonly string[];

/** One option of a command, declared once: commander, help, completion and the config file read it. */
export interface OptionSpec {
  /** commander's flags: `-f, --format <format>`, `--exit-code`, `--color [when]`. */
  flags: string;
  help: string;
  /** Allowed values, checked by commander (and by the config file). */
  choices?: readonly string[];
  /** The default, shown in --help. */
  default?: string | boolean;
  /** Repeatable; each value may also be a comma list. */
  multiple?: boolean;
  /** What a shell completes after it. */
  complete?: Completion;
  /** Kept working, not shown in --help (an old name). */
  hidden?: boolean;
  /** Long names of options it cannot be given with. */
  conflicts?: string[];
}

/** Option values by long name (`fail-on`, `input-format`), as the commands read them. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** What a command's own module exports: loaded only when the command runs. */
export interface CommandModule {
  run(args: string[], values: OptionValues, io: CommandIO): number | Promise<number>;
}

/** A command: its name, help and options (light: no imports), and how to load what runs it. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** The synopsis README.md shows (a test checks it is there). */
  usage: string;
  /** commander argument declarations: `<old>`, `<new>`, `[sources...]`. */
  args: string[];
  /** What a shell completes for the arguments. */
  argComplete?: Completion;
  options: OptionSpec[];
  /** Shown under "Examples:" in --help. */
  examples: string[];
  load(): Promise<CommandModule>;
}
