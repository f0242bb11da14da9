/**
 * An error a user can act on: one line naming the file and, where known, the line.
 * The CLI prints `message` alone (no stack) and exits with code 2.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${detail}`);
    this.name = 'InputError';
  }
}

/** A file that is recognisably not a catalog (a saved redirect page): skipped, with a note, inside a directory. */
export class NotACatalogError extends InputError {
  override name = 'NotACatalogError';
}
