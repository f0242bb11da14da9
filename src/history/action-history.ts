import { closeHint } from '../cli/close-names.js';
import type { Action } from '../model/catalog.js';
import { actionKey } from '../model/identity.js';
import type { CatalogVersion } from './versions.js';

/** One step in the life of an action. */
export interface ActionEvent {
  version: string;
  event: 'absent' | 'appeared' | 'access-level-changed' | 'removed' | 'reappeared' | 'unchanged' | 'not-listed';
  accessLevel?: string;
  before?: string;
  detail?: string;
}

function findAction(version: CatalogVersion, prefix: string, name: string): { action?: Action; knowsActions: boolean; hasService: boolean } {
  const c = version.catalogs.find((x) => x.service.prefix === prefix);
  if (!c) return { knowsActions: false, hasService: false };
  const key = actionKey(name);
  const action = c.actions.find((a) => actionKey(a.name) === key || (a.truncated && key.startsWith(actionKey(a.name))));
  return { action, knowsActions: c.carries.includes('actions'), hasService: true };
}

/** The history of one action across versions: when it appeared, each access-level change, when it went. */
export function actionHistory(versions: CatalogVersion[], qualified: string): ActionEvent[] {
  const [prefix, name] = qualified.includes(':') ? [qualified.slice(0, qualified.indexOf(':')), qualified.slice(qualified.indexOf(':') + 1)] : ['', qualified];
  const events: ActionEvent[] = [];
  let seen = false;
  let present = false;
  let level: string | undefined;
  for (const v of versions) {
    const found = findAction(v, prefix.toLowerCase(), name);
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
export function canonicalActionName(versions: CatalogVersion[], qualified: string): string {
  const colon = qualified.indexOf(':');
  const prefix = qualified.slice(0, Math.max(colon, 0)).toLowerCase();
  for (const v of [...versions].reverse()) {
    const { action } = findAction(v, prefix, qualified.slice(colon + 1));
    if (action && !action.truncated) return `${prefix}:${action.name}`;
  }
  return qualified;
}

/**
 * A usage error when no version has `prefix:Name`, naming close services or actions;
 * nothing when some version has it.
 */
export function actionNotFound(versions: CatalogVersion[], qualified: string): string | undefined {
  const colon = qualified.indexOf(':');
  if (colon <= 0) return `--action ${qualified}: give it as service:Action`;
  const prefix = qualified.slice(0, colon).toLowerCase();
  const name = qualified.slice(colon + 1);
  if (versions.some((v) => findAction(v, prefix, name).action)) return undefined;
  const catalogs = versions.flatMap((v) => v.catalogs);
  const ofService = catalogs.filter((c) => c.service.prefix === prefix);
  if (ofService.length === 0) return `--action ${qualified}: no version has service ${prefix}${closeHint(prefix, catalogs.map((c) => c.service.prefix))}`;
  if (!ofService.some((c) => c.carries.includes('actions'))) return undefined; // no version can tell: the history says "unknown"
  return `--action ${qualified}: no version has this action${closeHint(name, ofService.flatMap((c) => c.actions.map((a) => a.name)), (n) => `${prefix}:${n}`)}`;
}
