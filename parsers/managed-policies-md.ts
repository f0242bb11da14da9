import type { Action, Catalog, ManagedPolicy } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { actionKey } from '../src/model/identity.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import { isDelimiterRow, markdownLinks, tableCells, unescapeMarkdown } from './common/markdown.js';
import { splitLines } from './common/text-lines.js';
import { isWildcardPattern } from '../src/policy/action-pattern.js';
import type { CatalogParser, ParseOptions } from './parser.js';

/** Which AWS managed policies grant a service's actions, and with which patterns. */
export const managedPoliciesMd: CatalogParser = {
  id: 'managed-policies-md',
  title: 'AWS managed policies that grant a service\'s actions (policies and action patterns)',
  carries: ['managedPolicies'],
  detect(text) {
    return /^# Service: \S+/m.test(text) && (/^## Allowed Actions/m.test(text) || /\|\s*Policy ARN\s*\|/.test(text));
  },
  parse(text, options) {
    return parseManagedPolicies(text, options);
  },
};

/** Text of a cell: link text if it is a link, code span contents, escapes removed. */
function cellText(cell: string): string {
  const link = markdownLinks(cell)[0];
  const raw = link ? link.text : cell;
  return unescapeMarkdown(trimBackticks(raw).trim());
}

/** `raw` without the backticks that open and close it (scanned: `/`+$/` is quadratic on a cell of backticks). */
function trimBackticks(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && raw[a] === '`') a++;
  while (b > a && raw[b - 1] === '`') b--;
  return raw.slice(a, b);
}

function parseManagedPolicies(text: string, { file }: ParseOptions): Catalog {
  const lines = splitLines(text);
  const prefixMatch = /^# Service: (\S+)/m.exec(text);
  if (!prefixMatch) throw new InputError(file, 'no "# Service: <prefix>" heading', 1);
  const prefix = prefixMatch[1]!.toLowerCase();
  const policies = new Map<string, ManagedPolicy>();
  const patterns: string[] = [];
  let section = '';
  let width = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) {
      section = line.slice(3).trim().toLowerCase();
      width = 0;
      continue;
    }
    const cells = tableCells(line);
    if (!cells) continue;
    if (width === 0) {
      width = cells.length; // header row
      continue;
    }
    if (isDelimiterRow(cells)) continue;
    if (cells.length !== width || !line.trimEnd().endsWith('|')) {
      throw new InputError(file, `table row has ${cells.length} cells, the header has ${width} (truncated file?)`, i + 1);
    }
    if (section.startsWith('attached')) {
      const arn = cellText(cells[0]!);
      if (!arn.startsWith('arn:')) throw new InputError(file, `"${arn}" is not a policy ARN`, i + 1);
      policies.set(arn, { arn, name: cellText(cells[1]!) });
    } else if (section.startsWith('allowed actions')) {
      const pattern = cellText(cells[0]!);
      if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_*?-]+$|^\*$/.test(pattern)) throw new InputError(file, `"${pattern}" is not an action pattern`, i + 1);
      patterns.push(pattern);
    }
  }
  if (patterns.length === 0 && policies.size === 0) throw new InputError(file, 'no policies and no allowed actions found', lines.length);

  // Exact names of this service become actions; spellings fold onto one canonical name.
  const byKey = new Map<string, string[]>();
  for (const p of patterns) {
    const [service, name] = p.split(':') as [string, string];
    if (isWildcardPattern(p) || service.toLowerCase() !== prefix) continue;
    const key = actionKey(name);
    const spellings = byKey.get(key);
    if (spellings) spellings.push(name); // (a copy per pattern was quadratic in a page repeating one name)
    else byKey.set(key, [name]);
  }
  const actions: Action[] = [...byKey.values()].map((spellings) => {
    const canonical = spellings.find((s) => /^[A-Z]/.test(s)) ?? spellings[0]![0]!.toUpperCase() + spellings[0]!.slice(1);
    const others = [...new Set(spellings.filter((s) => s !== canonical))];
    return { name: canonical, spellings: others.length > 0 ? others : undefined };
  });
  return normalizeCatalog({
    service: { prefix },
    source: { format: managedPoliciesMd.id, file },
    carries: [...managedPoliciesMd.carries],
    actions,
    managedPolicies: { policies: [...policies.values()], patterns },
  });
}
