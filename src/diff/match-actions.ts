import type { Action } from '../model/catalog.js';
import { actionKey } from '../model/identity.js';

export interface ActionMatch {
  /** Actions on both sides, paired. */
  pairs: [Action, Action][];
  added: Action[];
  removed: Action[];
  /** Truncated names that match no action, or several, on the other side. */
  unresolved: { action: Action; side: 'old' | 'new'; candidates: string[] }[];
}

/**
 * Pair actions by case-insensitive name. A truncated name (`BatchGetRepositoryScanningConfigur…`)
 * pairs with the one unpaired action on the other side that it is a prefix of.
 */
export function matchActions(oldActions: Action[], newActions: Action[]): ActionMatch {
  return mergeSorted(oldActions, newActions) ?? matchAny(oldActions, newActions);
}

/**
 * The common case (two catalogs in their normal form: sorted by name, no cut names, no name
 * twice): one merge of the two lists, the same answer as matchAny without its maps and sets.
 * Undefined for anything else.
 */
function mergeSorted(oldActions: Action[], newActions: Action[]): ActionMatch | undefined {
  const result: ActionMatch = { pairs: [], added: [], removed: [], unresolved: [] };
  let i = 0;
  let j = 0;
  let lastOld = '';
  let lastNew = '';
  while (i < oldActions.length || j < newActions.length) {
    const o = i < oldActions.length ? oldActions[i] : undefined; // (no read past the end: it deoptimizes)
    const n = j < newActions.length ? newActions[j] : undefined;
    if (o?.truncated || n?.truncated) return undefined;
    const ko = o && actionKey(o.name);
    const kn = n && actionKey(n.name);
    if ((ko !== undefined && i > 0 && !(lastOld < ko)) || (kn !== undefined && j > 0 && !(lastNew < kn))) return undefined;
    if (ko !== undefined && ko === kn) {
      result.pairs.push([o!, n!]);
      lastOld = ko;
      lastNew = kn;
      i++;
      j++;
    } else if (kn === undefined || (ko !== undefined && ko < kn)) {
      result.removed.push(o!);
      lastOld = ko!;
      i++;
    } else {
      result.added.push(n!);
      lastNew = kn;
      j++;
    }
  }
  return result;
}

/** Pairing by maps, for any lists (cut names, any order, repeated names). */
export function matchAny(oldActions: Action[], newActions: Action[]): ActionMatch {
  const result: ActionMatch = { pairs: [], added: [], removed: [], unresolved: [] };
  const newByKey = new Map(newActions.filter((a) => !a.truncated).map((a) => [actionKey(a.name), a]));
  const pairedNew = new Set<Action>();
  const pairedOld = new Set<Action>();

  for (const o of oldActions) {
    if (o.truncated) continue;
    const n = newByKey.get(actionKey(o.name));
    if (n) {
      result.pairs.push([o, n]);
      pairedOld.add(o);
      pairedNew.add(n);
    }
  }

  const resolveTruncated = (t: Action, others: Action[], paired: Set<Action>, side: 'old' | 'new') => {
    const prefix = actionKey(t.name);
    const candidates = others.filter((a) => !a.truncated && actionKey(a.name).startsWith(prefix));
    const free = candidates.filter((a) => !paired.has(a));
    if (free.length === 1) {
      paired.add(free[0]!);
      return free[0]!;
    }
    result.unresolved.push({ action: t, side, candidates: candidates.map((a) => a.name) });
    return undefined;
  };

  // The same cut name on both sides (two versions of one box table) is the same action.
  const newCut = new Map(newActions.filter((a) => a.truncated).map((a) => [actionKey(a.name), a]));
  for (const o of oldActions) {
    const n = o.truncated ? newCut.get(actionKey(o.name)) : undefined;
    if (!n || pairedNew.has(n)) continue;
    result.pairs.push([o, n]);
    pairedOld.add(o);
    pairedNew.add(n);
  }

  for (const o of oldActions) {
    if (!o.truncated || pairedOld.has(o)) continue;
    pairedOld.add(o);
    const n = resolveTruncated(o, newActions, pairedNew, 'old');
    if (n) result.pairs.push([o, n]);
  }
  for (const n of newActions) {
    if (!n.truncated || pairedNew.has(n)) continue;
    pairedNew.add(n);
    const o = resolveTruncated(n, oldActions, pairedOld, 'new');
    if (o) result.pairs.push([o, n]);
  }

  result.removed = oldActions.filter((a) => !pairedOld.has(a));
  result.added = newActions.filter((a) => !pairedNew.has(a));
  return result;
}
