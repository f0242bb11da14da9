import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const CLI = join(ROOT, 'dist', 'src', 'cli.js');

/** Path of a file in test/fixtures. */
export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** Text of a file in test/fixtures. */
export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}
