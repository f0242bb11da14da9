import type { Catalog } from '../model/catalog.js';

/** Formats whose resource entries state no required flag: their snapshots never carried it. */
const WITHOUT_REQUIRED_FLAG = new Set(['service-reference-json']);

/**
 * Snapshots written before `resourceRequired` was a field of its own carried the flag
 * under `resourceTypes`: such a snapshot, whose resource entries all state it, carries it.
 */
export function upgradeLegacyCarries(c: Catalog): Catalog {
  if (!c.carries.includes('resourceTypes') || c.carries.includes('resourceRequired') || WITHOUT_REQUIRED_FLAG.has(c.source.format)) return c;
  if (c.actions.some((a) => a.resourceTypes?.some((r) => r.required === undefined))) return c;
  return { ...c, carries: [...c.carries, 'resourceRequired' as const].sort() };
}
