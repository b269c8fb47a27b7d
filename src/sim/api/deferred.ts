import { DEFERRED_PARTS, type DeferredParts } from './deferredParts';

/**
 * The namespaces of api/deferredParts.ts as the engine finds them when it starts: loaded, with the module,
 * in Node (the tests, the runner, `sim serve`) and the dev server. The production build replaces this module
 * (vite.config.ts, deferredOperationsPlugin) with one whose LOADED is undefined and whose NAMES it computes
 * from the same tables, so the page knows every operation's name from the start (the scenario checks and
 * the "Known operations" list read them) and loads the handlers and tables on demand (sim.ts, loadOperations).
 */
export const LOADED: DeferredParts | undefined = DEFERRED_PARTS;

/** The operations of each namespace, by name, in its table's order. */
export const NAMES: Record<string, readonly string[]> = Object.fromEntries(Object.entries(DEFERRED_PARTS.operations).map(([ns, ops]) => [ns, Object.keys(ops)]));
