import type { Action, Catalog } from '../model/catalog.js';
import { compareNames } from '../model/identity.js';
import { matchActions } from '../diff/match-actions.js';
import { compileActionPattern, patternMatches, type ActionPattern } from './action-pattern.js';

/** `service:Action` with its access level where the catalog knows it. */
export interface GrantedAction {
  /** `ecr:DescribeImages`; a name the source cut ends in `…`. */
  action: string;
  accessLevel?: string;
  /** The source cut the name: the pattern grants whatever action it stands for. */
  truncated?: boolean;
}

/** What the pattern's action part (after the `:`) is, as written; a lone `*` is `*`. */
function actionGlob(pattern: ActionPattern): string {
  const t = pattern.text.trim();
  // Runs of `*` are one `*`: the continuation search below keeps one state per glob position.
  return t === '*' ? '*' : t.slice(t.indexOf(':') + 1).replace(/\*+/g, '*');
}

/** Glob positions reachable without consuming a character (`*` may match nothing). */
function closure(glob: string, states: Set<number>): Set<number> {
  for (const i of states) if (glob[i] === '*') states.add(i + 1); // a Set visits what is added while iterating
  return states;
}

/** Can the glob match some name that continues `cut` by one character or more? */
function globMatchesSomeContinuation(glob: string, cut: string): boolean {
  const g = glob.toLowerCase();
  let states = closure(g, new Set([0]));
  for (const ch of cut.toLowerCase()) {
    const next = new Set<number>();
    for (const i of states) {
      if (g[i] === '*') next.add(i);
      else if (i < g.length && (g[i] === '?' || g[i] === ch)) next.add(i + 1);
    }
    states = closure(g, next);
  }
  return [...states].some((i) => i < g.length); // a glob character is left for the rest of the name
}

/**
 * Whether a pattern matches the action a cut name (`BatchGetRepositoryScanningConfigur…`)
 * stands for: `every` name it could be (`ecr:BatchGet*`), `some` (`ecr:*Configuration`), or `none`.
 */
export function cutNameMatch(pattern: ActionPattern, prefix: string, cut: string): 'every' | 'some' | 'none' {
  if (!pattern.service.test(prefix)) return 'none';
  const glob = actionGlob(pattern);
  if (glob.endsWith('*') && pattern.action.test(cut)) return 'every';
  return globMatchesSomeContinuation(glob, cut) ? 'some' : 'none';
}

function granted(prefix: string, a: Action): GrantedAction {
  const g: GrantedAction = { action: `${prefix}:${a.name}${a.truncated ? '…' : ''}` };
  if (a.accessLevel) g.accessLevel = a.accessLevel;
  if (a.truncated) g.truncated = true;
  return g;
}

/**
 * Every action of the catalogs a pattern matches, by IAM's rules, sorted. A cut name is
 * included when the pattern matches every name it could stand for.
 */
export function expandPattern(pattern: string, catalogs: Catalog[]): GrantedAction[] {
  const p = compileActionPattern(pattern);
  const out: GrantedAction[] = [];
  for (const c of catalogs) {
    if (!p.service.test(c.service.prefix)) continue;
    for (const a of c.actions) {
      const matches = a.truncated ? cutNameMatch(p, c.service.prefix, a.name) === 'every' : patternMatches(p, c.service.prefix, a.name);
      if (matches) out.push(granted(c.service.prefix, a));
    }
  }
  return out.sort((a, b) => compareNames(a.action, b.action));
}

/**
 * Cut names the pattern matches some continuations of but not all (`ecr:*Configuration`
 * against `BatchGetRepositoryScanningConfigur…`): it may grant the action they stand for.
 */
export function uncertainGrants(pattern: string, catalogs: Catalog[]): GrantedAction[] {
  const p = compileActionPattern(pattern);
  const out = catalogs.flatMap((c) => c.actions.filter((a) => a.truncated && cutNameMatch(p, c.service.prefix, a.name) === 'some').map((a) => granted(c.service.prefix, a)));
  return out.sort((a, b) => compareNames(a.action, b.action));
}

/** Both versions with each cut name replaced by the full name it pairs with on the other side (as `diff` pairs them). */
export function resolveCutNames(older: Catalog[], newer: Catalog[]): [Catalog[], Catalog[]] {
  const fullName = new Map<Action, string>();
  const newerByPrefix = new Map(newer.map((c) => [c.service.prefix, c]));
  for (const o of older) {
    const n = newerByPrefix.get(o.service.prefix);
    if (!n) continue;
    for (const [a, b] of matchActions(o.actions, n.actions).pairs) {
      if (a.truncated && !b.truncated) fullName.set(a, b.name);
      if (b.truncated && !a.truncated) fullName.set(b, a.name);
    }
  }
  const resolve = (cs: Catalog[]) => cs.map((c) => ({ ...c, actions: c.actions.map((a) => (fullName.has(a) ? { ...a, name: fullName.get(a)!, truncated: false } : a)) }));
  return [resolve(older), resolve(newer)];
}

/** What a pattern grants in the newer version and not the older, and the reverse. */
export interface ExpansionDelta {
  added: GrantedAction[];
  removed: GrantedAction[];
  /** How many actions it grants in both. */
  kept: number;
  /** Cut names, in either version, it may or may not grant. */
  uncertain: GrantedAction[];
}

/** How what a pattern grants changes from the older version to the newer; cut names are first paired across versions. */
export function expansionDelta(pattern: string, older: Catalog[], newer: Catalog[]): ExpansionDelta {
  const [olderResolved, newerResolved] = resolveCutNames(older, newer);
  const before = expandPattern(pattern, olderResolved);
  const after = expandPattern(pattern, newerResolved);
  const had = new Set(before.map((g) => g.action.toLowerCase()));
  const has = new Set(after.map((g) => g.action.toLowerCase()));
  const uncertain = new Map([...uncertainGrants(pattern, olderResolved), ...uncertainGrants(pattern, newerResolved)].map((g) => [g.action.toLowerCase(), g]));
  return {
    added: after.filter((g) => !had.has(g.action.toLowerCase())),
    removed: before.filter((g) => !has.has(g.action.toLowerCase())),
    kept: after.filter((g) => had.has(g.action.toLowerCase())).length,
    uncertain: [...uncertain.values()].sort((a, b) => compareNames(a.action, b.action)),
  };
}
