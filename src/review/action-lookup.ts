import type { Action, Catalog } from '../model/catalog.js';

/** Both sides of an action, from the catalogs the diff was made from. */
export type ActionLookup = (service: string, action: string) => { before?: Action; after?: Action };

function index(catalogs: Catalog[]): Map<string, Map<string, Action>> {
  const byService = new Map<string, Map<string, Action>>();
  for (const c of catalogs) {
    const actions = new Map<string, Action>();
    for (const a of c.actions) actions.set(a.name.toLowerCase(), a);
    byService.set(c.service.prefix, actions);
  }
  return byService;
}

/** A lookup over two sets of catalogs; truncated names (`Foo…`) match their known prefix. */
export function catalogLookup(oldCatalogs: Catalog[], newCatalogs: Catalog[]): ActionLookup {
  const olds = index(oldCatalogs);
  const news = index(newCatalogs);
  const find = (m: Map<string, Map<string, Action>>, service: string, action: string) => {
    const actions = m.get(service);
    const name = action.toLowerCase();
    return actions?.get(name) ?? actions?.get(name.replace(/…$/, ''));
  };
  return (service, action) => ({ before: find(olds, service, action), after: find(news, service, action) });
}
