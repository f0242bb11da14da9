import { DIRECTORY_PARSERS, MULTI_CATALOG_PARSERS, PARSERS } from '../../parsers/index.js';
import { FIELD_LABELS } from '../model/catalog.js';
import type { Command } from './command.js';

export const formatsCommand: Command = {
  name: 'formats',
  summary: 'list the source formats and the fields each one carries',
  usage: 'iamdiff formats',
  run(_argv, io) {
    for (const p of [...PARSERS, ...MULTI_CATALOG_PARSERS, ...DIRECTORY_PARSERS]) {
      io.stdout.write(`${p.id.padEnd(20)} ${p.title}\n${' '.repeat(21)}carries: ${p.carries.map((f) => FIELD_LABELS[f]).join(', ') || '(nothing yet)'}\n`);
    }
    return 0;
  },
};
