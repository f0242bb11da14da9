import { CommanderError } from 'commander';
import { createRequire } from 'node:module';
import type { CommandIO } from '../commands/command.js';
import { InputError } from '../model/errors.js';
import { clip, oneLine } from '../text/sanitize.js';
import { colorChoice, normalizeColorFlag } from './color-flag.js';
import type { CommandSpec, OptionValues } from './command-spec.js';
import { commanderMessage } from './commander-error.js';
import { applyMaxInputSize } from './global-options.js';
import { outputTarget } from './output-target.js';
import { buildProgram, checkChoices } from './program.js';
import { OUTPUT } from './shared-options.js';
import { UsageError } from './usage-error.js';

export { COMMANDS } from './command-list.js';

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../../package.json') as { version: string }).version;
}

/** commander's codes for help and version: printed, exit 0. */
const DONE = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Load the config, apply its defaults and the shared options, then run the command's own module (loaded only now). */
async function runCommand(spec: CommandSpec, args: string[], values: OptionValues, io: CommandIO): Promise<number> {
  applyMaxInputSize(values['max-input-size']);
  checkChoices(spec, values);
  // the finder is light; the validator (zod, the option tables) loads only when there is a config
  const { findConfigFile } = await import('../config/find-config.js');
  const file = findConfigFile(values.config as string | undefined, process.cwd());
  const loader = file ? await import('../config/load-config.js') : undefined;
  const config = loader?.loadConfig(file, process.cwd());
  if (loader && config) {
    loader.applyConfigDefaults(config, spec, values);
    applyMaxInputSize(values['max-input-size']); // a default from the config
  }
  values.color = colorChoice(values.color);
  const target = spec.options.includes(OUTPUT[0]!) ? outputTarget(values.output as string | undefined, !!values.force, io) : { io, finish: () => undefined };
  const mod = await spec.load();
  const code = await mod.run(args, values, { ...target.io, config });
  target.finish();
  return code;
}

/** Run the CLI; returns the exit code. Errors become one line on stderr, never a stack. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  let code = 0;
  let current = '';
  const program = buildProgram(io, {
    version: version(),
    run: async (spec, args, values) => {
      code = await runCommand(spec, args, values, io);
      return code;
    },
  });
  program.hook('preSubcommand', (_p, sub) => void (current = sub.name()));
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(normalizeColorFlag(argv), { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (DONE.has(e.code)) return 0;
      const where = current ? `${current}: ` : '';
      io.stderr.write(`iamdiff: ${where}${clip(oneLine(commanderMessage(e)))} (see iamdiff ${current ? `${current} ` : ''}--help)\n`);
      return 2;
    }
    if (e instanceof InputError) io.stderr.write(`iamdiff: ${clip(oneLine(e.message))}\n`);
    else if (e instanceof UsageError) io.stderr.write(`iamdiff: ${clip(oneLine(e.message))} (see iamdiff ${current ? `${current} ` : ''}--help)\n`);
    else {
      const err = e as Error;
      io.stderr.write(`iamdiff: internal error: ${clip(oneLine(err?.message ?? String(e)))}\n`);
      if (io.env.IAMDIFF_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
    }
    return 2;
  }
}
