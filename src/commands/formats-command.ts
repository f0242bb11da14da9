import { DIRECTORY_PARSERS, MULTI_CATALOG_PARSERS, PARSERS } from '../../parsers/index.js';
import { FIELD_LABELS } from '../model/catalog.js';
import type { CommandIO } from './command.js';
import type { OptionValues } from '../cli/command-spec.js';

/** `iamdiff formats`. */
export function run(_positionals: string[], _raw: OptionValues, io: CommandIO): number {
  for (const p of [...PARSERS, ...MULTI_CATALOG_PARSERS, ...DIRECTORY_PARSERS]) {
    io.stdout.write(`${p.id.padEnd(20)} ${p.title}\n${' '.repeat(21)}carries: ${p.carries.map((f) => FIELD_LABELS[f]).join(', ') || '(nothing yet)'}\n`);
  }
  return 0;
}
