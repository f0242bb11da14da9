import { InputError } from '../src/model/errors.js';
import type { CatalogParser } from './parser.js';

// STUB: to be implemented.
export const awsDocsMd: CatalogParser = {
  id: 'aws-docs-md',
  title: 'AWS Service Authorization Reference as markdown tables',
  carries: [],
  detect() {
    return false;
  },
  parse(_text, { file }) {
    throw new InputError(file, 'aws-docs-md parser is not implemented yet');
  },
};
