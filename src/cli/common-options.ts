/** Option sets several commands share (node:util parseArgs form). */

/** `--format`/`-f`: the output format. */
export const FORMAT_OPTION = { format: { type: 'string', short: 'f' } } as const;

/** How sources are read: the service of sources that do not state it, a forced parser. */
export const SOURCE_OPTIONS = { service: { type: 'string' }, 'input-format': { type: 'string' } } as const;

/** Colour on or off (default: on a terminal, off with NO_COLOR). */
export const COLOR_OPTIONS = { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } } as const;
