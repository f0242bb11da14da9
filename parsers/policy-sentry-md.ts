import { yamlLib } from '../src/lazy/lazy-modules.js';
import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, ActionResourceType, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import type { CatalogParser, ParseOptions } from './parser.js';
import { splitLines } from './common/text-lines.js';
import { checkYamlDepth, withoutStackTraces } from '../src/snapshot/yaml-depth.js';

/** Policy Sentry's per-service markdown: front matter, `- prefix:`, `### Action` sections with a JSON block. */
export const policySentryMd: CatalogParser = {
  id: 'policy-sentry-md',
  title: 'Policy Sentry markdown (### Action sections with a JSON block of resource types)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions'],
  detect(text) {
    return /^- prefix:\s*\S+/m.test(text) && /^- access level:/m.test(text) && /^### \S/m.test(text);
  },
  parse(text, options) {
    return parsePolicySentry(text, options);
  },
};

const ACCESS_LEVEL = '- access level:';

const MAX_FRONT_MATTER = 64 * 1024;

interface JsonResource {
  resource_type?: unknown;
  required?: unknown;
  condition_keys?: unknown;
  dependent_actions?: unknown;
}

function frontMatter(lines: string[], file: string): { title?: string; end: number } {
  if (lines[0]?.trim() !== '---') return { end: 0 };
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) throw new InputError(file, 'front matter opened with --- is never closed (truncated file?)', 1);
  const yaml = lines.slice(1, close).join('\n');
  // A few lines on real pages; the YAML parser takes about 1 s per MB, so a large one is refused.
  if (yaml.length > MAX_FRONT_MATTER) throw new InputError(file, `front matter of ${Math.round(yaml.length / 1024)} KB (pages have a few lines; at most ${MAX_FRONT_MATTER / 1024} KB is read)`, 1);
  let data: unknown;
  try {
    checkYamlDepth(yaml, file); // the YAML parser recurses; alias bombs stop at its alias limit
    // As for snapshots: no quadratic duplicate-key check, no warnings on stderr, plain (cheap) errors.
    data = withoutStackTraces(() => yamlLib().parse(yaml, { uniqueKeys: false, logLevel: 'error', prettyErrors: false }));
  } catch (e) {
    throw new InputError(file, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, 2);
  }
  const title = data && typeof data === 'object' && 'title' in data ? (data as { title: unknown }).title : undefined;
  return { title: typeof title === 'string' ? title : undefined, end: close + 1 };
}

function stringList(value: unknown, what: string, file: string, line: number): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new InputError(file, `${what} must be a list of strings`, line);
  }
  return value as string[];
}

function jsonErrorLine(message: string, blockStart: number, json: string): number {
  const lc = /line (\d+)/.exec(message);
  if (lc) return blockStart + Number(lc[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return blockStart + 1 + (json.slice(0, Number(pos[1])).match(/\n/g)?.length ?? 0);
  return blockStart + 1;
}

function parseResourceBlock(json: string, action: Action, file: string, blockLine: number): void {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const msg = (e as Error).message;
    throw new InputError(file, `malformed JSON block of ${action.name}: ${msg.split('\n')[0]}`, jsonErrorLine(msg, blockLine, json));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(file, `JSON block of ${action.name} must be an object of resource types`, blockLine);
  }
  const resources: ActionResourceType[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, JsonResource>)) {
    if (!raw || typeof raw !== 'object') throw new InputError(file, `resource "${key}" of ${action.name} is not an object`, blockLine);
    const conditionKeys = stringList(raw.condition_keys ?? [], `condition_keys of "${key}" in ${action.name}`, file, blockLine);
    const dependentActions = stringList(raw.dependent_actions ?? [], `dependent_actions of "${key}" in ${action.name}`, file, blockLine);
    if (key === '') {
      // Not a resource: the keys and dependent actions of the action itself.
      action.conditionKeys = [...(action.conditionKeys ?? []), ...conditionKeys];
      action.dependentActions = [...(action.dependentActions ?? []), ...dependentActions];
      continue;
    }
    if (typeof raw.required !== 'boolean') throw new InputError(file, `"required" of resource "${key}" in ${action.name} must be true or false`, blockLine);
    resources.push({ name: key, required: raw.required, conditionKeys, dependentActions });
  }
  action.resourceTypes = resources;
}

function parsePolicySentry(text: string, { file }: ParseOptions): Catalog {
  const lines = splitLines(text);
  const fm = frontMatter(lines, file);
  let prefix: string | undefined;
  let name = fm.title;
  const actions: Action[] = [];
  let current: Action | undefined;
  let inPrivileges = false;

  const finish = () => {
    if (!current) return;
    if (current.accessLevel === undefined) throw new InputError(file, `action ${current.name} has no "- access level:" line (truncated file?)`, current.line);
    if (current.description === undefined) throw new InputError(file, `action ${current.name} has no "- description:" line (truncated file?)`, current.line);
    // Known-empty: a section without a JSON block takes no resources and has no keys.
    current.resourceTypes ??= [];
    current.conditionKeys ??= [];
    current.dependentActions ??= [];
    actions.push(current);
    current = undefined;
  };

  for (let i = fm.end; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    let m: RegExpExecArray | null;
    if ((m = /^# (.+)$/.exec(line)) && !name) name = m[1]!.trim();
    else if ((m = /^- prefix:\s*(\S+)\s*$/.exec(line))) prefix = m[1]!;
    else if (/^## /.test(line)) {
      finish();
      inPrivileges = /^## Privileges\b/i.test(line);
    } else if ((m = /^### (.+)$/.exec(line))) {
      finish();
      if (!inPrivileges && prefix === undefined) continue;
      const actionName = m[1]!.trim();
      if (!/^[A-Za-z0-9_-]+$/.test(actionName)) throw new InputError(file, `"${actionName}" is not an action name`, lineNo);
      current = { name: actionName, line: lineNo };
    } else if (current && (m = /^- description:\s?(.*)$/.exec(line))) current.description = m[1]!.trim();
    else if (current && line.startsWith(ACCESS_LEVEL)) {
      // Sliced, not matched: `\s*(.*)$` took quadratic time on a line of spaces with a CR in it.
      const value = line.slice(ACCESS_LEVEL.length);
      const level = parseAccessLevel(value);
      if (!level) throw new InputError(file, `unknown access level "${value.trim()}" for ${current.name}`, lineNo);
      current.accessLevel = level;
    } else if (current && /^```/.test(line)) {
      let close = -1;
      for (let j = i + 1; j < lines.length && close < 0; j++) if (/^```\s*$/.test(lines[j]!)) close = j;
      if (close < 0) throw new InputError(file, `code block of ${current.name} is never closed (truncated file?)`, lineNo);
      parseResourceBlock(lines.slice(i + 1, close).join('\n'), current, file, lineNo);
      i = close;
    }
  }
  finish();
  if (!prefix) throw new InputError(file, 'no "- prefix: <service>" line: cannot tell which service this is', 1);
  if (actions.length === 0) throw new InputError(file, 'no "### Action" sections found', lines.length);
  return normalizeCatalog({
    service: { prefix, name },
    source: { format: policySentryMd.id, file },
    carries: [...policySentryMd.carries],
    actions,
  });
}
