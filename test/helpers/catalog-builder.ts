import { CATALOG_FIELDS, type Action, type Catalog } from '../../src/model/catalog.js';
import { normalizeCatalog } from '../../src/model/normalize.js';

/** A hand-written catalog carrying every field unless told otherwise. */
export function catalog(prefix: string, actions: Action[], extra: Partial<Catalog> = {}): Catalog {
  return normalizeCatalog({
    service: { prefix, name: `Service ${prefix}` },
    source: { format: 'hand-written', file: `${prefix}.yaml`, label: 'test' },
    carries: [...CATALOG_FIELDS],
    actions,
    resourceTypes: [],
    conditionKeys: [],
    ...extra,
  });
}

/** An action with every field known and empty unless given. */
export function action(name: string, fields: Partial<Action> = {}): Action {
  return { name, description: `Grants permission to ${name}`, accessLevel: 'Read', resourceTypes: [], conditionKeys: [], dependentActions: [], ...fields };
}
