import { InputError } from '../src/model/errors.js';
import type { CatalogParser } from './parser.js';

// STUB: to be implemented.
export const boxTable: CatalogParser = {
  id: 'box-table',
  title: 'Unicode box-drawing table of actions',
  carries: [],
  detect() {
    return false;
  },
  parse(_text, { file }) {
    throw new InputError(file, 'box-table parser is not implemented yet');
  },
};
