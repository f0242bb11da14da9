import { closeHint } from '../cli/close-names.js';
import type { Action } from '../model/catalog.js';
import { actionKey } from '../model/identity.js';
import type { Catalog } from '../model/catalog.js';

/** One step in the life of an action. */
export interface ActionEvent {
  version: string;
  event: 'absent' | 'appeared' | 'access-level-changed' | 'removed' | 'reappeared' | 'unchanged' | 'not-listed';
  accessLevel?: string;
  before?: string;
  detail?: string;
}

/** What one version says of the action asked for: all a history needs of it, so versions can be let go. */
export interface ActionSighting {
  version: string;
  action?: Pick<Action, 'name' | 'accessLevel' | 'truncated'>;
  knowsActions: boolean;
  hasService: boolean;
  /** For "close:" hints: the version's service prefixes, and the service's action names. */
  prefixes: string[];
  actionNames: string[];
}

/** `[prefix, name]` of `prefix:Name` (prefix lower-cased). */
function splitQualified(qualified: string): [string, string] {
  const colon = qualified.indexOf(':');
  return colon < 0 ? ['', qualified] : [qualified.slice(0, colon).toLowerCase(), qualified.slice(colon + 1)];
}

/** What a version's catalogs say of `prefix:Name`. */
export function sightAction(version: string, catalogs: Catalog[], qualified: string): ActionSighting {
  const [prefix, name] = splitQualified(qualified);
  const prefixes = catalogs.map((c) => c.service.prefix);
  const c = catalogs.find((x) => x.service.prefix === prefix);
  if (!c) return { version, knowsActions: false, hasService: false, prefixes, actionNames: [] };
  const key = actionKey(name);
  const found = c.actions.find((a) => actionKey(a.name) === key || (a.truncated && key.startsWith(actionKey(a.name))));
  const action = found && { name: found.name, accessLevel: found.accessLevel, truncated: found.truncated };
  return { version, action, knowsActions: c.carries.includes('actions'), hasService: true, prefixes, actionNames: c.actions.map((a) => a.name) };
}

/** The history of one action across versions: when it appeared, each access-level change, when it went. */
export function actionHistory(sightings: ActionSighting[]): ActionEvent[] {
  const events: ActionEvent[] = [];
  let seen = false;
  let present = false;
  let level: string | undefined;
  for (const found of sightings) {
    const v = { name: found.version };
    if (!found.action) {
      if (!found.knowsActions) {
        events.push({ version: v.name, event: 'not-listed', detail: found.hasService ? 'this source does not list every action' : 'service not in this version' });
        continue;
      }
      if (present) events.push({ version: v.name, event: 'removed', before: level });
      else if (!seen) events.push({ version: v.name, event: 'absent' });
      present = false;
      continue;
    }
    const now = found.action.accessLevel;
    if (!present) {
      events.push({ version: v.name, event: seen ? 'reappeared' : 'appeared', accessLevel: now });
      seen = present = true;
      if (now) level = now;
      continue;
    }
    if (now && level && now !== level) {
      events.push({ version: v.name, event: 'access-level-changed', before: level, accessLevel: now });
      level = now;
    } else {
      events.push({ version: v.name, event: 'unchanged', accessLevel: now, detail: now ? undefined : 'access level not carried by this source' });
      if (now) level = now;
    }
  }
  return events;
}

/** `prefix:Name` as the newest version that has the action spells it (the input if none does). */
export function canonicalActionName(sightings: ActionSighting[], qualified: string): string {
  const [prefix] = splitQualified(qualified);
  for (const s of [...sightings].reverse()) if (s.action && !s.action.truncated) return `${prefix}:${s.action.name}`;
  return qualified;
}

/**
 * A usage error when no version has `prefix:Name`, naming close services or actions;
 * nothing when some version has it.
 */
export function actionNotFound(sightings: ActionSighting[], qualified: string): string | undefined {
  if (qualified.indexOf(':') <= 0) return `--action ${qualified}: give it as service:Action`;
  const [prefix, name] = splitQualified(qualified);
  if (sightings.some((s) => s.action)) return undefined;
  if (!sightings.some((s) => s.hasService)) return `--action ${qualified}: no version has service ${prefix}${closeHint(prefix, sightings.flatMap((s) => s.prefixes))}`;
  if (!sightings.some((s) => s.knowsActions)) return undefined; // no version can tell: the history says "unknown"
  return `--action ${qualified}: no version has this action${closeHint(name, sightings.flatMap((s) => s.actionNames), (n) => `${prefix}:${n}`)}`;
}
