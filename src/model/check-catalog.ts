import type { Catalog } from './catalog.js';
import { InputError } from './errors.js';
import { hasCatalogShape } from './catalog-shape.js';
import { catalogSchema } from './schema.js';
import { isServicePrefix } from './service-prefix.js';

/** Line of `needle` in `text`: where a document states its prefix (`service prefix: …`, `- prefix:`, `# Service:`) if it is there, else its first occurrence. */
function lineOf(text: string | undefined, needle: string): number | undefined {
  if (!text || !needle) return undefined;
  const stated = /service prefix|- prefix:|# Service:/i.exec(text);
  const near = stated ? text.indexOf(needle, stated.index) : -1;
  const at = near >= 0 && near - stated!.index < 300 ? near : text.indexOf(needle);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * What a parser returns is checked against the catalog schema before anything uses it,
 * so every catalog iamdiff holds is one `iamdiff snapshot` can write and read back. The
 * service prefix first, by name (it becomes a directory), then the rest, located at the
 * action's line where the catalog knows it.
 */
export function checkParsedCatalog(catalog: Catalog, file: string, text?: string): Catalog {
  const prefix = catalog.service.prefix;
  if (typeof prefix !== 'string' || !isServicePrefix(prefix)) {
    throw new InputError(file, `service prefix "${String(prefix).slice(0, 80)}" is not an IAM service prefix (lower-case letters, digits and -)`, lineOf(text, String(prefix)) ?? 1);
  }
  if (hasCatalogShape(catalog)) return catalog;
  const result = catalogSchema().safeParse(catalog);
  if (result.success) return catalog;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  let line: number | undefined;
  let where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  if (path[0] === 'actions' && typeof path[1] === 'number') {
    const action = catalog.actions[path[1]];
    line = action?.line;
    if (action && typeof action.name === 'string' && action.name) where += ` (action ${action.name.slice(0, 80)})`;
  }
  throw new InputError(file, `what was read breaks the catalog schema at ${where || '(top)'}: ${issue.message}`, line ?? 1);
}
