import { InputError } from '../src/model/errors.js';
import type { CatalogParser } from './parser.js';

// STUB: to be implemented.
export const typedocEnum: CatalogParser = {
  id: 'typedoc-enum',
  title: 'TypeDoc enum page of action names and descriptions',
  carries: [],
  detect() {
    return false;
  },
  parse(_text, { file }) {
    throw new InputError(file, 'typedoc-enum parser is not implemented yet');
  },
};
