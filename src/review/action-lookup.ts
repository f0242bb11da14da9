import type { Action, Catalog } from '../model/catalog.js';

/** Both sides of an action, from the catalogs the diff was made from. */
export type ActionLookup = (service: string, action: string) => { before?: Action; after?: Action };

/** Each service's actions by lower-case name, built when the service is first looked up (a review opens few of 460). */
function index(catalogs: Catalog[]): (service: string) => Map<string, Action> | undefined {
  const catalogOf = new Map<string, Catalog>();
  for (const c of catalogs) catalogOf.set(c.service.prefix, c);
  const built = new Map<string, Map<string, Action>>();
  return (service) => {
    let actions = built.get(service);
    if (!actions) {
      const c = catalogOf.get(service);
      if (!c) return undefined;
      actions = new Map();
      for (const a of c.actions) actions.set(a.name.toLowerCase(), a);
      built.set(service, actions);
    }
    return actions;
  };
}

/** A lookup over two sets of catalogs; truncated names (`Foo…`) match their known prefix. */
export function catalogLookup(oldCatalogs: Catalog[], newCatalogs: Catalog[]): ActionLookup {
  const olds = index(oldCatalogs);
  const news = index(newCatalogs);
  const find = (actionsOf: (service: string) => Map<string, Action> | undefined, service: string, action: string) => {
    const actions = actionsOf(service);
    const name = action.toLowerCase();
    return actions?.get(name) ?? actions?.get(name.replace(/…$/, ''));
  };
  return (service, action) => ({ before: find(olds, service, action), after: find(news, service, action) });
}
