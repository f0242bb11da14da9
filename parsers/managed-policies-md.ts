import { InputError } from '../src/model/errors.js';
import type { CatalogParser } from './parser.js';

// STUB: to be implemented.
export const managedPoliciesMd: CatalogParser = {
  id: 'managed-policies-md',
  title: 'AWS managed policies that grant a service\'s actions',
  carries: [],
  detect() {
    return false;
  },
  parse(_text, { file }) {
    throw new InputError(file, 'managed-policies-md parser is not implemented yet');
  },
};
